package figures

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// zhScales are the Chinese scale words, longest first (万亿 before 万).
var zhScales = []struct {
	word string
	exp  int
}{{"万亿", 12}, {"万", 4}, {"亿", 8}}

// enScales are the English scale words and their powers of ten.
var enScales = map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12}

// enPercentWords are read like a % sign.
var enPercentWords = []string{"percent", "per cent"}

const example = "write digits like 7.9亿元 or 790 million yuan"

// Parse reads a figure written in Chinese or English notation (see the
// package doc for the forms it accepts). unit, when non-empty, names the
// unit key explicitly, for figures whose unit word is not registered or is
// missing (Parse("4112起", "case", units)); it must exist and overrides any
// unit found in the text. A nil units means DefaultUnits.
//
// Errors quote the input and say how to fix it; the caller adds the
// position in the file.
func Parse(s, unit string, units *Units) (Figure, error) {
	units = orBuiltin(units)
	if !utf8.ValidString(s) {
		return Figure{}, fmt.Errorf("%s: not valid UTF-8; save the file as UTF-8", quote(s))
	}
	if unit != "" && !units.Has(unit) {
		return Figure{}, unknownUnitError(unit)
	}
	p := parser{rest: normalize(s), units: units}
	f, err := p.figure(unit)
	if err != nil {
		return Figure{}, fmt.Errorf("%s: %w", quote(s), err)
	}
	return f, nil
}

// quote quotes an input for an error message, shortened if it is long.
func quote(s string) string {
	const max = 80
	if len(s) > max {
		cut := max
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		return fmt.Sprintf("%q…", s[:cut])
	}
	return fmt.Sprintf("%q", s)
}

// normalize folds full-width ASCII (４１１２, ％) and the minus sign U+2212
// to ASCII, and collapses every run of white space to one space. Most
// figures need neither and are returned as they are, without the
// allocations of rebuilding them.
func normalize(s string) string {
	if isNormal(s) {
		return s
	}
	return strings.Join(strings.Fields(strings.Map(fold, s)), " ")
}

// fold maps full-width ASCII and U+2212 to ASCII, and leaves other runes.
func fold(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0
	case r == '\u2212':
		return '-'
	}
	return r
}

// isNormal reports whether normalize would return s unchanged: valid
// UTF-8 with nothing to fold, and white space only as single ASCII spaces
// between other runes.
func isNormal(s string) bool {
	prevSpace := true // a space at the start would be dropped
	for _, r := range s {
		space := unicode.IsSpace(r)
		if r == utf8.RuneError || fold(r) != r || space && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return s == "" || !prevSpace
}

// parser reads one figure from rest, left to right.
type parser struct {
	rest    string // unread input
	units   *Units
	f       Figure
	intPart string // digits before the point, without grouping
	frac    string // digits after the point
	exp     int    // power of ten of the scale word, if any
	scale   string // the scale word as written
}

func (p *parser) figure(explicit string) (Figure, error) {
	if p.rest == "" {
		return Figure{}, errors.New("empty figure; " + example)
	}
	p.prefixQualifier()
	neg := p.rest != "" && p.rest[0] == '-'
	if p.rest != "" && (p.rest[0] == '-' || p.rest[0] == '+') {
		p.rest = p.rest[1:]
	}
	if err := p.number(); err != nil {
		return Figure{}, err
	}
	if err := p.suffixes(); err != nil {
		return Figure{}, err
	}
	v, err := digitsToDecimal(p.intPart, p.frac, p.exp)
	if err != nil {
		return Figure{}, err
	}
	if neg {
		v = v.Neg()
	}
	p.f.Value = v
	if p.f.Percent && explicit != "" {
		return Figure{}, fmt.Errorf("a percentage takes no unit, but unit %q was given", explicit)
	}
	return p.f, p.unit(explicit)
}

// prefixQualifier reads a qualifier written before the number.
func (p *parser) prefixQualifier() {
	if p.rest != "" && isDigit(p.rest[0]) {
		return // most figures have none, and every qualifier starts with a letter
	}
	for _, q := range zhPrefixQuals {
		if strings.HasPrefix(p.rest, q.word) {
			p.setQual(q.q, q.word, len(q.word))
			return
		}
	}
	for q := MoreThan; q <= Over; q++ {
		for _, w := range enNotation.quals[q] {
			if n := len(w); len(p.rest) > n && strings.EqualFold(p.rest[:n], w) && strings.ContainsRune(" +-0123456789", rune(p.rest[n])) {
				p.setQual(q, w, n)
				return
			}
		}
	}
}

func (p *parser) setQual(q Qualifier, word string, n int) {
	p.f.Qualifier, p.f.QualWord = q, word
	p.rest = strings.TrimLeft(p.rest[n:], " ")
}

// number reads digits, with optional comma grouping in threes and an
// optional fraction, into p.intPart and p.frac.
func (p *parser) number() error {
	s := p.rest
	i := 0
	for i < len(s) && (isDigit(s[i]) || i > 0 && s[i] == ',' && i+1 < len(s) && isDigit(s[i+1])) {
		i++
	}
	if i == 0 {
		return p.notAFigure()
	}
	intPart, err := ungroup(s[:i])
	if err != nil {
		return err
	}
	p.intPart = intPart
	if i < len(s) && s[i] == '.' {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j == i+1 {
			return fmt.Errorf("a decimal point needs digits after it; write %s or %s.0", p.intPart, p.intPart)
		}
		p.frac, i = s[i+1:j], j
	}
	p.rest = s[i:]
	return nil
}

// ungroup drops the commas of digits grouped in threes (48,000) and
// reports any other grouping. Most figures have no commas, and cost only
// the search for one.
func ungroup(s string) (string, error) {
	if !strings.Contains(s, ",") {
		return s, nil
	}
	for j, g := range strings.Split(s, ",") {
		if len(g) != 3 && (j > 0 || len(g) > 3) {
			return "", fmt.Errorf("bad digit grouping %q; group digits in threes (1,234,567) or drop the commas", s)
		}
	}
	return strings.ReplaceAll(s, ",", ""), nil
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isASCIILetter(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }

// notAFigure explains input that has no number where one should be.
func (p *parser) notAFigure() error {
	if i := strings.IndexAny(p.rest, "0123456789"); i > 0 && p.f.Qualifier == None {
		if w := strings.TrimSpace(p.rest[:i]); isWord(w) {
			return fmt.Errorf("unknown qualifier %q; write more than, nearly, about or over (余 or 多, 近, 约, 超 in Chinese)", w)
		}
	}
	return errors.New("not a figure; " + example)
}

// suffixes reads what may follow the number, in any order: a 余/多
// qualifier, one scale word, and a percent sign.
func (p *parser) suffixes() error {
	for !p.f.Percent {
		p.rest = strings.TrimLeft(p.rest, " ")
		if w, ok := hasPrefix(p.rest, zhSuffixQuals); ok {
			if p.f.Qualifier != None {
				return fmt.Errorf("two qualifiers (%s, %s); keep one", p.f.QualWord, w)
			}
			p.f.Qualifier, p.f.QualWord = MoreThan, w
			p.rest = p.rest[len(w):]
			continue
		}
		if w, exp, ok := leadingScale(p.rest); ok {
			if err := p.setScale(w, exp); err != nil {
				return err
			}
			continue
		}
		w, ok := hasPrefix(p.rest, []string{"%"})
		if !ok {
			w, ok = hasWordFold(p.rest, enPercentWords)
		}
		if !ok {
			return nil
		}
		if p.exp != 0 {
			return fmt.Errorf("a percentage takes no scale word; write %s%%", p.mantissa().shift(p.exp))
		}
		p.f.Percent, p.rest = true, p.rest[len(w):]
	}
	return nil
}

// leadingScale recognizes a Chinese or English scale word at the start of
// s. Units.Add uses it too, to refuse unit words that start with one.
func leadingScale(s string) (string, int, bool) {
	for _, z := range zhScales {
		if strings.HasPrefix(s, z.word) {
			return z.word, z.exp, true
		}
	}
	// English scale words are ASCII, and strings.ToLower maps rune by rune,
	// so a word whose first rune does not lower-case to an ASCII letter
	// (元, 件, %) is none; checking that first spares scanning the word.
	if r, _ := utf8.DecodeRuneInString(s); !isASCIILetter(unicode.ToLower(r)) {
		return "", 0, false
	}
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	if exp, ok := enScales[strings.ToLower(s[:end])]; ok {
		return s[:end], exp, true
	}
	return "", 0, false
}

func (p *parser) setScale(w string, exp int) error {
	if p.exp != 0 {
		both := p.scale + w
		if !isZhScaleWord(p.scale) || !isZhScaleWord(w) {
			both = p.scale + " " + w
		}
		return fmt.Errorf("two scale words (%s); %s", both, twoScalesHint(p.mantissa(), p.exp, exp))
	}
	p.scale, p.exp, p.rest = w, exp, p.rest[len(w):]
	return nil
}

func isZhScaleWord(w string) bool { return w == "万" || w == "亿" || w == "万亿" }

// mantissa is the number as written, before its scale word; it is within
// the limits because number() read it and the hints only need its digits.
func (p *parser) mantissa() Decimal {
	d, _ := digitsToDecimal(p.intPart, p.frac, 0)
	return d
}

// twoScalesHint suggests one scale word for m×10^a×10^b: its own writing
// when that is in range, else the likely intent 万亿 (7.9亿亿 → 7.9万亿).
func twoScalesHint(m Decimal, a, b int) string {
	if v := m.shift(a + b); v.inRange() == nil {
		return "write " + FormatNumber(v, "zh") + " or " + FormatNumber(v, "en")
	}
	if v := m.shift(12); v.inRange() == nil {
		return fmt.Sprintf("write %s万亿 or %s亿", m, m.shift(4))
	}
	return "use one scale word: 万, 亿 or 万亿; thousand, million, billion or trillion"
}

// unit reads the unit word that ends the figure, if any.
func (p *parser) unit(explicit string) error {
	// After normalize the only white space is single ASCII spaces between
	// words, so this is all strings.TrimSpace would do, without its
	// Unicode tables, which cost an eighth of Parse's instructions.
	w := strings.TrimLeft(p.rest, " ")
	p.f.Unit = explicit
	if w == "" {
		return nil
	}
	if p.f.Percent {
		return fmt.Errorf("a percentage takes no unit; remove %q", w)
	}
	key, ok := p.units.lookup(w)
	switch {
	case ok:
		if explicit == "" {
			p.f.Unit = key
		}
	case !isWord(w):
		return fmt.Errorf("unexpected %q after the number; a figure is [qualifier] number [scale word] [unit], like 约7.9亿元 or about 790 million yuan", w)
	case explicit == "":
		return fmt.Errorf("unknown unit %q; define it in site.toml as [units.NAME] zh = \"…\" en = [\"…\", \"…\"], or give the unit explicitly", w)
	}
	p.f.Word = w
	return nil
}

// isWord reports whether s looks like a unit word: letters (Latin, Han...),
// with inner spaces, hyphens and apostrophes.
func isWord(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsLetter(r) {
		return false
	}
	return !strings.ContainsFunc(s, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsMark(r) && !strings.ContainsRune(" -'’", r)
	})
}

func hasPrefix(s string, words []string) (string, bool) {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return w, true
		}
	}
	return "", false
}

// hasWordFold matches one of words at the start of s, ignoring case, as a
// whole word.
func hasWordFold(s string, words []string) (string, bool) {
	for _, w := range words {
		n := len(w)
		if len(s) >= n && strings.EqualFold(s[:n], w) && (len(s) == n || !isLetterAt(s, n)) {
			return s[:n], true
		}
	}
	return "", false
}

func isLetterAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsLetter(r)
}

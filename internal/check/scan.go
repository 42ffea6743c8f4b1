package check

import (
	"iter"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// found is a figure read from prose: where it stands in the text and what it is worth.
type found struct {
	start, end int // byte offsets in the text
	raw        string
	fig        figures.Figure
	soft       bool    // written in words
	points     bool    // percentage points (个百分点, "percentage points"), not a percent
	multiple   bool    // a multiple (5倍, "70 times"), not a count
	vague      *span   // an order of magnitude (上亿, "tens of millions"), not a value
	ratio      bool    // a fraction (三分之一, "a third"), its value the quotient
	proportion bool    // a ratio n:m (比例为1:3), its value n/m
	measure    measure // the measure word after the figure (斤, hectares), if any
}

// scanner reads the figures out of prose in one language. It is deliberately
// conservative: what could be a year, a date, a time, an ordinal or part of a name
// ("G20", "5G") is not a figure, so that a faithful translation reports nothing.
//
// It reads the text once, left to right, and every rule looks at a few characters
// around a number, never at the whole text, so its time grows with the text's length
// alone, however many numbers a line holds.
type scanner struct {
	units    *figures.Units
	cjk      bool
	measures *measureWords // nil: the built-in ones
}

var zhPrefixes = []string{"超过", "将近", "大约", "约", "近", "超", "逾"}

var enPrefixes = []string{"more than ", "approximately ", "nearly ", "almost ", "around ", "about ", "over "}

var zhScales = []string{"万亿", "亿", "万"}

var enScales = []string{" thousand", " million", " billion", " trillion"}

// scan yields the figures in text, in order.
func (sc scanner) scan(text string) iter.Seq[found] {
	return func(yield func(found) bool) {
		for i := 0; i < len(text); {
			f, ok, next := sc.at(text, i)
			if ok {
				f.measure = sc.measureAt(text[f.end:])
			}
			if ok && !yield(f) {
				return
			}
			i = next
		}
	}
}

// at reads the figure at i, if there is one, and returns where scanning goes on.
func (sc scanner) at(text string, i int) (found, bool, int) {
	r, size := utf8.DecodeRuneInString(text[i:])
	if isDigit(r) {
		tok := readNumber(text, i)
		if f, ok := sc.digitRatio(text, tok); ok {
			return f, true, f.end
		}
		if f, ok := sc.digitFraction(text, tok); ok {
			return f, true, f.end
		}
		if sc.cjk && mixedAhead(text, tok) {
			if f, ok := sc.mixed(text, tok); ok {
				return f, true, f.end
			}
		}
		if f, ok := sc.number(text, tok); ok {
			return f, true, f.end
		}
		return found{}, false, tok.next
	}
	if f, ok := sc.vagueAt(text, i); ok {
		return f, true, f.end
	}
	if f, ok := enFraction(text, i); ok && !sc.cjk {
		return f, true, f.end
	}
	if f, ok := sc.multipleWord(text, i); ok {
		return f, true, f.end
	}
	if f, ok := sc.numeral(text, i); ok {
		if n := sc.multipleSuffix(text, f.start, f.end); n > 0 {
			f.end, f.multiple = f.end+n, true
			f.raw = text[f.start:f.end]
		}
		return f, true, f.end
	}
	return found{}, false, i + size
}

// number reads the figure whose digits are tok, in four steps: rule out numbers that
// are not figures by what touches them (dates, names, versions); take a qualifier
// before the digits; read what follows them, a word that makes it a kind of figure of
// its own (tagged) or a scale, unit or percent sign (plain), which rules out what is
// still not a figure once the whole is known (a bare year, a phone number); and parse.
func (sc scanner) number(text string, tok numTok) (found, bool) {
	if f, ok := sc.age(text, tok); ok {
		return f, true
	}
	if tok.dotted || sc.notFigureByContext(text, tok) {
		return found{}, false
	}
	if f, ok := sc.multiple(text, tok); ok {
		return f, true
	}
	start := sc.prefix(text, tok.start)
	if f, ok, tagged := sc.tagged(text, start, tok); tagged {
		return f, ok
	}
	return sc.plain(text, start, tok)
}

// tagged reads a figure from start whose digits are followed by a word the plain
// reading would not take: percentage points (0.1个百分点, "0.1 points"), a scale
// glued to the digits ("5billion"), "-percent". tagged is false when no such word
// follows.
func (sc scanner) tagged(text string, start int, tok numTok) (f found, ok, tagged bool) {
	if n := sc.pointsWord(text[tok.end:]); n > 0 {
		f, ok := sc.parse(text, start, tok.end, tok.end)
		f.end, f.raw, f.points = tok.end+n, strings.TrimSpace(text[start:tok.end+n]), true
		return f, ok, true
	}
	if sc.cjk {
		return found{}, false, false
	}
	if w := gluedScale(text[tok.end:]); w != "" {
		fig, err := figures.Parse(text[start:tok.end]+" "+w, "", sc.units)
		end := tok.end + len(w)
		return found{start: start, end: end, raw: text[start:end], fig: fig}, err == nil, true
	}
	if hasPrefixFold(text[tok.end:], "-percent") {
		f, ok := sc.parse(text, start, tok.end, tok.end)
		f.end, f.fig.Percent = tok.end+len("-percent"), true
		f.raw = text[start:f.end]
		return f, ok, true
	}
	return found{}, false, false
}

// plain reads a figure from start over what may follow its digits (a scale, a unit, a
// percent sign), unless the digits stand bare where a bare number is not a figure.
func (sc scanner) plain(text string, start int, tok numTok) (found, bool) {
	end := sc.suffix(text, tok.end)
	if start == tok.start && end == tok.end && sc.notFigureWhenBare(text, tok) {
		return found{}, false
	}
	f, ok := sc.parse(text, start, tok.end, end)
	if ok {
		f = sc.renminbi(text, f)
	}
	return f, ok
}

// renminbi extends a Chinese figure without a unit over a 人民币 after it, as yuan:
// takeUnit leaves it, since its first character alone is "people".
func (sc scanner) renminbi(text string, f found) found {
	if !sc.cjk || f.fig.Unit != "" || !strings.HasPrefix(text[f.end:], "人民币") || !sc.units.Has("yuan") {
		return f
	}
	f.fig.Unit, f.fig.Word = "yuan", "元"
	f.end += len("人民币")
	f.raw = strings.TrimSpace(text[f.start:f.end])
	return f
}

// age reads an age (35岁, 超过60岁) as a number in words: the English often gives the
// bare number ("from 35 in 1949 to 77"), so it matches one when it can, but it is not
// reported alone, since "aged 60 and over" may not repeat it.
func (sc scanner) age(text string, tok numTok) (found, bool) {
	if !sc.cjk || tok.dotted || !strings.HasPrefix(text[tok.end:], "岁") {
		return found{}, false
	}
	start := sc.prefix(text, tok.start)
	f, ok := sc.parse(text, start, tok.end, tok.end)
	f.end, f.soft = tok.end+len("岁"), true
	f.raw = text[start:f.end]
	return f, ok
}

// zhPoints and enPoints say that a number is a difference of percentages, not a
// percentage: 0.1个百分点 is "0.1 percentage points", never "0.1 percent".
var (
	zhPoints = []string{"个百分点", "百分点"}
	enPoints = []string{" percentage points", " percentage point", " points", " point", " pct pts", " pp"}
)

// pointsWord returns the length of the percentage-points word that starts rest, or 0.
func (sc scanner) pointsWord(rest string) int {
	if sc.cjk {
		for _, w := range zhPoints {
			if strings.HasPrefix(rest, w) {
				return len(w)
			}
		}
		return 0
	}
	for _, w := range enPoints {
		if hasPrefixFold(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)])) {
			return len(w)
		}
	}
	return 0
}

// prefix returns where the figure starts: before a qualifier ("约", "more than ")
// written right before its digits at i.
func (sc scanner) prefix(text string, i int) int {
	if sc.cjk {
		for _, p := range zhPrefixes {
			if strings.HasSuffix(text[:i], p) {
				if strings.HasSuffix(text[:i-len(p)], "不") {
					return i // 不超过: at most, which no qualifier says
				}
				return i - len(p)
			}
		}
		return i
	}
	for _, p := range enPrefixes {
		if hasSuffixFold(text[:i], p) && (i == len(p) || !isWordByte(text[i-len(p)-1])) {
			return i - len(p)
		}
	}
	return i
}

// suffix extends a figure over what may follow its digits: 余/多, a scale word, a unit,
// a percent sign.
func (sc scanner) suffix(text string, end int) int {
	take := func(words []string, fold bool) bool {
		for _, w := range words {
			if fold && hasPrefixFold(text[end:], w) || !fold && strings.HasPrefix(text[end:], w) {
				end += len(w)
				return true
			}
		}
		return false
	}
	if take([]string{"%", "％", " percent", " per cent"}, true) {
		return end
	}
	if sc.cjk {
		take([]string{"余", "多"}, false)
		take(zhScales, false)
		take([]string{"余", "多"}, false)
	} else {
		take(enScales, true)
	}
	return sc.takeUnit(text, end)
}

// takeUnit extends end over a unit word the units know ("元", "cases").
func (sc scanner) takeUnit(text string, end int) int {
	rest := text[end:]
	if sc.cjk {
		if strings.HasPrefix(rest, "人民币") {
			return end // yuan, not people: number adds the unit
		}
		r, size := utf8.DecodeRuneInString(rest)
		if r != utf8.RuneError && sc.units.Lookup(string(r)) != "" {
			return end + size
		}
		return end
	}
	word := strings.TrimLeft(rest, " ")
	if len(word) == len(rest) {
		return end
	}
	n := 0
	for n < len(word) && isLatinByte(word[n]) {
		n++
	}
	if n > 0 && sc.units.Lookup(strings.ToLower(word[:n])) != "" {
		return end + len(rest) - len(word) + n
	}
	return end
}

// parse reads text[start:end] as a figure, dropping trailing words the figure parser
// does not take ("4112 cases of" is "4112 cases"), down to the end of the digits,
// digitsEnd: cutting into the digits would make a number that is not the one written,
// and would cost time in the square of a long number's length.
func (sc scanner) parse(text string, start, digitsEnd, end int) (found, bool) {
	for cut := end; cut >= digitsEnd && cut > start; {
		raw := strings.TrimSpace(text[start:cut])
		if f, err := figures.Parse(raw, "", sc.units); err == nil {
			return found{start: start, end: cut, raw: raw, fig: f}, true
		}
		_, size := utf8.DecodeLastRuneInString(text[:cut])
		cut -= size
		for cut > digitsEnd && text[cut-1] == ' ' {
			cut--
		}
	}
	return found{}, false
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case, without lowering s.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

// hasSuffixFold is strings.HasSuffix ignoring ASCII case, without lowering s.
func hasSuffixFold(s, suffix string) bool {
	return len(s) >= len(suffix) && strings.EqualFold(s[len(s)-len(suffix):], suffix)
}

func isLatinByte(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

func isWordByte(b byte) bool { return isLatinByte(b) || b >= '0' && b <= '9' || b == '\'' }

package search

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Token is one index term and its position in the text. Positions count CJK
// characters, words and figures, so that terms next to each other in the text
// have positions one apart: a phrase is a run of consecutive positions.
type Token struct {
	Term string
	Pos  int
}

// Tokenizer turns text into terms. Index and query use the same rules, and
// search.js repeats them exactly (a test runs both on the same strings).
type Tokenizer struct {
	// units maps every unit word (lower-cased outside Chinese) to its unit key,
	// as figures.Units.Words gives it.
	units map[string]string
	// maxUnit is the length in runes of the longest unit word.
	maxUnit int
	// unitLens has, for each CJK Unified Ideograph (from U+4E00), bit n-1 set
	// when a unit word of n runes starts with it: a figure's unit is looked
	// up only in the lengths there are.
	unitLens []uint16
	// dict numbers the terms of the pages read (Prepare).
	dict *dictionary
	accs *accs // what Prepare reuses from page to page
}

// NewTokenizer returns a tokenizer that reads figures with the given unit
// words (figures.Units.Words).
func NewTokenizer(units map[string]string) *Tokenizer {
	t := &Tokenizer{units: units, dict: &dictionary{}, accs: &accs{}, unitLens: make([]uint16, 0xA000-0x4E00)}
	for w := range units {
		n := utf8.RuneCountInString(w)
		t.maxUnit = max(t.maxUnit, n)
		if r, _ := utf8.DecodeRuneInString(w); r >= 0x4E00 && r <= 0x9FFF && n <= 16 {
			t.unitLens[r-0x4E00] |= 1 << (n - 1)
		}
	}
	return t
}

// Normalize prepares text for tokenizing: invalid UTF-8 becomes a space,
// then NFKC (full-width letters and digits become ASCII), then lower case.
func Normalize(s string) string {
	if out, ok := normalizeFast(s); ok {
		return out
	}
	return normalizeSlow(s)
}

func normalizeSlow(s string) string {
	s = strings.ToValidUTF8(s, " ")
	return strings.ToLower(norm.NFKC.String(s))
}

// normalizeFast is Normalize for text made only of ASCII, CJK ideographs,
// full-width forms, the ideographic space, the ellipsis (…, three full stops)
// and the punctuation Chinese text uses (keepsForm), which NFKC and
// lower-casing map each on its own: most pages, several times faster than by
// the general rules. The ellipsis matters because a summary cut short ends
// with one. It reports false for text with any other character
// (TestNormalizeFast checks each of these against the general rules).
func normalizeFast(s string) (string, bool) {
	out, _, ok := normalizeFastTo(nil, s)
	return out, ok
}

// normalizeFastTo is normalizeFast writing the text, when it changes, in
// dst's array, which it returns, so that a reader of many pages reuses one
// buffer. The text returned then shares dst's bytes: it is good until dst is
// written again (with a nil dst, for ever).
func normalizeFastTo(dst []byte, s string) (string, []byte, bool) {
	var b []byte // made at the first change
	done := 0    // s[:done] is in b, when b is made
	change := func(i, n int, rep ...byte) {
		if b == nil {
			b = slices.Grow(dst[:0], len(s)+2)
		}
		b = append(append(b, s[done:i]...), rep...)
		done = i + n
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if i+8 <= len(s) && plainASCII8(s[i:i+8]) {
				i += 8
				continue
			}
			if 'A' <= c && c <= 'Z' {
				change(i, 1, c+'a'-'A')
			}
			i++
			continue
		}
		// U+4E00-U+9FFF, the CJK Unified Ideographs, are E4 B8-BF xx and
		// E5-E9 xx xx: most of a Chinese text, kept as they are.
		if c >= 0xE4 && c <= 0xE9 && i+2 < len(s) && (c != 0xE4 || s[i+1] >= 0xB8) &&
			s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3
			continue
		}
		r, n := decodeRune(s, i)
		switch {
		case r >= 0xFF01 && r <= 0xFF5E, r == 0x3000: // full-width ASCII and space: NFKC gives the ASCII
			c = byte(r - 0xFEE0)
			if r == 0x3000 {
				c = ' '
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			change(i, n, c)
		case r == 0x2026: // …, which NFKC makes three full stops: a summary cut short ends with it
			change(i, n, '.', '.', '.')
		case keepsForm(r):
		default:
			return "", dst, false
		}
		i += n
	}
	if b == nil {
		return s, dst, true
	}
	b = append(b, s[done:]...)
	return unsafe.String(unsafe.SliceData(b), len(b)), b, true
}

// plainASCII8 reports whether the 8 bytes of s are ASCII with no capital
// letter, which normalisation keeps: an English text is mostly read 8 bytes
// at a time. It tests them as one number: a byte of at most 0x7F plus 0x3F
// (0x80 - 'A') sets its high bit when it is 'A' or above, plus 0x25 (0x80 -
// '[') when it is past 'Z', and neither sum carries into the next byte.
func plainASCII8(s string) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	x := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	if x&highs != 0 {
		return false
	}
	return (x+0x3F*ones)&^(x+0x25*ones)&highs == 0
}

// keepsForm reports whether NFKC and lower-casing leave r as it is, and r
// joins no neighbour in NFKC: CJK ideographs and common punctuation.
func keepsForm(r rune) bool {
	switch {
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs
		return true
	case r >= 0x3001 && r <= 0x3002, r >= 0x3008 && r <= 0x3011, r >= 0x3014 && r <= 0x301B: // 、。《》「」【】〔〕
		return true
	case r == 0x2010, r >= 0x2012 && r <= 0x2015, r >= 0x2018 && r <= 0x201F, r == 0x00B7, r == 0x00D7: // dashes, quotes, ·, ×
		return true
	}
	return false
}

// Index returns the terms of text for the index: every CJK character alone and
// every pair of neighbouring CJK characters, every word stemmed, and every
// figure as its value and unit ("#790000000:yuan") and as its value alone
// ("#790000000"), which a query without unit looks up.
func (t *Tokenizer) Index(text string) []Token { return t.collect(text, false) }

// Query returns the terms of a query. A run of two or more CJK characters
// gives the pairs that cover it without overlap, from its start, and the last
// pair when its length is odd (营商环境: 营商 环境; 数字经济学: 数字 经济 济学): every
// page that holds the run holds them, and their positions tell the phrase
// from its pieces apart, with half the look-ups of every pair. A single CJK
// character gives itself.
func (t *Tokenizer) Query(text string) []Token { return t.collect(text, true) }

func (t *Tokenizer) collect(text string, query bool) []Token {
	var out []Token
	t.each(text, query, func(term string, pos int) { out = append(out, Token{term, pos}) }, nil)
	return out
}

// scratch is what reading a text reuses: the normalised text, when its terms
// are not kept (see each), and the figure term being made.
type scratch struct {
	norm []byte
	fig  []byte
}

var scratchPool = sync.Pool{New: func() any { return &scratch{} }}

// each reads text and calls emit with each term and its position, in order.
// Terms are substrings of the normalised text where they can be, so reading
// a page allocates little. When cjk is not nil (for the index only), each run
// of CJK characters goes to it instead, as a substring of the normalised text,
// with the position of its first character: Prepare counts its characters
// and pairs by their code points, with no string to hash.
//
// With cjk, the terms passed to emit are good only until it returns (Prepare
// copies the new ones): the normalised text is then written in a buffer
// reused from text to text, not made anew, and so is a figure's term.
//
// It reads the text byte by byte: ASCII letters, digits and the rest by a
// table, other characters decoded one at a time, with a quick test for the
// CJK ideographs most Chinese text is made of.
func (t *Tokenizer) each(text string, query bool, emit func(term string, pos int), cjk func(run string, pos int)) {
	buf := scratchPool.Get().(*scratch)
	defer scratchPool.Put(buf)
	var s string
	keep := cjk == nil // the terms outlive the call: no reused buffers
	if !keep {
		var ok bool
		if s, buf.norm, ok = normalizeFastTo(buf.norm, text); !ok {
			s = normalizeSlow(text)
		}
	} else {
		s = Normalize(text)
	}
	pos := 0
	for i := 0; i < len(s); {
		var r rune
		n := 1
		if c := s[i]; c < utf8.RuneSelf {
			switch asciiClass[c] {
			case classOther:
				i++
				continue
			case classDigit:
				var terms string
				var split, j int
				buf.fig, split, j = t.figure(buf.fig[:0], s, i)
				if keep {
					terms = string(buf.fig)
				} else {
					terms = unsafe.String(unsafe.SliceData(buf.fig), len(buf.fig))
				}
				emitFigure(terms, split, pos, query, emit)
				pos++
				i = j
				continue
			}
			r = rune(c)
		} else {
			r, n = decodeValid(s, i)
		}
		switch {
		case isCJK(r):
			j, count := i+n, 1
			for j < len(s) && s[j] >= utf8.RuneSelf {
				if isIdeograph(s, j) {
					j += 3
					count++
					continue
				}
				r, n := decodeValid(s, j)
				if !isCJK(r) {
					break
				}
				j += n
				count++
			}
			if cjk != nil && !query {
				cjk(s[i:j], pos)
			} else {
				cjkTerms(s[i:j], pos, query, emit)
			}
			pos += count
			i = j
		case r < utf8.RuneSelf || isWordRune(r): // an ASCII letter, or a word's first character
			j, plain := wordEnd(s, i)
			w := s[i:j]
			if plain {
				w = stemPlain(w)
			}
			emit(w, pos)
			pos++
			i = j
		default:
			i += n
		}
	}
}

// emitFigure passes on the terms of one figure, as figure made them: its value
// and unit. For the index it adds its value alone, found by a query without
// unit, and the number as written when a scale word was applied (2847 of
// 2847万元), found by a query of only those digits. A query's figure is its
// one term: a reader who types 2847 means 2847, which the index holds for
// both.
func emitFigure(terms string, split, pos int, query bool, emit func(term string, pos int)) {
	term := terms[:split]
	emit(term, pos)
	if query {
		return
	}
	bare, _, ok := strings.Cut(term, ":")
	if ok {
		emit(bare, pos) // found by the number alone
	}
	if written := terms[split:]; written != "" && written != bare {
		emit(written, pos) // found by the digits as written
	}
}

// The classes of ASCII characters, after Normalize (no upper case is left).
const (
	classOther = iota
	classLetter
	classDigit
)

var asciiClass = func() (c [utf8.RuneSelf]uint8) {
	for b := 'a'; b <= 'z'; b++ {
		c[b] = classLetter
	}
	for b := 'A'; b <= 'Z'; b++ {
		c[b] = classLetter // Normalize leaves none; a word still reads them
	}
	for b := '0'; b <= '9'; b++ {
		c[b] = classDigit
	}
	return c
}()

// decodeRune decodes the character at s[i], a byte of 0x80 or more, with the
// three-byte form of the BMP (all of CJK ideographs) read inline.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c >= 0xE0 && c < 0xF0 && i+2 < len(s) {
		c1, c2 := s[i+1], s[i+2]
		if c1&0xC0 == 0x80 && c2&0xC0 == 0x80 {
			r := rune(c&0x0F)<<12 | rune(c1&0x3F)<<6 | rune(c2&0x3F)
			if r >= 0x800 && (r < 0xD800 || r > 0xDFFF) {
				return r, 3
			}
		}
	}
	return utf8.DecodeRuneInString(s[i:])
}

// decodeValid decodes the character at s[i], a byte of 0x80 or more, in
// valid UTF-8 (normalised text), with the three-byte form of the BMP (all of
// CJK ideographs) read inline.
func decodeValid(s string, i int) (rune, int) {
	if b := s[i:]; len(b) > 2 && b[0]&0xF0 == 0xE0 {
		return rune(b[0]&0x0F)<<12 | rune(b[1]&0x3F)<<6 | rune(b[2]&0x3F), 3
	}
	return decodeOther(s[i:])
}

// decodeOther is utf8.DecodeRuneInString, not inlined, so that decodeValid is.
//
//go:noinline
func decodeOther(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// wordEnd is where the word starting at s[i] ends: letters, marks and numbers
// that are not CJK. plain reports a word of ASCII letters only, which Stem
// shortens (others it leaves alone).
func wordEnd(s string, i int) (end int, plain bool) {
	plain = true
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case classLetter:
			case classDigit:
				plain = false
			default:
				return i, plain
			}
			i++
			continue
		}
		r, n := decodeValid(s, i)
		if !isWordRune(r) || isCJK(r) {
			return i, plain
		}
		plain = false
		i += n
	}
	return i, plain
}

// cjkTerms emits the terms of a run of CJK characters at position pos: for
// the index, every character and every pair; for a query, see Query.
func cjkTerms(run string, pos int, query bool, emit func(string, int)) {
	var offs [64]int
	off := offs[:0] // where each character starts, then where the run ends
	for i := range run {
		off = append(off, i)
	}
	off = append(off, len(run))
	n := len(off) - 1
	pair := func(k int) { emit(run[off[k]:off[k+2]], pos+k) }
	switch {
	case !query:
		for k := 0; k < n; k++ {
			emit(run[off[k]:off[k+1]], pos+k)
		}
		for k := 0; k+1 < n; k++ {
			pair(k)
		}
	case n == 1:
		emit(run, pos)
	default:
		for k := 0; k+1 < n; k += 2 {
			pair(k)
		}
		if n%2 == 1 {
			pair(n - 2)
		}
	}
}

// isCJK reports whether r is written without spaces between words: Han,
// kana, Hangul.
func isCJK(r rune) bool {
	switch {
	case r < 0x1100: // below Hangul Jamo: Latin, Greek, Cyrillic and the rest
		return false
	case r >= 0x4e00 && r <= 0x9fff: // CJK Unified Ideographs, most of any Chinese text
		return true
	case r >= punctFirst && r < punctEnd: // punctuation, 。 and “ among them
		return punctClass[r-punctFirst]&classCJK != 0
	}
	return isCJKOther(r)
}

// punctFirst and punctEnd bound the runes punctClass holds: General
// Punctuation to CJK Symbols and Punctuation (U+2000-U+303F), which hold
// the punctuation of Chinese text (“”—…、。《》「」) that NFKC leaves. Telling
// them apart by the Unicode tables took about 60M of the index's instructions
// at 500 pairs.
const (
	punctFirst = 0x2000
	punctEnd   = 0x3040
)

// The bits of punctClass.
const (
	classCJK  = 1 << iota // isCJKOther
	classWord             // isWordRune
)

// punctClass is what isCJK and isWordRune say of each rune from punctFirst to
// punctEnd, read from the Unicode tables once.
var punctClass = func() (c [punctEnd - punctFirst]uint8) {
	for r := rune(punctFirst); r < punctEnd; r++ {
		if isCJKOther(r) {
			c[r-punctFirst] |= classCJK
		}
		if wordByTables(r) {
			c[r-punctFirst] |= classWord
		}
	}
	return c
}()

// isCJKOther is isCJK by the Unicode tables, not inlined, so that isCJK is.
//
//go:noinline
func isCJKOther(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

// isIdeograph reports whether s[i:] starts with a CJK Unified Ideograph
// (U+4E00-U+9FFF: E4 B8-BF xx, E5-E9 xx xx) in valid UTF-8.
func isIdeograph(s string, i int) bool {
	c := s[i]
	return c >= 0xE5 && c <= 0xE9 || c == 0xE4 && s[i+1] >= 0xB8
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune reports whether r belongs in a word: letters, marks and numbers.
// ASCII and the CJK Unified Ideographs, most of what it is asked, are told
// without the Unicode tables, whose search cost a figure's unit (亿元) tens of
// instructions a character (TestIsCJK checks every rune against them).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiClass[r] != classOther
	}
	if r >= 0x4E00 && r <= 0x9FFF {
		return true
	}
	if r >= punctFirst && r < punctEnd {
		return punctClass[r-punctFirst]&classWord != 0
	}
	return wordByTables(r)
}

// wordByTables is isWordRune by the Unicode tables.
func wordByTables(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// Stem removes the English endings that rarely change meaning in a search:
// plural -s and -ies, -ing, -ed and a final -e, so that "cases", "case",
// "raised" and "raising" meet. Words with digits are left alone.
func Stem(w string) string {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= utf8.RuneSelf || c >= '0' && c <= '9' {
			return w
		}
	}
	return stemPlain(w)
}

// stemPlain is Stem for a word of ASCII without digits.
func stemPlain(w string) string {
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		w = w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		w = w[:len(w)-1]
	}
	switch {
	case len(w) > 5 && strings.HasSuffix(w, "ing"):
		w = w[:len(w)-3]
	case len(w) > 4 && strings.HasSuffix(w, "ed"):
		w = w[:len(w)-2]
	}
	if len(w) > 4 && strings.HasSuffix(w, "e") {
		w = w[:len(w)-1]
	}
	return w
}

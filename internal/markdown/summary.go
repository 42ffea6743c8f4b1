package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
	"github.com/yuin/goldmark/ast"
)

// A summary is the opening of a body cut to length units: characters for CJK text
// (spaces left out), words otherwise, where each Chinese, Japanese or Korean character
// counts as a word too, so Chinese quoted on an English page is cut as well.
//
// The cut falls on a sentence end when one lies in the last 30% of the length, and
// the summary then ends there. Otherwise it falls at the length, after the last whole
// unit that fits, and an ellipsis (…) marks it. A cut never splits a word, a figure
// (7.9亿元, 790 million yuan, 1,234.5) or a character made of several code points (an
// emoji with its skin tone, a letter with its accent); an opening quote or bracket
// stays with what follows it, a closing one with what precedes it. The only exception
// is a single word longer than the whole length, a URL say, cut at the length.
// So a summary is never longer than length units, plus the ellipsis.

// nearSentenceEnd is how far into the length, in tenths, a sentence end must lie to
// end the summary.
const nearSentenceEnd = 7

// Summarize cuts text to length units, as described above; cjk selects characters
// rather than words. Figures are recognised with the built-in units.
func Summarize(text string, length int, cjk bool) string {
	return summarize(text, length, cjk, nil, false)
}

// Summary returns the summary of a body, cut to length units from its opening.
func (m *Markdown) Summary(src []byte, length int) string {
	text, more := m.lead(src, length)
	return summarize(text, length, m.opts.CJK, m.opts.Units, more)
}

// summaryOf is Summary(src, length) for a body already parsed into doc: when the
// opening Summary reads is the whole body, doc serves, and the body is not parsed again.
func (m *Markdown) summaryOf(doc ast.Node, src []byte, length int) string {
	want := length * LeadFactor
	if cut, more := leadCut(src, want); cut < len(src) || more {
		return m.Summary(src, length)
	}
	return summarize(plainText(doc, src, 2*want, m.opts.Unsafe), length, m.opts.CJK, m.opts.Units, false)
}

// summarize cuts text; more says that the body goes on after text, inside the same
// paragraph, so that even a text that fits whole ends in an ellipsis.
func summarize(text string, length int, cjk bool, units *figures.Units, more bool) string {
	sc := unitScanner{text: text, cjk: cjk, units: units}
	total, last, best := 0, -1, -1
	i := spaceLen(text)
	for i < len(text) {
		t := sc.next(i)
		if total+t.count > length {
			break
		}
		total, last, i = total+t.count, t.end, t.end+spaceLen(text[t.end:])
		if t.stop && total*10 >= length*nearSentenceEnd {
			best = t.end
		}
	}
	switch {
	case last < 0 && i >= len(text): // nothing but spaces
		return ""
	case i >= len(text) && more:
		return trimHanging(normalSpace(text)) + "…"
	case i >= len(text):
		return normalSpace(text)
	case best >= 0:
		return normalSpace(text[:best])
	case last >= 0:
		return trimHanging(normalSpace(text[:last])) + "…"
	}
	return normalSpace(sc.prefix(length)) + "…"
}

// normalSpace turns every run of spaces into one space, and trims the ends.
func normalSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// spaceLen returns the length of the spaces s starts with.
func spaceLen(s string) int {
	if i := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) }); i >= 0 {
		return i
	}
	return len(s)
}

// trimHanging drops what cannot end a cut-off summary: spaces, commas and the like,
// and opening quotes and brackets.
func trimHanging(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",，、;；:：-–—", r) || isOpener(r)
	})
}

// unit is a piece of text a summary is not cut inside: a word, a wide character, or a
// figure, with the quotes and brackets that cling to it.
type unit struct {
	end   int  // byte offset just after it
	count int  // summary units it adds
	stop  bool // it ends a sentence
}

type unitScanner struct {
	text  string
	cjk   bool
	units *figures.Units
}

// next reads the unit starting at i, which is not a space.
func (sc unitScanner) next(i int) unit {
	start, chars := i, 0
	for i < len(sc.text) && isOpener(firstRune(sc.text[i:])) {
		i, chars = i+graphemeLen(sc.text[i:]), chars+1
	}
	if i < len(sc.text) && isWide(firstRune(sc.text[i:])) {
		i, chars = i+graphemeLen(sc.text[i:]), chars+1
	} else {
		for i < len(sc.text) && !unicode.IsSpace(firstRune(sc.text[i:])) && !isWide(firstRune(sc.text[i:])) {
			i, chars = i+graphemeLen(sc.text[i:]), chars+1
		}
	}
	words := 0
	if isWord(sc.text[start:i]) {
		words = 1
	}
	if endsInDigit(sc.text[start:i]) {
		var more int
		i, more = sc.figureEnd(i, &chars)
		words += more
	}
	for i < len(sc.text) && isCloser(firstRune(sc.text[i:])) {
		i, chars = i+graphemeLen(sc.text[i:]), chars+1
	}
	u := unit{end: i, count: words, stop: endsSentence(sc.text[start:i])}
	if sc.cjk {
		u.count = chars
	}
	return u
}

// figureEnd extends a number ending at i over its scale word, qualifier and unit:
// 7.9|亿元, 6800|余名, 790| million yuan. It returns the new end and the number of
// words added; chars counts the characters.
func (sc unitScanner) figureEnd(i int, chars *int) (int, int) {
	if spaceLen(sc.text[i:]) > 0 {
		return sc.figureWords(i, chars)
	}
	for _, w := range []string{"余", "多", "万亿", "亿", "万", "余", "多"} {
		if strings.HasPrefix(sc.text[i:], w) {
			i, *chars = i+len(w), *chars+utf8.RuneCountInString(w)
		}
	}
	for n := 3; n >= 1; n-- {
		w, ok := runePrefix(sc.text[i:], n)
		if ok && isWide(firstRune(w)) && (w == "个" || sc.units.Lookup(w) != "") {
			*chars += n
			return i + len(w), 0
		}
	}
	if r := firstRune(sc.text[i:]); unicode.Is(unicode.Han, r) && !isScaleOrQualifier(r) {
		*chars++
		return i + utf8.RuneLen(r), 0
	}
	return i, 0
}

func isScaleOrQualifier(r rune) bool { return r == '余' || r == '多' || r == '万' || r == '亿' }

// figureWords extends a number over a following scale word and unit word (" million
// yuan"), which a summary in words keeps with it.
func (sc unitScanner) figureWords(i int, chars *int) (int, int) {
	words := 0
	for k, isPart := range []func(string) bool{isScaleWord, sc.isUnitWord} {
		j := i + spaceLen(sc.text[i:])
		if j == i {
			break
		}
		w := sc.text[j:]
		if end := strings.IndexFunc(w, unicode.IsSpace); end >= 0 {
			w = w[:end]
		}
		bare := strings.TrimRight(w, ".,;:!?)”’\"'")
		if bare == "" || !isPart(bare) {
			if k == 0 {
				continue // no scale word: a unit may follow the number directly
			}
			break
		}
		i, words, *chars = j+len(w), words+1, *chars+utf8.RuneCountInString(w)
		if bare != w {
			break // the figure ends at the punctuation
		}
	}
	return i, words
}

func isScaleWord(w string) bool {
	switch strings.ToLower(w) {
	case "thousand", "million", "billion", "trillion":
		return true
	}
	return false
}

func (sc unitScanner) isUnitWord(w string) bool {
	return w != "" && (strings.EqualFold(w, "percent") || sc.units.Lookup(w) != "")
}

// prefix returns the first length characters of the text, whole graphemes only.
func (sc unitScanner) prefix(length int) string {
	start := spaceLen(sc.text)
	i := start
	for n := 0; n < length && i < len(sc.text); n++ {
		i += graphemeLen(sc.text[i:])
	}
	return sc.text[start:i]
}

// endsSentence reports whether a unit ends a sentence: 。！？, or . ! ? at its end
// (before closing quotes), but not in an abbreviation such as U.S. or e.g. or J.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, isCloser)
	switch r := lastRune(s); r {
	case '。', '！', '？', '!', '?':
		return true
	case '.':
		word := strings.TrimSuffix(s[strings.LastIndexByte(s, ' ')+1:], ".")
		abbrev := strings.Contains(word, ".") && !strings.ContainsAny(word, "0123456789")
		return !abbrev && utf8.RuneCountInString(word) > 1
	}
	return false
}

func isOpener(r rune) bool { return strings.ContainsRune("“‘「『（([{《〈【〔\"'", r) }

func isCloser(r rune) bool { return strings.ContainsRune("”’」』）)]}》〉】〕", r) }

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

func endsInDigit(s string) bool {
	return s != "" && s[len(s)-1] >= '0' && s[len(s)-1] <= '9'
}

// isWord reports whether s counts as a word: it has a letter, a digit or a symbol
// such as an emoji, not only punctuation ("—", "&").
func isWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.In(r, unicode.L, unicode.N, unicode.S) }) >= 0
}

// runePrefix returns the first n runes of s, and whether s has that many.
func runePrefix(s string, n int) (string, bool) {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i], n == 0
}

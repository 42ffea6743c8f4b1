package search

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// The room around a figure in an excerpt's text, in runes, when its clause is
// longer: before it and after it.
const (
	figureBefore = 40
	figureAfter  = 60
)

// excerptText is the text a result's excerpt is cut from: the opening of
// text, then, for each figure the text so far does not show, the clause that
// holds it (at most figureBefore runes before the figure and figureAfter
// after it), each after " … ", up to maxText runes in all. Readers search
// for figures, which are often deep in a brief; a clause per figure, rather
// than each sentence with a figure, leaves room for the later ones, so that
// the figure a search found is in the excerpt to be marked (a brief whose
// sentences with figures were long showed only the first few).
func excerptText(text string) string {
	opening := clipWords(text, maxOpening)
	n := utf8.RuneCountInString(opening)
	var out strings.Builder
	out.Grow(min(len(text), 4*maxText+16)) // at most maxText runes and a few " … "
	out.WriteString(opening)
	shown := figureKeys(nil, opening)
	rest := text[len(opening):]
	for i := 0; n+3 < maxText; {
		start, end, ok := nextFigure(rest, i)
		if !ok {
			break
		}
		i = end
		if slices.Contains(shown, figureKey(rest, start, end)) {
			continue
		}
		from, to := clauseAround(rest, start, end)
		part := clipWords(strings.TrimSpace(rest[from:to]), maxText-n-3)
		out.WriteString(" … ")
		out.WriteString(part)
		n += utf8.RuneCountInString(part) + 3
		shown = figureKeys(shown, part)
		i = max(i, to)
	}
	return out.String()
}

// figureKeys appends the keys of the figures in s (figureKey).
func figureKeys(keys []figureID, s string) []figureID {
	for i := 0; ; {
		start, end, ok := nextFigure(s, i)
		if !ok {
			return keys
		}
		keys = append(keys, figureKey(s, start, end))
		i = end
	}
}

// figureID tells a figure from others: its digits and the start of the word
// after them, where its scale and unit are (7.9 亿元, 790 millio).
type figureID struct{ digits, unit string }

// figureKey is the figureID of the figure s[start:end].
func figureKey(s string, start, end int) figureID {
	k := end
	if k < len(s) && s[k] == ' ' {
		k++
	}
	u := k
	for u < len(s) && u-k < 6 {
		r, n := utf8.DecodeRuneInString(s[u:])
		if !isWordRune(r) || isDigitByte(s[u]) {
			break
		}
		u += n
	}
	return figureID{s[start:end], s[k:u]}
}

// nextFigure finds the first figure in s from byte i on: digits (ASCII or
// full-width), with "." or "," between them, not inside a word (G20).
func nextFigure(s string, i int) (start, end int, ok bool) {
	for ; i < len(s); i++ {
		if c := s[i]; !isDigitByte(c) && c != 0xEF { // neither a digit nor a full-width one
			continue
		}
		if n := digitAt(s, i); n > 0 && (i == 0 || !isASCIIAlnum(s[i-1])) {
			end := i + n
			for end < len(s) {
				if n := digitAt(s, end); n > 0 {
					end += n
				} else if (s[end] == '.' || s[end] == ',') && digitAt(s, end+1) > 0 {
					end++
				} else {
					break
				}
			}
			return i, end, true
		}
	}
	return 0, 0, false
}

// digitAt is the length of the digit at s[i] (1 for ASCII, 3 for full-width),
// or 0.
func digitAt(s string, i int) int {
	switch {
	case i >= len(s):
		return 0
	case isDigitByte(s[i]):
		return 1
	case s[i] == 0xEF && i+2 < len(s) && s[i+1] == 0xBC && s[i+2] >= 0x90 && s[i+2] <= 0x99: // ０-９
		return 3
	}
	return 0
}

func isASCIIAlnum(c byte) bool { return c < utf8.RuneSelf && asciiClass[c] != classOther }

// clauseAround is the clause of s around s[start:end]: from after the
// punctuation that ends the one before (。！？；，, or a newline, or ". ", "; ",
// ", ") to the next, at most figureBefore runes before start and figureAfter
// after end, cut between words.
func clauseAround(s string, start, end int) (from, to int) {
	from = start
	for k := 0; from > 0; k++ {
		r, n := utf8.DecodeLastRuneInString(s[:from])
		if endsClause(s, from-n, r) {
			break
		}
		if k == figureBefore {
			for from < start && isASCIIAlnum(s[from-1]) { // do not start inside a word
				from++
			}
			break
		}
		from -= n
	}
	to = end
	for k := 0; to < len(s); k++ {
		r, n := utf8.DecodeRuneInString(s[to:])
		if endsClause(s, to, r) {
			break
		}
		if k == figureAfter {
			for to > end && isASCIIAlnum(s[to]) { // nor end inside one
				to--
			}
			break
		}
		to += n
	}
	return from, to
}

// endsClause reports whether r, at s[i], ends a clause.
func endsClause(s string, i int, r rune) bool {
	switch r {
	case '。', '！', '？', '；', '，', '\n':
		return true
	case '.', ';', ',':
		return strings.HasPrefix(s[i+1:], " ")
	}
	return false
}

// clipWords is s cut to at most n code points, between words: a cut that would
// split a word of ASCII letters or digits ("retur|ned") or a number ("7.|9亿元")
// goes back to its start, unless it is all there is.
func clipWords(s string, n int) string {
	c := clip(s, n)
	if len(c) == len(s) || !isASCIIAlnum(s[len(c)]) && !inNumber(s, len(c)) {
		return c
	}
	k := len(c)
	for k > 0 && (isASCIIAlnum(s[k-1]) || k > 1 && inNumber(s, k-1)) {
		k--
	}
	if k == 0 {
		return c
	}
	return strings.TrimRight(s[:k], " ")
}

// inNumber reports whether s[i] is the point or comma inside a number (7.9, 22,350).
func inNumber(s string, i int) bool {
	return (s[i] == '.' || s[i] == ',') && i > 0 && i+1 < len(s) && isDigitByte(s[i-1]) && isDigitByte(s[i+1])
}

func clip(s string, n int) string {
	i := 0
	for k := range s {
		if i == n {
			return s[:k]
		}
		i++
	}
	return s
}

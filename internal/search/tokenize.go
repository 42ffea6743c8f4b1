package search

import (
	"strings"
	"unicode"
	"unicode/utf8"

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
}

// NewTokenizer returns a tokenizer that reads figures with the given unit
// words (figures.Units.Words).
func NewTokenizer(units map[string]string) *Tokenizer {
	t := &Tokenizer{units: units}
	for w := range units {
		t.maxUnit = max(t.maxUnit, utf8.RuneCountInString(w))
	}
	return t
}

// Normalize prepares text for tokenizing: invalid UTF-8 becomes a space,
// then NFKC (full-width letters and digits become ASCII), then lower case.
func Normalize(s string) string {
	s = strings.ToValidUTF8(s, " ")
	return strings.ToLower(norm.NFKC.String(s))
}

// Index returns the terms of text for the index: every CJK character alone and
// every pair of neighbouring CJK characters, every word stemmed, and every
// figure as its value and unit ("#790000000:yuan") and as its value alone
// ("#790000000"), which a query without unit looks up.
func (t *Tokenizer) Index(text string) []Token { return t.tokens(text, false) }

// Query returns the terms of a query. A run of two or more CJK characters
// gives only its bigrams, which find it as a substring; a single CJK
// character gives itself.
func (t *Tokenizer) Query(text string) []Token { return t.tokens(text, true) }

func (t *Tokenizer) tokens(text string, query bool) []Token {
	rs := []rune(Normalize(text))
	var out []Token
	pos := 0
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case isCJK(r):
			j := i
			for j < len(rs) && isCJK(rs[j]) {
				j++
			}
			out = cjkTokens(out, rs[i:j], pos, query)
			pos += j - i
			i = j
		case isDigit(r):
			term, j := t.figure(rs, i)
			out = append(out, Token{term, pos})
			if bare, _, ok := strings.Cut(term, ":"); ok && !query {
				out = append(out, Token{bare, pos}) // found by the number alone
			}
			pos++
			i = j
		case isWordRune(r):
			j := i
			for j < len(rs) && isWordRune(rs[j]) && !isCJK(rs[j]) {
				j++
			}
			out = append(out, Token{Stem(string(rs[i:j])), pos})
			pos++
			i = j
		default:
			i++
		}
	}
	return out
}

// cjkTokens adds the unigrams (index only) and bigrams of a CJK run.
func cjkTokens(out []Token, run []rune, pos int, query bool) []Token {
	if query && len(run) == 1 || !query {
		for k, r := range run {
			out = append(out, Token{string(r), pos + k})
		}
	}
	for k := 0; k+1 < len(run); k++ {
		out = append(out, Token{string(run[k : k+2]), pos + k})
	}
	return out
}

// isCJK reports whether r is written without spaces between words: Han,
// kana, Hangul.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// isWordRune reports whether r belongs in a word: letters, marks and numbers.
func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsNumber(r)
}

// Stem removes the English endings that rarely change meaning in a search:
// plural -s and -ies, -ing, -ed and a final -e, so that "cases", "case",
// "raised" and "raising" meet. Words with digits are left alone.
func Stem(w string) string {
	if strings.ContainsAny(w, "0123456789") || !isASCII(w) {
		return w
	}
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

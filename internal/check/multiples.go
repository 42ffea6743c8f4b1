package check

import (
	"strings"

	"github.com/briefs/briefs/internal/figures"
)

// A multiple (5倍, "70 times", "threefold", 翻一番) says how many times a base a figure
// is; it is its own kind, so that 5倍 never matches 5% or five of something. English
// "N times" is also a count of occurrences ("mentioned 140 times", 140次): it is read as
// a multiple only next to a word that compares or grows ("up 970 times", "three times as
// large"). 增长了五倍 is often rendered "six times" (N+1), and translators do not agree
// on the convention: numbers in words stay soft, so neither reading raises an alarm.

// zhMultipleWords are the Chinese words for a multiple with its value, longest first.
var zhMultipleWords = []struct {
	word  string
	value int64
}{{"翻了两番", 4}, {"翻两番", 4}, {"翻了一番", 2}, {"翻一番", 2}, {"翻番", 2}, {"翻倍", 2}}

// enMultipleWords are the English words for a multiple with its value.
var enMultipleWords = map[string]int64{
	"double": 2, "doubled": 2, "doubles": 2, "doubling": 2, "twofold": 2, "two-fold": 2,
	"triple": 3, "tripled": 3, "triples": 3, "tripling": 3, "threefold": 3, "three-fold": 3,
	"quadruple": 4, "quadrupled": 4, "quadruples": 4, "quadrupling": 4, "fourfold": 4, "four-fold": 4,
}

// enTimesBefore and enTimesAfter are the words next to "N times" that make it a
// multiple: a change before it, a comparison after it.
var (
	enTimesBefore = []string{"up", "by", "increased", "increase", "grew", "grown", "rose", "risen", "jumped",
		"expanded", "multiplied", "surged", "soared", "climbed", "is", "was", "are", "were", "be", "been"}
	enTimesAfter = []string{"as", "more", "higher", "larger", "bigger", "greater", "faster", "that", "than", "the", "what", "over", "its", "their"}
)

// multipleWord reads a word that is a multiple by itself (翻一番, "doubled") at i.
func (sc scanner) multipleWord(text string, i int) (found, bool) {
	mk := func(n int, v int64) (found, bool) {
		return found{start: i, end: i + n, raw: text[i : i+n], fig: figures.Figure{Value: figures.NewDecimal(v)}, soft: true, multiple: true}, true
	}
	if sc.cjk {
		for _, w := range zhMultipleWords {
			if strings.HasPrefix(text[i:], w.word) {
				return mk(len(w.word), w.value)
			}
		}
		return found{}, false
	}
	if i > 0 && isWordByte(text[i-1]) {
		return found{}, false
	}
	n := 0
	for i+n < len(text) && (isLatinByte(text[i+n]) || text[i+n] == '-') {
		n++
	}
	if v, ok := enMultipleWords[strings.ToLower(text[i:i+n])]; ok {
		return mk(n, v)
	}
	return found{}, false
}

// multipleSuffix returns the length of the multiple word after a number's digits
// (倍, " times" next to a word that compares, "-fold"), or 0.
func (sc scanner) multipleSuffix(text string, start, end int) int {
	rest := text[end:]
	if sc.cjk {
		for _, w := range []string{"倍", "多倍", "余倍"} {
			if strings.HasPrefix(rest, w) {
				return len(w)
			}
		}
		return 0
	}
	for _, w := range []string{"-fold", " fold"} {
		if hasPrefixFold(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)])) {
			return len(w)
		}
	}
	const times = " times"
	if !hasPrefixFold(rest, times) || len(rest) > len(times) && isWordByte(rest[len(times)]) {
		return 0
	}
	if oneOf(lastWord(text[:sc.prefix(text, start)]), enTimesBefore) || oneOf(firstWord(rest[len(times):]), enTimesAfter) {
		return len(times)
	}
	return 0
}

// multiple reads a number followed by a multiple word, or reports false.
func (sc scanner) multiple(text string, tok numTok) (found, bool) {
	start := sc.prefix(text, tok.start)
	n := sc.multipleSuffix(text, start, tok.end)
	if n == 0 {
		return found{}, false
	}
	f, ok := sc.parse(text, start, tok.end, tok.end)
	f.end, f.multiple = tok.end+n, true
	f.raw = strings.TrimSpace(text[start:f.end])
	return f, ok
}

func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	i := len(s)
	for i > 0 && isLatinByte(s[i-1]) {
		i--
	}
	return strings.ToLower(s[i:])
}

func firstWord(s string) string {
	s = strings.TrimLeft(s, " ")
	i := 0
	for i < len(s) && isLatinByte(s[i]) {
		i++
	}
	return strings.ToLower(s[:i])
}

func oneOf(w string, words []string) bool {
	for _, x := range words {
		if w == x {
			return true
		}
	}
	return false
}

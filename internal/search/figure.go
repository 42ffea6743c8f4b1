package search

import (
	"strings"
	"unicode/utf8"
)

// zhScales and enScales are the scale words a figure may carry, with their
// powers of ten; longest first, so that 万亿 is not read as 万.
var zhScales = []struct {
	word string
	exp  int
}{{"万亿", 12}, {"亿", 8}, {"万", 4}}

var enScales = []struct {
	word string
	exp  int
}{{"thousand", 3}, {"million", 6}, {"billion", 9}, {"trillion", 12}}

// figure reads the figure starting at the digit rs[i] and returns its term and
// where the text goes on. The rules are those of package figures, kept simple
// enough to repeat in search.js:
//
//	digits, with "," before each group of exactly three, and "." before decimals
//	then 余 or 多, a Chinese scale word (万亿, 亿, 万) or " " and an English one
//	then 余 or 多, and % or " percent", or a unit word (Chinese: right after;
//	English: after one space)
//
// The term is "#" and the exact value, with every scale applied and no
// needless zeros, then ":" and the unit key, or ":%" for a percentage.
func (t *Tokenizer) figure(rs []rune, i int) (string, int) {
	intPart, frac, j := readNumber(rs, i)
	j = skipMore(rs, j)
	exp := 0
	if e, k, ok := scaleAt(rs, j); ok {
		exp, j = e, k
		j = skipMore(rs, j)
	}
	suffix := ""
	if s, k, ok := t.unitAt(rs, j); ok {
		suffix, j = s, k
	}
	return "#" + Value(intPart, frac, exp) + suffix, j
}

// readNumber reads digits with thousands groups and decimals.
func readNumber(rs []rune, i int) (intPart, frac string, j int) {
	var b strings.Builder
	j = i
	for j < len(rs) && isDigit(rs[j]) {
		b.WriteRune(rs[j])
		j++
	}
	for j < len(rs) && rs[j] == ',' && digits(rs, j+1) == 3 {
		b.WriteString(string(rs[j+1 : j+4]))
		j += 4
	}
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		k := j + 1
		for k < len(rs) && isDigit(rs[k]) {
			k++
		}
		return b.String(), string(rs[j+1 : k]), k
	}
	return b.String(), "", j
}

// digits counts the digits starting at rs[i].
func digits(rs []rune, i int) int {
	n := 0
	for i+n < len(rs) && isDigit(rs[i+n]) {
		n++
	}
	return n
}

func skipMore(rs []rune, j int) int {
	if j < len(rs) && (rs[j] == '余' || rs[j] == '多') {
		return j + 1
	}
	return j
}

// scaleAt reads a scale word at rs[j].
func scaleAt(rs []rune, j int) (exp, next int, ok bool) {
	for _, s := range zhScales {
		if hasRunes(rs, j, s.word) {
			return s.exp, j + len([]rune(s.word)), true
		}
	}
	if w, k := wordAfterSpace(rs, j); w != "" {
		for _, s := range enScales {
			if w == s.word {
				return s.exp, k, true
			}
		}
	}
	return 0, j, false
}

// unitAt reads a percent sign or a unit word at rs[j]; the suffix is ":%",
// ":" and the unit key, or "" for the generic measure word.
func (t *Tokenizer) unitAt(rs []rune, j int) (string, int, bool) {
	if j < len(rs) && rs[j] == '%' {
		return ":%", j + 1, true
	}
	if w, k := wordAfterSpace(rs, j); w != "" {
		if w == "percent" {
			return ":%", k, true
		}
		if key, ok := t.units[w]; ok {
			return unitSuffix(key), k, true
		}
		return "", j, false
	}
	if j >= len(rs) || !isCJK(rs[j]) {
		return "", j, false
	}
	var buf [64]byte // the next runes as UTF-8, looked up without a copy
	b, ends := buf[:0], [16]int{}
	n := min(t.maxUnit, len(rs)-j, len(ends))
	for k := range n {
		b = utf8.AppendRune(b, rs[j+k])
		ends[k] = len(b)
	}
	for ; n > 0; n-- {
		if key, ok := t.units[string(b[:ends[n-1]])]; ok {
			return unitSuffix(key), j + n, true
		}
	}
	return "", j, false
}

func unitSuffix(key string) string {
	if key == "" {
		return ""
	}
	return ":" + key
}

// wordAfterSpace returns the word after one space at rs[j], and where it ends.
func wordAfterSpace(rs []rune, j int) (string, int) {
	if j >= len(rs) || rs[j] != ' ' {
		return "", j
	}
	k := j + 1
	for k < len(rs) && isWordRune(rs[k]) && !isCJK(rs[k]) && !isDigit(rs[k]) {
		k++
	}
	if k < len(rs) && isDigit(rs[k]) {
		return "", j
	}
	return string(rs[j+1 : k]), k
}

func hasRunes(rs []rune, j int, w string) bool {
	for _, r := range w {
		if j >= len(rs) || rs[j] != r {
			return false
		}
		j++
	}
	return true
}

// Value writes the number intPart.frac × 10^exp exactly, without leading or
// trailing zeros: Value("7", "9", 8) is "790000000".
func Value(intPart, frac string, exp int) string {
	for len(frac) < exp {
		frac += "0"
	}
	intPart, frac = intPart+frac[:exp], frac[exp:]
	intPart = strings.TrimLeft(intPart, "0")
	if intPart == "" {
		intPart = "0"
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return intPart
	}
	return intPart + "." + frac
}

package search

import (
	"math/bits"
	"strings"
	"sync"
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

// figure reads the figure starting at the digit s[i], appends its term to
// dst, and returns it and where the text goes on. The rules are those of
// package figures, kept simple enough to repeat in search.js:
//
//	digits, with "," before each group of exactly three, and "." before decimals
//	then 余 or 多, a Chinese scale word (万亿, 亿, 万) or " " and an English one
//	then 余 or 多, and % or " percent", or a unit word (Chinese: right after;
//	English: after one space)
//
// The term is "#" and the exact value, with every scale applied and no
// needless zeros, then ":" and the unit key, or ":%" for a percentage. s is
// normalised text; words and units are looked up as substrings of it, with no
// copy.
//
// When a scale word was applied, the number as written follows the term in
// dst, as a second term ("#28470000:yuan" then "#2847" for 2847万元), and
// split tells where: a reader who types only the digits a page shows (2847,
// 76.72) finds it, as in any full-text search. split is len(dst) when there
// is no second term.
func (t *Tokenizer) figure(dst []byte, s string, i int) (_ []byte, split, j int) {
	var ib, fb [32]byte // the digits, read without allocating
	intPart, frac, j := readNumber(ib[:0], fb[:0], s, i)
	j = skipMore(s, j)
	exp := 0
	if e, k, ok := scaleAt(s, j); ok {
		exp, j = e, k
		j = skipMore(s, j)
	}
	suffix := ""
	if sf, k, ok := t.unitAt(s, j); ok {
		suffix, j = sf, k
	}
	dst = append(appendValue(append(dst, '#'), intPart, frac, exp), suffix...)
	split = len(dst)
	if exp != 0 {
		dst = appendValue(append(dst, '#'), intPart, frac, 0)
	}
	return dst, split, j
}

// readNumber reads digits with thousands groups and decimals, appending them
// to intPart and frac.
func readNumber(intPart, frac []byte, s string, i int) (_, _ []byte, j int) {
	j = i
	for j < len(s) && isDigitByte(s[j]) {
		intPart = append(intPart, s[j])
		j++
	}
	for j < len(s) && s[j] == ',' && digits(s, j+1) == 3 {
		intPart = append(intPart, s[j+1], s[j+2], s[j+3])
		j += 4
	}
	if j+1 < len(s) && s[j] == '.' && isDigitByte(s[j+1]) {
		k := j + 1
		for k < len(s) && isDigitByte(s[k]) {
			frac = append(frac, s[k])
			k++
		}
		return intPart, frac, k
	}
	return intPart, frac, j
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// digits counts the digits starting at s[i].
func digits(s string, i int) int {
	n := 0
	for i+n < len(s) && isDigitByte(s[i+n]) {
		n++
	}
	return n
}

func skipMore(s string, j int) int {
	if strings.HasPrefix(s[j:], "余") || strings.HasPrefix(s[j:], "多") {
		return j + len("余")
	}
	return j
}

// scaleAt reads a scale word at s[j].
func scaleAt(s string, j int) (exp, next int, ok bool) {
	for _, sc := range zhScales {
		if strings.HasPrefix(s[j:], sc.word) {
			return sc.exp, j + len(sc.word), true
		}
	}
	if w, k := wordAfterSpace(s, j); len(w) > 0 {
		for _, sc := range enScales {
			if w == sc.word {
				return sc.exp, k, true
			}
		}
	}
	return 0, j, false
}

// unitAt reads a percent sign or a unit word at s[j]; the suffix is ":%",
// ":" and the unit key, or "" for the generic measure word.
func (t *Tokenizer) unitAt(s string, j int) (string, int, bool) {
	if j < len(s) && s[j] == '%' {
		return ":%", j + 1, true
	}
	if w, k := wordAfterSpace(s, j); len(w) > 0 {
		if w == "percent" {
			return ":%", k, true
		}
		if key, ok := t.units[w]; ok {
			return unitSuffix(key), k, true
		}
		return "", j, false
	}
	if j >= len(s) || s[j] < utf8.RuneSelf {
		return "", j, false
	}
	r, _ := decodeValid(s, j)
	if !isCJK(r) {
		return "", j, false
	}
	lens := uint16(1<<16 - 1) // the lengths of the unit words that may start here
	if r >= 0x4E00 && r <= 0x9FFF {
		if lens = t.unitLens[r-0x4E00]; lens == 0 {
			return "", j, false
		}
	}
	var ends [16]int // where each of the next characters ends
	n, k := 0, j
	for n < min(t.maxUnit, len(ends), bits.Len16(lens)) && k < len(s) {
		_, size := decodeValid(s, k)
		k += size
		ends[n] = k
		n++
	}
	for ; n > 0; n-- {
		if lens&(1<<(n-1)) == 0 {
			continue
		}
		if key, ok := t.units[s[j:ends[n-1]]]; ok {
			return unitSuffix(key), ends[n-1], true
		}
	}
	return "", j, false
}

// unitSuffix is ":" and key, made once per unit key.
func unitSuffix(key string) string {
	if key == "" {
		return ""
	}
	if s, ok := suffixes.Load(key); ok {
		return s.(string)
	}
	s, _ := suffixes.LoadOrStore(key, ":"+key)
	return s.(string)
}

var suffixes sync.Map // unit key -> ":" + key

// wordAfterSpace is the word after one space at s[j] (letters and marks, not
// CJK), and where it ends; none when a digit follows it.
func wordAfterSpace(s string, j int) (string, int) {
	if j >= len(s) || s[j] != ' ' {
		return "", j
	}
	k := j + 1
	for k < len(s) {
		c := s[k]
		if c < utf8.RuneSelf {
			if asciiClass[c] != classLetter {
				break
			}
			k++
			continue
		}
		r, n := decodeValid(s, k)
		if !isWordRune(r) || isCJK(r) || isDigit(r) {
			break
		}
		k += n
	}
	if k < len(s) && isDigitByte(s[k]) {
		return "", j
	}
	return s[j+1 : k], k
}

// Value writes the number intPart.frac × 10^exp exactly, without leading or
// trailing zeros: Value("7", "9", 8) is "790000000".
func Value(intPart, frac string, exp int) string {
	return string(appendValue(nil, []byte(intPart), []byte(frac), exp))
}

// appendValue appends Value(intPart, frac, exp) to b.
func appendValue(b, intPart, frac []byte, exp int) []byte {
	// The digits are intPart, frac and exp-len(frac) zeros; the point comes
	// after len(intPart)+exp of them.
	n := len(intPart) + max(len(frac), exp)
	digit := func(k int) byte {
		switch {
		case k < len(intPart):
			return intPart[k]
		case k-len(intPart) < len(frac):
			return frac[k-len(intPart)]
		}
		return '0'
	}
	point := len(intPart) + exp
	start := 0
	for start < point-1 && digit(start) == '0' {
		start++
	}
	end := n
	for end > point && digit(end-1) == '0' {
		end--
	}
	for k := start; k < point; k++ {
		b = append(b, digit(k))
	}
	if start == point { // no integer digits
		b = append(b, '0')
	}
	if end > point {
		b = append(b, '.')
		for k := point; k < end; k++ {
			b = append(b, digit(k))
		}
	}
	return b
}

package search

import (
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
	var ib, fb, wb [32]byte // the digits and a word, read without allocating
	intPart, frac, j := readNumber(ib[:0], fb[:0], rs, i)
	j = skipMore(rs, j)
	exp := 0
	if e, k, ok := scaleAt(wb[:0], rs, j); ok {
		exp, j = e, k
		j = skipMore(rs, j)
	}
	suffix := ""
	if s, k, ok := t.unitAt(wb[:0], rs, j); ok {
		suffix, j = s, k
	}
	var tb [64]byte
	term := appendValue(append(tb[:0], '#'), intPart, frac, exp)
	return string(append(term, suffix...)), j
}

// readNumber reads digits with thousands groups and decimals, appending them
// to intPart and frac.
func readNumber(intPart, frac []byte, rs []rune, i int) (_, _ []byte, j int) {
	j = i
	for j < len(rs) && isDigit(rs[j]) {
		intPart = append(intPart, byte(rs[j]))
		j++
	}
	for j < len(rs) && rs[j] == ',' && digits(rs, j+1) == 3 {
		intPart = append(intPart, byte(rs[j+1]), byte(rs[j+2]), byte(rs[j+3]))
		j += 4
	}
	if j+1 < len(rs) && rs[j] == '.' && isDigit(rs[j+1]) {
		k := j + 1
		for k < len(rs) && isDigit(rs[k]) {
			frac = append(frac, byte(rs[k]))
			k++
		}
		return intPart, frac, k
	}
	return intPart, frac, j
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

// scaleAt reads a scale word at rs[j]; buf is room for an English word.
func scaleAt(buf []byte, rs []rune, j int) (exp, next int, ok bool) {
	for _, s := range zhScales {
		if hasRunes(rs, j, s.word) {
			return s.exp, j + utf8.RuneCountInString(s.word), true
		}
	}
	if w, k := wordAfterSpace(buf, rs, j); len(w) > 0 {
		for _, s := range enScales {
			if string(w) == s.word {
				return s.exp, k, true
			}
		}
	}
	return 0, j, false
}

// unitAt reads a percent sign or a unit word at rs[j]; the suffix is ":%",
// ":" and the unit key, or "" for the generic measure word.
func (t *Tokenizer) unitAt(word []byte, rs []rune, j int) (string, int, bool) {
	if j < len(rs) && rs[j] == '%' {
		return ":%", j + 1, true
	}
	if w, k := wordAfterSpace(word, rs, j); len(w) > 0 {
		if string(w) == "percent" {
			return ":%", k, true
		}
		if key, ok := t.units[string(w)]; ok {
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

// wordAfterSpace appends to buf the word after one space at rs[j], and
// returns it and where it ends.
func wordAfterSpace(buf []byte, rs []rune, j int) ([]byte, int) {
	if j >= len(rs) || rs[j] != ' ' {
		return nil, j
	}
	k := j + 1
	for k < len(rs) && isWordRune(rs[k]) && !isCJK(rs[k]) && !isDigit(rs[k]) {
		buf = utf8.AppendRune(buf, rs[k])
		k++
	}
	if k < len(rs) && isDigit(rs[k]) {
		return nil, j
	}
	return buf, k
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

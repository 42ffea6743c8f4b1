package check

import (
	"strings"
	"unicode/utf8"
)

// numTok is the digits of a number as written, before anything around them is read:
// ASCII or full-width digits, commas that group them in threes, one decimal point.
type numTok struct {
	start, end int    // byte offsets of the number in the text
	next       int    // where scanning resumes if the number is not a figure
	digits     string // ASCII digits and point, without grouping: "24817", "7.9"
	grouped    bool   // written with grouping commas (1,234)
	point      bool   // written with a decimal point
	dotted     bool   // a second point follows (127.0.0.1, 1.2.3): an address or a version
}

// readNumber reads the number whose first digit is at i.
//
// A comma, half-width or full-width, groups digits only between a first group of one
// to three digits and exactly three digits (1,234 and 12,345,678): 18668件,24817人
// is two numbers, and so is 4112,481. A point, half-width or full-width, is a decimal
// point when a digit follows it; a second one makes the number a dotted identifier.
func readNumber(text string, i int) numTok {
	t := numTok{start: i}
	var b strings.Builder
	n, i := digitRun(text, i, &b)
	for n <= 3 {
		size := commaAt(text, i)
		if size == 0 || groupLen(text, i+size) != 3 {
			break
		}
		_, i = digitRun(text, i+size, &b)
		t.grouped = true
	}
	if size := pointAt(text, i); size > 0 && digitAt(text, i+size) > 0 {
		b.WriteByte('.')
		_, i = digitRun(text, i+size, &b)
		t.point = true
	}
	t.end, t.next, t.digits = i, i, b.String()
	for size := pointAt(text, t.next); size > 0 && digitAt(text, t.next+size) > 0; size = pointAt(text, t.next) {
		t.dotted = true
		_, t.next = digitRun(text, t.next+size, nil)
	}
	return t
}

// digitRun reads digits at i, writing them in ASCII to b when b is not nil, and returns
// how many it read and where they end.
func digitRun(text string, i int, b *strings.Builder) (int, int) {
	n := 0
	for {
		d, size := digitAt(text, i), digitSize(text, i)
		if d == 0 {
			return n, i
		}
		if b != nil {
			b.WriteByte(d)
		}
		n++
		i += size
	}
}

// groupLen is the number of digits at i.
func groupLen(text string, i int) int {
	n, _ := digitRun(text, i, nil)
	return n
}

// digitAt returns the digit at i in ASCII ('0'…'9'), or 0 when there is none.
func digitAt(text string, i int) byte {
	r, _ := utf8.DecodeRuneInString(text[i:])
	switch {
	case r >= '0' && r <= '9':
		return byte(r)
	case r >= '０' && r <= '９':
		return byte(r - '０' + '0')
	}
	return 0
}

func digitSize(text string, i int) int {
	_, size := utf8.DecodeRuneInString(text[i:])
	return size
}

// commaAt returns the size of a comma at i, half-width or full-width, or 0.
func commaAt(text string, i int) int { return prefixSize(text[i:], ",", "，") }

// pointAt returns the size of a point at i, half-width or full-width, or 0.
func pointAt(text string, i int) int { return prefixSize(text[i:], ".", "．") }

func prefixSize(s string, words ...string) int {
	for _, w := range words {
		if strings.HasPrefix(s, w) {
			return len(w)
		}
	}
	return 0
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

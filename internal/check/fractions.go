package check

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// A fraction (三分之一, 1/3, "a third", "one in three") is a ratio: its own kind, so
// that 1/3 never matches 3 or 33%. Its value is the quotient to four decimals, so that
// every way of writing one third compares equal. A fraction in digits is reported when
// nothing matches it; one in words is soft, like other numbers in words. 成 is a tenth
// written as a percentage: 五成 is 50%.

// ratioFound is the fraction n/d written in text[start:end].
func ratioFound(text string, start, end int, n, d int64, soft bool) (found, bool) {
	v, err := figures.ParseDecimal(fmt.Sprintf("%.4f", float64(n)/float64(d)))
	if err != nil || n <= 0 || d <= n {
		return found{}, false
	}
	return found{start: start, end: end, raw: text[start:end], fig: figures.Figure{Value: v}, soft: soft, ratio: true}, true
}

// zhFraction reads the rest of a Chinese fraction whose denominator d ends at end
// (三|分之一), or 成 (五成, 50%).
func zhFraction(text string, start, end int, d int) (found, bool) {
	if strings.HasPrefix(text[end:], "分之") && d != 100 && d != 1000 {
		numEnd := end + len("分之")
		n, stop := zhNumeralValue(text, numEnd)
		if stop == numEnd {
			return found{}, false
		}
		return ratioFound(text, start, stop, int64(n), int64(d), true)
	}
	if strings.HasPrefix(text[end:], "成") && !strings.HasPrefix(text[end+len("成"):], "员") && d >= 2 && d < 10 {
		end += len("成")
		return found{start: start, end: end, raw: text[start:end], fig: figures.Figure{Value: figures.NewDecimal(int64(d) * 10), Percent: true}, soft: true}, true
	}
	return found{}, false
}

// digitFraction reads a fraction in digits at tok (1/3): in Chinese when its numerator
// is 1 or a word such as 占 or 的 comes before it (3/15 alone may be a date), in
// English before "of" (1/3 of).
func (sc scanner) digitFraction(text string, tok numTok) (found, bool) {
	end, ok := denominatorEnd(text, tok)
	if !ok || !sc.cjk && !ofAhead(text[end:]) {
		return found{}, false
	}
	var n, d int64
	fmt.Sscan(tok.digits, &n)
	fmt.Sscan(text[tok.end+1:end], &d)
	if sc.cjk && n != 1 && !zhFractionLead(text[:tok.start]) {
		return found{}, false // 3/15 may be a date
	}
	return ratioFound(text, tok.start, end, n, d, false)
}

// denominatorEnd returns where the denominator of a fraction whose numerator is tok
// ends: tok is a whole number of plain digits, not after a slash, and a slash and one
// to three digits follow it, then neither a slash nor a decimal part (1/2/2024 and
// 1/2.5 are not fractions).
func denominatorEnd(text string, tok numTok) (int, bool) {
	if tok.point || tok.grouped || tok.start > 0 && text[tok.start-1] == '/' || !strings.HasPrefix(text[tok.end:], "/") {
		return 0, false
	}
	end := tok.end + 1
	for end < len(text) && isDigitByte(text[end]) {
		end++
	}
	if digits := end - tok.end - 1; digits == 0 || digits > 3 {
		return 0, false
	}
	rest := text[end:]
	if strings.HasPrefix(rest, "/") || len(rest) > 1 && rest[0] == '.' && isDigitByte(rest[1]) {
		return 0, false
	}
	return end, true
}

// zhFractionLead reports a word before a Chinese number that makes n/d a share (占2/3,
// 的3/4), not a date.
func zhFractionLead(before string) bool {
	r, _ := utf8.DecodeLastRuneInString(before)
	return strings.ContainsRune("的占约近为是即仅达逾超", r)
}

// ofAhead reports whether rest starts with the word "of".
func ofAhead(rest string) bool {
	return hasPrefixFold(rest, " of") && (len(rest) == 3 || !isWordByte(rest[3]))
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// enNumerators and enDenominators spell fractions in English ("two-thirds", "a
// quarter of"); "half" is left out, since "the first half" is a time.
var (
	enNumerators   = map[string]int64{"one": 1, "a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
	enDenominators = map[string]int64{"third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
		"eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "twentieth": 20, "hundredth": 100}
)

// enFraction reads an English fraction in words at i: "one-third", "two thirds", "a
// quarter of", "one in three".
func enFraction(text string, i int) (found, bool) {
	if i > 0 && isWordByte(text[i-1]) {
		return found{}, false
	}
	w1 := firstWord(text[i:])
	n, ok := enNumerators[w1]
	j := i + len(w1)
	if !ok || j >= len(text) || text[j] != ' ' && text[j] != '-' {
		return found{}, false
	}
	if w1 == "one" && (hasPrefixFold(text[j:], " in ") || hasPrefixFold(text[j:], " out of ")) {
		return oneIn(text, i, j)
	}
	w2 := firstWord(text[j+1:])
	d, ok := enDenominators[strings.TrimSuffix(w2, "s")]
	end := j + 1 + len(w2)
	if !ok || w1 == "a" && !ofAhead(text[end:]) {
		return found{}, false
	}
	return ratioFound(text, i, end, n, d, true)
}

// oneIn reads "one in three" or "one out of three" from i, whose "one" ends at j.
func oneIn(text string, i, j int) (found, bool) {
	k := j + len(" in ")
	if hasPrefixFold(text[j:], " out of ") {
		k = j + len(" out of ")
	}
	w := firstWord(text[k:])
	if d, ok := enWords[w]; ok && w != "" {
		return ratioFound(text, i, k+len(w), 1, d, true)
	}
	return found{}, false
}

// zhRatioLeads and enRatioLeads come before a ratio n:m (比例为1:3, "a ratio of
// 1:3"); without one, 11:29 is a time.
var (
	zhRatioLeads = []string{"比例为", "比例是", "比例", "之比为", "之比是", "之比", "比为"}
	enRatioLeads = []string{"ratio of ", "ratio is ", "ratio was ", "ratio: "}
)

// digitRatio reads a ratio n:m at tok after a word that says it is one; it is its own
// kind (1:3 is not 1/3, a share of 1/4), its value n/m.
func (sc scanner) digitRatio(text string, tok numTok) (found, bool) {
	if tok.point || tok.grouped {
		return found{}, false
	}
	sep := 0
	for _, c := range []string{":", "∶", "："} {
		if strings.HasPrefix(text[tok.end:], c) {
			sep = len(c)
		}
	}
	end := tok.end + sep
	for sep > 0 && end < len(text) && isDigitByte(text[end]) {
		end++
	}
	if sep == 0 || end == tok.end+sep || end-tok.end-sep > 4 || !sc.ratioLead(text[:tok.start]) {
		return found{}, false
	}
	var n, m int64
	fmt.Sscan(tok.digits, &n)
	fmt.Sscan(text[tok.end+sep:end], &m)
	v, err := figures.ParseDecimal(fmt.Sprintf("%.4f", float64(n)/float64(max(m, 1))))
	if err != nil || n <= 0 || m <= 0 {
		return found{}, false
	}
	return found{start: tok.start, end: end, raw: text[tok.start:end], fig: figures.Figure{Value: v}, proportion: true}, true
}

func (sc scanner) ratioLead(before string) bool {
	if sc.cjk {
		for _, w := range zhRatioLeads {
			if strings.HasSuffix(before, w) {
				return true
			}
		}
		return false
	}
	for _, w := range enRatioLeads {
		if hasSuffixFold(before, w) {
			return true
		}
	}
	return false
}

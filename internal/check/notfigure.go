package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// These rules tell numbers that are not figures from figures. Each looks at a few
// characters around the number only.

// zhNotFigureUnits follow numbers that are dates, times, ages or versions, not figures.
var zhNotFigureUnits = []string{"年", "月", "日", "号", "时", "点", "分", "秒", "周年", "季度", "世纪", "岁", "版"}

// zhOrdinals and enNamers come before numbers that name or rank things (第3, No. 7,
// Article 1, version 2).
var (
	zhOrdinals = []string{"第", "#", "注"}
	enNamers   = []string{"no.", "no", "#", "note", "article", "section", "chapter", "part", "clause",
		"paragraph", "item", "phase", "level", "grade", "version", "ver.", "v", "room", "route", "line"}
)

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec"}

// enDurations are words that make a number a length of time ("3 years", "100-day").
var enDurations = []string{"year", "month", "week", "day", "quarter", "hour", "minute", "decade", "centur"}

// maxEnumeration bounds how far a list such as 1、3、5分钟 is followed to its unit.
const maxEnumeration = 4

// notFigureByContext rules out a number by what touches it: a date, a time or an
// identifier (2024-03-15, 11:29, 3/15, COVID-19), a name (G20, 5G, v1.2), an ordinal
// (第3, No. 7), a number with a leading zero (## 01, 007), or a date or time unit.
func (sc scanner) notFigureByContext(text string, tok numTok) bool {
	return footnoteMark(text, tok) || listNumber(text, tok) || joinedToOtherNumber(text, tok) || letterAround(text, tok.start, tok.end) ||
		leadingZero(tok.digits) || sc.named(text, tok.start) || sc.dateOrTime(text, tok)
}

// notFigureWhenBare rules out a number written without qualifier, scale or unit that
// is a year (2023), a phone, licence or ID number (seven digits or more, ungrouped), or
// a version after a product name (Go 1.26).
func (sc scanner) notFigureWhenBare(text string, tok numTok) bool {
	if tok.point {
		return afterProductName(text, tok.start)
	}
	d := tok.digits
	return !tok.grouped && (len(d) == 4 && d >= "1900" && d <= "2100" || len(d) >= 7)
}

func joinedToOtherNumber(text string, tok numTok) bool {
	before, after := text[:tok.start], text[tok.end:]
	if strings.HasSuffix(before, "-") && !strings.HasSuffix(before, "%-") {
		return true // the rest of a date or an identifier; a minus sign is not read
	}
	if strings.HasSuffix(before, ".") && len(before) > 1 && isLatinByte(before[len(before)-2]) {
		return true // a note number after a sentence's last word ("covered.1")
	}
	if (strings.HasSuffix(before, ":") || strings.HasSuffix(before, "/")) && endsWithDigit(before[:len(before)-1]) {
		return true // the rest of a time or a date (11:29, 3/15)
	}
	return strings.HasPrefix(after, ":") || strings.HasPrefix(after, "/") ||
		strings.HasPrefix(after, "-") && len(after) > 1 && digitAt(after, 1) > 0
}

// footnoteMark reports a note marker in square brackets ("[1]31346.8", "yuan[1]").
func footnoteMark(text string, tok numTok) bool {
	return strings.HasSuffix(text[:tok.start], "[") && strings.HasPrefix(text[tok.end:], "]")
}

// listNumber reports the number of a list item or of a page chunk at the start of a
// paragraph or line: 1、 or 1. or 1) (1、6.5%是底线, "3、trillion yuan").
func listNumber(text string, tok numTok) bool {
	if tok.start > 0 && text[tok.start-1] != '\n' || len(tok.digits) > 2 || tok.point {
		return false
	}
	after := text[tok.end:]
	return strings.HasPrefix(after, "、") || strings.HasPrefix(after, ". ") || strings.HasPrefix(after, ")")
}

func endsWithDigit(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return isDigit(r)
}

// letterAround reports a Latin letter touching the number, except a percent sign's and
// a currency code's written before it (RMB12 billion).
func letterAround(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	if currencyBefore(text[:start]) || gluedScale(text[end:]) != "" {
		before = ' ' // RMB12 billion; from54trillion, a scale word glued by a bad copy
	}
	after, _ := utf8.DecodeRuneInString(text[end:])
	if gluedScale(text[end:]) != "" {
		after = ' '
	}
	latin := func(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }
	return latin(before) || latin(after)
}

// currencyCodes are written right before a figure's digits in English copy.
var currencyCodes = []string{"RMB", "CNY", "USD", "HKD"}

// gluedScale returns the English scale word that starts rest with no space before it
// ("54trillion"), or "".
func gluedScale(rest string) string {
	for _, w := range enScales {
		w = w[1:]
		if hasPrefixFold(rest, w) && (len(rest) == len(w) || !isWordByte(rest[len(w)])) {
			return w
		}
	}
	return ""
}

func currencyBefore(s string) bool {
	for _, c := range currencyCodes {
		if strings.HasSuffix(s, c) && !isWordAt(s, len(s)-len(c)-1) {
			return true
		}
	}
	return false
}

func leadingZero(digits string) bool {
	return len(digits) > 1 && digits[0] == '0' && digits[1] != '.'
}

// named reports an ordinal or naming word before the number at i.
func (sc scanner) named(text string, i int) bool {
	before := strings.TrimRight(text[:i], " ")
	if sc.cjk {
		return prefixSize(lastRune(before), zhOrdinals...) > 0 || hasSuffixFold(before, "No.")
	}
	for _, w := range enNamers {
		if hasSuffixFold(before, w) && !isWordAt(before, len(before)-len(w)-1) {
			return true
		}
	}
	return false
}

func lastRune(s string) string {
	_, size := utf8.DecodeLastRuneInString(s)
	return s[len(s)-size:]
}

// dateOrTime reports a number that a date or time unit follows (3月, 11时, 5分钟, also
// at the end of a list: 1、3、5分钟), or, in English, that a month name touches or a
// length of time follows (15 March, March 15, 3 years).
func (sc scanner) dateOrTime(text string, tok numTok) bool {
	after := strings.TrimLeft(text[tok.end:], " ")
	if sc.cjk {
		after = enumerationEnd(after)
		return prefixSize(after, zhNotFigureUnits...) > 0
	}
	if enDuration(after) {
		return true
	}
	before := strings.TrimRight(text[:tok.start], " ")
	next := strings.TrimLeft(strings.TrimPrefix(after, ","), " ")
	for _, m := range months {
		if hasSuffixFold(before, m) && !isWordAt(before, len(before)-len(m)-1) ||
			hasPrefixFold(next, m) && !isWordAt(next, len(m)) {
			return true
		}
	}
	return false
}

// enumerationEnd skips the rest of a list of numbers such as 1、3、5, so that its unit
// is read; it follows a few items only.
func enumerationEnd(s string) string {
	for k := 0; k < maxEnumeration && strings.HasPrefix(s, "、") && digitAt(s, len("、")) > 0; k++ {
		_, end := digitRun(s, len("、"), nil)
		s = s[end:]
	}
	return s
}

func enDuration(after string) bool {
	w := strings.TrimLeft(after, "-")
	for _, d := range enDurations {
		if hasPrefixFold(w, d) {
			return true
		}
	}
	return false
}

// afterProductName reports a capitalized Latin word right before the number at i, one
// space away: a product and its version (Go 1.26, Python 3.12).
func afterProductName(text string, i int) bool {
	if !strings.HasSuffix(text[:i], " ") {
		return false
	}
	j := i - 1
	for j > 0 && isLatinByte(text[j-1]) {
		j--
	}
	return j < i-1 && text[j] >= 'A' && text[j] <= 'Z' && (j == 0 || !isWordByte(text[j-1]))
}

// isWordAt reports a letter at s[i], so that "mar" in "seminar" is not a month.
func isWordAt(s string, i int) bool {
	return i >= 0 && i < len(s) && isLatinByte(s[i])
}

package check

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// found is a figure read from prose: where it stands in the text and what it is worth.
type found struct {
	start, end int // byte offsets in the text
	raw        string
	fig        figures.Figure
	soft       bool // written in words
}

// scanner reads the figures out of prose in one language. It is deliberately
// conservative: what could be a year, a date, a time, an ordinal or part of a name
// ("G20", "5G") is not a figure, so that a faithful translation reports nothing.
type scanner struct {
	units *figures.Units
	cjk   bool
}

var zhPrefixes = []string{"超过", "将近", "大约", "约", "近", "超", "逾"}

var enPrefixes = []string{"more than ", "approximately ", "nearly ", "almost ", "around ", "about ", "over "}

var zhScales = []string{"万亿", "亿", "万"}

var enScales = []string{" thousand", " million", " billion", " trillion"}

// zhDateUnits follow numbers that are dates or times, not figures.
var zhDateUnits = []string{"年", "月", "日", "号", "时", "点", "分", "秒", "周年", "季度", "世纪", "岁"}

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul",
	"aug", "sep", "sept", "oct", "nov", "dec"}

// scan returns the figures in text, in order.
func (sc scanner) scan(text string) []found {
	var out []found
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if isDigit(r) && !digitBefore(text, i) {
			if f, ok := sc.number(text, i); ok {
				out = append(out, f)
				i = f.end
				continue
			}
			for i < len(text) { // skip the rest of this number
				r, size := utf8.DecodeRuneInString(text[i:])
				if !isDigit(r) && r != '.' && r != ',' {
					break
				}
				i += size
			}
			continue
		}
		if f, ok := sc.numeral(text, i); ok {
			out = append(out, f)
			i = f.end
			continue
		}
		i += size
	}
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' || r >= '０' && r <= '９' }

func digitBefore(text string, i int) bool {
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return isDigit(r) || r == '.' || r == ','
}

// number reads the figure whose digits start at i.
func (sc scanner) number(text string, i int) (found, bool) {
	end := digitsEnd(text, i)
	if end < len(text) && (text[end] == '-' && end+1 < len(text) && isASCIIDigit(text[end+1]) || text[end] == ':' || text[end] == '/') {
		return found{}, false // 2024-03-15, 11:29, 3/15
	}
	if letterAround(text, i, end) {
		return found{}, false // G20, 5G, COVID-19, 1st
	}
	start := i
	if strings.HasSuffix(text[:i], "-") || strings.HasSuffix(text[:i], ":") || strings.HasSuffix(text[:i], "/") {
		return found{}, false // the rest of a date, a time or an identifier
	}
	if before := strings.TrimRight(text[:i], " "); strings.HasSuffix(before, "第") || strings.HasSuffix(before, "No.") ||
		strings.HasSuffix(before, "#") || strings.HasSuffix(before, "No") {
		return found{}, false // ordinals and numbers that name things
	}
	for _, p := range sc.prefixes() {
		if strings.HasSuffix(strings.ToLower(text[:start]), p) && (sc.cjk || start == len(p) || !isWordByte(text[start-len(p)-1])) {
			start -= len(p)
			break
		}
	}
	end = sc.suffix(text, end)
	raw := strings.TrimSpace(text[start:end])
	if sc.isDateOrYear(text, i, end, raw) {
		return found{}, false
	}
	for cut := end; cut > i; {
		f, err := figures.Parse(strings.TrimSpace(text[start:cut]), "", sc.units)
		if err == nil {
			return found{start: start, end: cut, raw: strings.TrimSpace(text[start:cut]), fig: f}, true
		}
		_, size := utf8.DecodeLastRuneInString(text[:cut])
		cut -= size // drop a trailing word the figure parser did not take
		for cut > i && text[cut-1] == ' ' {
			cut--
		}
	}
	return found{}, false
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// digitsEnd returns the end of the number at i: digits, grouping commas, one point.
func digitsEnd(text string, i int) int {
	seenPoint := false
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case isDigit(r):
		case r == ',' && i+3 < len(text) && isASCIIDigit(text[i+1]) && isASCIIDigit(text[i+2]) && isASCIIDigit(text[i+3]):
		case r == '.' && !seenPoint && i+1 < len(text) && isASCIIDigit(text[i+1]):
			seenPoint = true
		default:
			return i
		}
		i += size
	}
	return i
}

func letterAround(text string, start, end int) bool {
	before, _ := utf8.DecodeLastRuneInString(text[:start])
	after, _ := utf8.DecodeRuneInString(text[end:])
	latin := func(r rune) bool { return r < 0x250 && unicode.IsLetter(r) }
	return latin(before) || latin(after) && !startsUnit(text[end:])
}

// startsUnit reports whether text starts with something a figure may end with right
// after its digits: a percent sign.
func startsUnit(text string) bool { return strings.HasPrefix(text, "%") }

func (sc scanner) prefixes() []string {
	if sc.cjk {
		return zhPrefixes
	}
	return enPrefixes
}

// suffix extends a figure over what may follow its digits: 余/多, a scale word, a unit,
// a percent sign.
func (sc scanner) suffix(text string, end int) int {
	rest := text[end:]
	take := func(words []string, fold bool) bool {
		for _, w := range words {
			if fold && len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) || !fold && strings.HasPrefix(rest, w) {
				end += len(w)
				rest = text[end:]
				return true
			}
		}
		return false
	}
	if take([]string{"%", "％", " percent", " per cent"}, true) {
		return end
	}
	if sc.cjk {
		take([]string{"余", "多"}, false)
		take(zhScales, false)
		take([]string{"余", "多"}, false)
	} else {
		take(enScales, true)
	}
	sc.takeUnit(text, &end)
	return end
}

// takeUnit extends end over a unit word the units know ("元", "cases").
func (sc scanner) takeUnit(text string, end *int) {
	rest := text[*end:]
	if sc.cjk {
		r, size := utf8.DecodeRuneInString(rest)
		if r != utf8.RuneError && sc.units.Lookup(string(r)) != "" {
			*end += size
		}
		return
	}
	word := strings.TrimLeft(rest, " ")
	if len(word) == len(rest) {
		return
	}
	n := 0
	for n < len(word) && (word[n] >= 'a' && word[n] <= 'z' || word[n] >= 'A' && word[n] <= 'Z') {
		n++
	}
	if n > 0 && sc.units.Lookup(strings.ToLower(word[:n])) != "" {
		*end += len(rest) - len(word) + n
	}
}

// isDateOrYear tells years, dates and ages from figures.
func (sc scanner) isDateOrYear(text string, start, end int, raw string) bool {
	digits := text[start:digitsEnd(text, start)]
	after := text[digitsEnd(text, start):]
	if sc.cjk {
		for _, u := range zhDateUnits {
			if strings.HasPrefix(after, u) {
				return true
			}
		}
	} else if enDuration(after) {
		return true
	} else {
		before := strings.ToLower(strings.TrimRight(text[:start], " "))
		next := strings.ToLower(strings.TrimLeft(strings.TrimLeft(after, ","), " "))
		for _, m := range months {
			if strings.HasSuffix(before, m) && !isLetterAt(before, len(before)-len(m)-1) ||
				strings.HasPrefix(next, m) && !isLetterAt(next, len(m)) {
				return true
			}
		}
	}
	if len(digits) == 4 && raw == digits && digits >= "1900" && digits <= "2100" {
		return true // a bare four-digit number in this range is a year
	}
	return false
}

func isLetterAt(s string, i int) bool {
	return i >= 0 && i < len(s) && (s[i] >= 'a' && s[i] <= 'z')
}

// enDurations are words that make a number a length of time ("3 years", "100-day").
var enDurations = []string{"year", "month", "week", "day", "quarter", "hour", "minute", "decade", "centur"}

func enDuration(after string) bool {
	w := strings.ToLower(strings.TrimLeft(after, " -"))
	for _, d := range enDurations {
		if strings.HasPrefix(w, d) {
			return true
		}
	}
	return false
}

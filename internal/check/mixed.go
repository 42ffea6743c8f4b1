package check

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// Chinese copy, news above all, writes large numbers with digits and characters mixed:
// 1万2千8百80亿 (1.288 trillion), 3亿7500万 (375 million), 1千零50亿 (105 billion).
// mixed reads such a number as one figure; figures.Parse takes one scale word only.

// zhPlaces are the characters that multiply the digits before them within a section of
// four digits.
var zhPlaces = map[rune]int64{'十': 10, '拾': 10, '百': 100, '佰': 100, '千': 1000, '仟': 1000}

// zhMixedDigits are the Chinese digits a mixed number may hold besides Arabic ones.
var zhMixedDigits = map[rune]int64{'〇': 0, '零': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4,
	'五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// mixedAhead reports a number in digits that goes on with characters and digits: a
// place or scale character at tok.end, followed later by another digit.
func mixedAhead(text string, tok numTok) bool {
	if tok.point || tok.grouped {
		return false
	}
	i := tok.end
	n := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case zhPlaces[r] > 0 || r == '万' || r == '亿' || r == '零' || r == '〇':
			n++
		case n > 0 && (digitAt(text, i) > 0 || zhMixedDigits[r] > 0):
			return true
		default:
			return false
		}
		i += size
	}
	return false
}

// mixedValue reads the mixed number at i and returns its value and where it ends.
func mixedValue(text string, i int) (int64, int) {
	var yi, wan, sec, cur int64
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case digitAt(text, i) > 0:
			var b strings.Builder
			_, i = digitRun(text, i, &b)
			cur, _ = strconv.ParseInt(b.String(), 10, 64)
			if cur >= maxMixed {
				return 0, i
			}
			continue
		case zhPlaces[r] > 0:
			sec += max(cur, 1) * zhPlaces[r]
			cur = 0
		case r == '万':
			wan, sec, cur = (wan+sec+cur)*10_000, 0, 0
		case r == '亿':
			yi, wan, sec, cur = (yi+wan+sec+cur)*100_000_000, 0, 0, 0
		case r == '〇' || r == '零':
		case zhMixedDigits[r] > 0:
			cur = zhMixedDigits[r]
		default:
			return yi + wan + sec + cur, i
		}
		if yi >= maxMixed || wan >= maxMixed || sec >= maxMixed || cur >= maxMixed {
			return 0, i // beyond any figure: 1亿亿亿 is not one
		}
		i += size
	}
	return yi + wan + sec + cur, i
}

// maxMixed bounds the parts of a mixed number, far below where int64 would overflow.
const maxMixed = 1e16

// mixed reads the mixed number whose digits start at tok, with its qualifier and unit.
func (sc scanner) mixed(text string, tok numTok) (found, bool) {
	v, end := mixedValue(text, tok.start)
	if v <= 0 || v >= 1e16 {
		return found{}, false
	}
	start := sc.prefix(text, tok.start)
	full := sc.suffix(text, end)
	f, err := figures.Parse(text[start:tok.start]+strconv.FormatInt(v, 10)+text[end:full], "", sc.units)
	if err != nil {
		f, err = figures.Parse(text[start:tok.start]+strconv.FormatInt(v, 10), "", sc.units)
		full = end
	}
	if err != nil {
		return found{}, false
	}
	return found{start: start, end: full, raw: text[start:full], fig: f}, true
}

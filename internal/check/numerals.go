package check

import (
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// zhCounters are the measure words after which a Chinese numeral counts something
// (三项措施, 十大行动). One (一) is left out on purpose: 一个 and 一项 usually
// translate as "a", not "one", and would only raise false alarms. A counter followed
// by 一体 makes an idiom, not a count (四位一体 is "integrated", not "four").
var zhCounters = []string{"项", "个", "名", "起", "件", "家", "次", "大", "条", "类", "种", "批", "所", "处", "位", "支", "级"}

var zhDigits = map[rune]int{'二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '一': 1}

// enWords are the English number words that count something. "one" is left out:
// it is as often a pronoun ("one of the cities") as a number.
var enWords = map[string]int64{
	"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "a hundred": 100,
	"a thousand": 1000, "a million": 1_000_000, "a billion": 1_000_000_000, "a trillion": 1_000_000_000_000,
}

// numeral reads a number written in words at i: a Chinese numeral before a counter,
// or an English number word.
func (sc scanner) numeral(text string, i int) (found, bool) {
	if sc.cjk {
		return zhNumeral(text, i)
	}
	return enNumeral(text, i)
}

// zhNumeral reads a Chinese numeral at i as a figure when a scale word, 倍 or a
// counter follows it (三千万, 五倍, 三个), or as a fraction (三分之一).
func zhNumeral(text string, i int) (found, bool) {
	if r, _ := utf8.DecodeLastRuneInString(text[:i]); zhDigits[r] > 0 || strings.ContainsRune("十百千廿第", r) {
		return found{}, false // inside a numeral, or an ordinal (第三)
	}
	value, end := zhNumeralValue(text, i)
	if f, ok := zhFraction(text, i, end, value); ok {
		return f, true
	}
	if end == i || value <= 1 && !strings.HasPrefix(text[end:], "亿") && !strings.HasPrefix(text[end:], "万") {
		return found{}, false
	}
	v, n, ok := zhCounted(text[end:], int64(value))
	if !ok {
		return found{}, false
	}
	end += n
	return found{start: i, end: end, raw: text[i:end], fig: figures.Figure{Value: figures.NewDecimal(v)}, soft: true}, true
}

// zhCounted reads what follows a Chinese numeral worth v: a scale word, which it
// multiplies, 倍 (a multiple: at extends the figure over it), or a counter. It returns
// the figure's value and how many bytes of rest it takes; ok is false when none of
// them follows.
func zhCounted(rest string, v int64) (value int64, n int, ok bool) {
	for _, sc := range zhScaleValues {
		if strings.HasPrefix(rest, sc.word) {
			return v * sc.scale, len(sc.word), true
		}
	}
	if strings.HasPrefix(rest, "倍") {
		return v, 0, true
	}
	for _, c := range zhCounters {
		if strings.HasPrefix(rest, c) && !strings.HasPrefix(rest[len(c):], "一体") {
			return v, len(c), true
		}
	}
	return 0, 0, false
}

// zhScaleValues are the scale words a Chinese numeral may take (千万, 一亿), longest
// first.
var zhScaleValues = []struct {
	word  string
	scale int64
}{{"万亿", 1_000_000_000_000}, {"亿", 100_000_000}, {"万", 10_000}}

// zhNumeralValue reads the Chinese numeral at i (三, 十九, 一百零五, 两千, 廿五) and
// returns its value and where it ends.
func zhNumeralValue(text string, i int) (int, int) {
	value, cur, end := 0, 0, i
	for end < len(text) {
		r, size := utf8.DecodeRuneInString(text[end:])
		switch {
		case zhDigits[r] > 0:
			cur = zhDigits[r]
		case zhPlaces[r] > 0:
			value += max(cur, 1) * int(zhPlaces[r])
			cur = 0
		case r == '廿':
			value += 20
		case (r == '零' || r == '〇') && end > i:
			// a place left empty: 一百零五
		default:
			return value + cur, end
		}
		end += size
	}
	return value + cur, end
}

func enNumeral(text string, i int) (found, bool) {
	if i > 0 && isWordByte(text[i-1]) {
		return found{}, false
	}
	for w, v := range enWords {
		if hasPrefixFold(text[i:], w) && (len(text) == i+len(w) || !isWordByte(text[i+len(w)]) && text[i+len(w)] != '-') {
			return found{start: i, end: i + len(w), raw: text[i : i+len(w)], fig: figures.Figure{Value: figures.NewDecimal(v)}, soft: true}, true
		}
	}
	return found{}, false
}

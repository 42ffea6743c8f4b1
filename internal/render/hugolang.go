package render

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	numfmt "golang.org/x/text/number"
)

// langNS is Hugo's lang namespace, bound to the language of the call's page:
// lang.FormatNumber, lang.FormatPercent and lang.Translate.
type langNS struct {
	locale    string
	translate func(id any, data ...any) (string, error)
}

// FormatNumber writes number with precision decimals, its thousands grouped, with
// the language's marks: {{ 12345.678 | lang.FormatNumber 2 }} is 12,345.68 in
// English, 12.345,68 in German.
func (l langNS) FormatNumber(precision, num any) (string, error) {
	return l.format("lang.FormatNumber", precision, num, true)
}

// FormatPercent writes number as a percentage with precision decimals, as Hugo does:
// the number is not multiplied ({{ 12.5 | lang.FormatPercent 1 }} is 12.5%), and its
// thousands are not grouped.
func (l langNS) FormatPercent(precision, num any) (string, error) {
	s, err := l.format("lang.FormatPercent", precision, num, false)
	if err != nil {
		return "", err
	}
	return s + "%", nil
}

// Translate is i18n.
func (l langNS) Translate(id any, data ...any) (string, error) { return l.translate(id, data...) }

func (l langNS) format(name string, precision, num any, group bool) (string, error) {
	p, err := toInt(precision)
	if err != nil || p < 0 || p > 20 {
		return "", fmt.Errorf("%s: the precision must be a whole number from 0 to 20, not %v", name, precision)
	}
	f, err := toFloat(num)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return "", fmt.Errorf("%s: %v is not a number", name, num)
	}
	marks := marksOf(l.locale)
	digits := strconv.FormatFloat(math.Abs(f), 'f', p, 64)
	whole, frac, _ := strings.Cut(digits, ".")
	var b strings.Builder
	if f < 0 { // -0.001 is -0.00, as in Hugo
		b.WriteByte('-')
	}
	for i, d := range whole {
		if group && i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteString(marks.group)
		}
		b.WriteRune(d)
	}
	if frac != "" {
		b.WriteString(marks.decimal + frac)
	}
	return b.String(), nil
}

// numberMarks are a language's decimal mark and thousands separator.
type numberMarks struct{ decimal, group string }

var marksByLocale sync.Map // locale -> numberMarks

// marksOf reads a locale's marks from Unicode's data (golang.org/x/text), by writing
// 1234.5 in it; a locale without Western digits, or unknown, takes "." and ",".
func marksOf(locale string) numberMarks {
	if m, ok := marksByLocale.Load(locale); ok {
		return m.(numberMarks)
	}
	m := numberMarks{decimal: ".", group: ","}
	if tag, err := language.Parse(locale); err == nil {
		s := message.NewPrinter(tag).Sprint(numfmt.Decimal(1234.5, numfmt.Scale(1)))
		rest, ok1 := strings.CutPrefix(s, "1")
		group, rest, ok2 := strings.Cut(rest, "234")
		dec, ok3 := strings.CutSuffix(rest, "5")
		if ok1 && ok2 && ok3 && utf8.RuneCountInString(group) <= 1 && utf8.RuneCountInString(dec) == 1 {
			m = numberMarks{decimal: dec, group: group}
		}
	}
	marksByLocale.Store(locale, m)
	return m
}

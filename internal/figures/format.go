package figures

import (
	"fmt"
	"slices"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Format writes f in language lang, a BCP 47 tag. Any Chinese tag (zh,
// zh-Hans, zh-TW) gets Chinese notation; every other language gets the short
// scale (million, billion, trillion) with its own digits, plural rules and,
// for French and German, its own words. The rules are in the package doc.
// A nil units means DefaultUnits.
//
// Format fails on an unknown language, a unit missing from units or
// missing words in that language, or a value beyond the limits Parse
// enforces; anything Parse returned can be formatted in zh and en.
func Format(f Figure, lang string, units *Units) (string, error) {
	units = orBuiltin(units)
	t, err := parseLang(lang)
	if err != nil {
		return "", err
	}
	if err := f.check(units); err != nil {
		return "", err
	}
	if isZh(t) {
		return formatZh(f, t, units)
	}
	return formatOther(f, t, units)
}

// FormatNumber writes a bare number the way Format writes a figure without
// unit or qualifier (zh: 4112, 2235万; en: 4,112, 22.35 million), for
// counts in templates such as "12 briefs". It cannot fail: an unknown
// language is written as English, and a value beyond the figure limits is
// written in plain digits.
func FormatNumber(d Decimal, lang string) string {
	t, err := parseLang(lang)
	if err != nil {
		t = language.English
	}
	if d.inRange() == nil {
		if s, err := Format(Figure{Value: d}, t.String(), nil); err == nil {
			return s
		}
	}
	if isZh(t) {
		return d.String()
	}
	syms := builtin().symbols(t)
	var buf [64]byte
	b := buf[:0]
	if d.Sign() < 0 {
		b = append(b, syms.minus...)
	}
	return string(syms.appendAbs(b, d))
}

func formatZh(f Figure, t language.Tag, units *Units) (string, error) {
	unit, err := zhUnitWord(f, t, units)
	if err != nil {
		return "", err
	}
	// Figures are short: appending to a buffer on the stack and converting
	// once allocates only the result.
	var buf [64]byte
	b := buf[:0]
	if f.Qualifier != None && f.Qualifier != MoreThan {
		b = append(b, zhQualWord(f)...)
	}
	if f.Percent {
		b = f.Value.appendTo(b)
	} else {
		b = appendZhNumber(b, f.Value)
	}
	if f.Qualifier == MoreThan {
		b = append(b, zhQualWord(f)...)
	}
	if f.Percent {
		b = append(b, '%')
	}
	return string(append(b, unit...)), nil
}

// appendZhNumber appends v in Chinese notation: 万亿 from 10^12 and 亿 from
// 10^8 with at most 4 decimals, 万 from 10^4 with at most 2, else plain
// digits. The decimal limits keep the number short without hiding digits:
// 18668 stays 18668 rather than 1.8668万.
func appendZhNumber(dst []byte, v Decimal) []byte {
	a := v.Abs()
	n := a.intDigits()
	m, scale := a, ""
	switch {
	case n > 12 && a.shift(-12).scale <= 4:
		m, scale = a.shift(-12), "万亿"
	case n > 8 && a.shift(-8).scale <= 4:
		m, scale = a.shift(-8), "亿"
	case n > 4 && n <= 8 && a.shift(-4).scale <= 2:
		m, scale = a.shift(-4), "万"
	}
	if v.Sign() < 0 {
		dst = append(dst, '-')
	}
	return append(m.appendAbs(dst), scale...)
}

// zhUnitWord picks the Chinese unit word: the source word if it is one of
// the unit's Chinese words, else the first one.
func zhUnitWord(f Figure, t language.Tag, units *Units) (string, error) {
	if f.Unit == "" {
		if key, ok := units.lookup(f.Word); ok && key == "" && f.Word != "" {
			return f.Word, nil // the generic measure word 个
		}
		return "", nil
	}
	fs, ok := units.formsFor(f.Unit, t)
	if !ok {
		return "", missingLangError(f.Unit, t)
	}
	if slices.Contains(fs.words, f.Word) {
		return f.Word, nil
	}
	if len(fs.words) == 0 {
		return "", nil
	}
	return fs.words[0], nil
}

func missingLangError(key string, t language.Tag) error {
	return fmt.Errorf("unit %q has no %s words; add %s = [\"…\"] to [units.%s] in site.toml", key, t, t, key)
}

func formatOther(f Figure, t language.Tag, units *Units) (string, error) {
	word, err := otherUnitWord(f, t, units)
	if err != nil {
		return "", err
	}
	n, syms := notationFor(t), units.symbols(t)
	m, idx := f.Value.Abs(), -1
	if !f.Percent {
		m, idx = shortScale(m)
	}
	// The words are separated by single spaces, appended to a buffer on
	// the stack and converted once, as in formatZh.
	var buf [64]byte
	b := buf[:0]
	if f.Qualifier != None {
		b = append(append(b, otherQualWord(f, n)...), ' ')
	}
	if f.Percent {
		b = append(b, syms.pctPrefix...)
	}
	if f.Value.Sign() < 0 {
		b = append(b, syms.minus...)
	}
	b = syms.appendAbs(b, m)
	if f.Percent {
		return string(append(b, syms.pctSuffix...)), nil
	}
	if idx >= 0 {
		b = append(append(b, ' '), pickForm(n.scales[idx], matchPlural(t, m))...)
		if word != "" && n.link != "" {
			word = n.link + " " + word
			if n.elide != nil {
				word = n.elide(n.link, word[len(n.link)+1:])
			}
		}
	}
	if word != "" {
		b = append(append(b, ' '), word...)
	}
	return string(b), nil
}

// shortScale divides a by the largest of 10^6, 10^9 and 10^12 it reaches
// and returns the quotient and the scale word's index, if the quotient needs
// at most 3 decimals; otherwise it returns a unchanged and -1, since 1.234567
// million is harder to read than 1,234,567. 3 decimals means the scale word
// only ever replaces groups of zeros (1.506 billion).
func shortScale(a Decimal) (Decimal, int) {
	exp, idx := 0, -1
	switch n := a.intDigits(); {
	case n > 12:
		exp, idx = 12, 2
	case n > 9:
		exp, idx = 9, 1
	case n > 6:
		exp, idx = 6, 0
	}
	if idx >= 0 {
		if m := a.shift(-exp); m.scale <= 3 {
			return m, idx
		}
	}
	return a, -1
}

// otherUnitWord picks the unit word for a non-Chinese language by the
// plural category of the exact value: 1 case, 2 cases, 1.5 million cases.
func otherUnitWord(f Figure, t language.Tag, units *Units) (string, error) {
	if f.Unit == "" {
		return "", nil
	}
	fs, ok := units.formsFor(f.Unit, t)
	if !ok {
		return "", missingLangError(f.Unit, t)
	}
	switch {
	case len(fs.words) == 0:
		return "", nil
	case len(fs.words) == 1 || fs.zh || len(fs.words) != len(fs.cats):
		return fs.words[0], nil
	}
	i := slices.Index(fs.cats, matchPlural(fs.tag, f.Value))
	if i < 0 {
		i = len(fs.cats) - 1 // Other, always last in CLDR order
	}
	return fs.words[i], nil
}

// pickForm returns the word for plural form f, or the Other form.
func pickForm(words map[plural.Form]string, f plural.Form) string {
	if w, ok := words[f]; ok {
		return w
	}
	return words[plural.Other]
}

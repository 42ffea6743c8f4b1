package render

import (
	"bytes"
	"html/template"
	"testing"
)

// TestLangFormat: lang.FormatNumber and lang.FormatPercent as Hugo writes them (its
// locales' FmtNumber and FmtPercent): grouped thousands for numbers, not for
// percentages, which are not multiplied; the language's marks.
func TestLangFormat(t *testing.T) {
	cases := []struct {
		locale, fn string
		prec, num  any
		want       string
	}{
		{"en", "number", 2, 512.5032, "512.50"},
		{"en", "number", 2, 1234567.891, "1,234,567.89"},
		{"en", "number", 0, 1234, "1,234"},
		{"en", "number", 1, -1234.56, "-1,234.6"},
		{"en", "number", 2, -0.001, "-0.00"},
		{"en", "number", "2", "42", "42.00"},
		{"zh-CN", "number", 2, 12345.678, "12,345.68"},
		{"de", "number", 2, 12345.678, "12.345,68"},
		{"fr", "number", 1, 1234.5, "1\u00a0234,5"},
		{"ar", "number", 1, 1234.5, "1,234.5"},
		{"en", "percent", 2, 512.5032, "512.50%"},
		{"en", "percent", 1, 12345.5, "12345.5%"},
		{"de", "percent", 1, 12.5, "12,5%"},
	}
	for _, c := range cases {
		l := langNS{locale: c.locale}
		f := l.FormatNumber
		if c.fn == "percent" {
			f = l.FormatPercent
		}
		if got, err := f(c.prec, c.num); err != nil || got != c.want {
			t.Errorf("%s %s %v %v = %q, %v; want %q", c.locale, c.fn, c.prec, c.num, got, err, c.want)
		}
	}
	for _, bad := range [][2]any{{-1, 1}, {"x", 1}, {2, "abc"}, {21, 1}} {
		if got, err := (langNS{locale: "en"}).FormatNumber(bad[0], bad[1]); err == nil {
			t.Errorf("FormatNumber %v %v = %q, no error", bad[0], bad[1], got)
		}
	}
	// A template without a call cannot use lang: it is bound to the call's page.
	tmpl := template.Must(template.New("t").Funcs(shortcodeFuncs(testEnv(t))).Parse(`{{ 1 | lang.FormatNumber 2 }}`))
	if err := tmpl.Execute(&bytes.Buffer{}, nil); err == nil {
		t.Error("lang ran without a call")
	}
}

package figures

import "testing"

// TestFormatByBaseLanguage checks that a language code with a script or region is
// written in its base language's notation: the site languages zh-cn, zh-hans and
// zh-tw get Chinese figures, en-us and en-gb English ones, whatever the case.
func TestFormatByBaseLanguage(t *testing.T) {
	units := DefaultUnits()
	cases := []struct{ in, lang, want string }{
		{"7.9亿元", "zh-cn", "7.9亿元"},
		{"7.9亿元", "zh-hans", "7.9亿元"},
		{"7.9亿元", "zh-Hans-CN", "7.9亿元"},
		{"7.9亿元", "zh-tw", "7.9亿元"},
		{"12345", "zh-cn", "12345"},
		{"1 case", "zh-hant", "1起"},
		{"7.9亿元", "en-us", "790 million yuan"},
		{"7.9亿元", "en-GB", "790 million yuan"},
		{"12345", "en-us", "12,345"},
		{"4112起", "en-us", "4,112 cases"},
		{"1起", "en-us", "1 case"},
	}
	for _, c := range cases {
		f, err := Parse(c.in, "", units)
		if err != nil {
			t.Fatal(err)
		}
		got, err := Format(f, c.lang, units)
		if got != c.want || err != nil {
			t.Errorf("Format(%s, %s) = %q, %v; want %q", c.in, c.lang, got, err, c.want)
		}
	}
}

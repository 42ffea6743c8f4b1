package figures_test

import (
	"fmt"

	"github.com/briefs/briefs/internal/figures"
)

func ExampleFormat() {
	units := figures.DefaultUnits()
	for _, s := range []string{"7.9亿元", "8219万余元", "6800余名", "more than 48,000 people", "91.36%"} {
		f, err := figures.Parse(s, "", units)
		if err != nil {
			fmt.Println(err)
			continue
		}
		zh, _ := figures.Format(f, "zh", units)
		en, _ := figures.Format(f, "en", units)
		fmt.Printf("%s | %s | %s\n", s, zh, en)
	}
	// Output:
	// 7.9亿元 | 7.9亿元 | 790 million yuan
	// 8219万余元 | 8219万余元 | more than 82.19 million yuan
	// 6800余名 | 6800余名 | more than 6,800 people
	// more than 48,000 people | 4.8万余人 | more than 48,000 people
	// 91.36% | 91.36% | 91.36%
}

func ExampleParse() {
	f, err := figures.Parse("15.06亿元", "", nil)
	fmt.Println(f.Value, f.Unit, err)

	// An explicit unit covers words the registry does not know.
	f, err = figures.Parse("4112宗", "case", nil)
	fmt.Println(f.Value, f.Unit, f.Word, err)

	_, err = figures.Parse("7.9亿亿", "", nil)
	fmt.Println(err)
	// Output:
	// 1506000000 yuan <nil>
	// 4112 case 宗 <nil>
	// "7.9亿亿": two scale words (亿亿); write 7.9万亿 or 79000亿
}

func ExampleUnits_Add() {
	units := figures.DefaultUnits()
	err := units.Add("household", map[string][]string{
		"zh": {"户"},
		"en": {"household", "households"},
		"fr": {"ménage", "ménages"},
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	f, _ := figures.Parse("约1.2万户", "", units)
	for _, lang := range []string{"zh", "en", "fr"} {
		s, _ := figures.Format(f, lang, units)
		fmt.Printf("%q\n", s) // French groups digits with a no-break space
	}
	// Output:
	// "约1.2万户"
	// "about 12,000 households"
	// "environ 12\u00a0000 ménages"
}

func ExampleFormatNumber() {
	n := figures.NewDecimal(22350000)
	fmt.Println(figures.FormatNumber(n, "zh"))
	fmt.Println(figures.FormatNumber(n, "en"))
	fmt.Println(figures.FormatNumber(figures.NewDecimal(4112), "en"))
	// Output:
	// 2235万
	// 22.35 million
	// 4,112
}

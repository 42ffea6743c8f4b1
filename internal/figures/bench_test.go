package figures

import "testing"

func BenchmarkParse(b *testing.B) {
	units := DefaultUnits()
	for b.Loop() {
		_, _ = Parse("8219万余元", "", units)
		_, _ = Parse("more than 48,000 people", "", units)
	}
}

func BenchmarkFormat(b *testing.B) {
	units := DefaultUnits()
	f, _ := Parse("8219万余元", "", units)
	for _, lang := range []string{"zh", "en", "fr"} {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				_, _ = Format(f, lang, units)
			}
		})
	}
}

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

// typicalFigures are figures as the generated corpus (and real briefs)
// write them in num shortcodes: amounts in 万 and 亿 with up to two
// decimals, counts with a measure word, rates and changes, a fifth hedged.
// The benchmarks below handle the whole table per op, so divide by its
// length for the cost of one figure.
var typicalFigures = []string{
	"84.9%", "61917件", "近260.8亿元", "6886.14万元", "超7793万元",
	"20.88%", "7.9亿元", "8219万余元", "约2235万元", "4112起",
}

func parseTypical(b *testing.B, units *Units) []Figure {
	figs := make([]Figure, len(typicalFigures))
	for i, s := range typicalFigures {
		f, err := Parse(s, "", units)
		if err != nil {
			b.Fatal(err)
		}
		figs[i] = f
	}
	return figs
}

func BenchmarkParseTypical(b *testing.B) {
	units := DefaultUnits()
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range typicalFigures {
			_, _ = Parse(s, "", units)
		}
	}
}

func BenchmarkFormatTypical(b *testing.B) {
	units := DefaultUnits()
	figs := parseTypical(b, units)
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, f := range figs {
					_, _ = Format(f, lang, units)
				}
			}
		})
	}
}

// BenchmarkNum does what the Markdown num shortcode does with each figure:
// parse it, format it in the page's language and keep the exact value.
func BenchmarkNum(b *testing.B) {
	units := DefaultUnits()
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				for _, s := range typicalFigures {
					f, _ := Parse(s, "", units)
					_, _ = Format(f, lang, units)
					sink = f.Value.String()
				}
			}
		})
	}
}

// sink keeps results alive, so that the compiler cannot drop the work.
var sink string

func BenchmarkDecimalString(b *testing.B) {
	figs := parseTypical(b, DefaultUnits())
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range figs {
			sink = f.Value.String()
		}
	}
}

// BenchmarkNumParallel is BenchmarkNum on every core, as the build renders
// pages: figures share one Units registry and its caches.
func BenchmarkNumParallel(b *testing.B) {
	units := DefaultUnits()
	for _, lang := range []string{"zh", "en"} {
		b.Run(lang, func(b *testing.B) {
			b.ReportAllocs()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					for _, s := range typicalFigures {
						f, _ := Parse(s, "", units)
						_, _ = Format(f, lang, units)
					}
				}
			})
		})
	}
}

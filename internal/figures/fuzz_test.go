package figures

import (
	"testing"
)

// FuzzRoundTrip checks that anything Parse accepts can be written in
// Chinese and English and read back to the same value, unit, qualifier and
// percent flag, and that no input makes any function panic.
//
//	go test -run XXX -fuzz FuzzRoundTrip -fuzztime 60s ./internal/figures/
func FuzzRoundTrip(f *testing.F) {
	for _, c := range figureCases {
		f.Add(c.in)
	}
	units := DefaultUnits()
	f.Fuzz(func(t *testing.T, s string) {
		_, _ = ParseDecimal(s)
		fig, err := Parse(s, "", units)
		if err != nil {
			return
		}
		for _, lang := range []string{"zh", "en"} {
			out, err := Format(fig, lang, units)
			if err != nil {
				t.Fatalf("Parse(%q) = %+v, but Format(%s): %v", s, fig, lang, err)
			}
			back, err := Parse(out, "", units)
			if err != nil {
				t.Fatalf("Parse(%q) = %+v, Format(%s) = %q, which does not parse: %v", s, fig, lang, out, err)
			}
			if back.Value.Cmp(fig.Value) != 0 || back.Unit != fig.Unit || back.Qualifier != fig.Qualifier || back.Percent != fig.Percent {
				t.Fatalf("%q -> %+v -> %s %q -> %+v", s, fig, lang, out, back)
			}
		}
		// The built-in units have French and German words, and en-IN
		// falls back to English ones; Arabic has none, but must not panic.
		for _, lang := range []string{"fr", "de", "en-IN"} {
			if _, err := Format(fig, lang, units); err != nil {
				t.Fatalf("Format(%+v, %s): %v", fig, lang, err)
			}
		}
		_, _ = Format(fig, "ar", units)
		_ = FormatNumber(fig.Value, "zh")
		_ = FormatNumber(fig.Value, "ar")
	})
}

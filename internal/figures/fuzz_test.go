package figures

import (
	"math/big"
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

// TestRoundTripGrid builds figures from every combination of qualifier,
// sign, number, suffix and unit (which random fuzzing rarely assembles,
// since it mutates bytes rather than Chinese words) and checks that each one
// Parse accepts survives Format and Parse in Chinese and English.
func TestRoundTripGrid(t *testing.T) {
	prefixes := []string{"", "约", "将近", "超过", "逾", "more than ", "almost ", "approximately ", "over "}
	signs := []string{"", "-"}
	numbers := []string{"0", "1", "0.5", "1,234", "9999", "10000", "12345.678", "99999999", "100000000",
		"7.9", "15.06", "0.00001", "1234567", "9999999999999999", "123456789012.34"}
	suffixes := []string{"", "余", "多", "万", "万余", "余万", "亿", "万亿", "亿多", " thousand", " million",
		" billion", " trillion", "%", "多%", " percent"}
	units := []string{"", "元", "名", "起", "家", "项", "次", "个", " yuan", " people", " case", " companies", " items", " times"}
	reg := DefaultUnits()
	parsed := 0
	for _, p := range prefixes {
		for _, sg := range signs {
			for _, n := range numbers {
				for _, sf := range suffixes {
					for _, u := range units {
						s := p + sg + n + sf + u
						fig, err := Parse(s, "", reg)
						if err != nil {
							continue
						}
						parsed++
						for _, lang := range []string{"zh", "en"} {
							out, err := Format(fig, lang, reg)
							back, err2 := Parse(out, "", reg)
							if err != nil || err2 != nil || back.Value.Cmp(fig.Value) != 0 || back.Unit != fig.Unit ||
								back.Qualifier != fig.Qualifier || back.Percent != fig.Percent {
								t.Fatalf("%q -> %+v -> %s %q (%v) -> %+v (%v)", s, fig, lang, out, err, back, err2)
							}
						}
					}
				}
			}
		}
	}
	if parsed < 10000 {
		t.Errorf("only %d inputs parsed", parsed)
	}
}

// FuzzDecimal checks Decimal against big.Rat: whatever ParseDecimal
// accepts must keep its value through String, Neg, Abs and shift (which
// cross between the int64 and big.Int coefficients), stay canonical, and
// compare like big.Rat with any other accepted value.
//
//	go test -run XXX -fuzz FuzzDecimal -fuzztime 60s ./internal/figures/
func FuzzDecimal(f *testing.F) {
	for _, s := range []string{"0", "-0.5", "15.06", "9223372036854775.807", "9223372036854775.808",
		"-9223372036854775.808", "9999999999999999.99999999999999", "0.00000000000001"} {
		f.Add(s, "1", 8)
	}
	f.Fuzz(func(t *testing.T, a, b string, n int) {
		x, err := ParseDecimal(a)
		if err != nil {
			return
		}
		n %= 40
		rx := ratOf(t, x)
		checkCanonical(t, "x", x)
		for _, c := range []struct {
			name string
			got  Decimal
			want *big.Rat
		}{
			{"Neg", x.Neg(), new(big.Rat).Neg(rx)},
			{"Abs", x.Abs(), new(big.Rat).Abs(rx)},
			{"shift", x.shift(n), new(big.Rat).Mul(rx, new(big.Rat).SetFrac(pow10(max(n, 0)), pow10(max(-n, 0))))},
		} {
			checkCanonical(t, c.name, c.got)
			if ratOf(t, c.got).Cmp(c.want) != 0 {
				t.Fatalf("%s(%s) = %s, want %s", c.name, x, c.got, c.want.FloatString(40))
			}
		}
		if r, _ := new(big.Rat).SetString(a); r.Cmp(rx) != 0 {
			t.Fatalf("ParseDecimal(%q) = %s", a, x)
		}
		if y, err := ParseDecimal(b); err == nil && x.Cmp(y) != rx.Cmp(ratOf(t, y)) {
			t.Fatalf("Cmp(%s, %s) = %d", x, y, x.Cmp(y))
		}
	})
}

// ratOf reads d's String as a big.Rat.
func ratOf(t *testing.T, d Decimal) *big.Rat {
	t.Helper()
	r, ok := new(big.Rat).SetString(d.String())
	if !ok {
		t.Fatalf("String() = %q", d.String())
	}
	return r
}

// FuzzShortcuts checks the fast paths of normalize and leadingScale
// against the plain versions on any input.
//
//	go test -run XXX -fuzz FuzzShortcuts -fuzztime 60s ./internal/figures/
func FuzzShortcuts(f *testing.F) {
	for _, c := range figureCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalize(s), normalizeSlow(s); got != want {
			t.Fatalf("normalize(%q) = %q, want %q", s, got, want)
		}
		w, exp, ok := leadingScale(s)
		if w2, exp2, ok2 := leadingScaleSlow(s); w != w2 || exp != exp2 || ok != ok2 {
			t.Fatalf("leadingScale(%q) = %q, %d, %v; want %q, %d, %v", s, w, exp, ok, w2, exp2, ok2)
		}
	})
}

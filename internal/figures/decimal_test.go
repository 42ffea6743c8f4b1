package figures

import (
	"strings"
	"testing"
)

func TestParseDecimal(t *testing.T) {
	cases := []struct{ in, want, err string }{
		{"1506000000", "1506000000", ""},
		{"91.36", "91.36", ""},
		{"-0.5", "-0.5", ""},
		{"+7.90", "7.9", ""},
		{"0007", "7", ""},
		{"-0", "0", ""},
		{"0.000", "0", ""},
		{"9999999999999999.99999999999999", "9999999999999999.99999999999999", ""},
		{"10000000000000000", "", "too large"},
		{"0.000000000000001", "", "too precise"},
		{"", "", "not a decimal"},
		{"1,234", "", "not a decimal"},
		{"1.", "", "not a decimal"},
		{".5", "", "not a decimal"},
		{"--1", "", "not a decimal"},
		{"1e5", "", "not a decimal"},
	}
	for _, c := range cases {
		d, err := ParseDecimal(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("ParseDecimal(%q) error = %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil || d.String() != c.want {
			t.Errorf("ParseDecimal(%q) = %s, %v; want %s", c.in, d, err, c.want)
		}
	}
}

func TestDecimalCmp(t *testing.T) {
	cases := []struct {
		a, b string
		want int
	}{
		{"1", "1.0", 0}, {"0.5", "0.25", 1}, {"-3", "2", -1}, {"-3", "-2.5", -1},
		{"0", "0", 0}, {"0", "-0.1", 1}, {"15.06", "15.060", 0}, {"100", "99.99", 1},
	}
	for _, c := range cases {
		if got := dec(t, c.a).Cmp(dec(t, c.b)); got != c.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestDecimalMethods(t *testing.T) {
	var zero Decimal
	if zero.String() != "0" || zero.Sign() != 0 || !zero.IsInt() || zero.Neg().Sign() != 0 {
		t.Error("zero value is not 0")
	}
	d := dec(t, "-0.05")
	if d.Abs().String() != "0.05" || d.IsInt() || d.Sign() != -1 || d.Neg().String() != "0.05" {
		t.Errorf("methods on %s are wrong", d)
	}
	if got := NewDecimal(7).shift(-3).String(); got != "0.007" {
		t.Errorf("shift = %s", got)
	}
	if got := dec(t, "15.06").shift(8).String(); got != "1506000000" {
		t.Errorf("shift = %s", got)
	}
	if NewDecimal(-42).String() != "-42" || !NewDecimal(10).IsInt() {
		t.Error("NewDecimal")
	}
}

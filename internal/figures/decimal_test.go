package figures

import (
	"math"
	"math/big"
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

// checkCanonical fails if d breaks the invariants every Decimal keeps: a
// big.Int only for coefficients beyond int64, no trailing zeros after the
// point, and 0 written one way.
func checkCanonical(t *testing.T, what string, d Decimal) {
	t.Helper()
	c := d.bigCoef()
	switch {
	case d.big != nil && d.big.IsInt64():
		t.Errorf("%s = %s: big.Int coefficient %s fits in an int64", what, d, d.big)
	case d.big != nil && d.small != 0:
		t.Errorf("%s = %s: both coefficients set", what, d)
	case d.scale < 0:
		t.Errorf("%s = %s: negative scale %d", what, d, d.scale)
	case d.scale > 0 && new(big.Int).Rem(c, big.NewInt(10)).Sign() == 0:
		t.Errorf("%s = %s: trailing zero after the point (coefficient %s, scale %d)", what, d, c, d.scale)
	}
}

// TestDecimalInt64Boundary covers values on both sides of the int64
// coefficient: the operations that promote a value to big.Int or demote it
// back, the limits of figures (10^16, 14 decimals, 30 digits), and negative
// values, whose extreme -2^63 fits in an int64 when 2^63 does not.
func TestDecimalInt64Boundary(t *testing.T) {
	maxI, minI := NewDecimal(math.MaxInt64), NewDecimal(math.MinInt64)
	cases := []struct {
		name string
		d    Decimal
		want string
		big  bool // the coefficient needs a big.Int
	}{
		{"max int64", maxI, "9223372036854775807", false},
		{"min int64", minI, "-9223372036854775808", false},
		{"max int64 × 10", maxI.shift(1), "92233720368547758070", true},
		{"max int64 × 10 ÷ 10", maxI.shift(1).shift(-1), "9223372036854775807", false},
		{"max int64 ÷ 10", maxI.shift(-1), "922337203685477580.7", false},
		{"-min int64", minI.Neg(), "9223372036854775808", true},
		{"--min int64", minI.Neg().Neg(), "-9223372036854775808", false},
		{"|min int64|", minI.Abs(), "9223372036854775808", true},
		{"min int64 ÷ 10^5", minI.shift(-5), "-92233720368547.75808", false},
		{"min int64 ÷ 10^25", minI.shift(-25), "-0.0000009223372036854775808", false},
		{"-12345678 × 10^12", NewDecimal(-12345678).shift(12), "-12345678000000000000", true},
		{"-12345678 × 10^12 ÷ 10^12", NewDecimal(-12345678).shift(12).shift(-12), "-12345678", false},
		{"1 × 10^30 ÷ 10^30", NewDecimal(1).shift(30).shift(-30), "1", false},
		{"0 × 10^30", Decimal{}.shift(30), "0", false},
		{"18 digits", dec(t, "9999999999999999.99"), "9999999999999999.99", false},
		{"19 digits that fit", dec(t, "9223372036854775.807"), "9223372036854775.807", false},
		{"19 digits that do not", dec(t, "9223372036854775.808"), "9223372036854775.808", true},
		{"-2^63 parsed", dec(t, "-9223372036854775.808"), "-9223372036854775.808", false},
		{"-2^63 - 1 parsed", dec(t, "-9223372036854775.809"), "-9223372036854775.809", true},
		{"largest figure", dec(t, "9999999999999999.99999999999999"), "9999999999999999.99999999999999", true},
		{"smallest figure", dec(t, "-9999999999999999.99999999999999"), "-9999999999999999.99999999999999", true},
		{"largest figure, negated", dec(t, "9999999999999999.99999999999999").Neg(), "-9999999999999999.99999999999999", true},
		{"largest figure × 10^14", dec(t, "9999999999999999.99999999999999").shift(14), "999999999999999999999999999999", true},
		{"largest integer figure", dec(t, "9999999999999999"), "9999999999999999", false},
		{"10^16", NewDecimal(1).shift(16), "10000000000000000", false},
		{"14 decimals", dec(t, "0.00000000000001"), "0.00000000000001", false},
		{"16 + 14 digits", dec(t, "1000000000000000.00000000000001"), "1000000000000000.00000000000001", true},
		{"16 + 14 digits ÷ 10^12", dec(t, "1000000000000000.00000000000001").shift(-12), "1000.00000000000000000000000001", true},
		{"trailing zeros dropped on promotion", dec(t, "1000000000000000.00000000000010"), "1000000000000000.0000000000001", true},
		{"big with trailing zeros ÷ 10^14", dec(t, "9999999999999999.99999999999999").shift(14).shift(-14), "9999999999999999.99999999999999", true},
	}
	for _, c := range cases {
		checkCanonical(t, c.name, c.d)
		if got := c.d.String(); got != c.want {
			t.Errorf("%s = %s, want %s", c.name, got, c.want)
		}
		if got := c.d.big != nil; got != c.big {
			t.Errorf("%s: big.Int coefficient = %v, want %v", c.name, got, c.big)
		}
		if c.d.Sign() != 0 && c.d.Cmp(c.d.Neg()) != c.d.Sign() {
			t.Errorf("%s: Cmp(d, -d) = %d", c.name, c.d.Cmp(c.d.Neg()))
		}
	}
}

// TestDecimalCmpMixed compares every pair of values, in int64 and big.Int
// representation and at different scales, with big.Rat's answer.
func TestDecimalCmpMixed(t *testing.T) {
	values := []Decimal{NewDecimal(math.MaxInt64), NewDecimal(math.MinInt64), NewDecimal(math.MinInt64).Neg()}
	for _, s := range []string{
		"0", "1", "-1", "0.5", "-0.5", "0.00000000000001", "-0.00000000000001",
		"9223372036854775.807", "9223372036854775.808", "-9223372036854775.808",
		"-9223372036854775.809", "9999999999999999", "9999999999999999.99999999999999",
		"-9999999999999999.99999999999999", "9999999999999999.99999999999998", "1000000000000000.00000000000001",
		"1000000000000000", "999999999999999.99999999999999", "15.06", "1506000000",
	} {
		values = append(values, dec(t, s))
	}
	for _, a := range values {
		for _, b := range values {
			ra, _ := new(big.Rat).SetString(a.String())
			rb, _ := new(big.Rat).SetString(b.String())
			if got, want := a.Cmp(b), ra.Cmp(rb); got != want {
				t.Errorf("Cmp(%s, %s) = %d, want %d", a, b, got, want)
			}
		}
	}
	// Both in int64, but aligning the scales overflows one of them.
	if got := NewDecimal(math.MaxInt64).Cmp(dec(t, "0.5")); got != 1 {
		t.Errorf("Cmp(MaxInt64, 0.5) = %d", got)
	}
	if got := NewDecimal(math.MinInt64).Cmp(dec(t, "-0.5")); got != -1 {
		t.Errorf("Cmp(MinInt64, -0.5) = %d", got)
	}
}

func TestDecimalIntDigits(t *testing.T) {
	cases := []struct {
		d    Decimal
		want int
	}{
		{Decimal{}, 0}, {dec(t, "0.5"), 0}, {dec(t, "-0.05"), 0}, {NewDecimal(1), 1}, {NewDecimal(-10), 2},
		{dec(t, "9999.5"), 4}, {dec(t, "9999999999999999"), 16}, {NewDecimal(1).shift(16), 17},
		{dec(t, "9999999999999999.99999999999999"), 16}, {dec(t, "-0.00000000000001"), 0},
		{NewDecimal(math.MinInt64), 19}, {NewDecimal(math.MinInt64).Neg(), 19}, {NewDecimal(1).shift(40), 41},
	}
	for _, c := range cases {
		if got := c.d.intDigits(); got != c.want {
			t.Errorf("intDigits(%s) = %d, want %d", c.d, got, c.want)
		}
	}
}

func TestDigitsToDecimal(t *testing.T) {
	cases := []struct {
		intPart, frac string
		exp           int
		want          string
		err           error
	}{
		{"000123", "4500", 0, "123.45", nil},
		{"0", "000", 8, "0", nil},
		{"7", "9", 8, "790000000", nil},
		{"15", "06", 8, "1506000000", nil},
		{"9999", "", 12, "9999000000000000", nil},
		{"10000", "", 12, "", errTooLarge},
		{"0", "000000000000000001", 4, "0.00000000000001", nil},
		{"0", "0000000000000000001", 4, "", errTooPrecise},
		{"12345678901234567890", "", -4, "1234567890123456.789", nil},
		{"9999999999999999", "99999999999999", 0, "9999999999999999.99999999999999", nil},
		{"00000000000000000000000000000000000000001", "", 0, "1", nil},
		{"1", "0000000000000000000000000000000000000000", 0, "1", nil},
	}
	for _, c := range cases {
		d, err := digitsToDecimal(c.intPart, c.frac, c.exp)
		if err != c.err || err == nil && d.String() != c.want {
			t.Errorf("digitsToDecimal(%q, %q, %d) = %s, %v; want %s, %v", c.intPart, c.frac, c.exp, d, err, c.want, c.err)
		}
		checkCanonical(t, c.intPart+"."+c.frac, d)
	}
}

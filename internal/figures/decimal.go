package figures

import (
	"fmt"
	"math"
	"math/big"
	"strconv"
	"strings"
)

// Limits on a figure's value. Below 10^16 every value can be written in
// Chinese with a single scale word (at most 9999万亿) and in English with at
// most trillion; 14 decimal places on top of 16 integer digits keeps every
// figure within 30 significant digits. No real statistic comes near either
// limit, so a figure beyond them is reported as a typo instead of being
// written out digit by digit.
const (
	maxIntDigits  = 16 // value < 10^16
	maxFracDigits = 14 // at most 14 decimal places
)

// Decimal is an exact base-10 number: a big.Int coefficient and a scale,
// the value being coefficient × 10^-scale. Figures use it instead of
// float64 because 15.06亿 must be exactly 1506000000, and because Chinese and
// English move the decimal point by different powers of ten.
//
// The zero value is 0. A Decimal is immutable and safe to copy and share; it
// is kept normalized (no trailing zeros after the point), so equal values
// have equal String forms.
type Decimal struct {
	coef  *big.Int // nil means 0; never mutated once set
	scale int      // digits after the decimal point, >= 0
}

// NewDecimal returns the integer i as a Decimal, for counts computed by the
// site builder (number of briefs, pages) that go through FormatNumber.
func NewDecimal(i int64) Decimal {
	return makeDecimal(big.NewInt(i), 0)
}

// ParseDecimal reads plain decimal notation: an optional sign, digits, and an
// optional fraction ("1506000000", "91.36", "-0.5"). It accepts no grouping,
// scale words or units (use Parse for those) and applies the same limits as
// Parse, so any Decimal it returns can be formatted in every language.
func ParseDecimal(s string) (Decimal, error) {
	body := strings.TrimLeft(s, "+-")
	if len(s)-len(body) > 1 || body == "" {
		return Decimal{}, fmt.Errorf("%q: not a decimal number; write digits like 1506000000 or -0.5", s)
	}
	intPart, frac, ok := strings.Cut(body, ".")
	if intPart == "" || (ok && frac == "") || !allDigits(intPart) || !allDigits(frac) {
		return Decimal{}, fmt.Errorf("%q: not a decimal number; write digits like 1506000000 or -0.5", s)
	}
	d, err := digitsToDecimal(intPart, frac, 0)
	if err != nil {
		return Decimal{}, fmt.Errorf("%q: %w", s, err)
	}
	if s[0] == '-' {
		d = d.Neg()
	}
	return d, nil
}

// digitsToDecimal builds intPart.frac × 10^exp from ASCII digit strings,
// checking the limits before any big number is built, so that a megabyte
// of zeros costs a scan and not a huge allocation.
func digitsToDecimal(intPart, frac string, exp int) (Decimal, error) {
	all := intPart + frac
	point := len(intPart) + exp // position of the decimal point in all
	trimmed := strings.TrimLeft(all, "0")
	point -= len(all) - len(trimmed)
	all = strings.TrimRight(trimmed, "0")
	if all == "" {
		return Decimal{}, nil
	}
	if point > maxIntDigits {
		return Decimal{}, errTooLarge
	}
	scale := max(len(all)-point, 0)
	if scale > maxFracDigits {
		return Decimal{}, errTooPrecise
	}
	coef, ok := new(big.Int).SetString(all, 10)
	if !ok {
		return Decimal{}, fmt.Errorf("not a decimal number")
	}
	return makeDecimal(coef, len(all)-point), nil
}

var (
	errTooLarge = fmt.Errorf("too large: figures must be below 10^16 (9999万亿, 9,999 trillion) " +
		"so they stay exact in both notations; check for a typo or an extra scale word")
	errTooPrecise = fmt.Errorf("too precise: figures may have at most %d decimal places; "+
		"check for a typo or round the figure", maxFracDigits)
)

// makeDecimal normalizes coef × 10^-scale: a negative scale is folded into
// the coefficient and trailing zeros after the point are dropped.
func makeDecimal(coef *big.Int, scale int) Decimal {
	if coef.Sign() == 0 {
		return Decimal{}
	}
	if scale < 0 {
		coef = new(big.Int).Mul(coef, pow10(-scale))
		return Decimal{coef: coef, scale: 0}
	}
	ten := big.NewInt(10)
	for scale > 0 {
		q, r := new(big.Int).QuoRem(coef, ten, new(big.Int))
		if r.Sign() != 0 {
			break
		}
		coef, scale = q, scale-1
	}
	return Decimal{coef: coef, scale: scale}
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// shift returns d × 10^n; the site never shifts by more than 12 places.
func (d Decimal) shift(n int) Decimal {
	if d.coef == nil {
		return d
	}
	return makeDecimal(d.coef, d.scale-n)
}

// Sign returns -1, 0 or +1, like big.Int.Sign.
func (d Decimal) Sign() int {
	if d.coef == nil {
		return 0
	}
	return d.coef.Sign()
}

// Neg returns -d; figures keep their sign through every notation.
func (d Decimal) Neg() Decimal {
	if d.coef == nil {
		return d
	}
	return Decimal{coef: new(big.Int).Neg(d.coef), scale: d.scale}
}

// Abs returns |d|, the magnitude that scale words and plural rules look at.
func (d Decimal) Abs() Decimal {
	if d.Sign() >= 0 {
		return d
	}
	return d.Neg()
}

// IsInt reports whether d has no fractional part, which decides whether a
// count can be written without a decimal point.
func (d Decimal) IsInt() bool { return d.scale == 0 }

// Cmp compares d and o exactly and returns -1, 0 or +1. Use it (not String)
// to compare values, for example to check a translation kept a figure.
func (d Decimal) Cmp(o Decimal) int {
	if d.Sign() != o.Sign() || d.Sign() == 0 {
		return cmpInt(d.Sign(), o.Sign())
	}
	a, b := d.coef, o.coef
	if d.scale < o.scale {
		a = new(big.Int).Mul(a, pow10(o.scale-d.scale))
	} else if o.scale < d.scale {
		b = new(big.Int).Mul(b, pow10(d.scale-o.scale))
	}
	return a.Cmp(b)
}

func cmpInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// parts returns the digits of |d| before and after the decimal point, with
// intPart "0" for values below one and frac "" for integers.
func (d Decimal) parts() (intPart, frac string) {
	if d.coef == nil {
		return "0", ""
	}
	var s string
	if d.coef.IsInt64() && d.coef.Int64() > math.MinInt64 {
		n := d.coef.Int64() // most figures fit: format without big.Int's general path
		if n < 0 {
			n = -n
		}
		s = strconv.FormatInt(n, 10)
	} else {
		s = new(big.Int).Abs(d.coef).String()
	}
	if d.scale == 0 {
		return s, ""
	}
	if len(s) <= d.scale {
		s = strings.Repeat("0", d.scale-len(s)+1) + s
	}
	return s[:len(s)-d.scale], s[len(s)-d.scale:]
}

// intDigits is the number of digits before the point of |d| (0 below one):
// |d| >= 10^k exactly when intDigits > k.
func (d Decimal) intDigits() int {
	i, _ := d.parts()
	if i == "0" {
		return 0
	}
	return len(i)
}

// inRange reports whether d is within the figure limits.
func (d Decimal) inRange() error {
	if d.intDigits() > maxIntDigits {
		return errTooLarge
	}
	if d.scale > maxFracDigits {
		return errTooPrecise
	}
	return nil
}

// String writes d in plain decimal notation ("1506000000", "91.36",
// "-0.5"), the form ParseDecimal reads back.
func (d Decimal) String() string {
	i, f := d.parts()
	sign := ""
	if d.Sign() < 0 {
		sign = "-"
	}
	if f == "" {
		return sign + i
	}
	return sign + i + "." + f
}

package figures

import (
	"cmp"
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

// Decimal is an exact base-10 number: an integer coefficient and a scale,
// the value being coefficient × 10^-scale. Figures use it instead of
// float64 because 15.06亿 must be exactly 1506000000, and because Chinese and
// English move the decimal point by different powers of ten.
//
// The zero value is 0. A Decimal is immutable and safe to copy and share; it
// is kept normalized (no trailing zeros after the point), so equal values
// have equal String forms.
//
// The coefficient is an int64 when it fits, which is the case for nearly
// every real figure (84.9%, 260.8亿), and a big.Int only beyond that: a
// figure may have 30 significant digits, more than an int64 holds. An
// int64 needs no allocation, which made Parse and Format of typical
// figures 3 to 5 times faster. The choice is canonical: big is set exactly
// when the coefficient does not fit in an int64, so each value has one
// representation.
type Decimal struct {
	small int64    // the coefficient when big is nil
	big   *big.Int // the coefficient when it does not fit in int64; never mutated once set
	scale int      // digits after the decimal point, >= 0
}

// NewDecimal returns the integer i as a Decimal, for counts computed by the
// site builder (number of briefs, pages) that go through FormatNumber.
func NewDecimal(i int64) Decimal {
	return smallDecimal(i, 0)
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
// of zeros costs a scan and not a huge allocation. It reads the two parts
// in place rather than joining them, as Parse calls it for every figure.
func digitsToDecimal(intPart, frac string, exp int) (Decimal, error) {
	all := joined{intPart, frac}
	lo, hi := all.significant()
	if lo == hi {
		return Decimal{}, nil
	}
	point := len(intPart) + exp - lo // position of the decimal point in all[lo:hi]
	if point > maxIntDigits {
		return Decimal{}, errTooLarge
	}
	scale := hi - lo - point
	if scale > maxFracDigits {
		return Decimal{}, errTooPrecise
	}
	if hi-lo > maxInt64Digits { // at most 30 digits, by the limits above
		coef, _ := new(big.Int).SetString(all.slice(lo, hi), 10)
		return bigDecimal(coef, scale), nil
	}
	var c int64
	for i := lo; i < hi; i++ {
		c = c*10 + int64(all.at(i)-'0')
	}
	return smallDecimal(c, scale), nil
}

// maxInt64Digits is the most digits that always fit in an int64
// (10^18 - 1 < 2^63 - 1).
const maxInt64Digits = 18

// joined is the digit string a+b, read in place.
type joined struct{ a, b string }

func (j joined) at(i int) byte {
	if i < len(j.a) {
		return j.a[i]
	}
	return j.b[i-len(j.a)]
}

// significant returns the bounds of j without leading and trailing zeros.
func (j joined) significant() (lo, hi int) {
	lo, hi = 0, len(j.a)+len(j.b)
	for lo < hi && j.at(lo) == '0' {
		lo++
	}
	for hi > lo && j.at(hi-1) == '0' {
		hi--
	}
	return lo, hi
}

// slice returns j[lo:hi] as a new string.
func (j joined) slice(lo, hi int) string {
	b := make([]byte, 0, hi-lo)
	for i := lo; i < hi; i++ {
		b = append(b, j.at(i))
	}
	return string(b)
}

var (
	errTooLarge = fmt.Errorf("too large: figures must be below 10^16 (9999万亿, 9,999 trillion) " +
		"so they stay exact in both notations; check for a typo or an extra scale word")
	errTooPrecise = fmt.Errorf("too precise: figures may have at most %d decimal places; "+
		"check for a typo or round the figure", maxFracDigits)
)

// smallDecimal normalizes c × 10^-scale: a negative scale is folded into
// the coefficient (in a big.Int if the product overflows) and trailing
// zeros after the point are dropped.
func smallDecimal(c int64, scale int) Decimal {
	if c == 0 {
		return Decimal{}
	}
	if scale < 0 {
		if m, ok := mulPow10(c, -scale); ok {
			return Decimal{small: m}
		}
		return bigDecimal(big.NewInt(c), scale)
	}
	for scale > 0 && c%10 == 0 {
		c, scale = c/10, scale-1
	}
	return Decimal{small: c, scale: scale}
}

// mulPow10 returns c × 10^n for n >= 0, and false if that overflows an
// int64; for n <= 0 it returns c.
func mulPow10(c int64, n int) (int64, bool) {
	for ; n > 0; n-- {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}

// bigDecimal normalizes coef × 10^-scale like smallDecimal, and returns
// an int64 coefficient when the result fits in one, to keep the
// representation canonical. coef is not modified.
func bigDecimal(coef *big.Int, scale int) Decimal {
	if scale < 0 {
		coef, scale = new(big.Int).Mul(coef, pow10(-scale)), 0
	}
	ten := big.NewInt(10)
	for scale > 0 && !coef.IsInt64() {
		q, r := new(big.Int).QuoRem(coef, ten, new(big.Int))
		if r.Sign() != 0 {
			break
		}
		coef, scale = q, scale-1
	}
	if coef.IsInt64() {
		return smallDecimal(coef.Int64(), scale)
	}
	return Decimal{big: coef, scale: scale}
}

// fromBig returns coef × 10^-scale, already normalized, with an int64
// coefficient when it fits.
func fromBig(coef *big.Int, scale int) Decimal {
	if coef.IsInt64() {
		return Decimal{small: coef.Int64(), scale: scale}
	}
	return Decimal{big: coef, scale: scale}
}

func pow10(n int) *big.Int {
	return new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(n)), nil)
}

// bigCoef returns the coefficient as a big.Int, for the rare operations
// that need one; the result must not be modified.
func (d Decimal) bigCoef() *big.Int {
	if d.big != nil {
		return d.big
	}
	return big.NewInt(d.small)
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
	if d.big != nil {
		return bigDecimal(d.big, d.scale-n)
	}
	return smallDecimal(d.small, d.scale-n)
}

// Sign returns -1, 0 or +1, like big.Int.Sign.
func (d Decimal) Sign() int {
	if d.big != nil {
		return d.big.Sign()
	}
	return cmp.Compare(d.small, 0)
}

// Neg returns -d; figures keep their sign through every notation.
func (d Decimal) Neg() Decimal {
	switch {
	case d.big != nil:
		return fromBig(new(big.Int).Neg(d.big), d.scale) // -2^63 fits again
	case d.small == math.MinInt64:
		return Decimal{big: new(big.Int).Neg(big.NewInt(d.small)), scale: d.scale}
	}
	return Decimal{small: -d.small, scale: d.scale}
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
		return cmp.Compare(d.Sign(), o.Sign())
	}
	if d.big == nil && o.big == nil {
		a, okA := mulPow10(d.small, o.scale-d.scale)
		b, okB := mulPow10(o.small, d.scale-o.scale)
		if okA && okB {
			return cmp.Compare(a, b)
		}
	}
	a, b := d.bigCoef(), o.bigCoef()
	if d.scale < o.scale {
		a = new(big.Int).Mul(a, pow10(o.scale-d.scale))
	} else if o.scale < d.scale {
		b = new(big.Int).Mul(b, pow10(d.scale-o.scale))
	}
	return a.Cmp(b)
}

// appendCoef appends the digits of the coefficient of |d| to dst.
func (d Decimal) appendCoef(dst []byte) []byte {
	if d.big != nil {
		return new(big.Int).Abs(d.big).Append(dst, 10)
	}
	return strconv.AppendUint(dst, d.absSmall(), 10)
}

// absSmall is |d.small|, as an uint64 so that it is right for
// math.MinInt64 too (and unsigned division by 10 is cheaper).
func (d Decimal) absSmall() uint64 {
	if d.small < 0 {
		return -uint64(d.small)
	}
	return uint64(d.small)
}

// appendAbs appends |d| in plain decimal notation ("1506000000", "0.05")
// to dst. String and Format write values through it into buffers on the
// stack, instead of building and joining strings for each part.
func (d Decimal) appendAbs(dst []byte) []byte {
	var buf [20]byte // an int64's digits; a big coefficient goes to the heap
	digits := d.appendCoef(buf[:0])
	n := len(digits) - d.scale // digits before the point
	if n <= 0 {
		dst = append(dst, '0')
	} else {
		dst = append(dst, digits[:n]...)
	}
	if d.scale == 0 {
		return dst
	}
	dst = append(dst, '.')
	for ; n < 0; n++ {
		dst = append(dst, '0')
	}
	return append(dst, digits[n:]...)
}

// appendTo appends d in plain decimal notation, with its sign.
func (d Decimal) appendTo(dst []byte) []byte {
	if d.Sign() < 0 {
		dst = append(dst, '-')
	}
	return d.appendAbs(dst)
}

// intDigits is the number of digits before the point of |d| (0 below one):
// |d| >= 10^k exactly when intDigits > k. It counts rather than formats,
// as Format asks it of every figure.
func (d Decimal) intDigits() int {
	n := 0
	if d.big != nil {
		n = len(new(big.Int).Abs(d.big).String())
	} else {
		for u := d.absSmall(); u != 0; u /= 10 {
			n++
		}
	}
	return max(n-d.scale, 0)
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
	var buf [40]byte
	return string(d.appendTo(buf[:0]))
}

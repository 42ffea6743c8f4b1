package check

import (
	"fmt"
	"math"
	"strings"
)

// diagnosis says what kind of slip most likely turned y into x, so that a reviser
// knows what to look for: a wrong scale, transposed digits, a digit dropped, added or
// changed, another unit, or a figure with no counterpart at all.
func diagnosis(x, y candidate, units func(string) string) string {
	switch {
	case x.value == y.value && x.fig.Unit != y.fig.Unit:
		return fmt.Sprintf("unit: %s for %s", units(x.fig.Unit), units(y.fig.Unit))
	case x.value == y.value:
		return "qualifier"
	case x.sig == y.sig && x.value > 0 && y.value > 0:
		return "scale " + scaleWords(x.value/y.value)
	case roundsNear(x, y) && len(x.sig) > len(y.sig):
		return "precision: more digits than the nearest, and they do not round to it"
	case roundsNear(x, y):
		return "precision: not the nearest rounded"
	case transposed(x.sig, y.sig):
		return "digits transposed"
	case oneEdit(x.sig, y.sig) && len(x.sig) < len(y.sig):
		return "one digit fewer"
	case oneEdit(x.sig, y.sig) && len(x.sig) > len(y.sig):
		return "one digit more"
	case oneEdit(x.sig, y.sig):
		return "one digit changed"
	case nearPowerOfTen(x.value, y.value):
		return "scale " + scaleWords(x.value/y.value) + ", and the digits differ"
	}
	return "dropped or added: nothing of its kind comes near"
}

// scaleWords says how far a scale is from the nearest figure's: "×10", "÷1,000".
func scaleWords(r float64) string {
	k := int(math.Round(math.Log10(r)))
	op := "×"
	if k < 0 {
		k, op = -k, "÷"
	}
	n := "1" + strings.Repeat("0", k)
	for i := len(n) - 3; i > 0; i -= 3 {
		n = n[:i] + "," + n[i:]
	}
	return op + n
}

// roundsNear reports two figures of different precision within one unit of the last
// digit of the less precise one: 937.8 million for 9.37亿 is a rounding gone wrong, or
// digits the source does not have.
func roundsNear(x, y candidate) bool {
	if len(x.sig) == len(y.sig) {
		return false
	}
	px, py := precisionOf(x.figure), precisionOf(y.figure)
	return math.Abs(px.value-py.value) <= max(px.ulp, py.ulp)*1.000001
}

// nearPowerOfTen reports two values a power of ten apart within 1%: 390.83 billion for
// 39038.1亿 (3,903.81 billion) is a wrong scale with a slip in the digits on top.
func nearPowerOfTen(a, b float64) bool {
	if a <= 0 || b <= 0 {
		return false
	}
	l := math.Log10(a / b)
	k := math.Round(l)
	return k != 0 && math.Abs(l-k) < math.Log10(1.01)
}

// transposed reports two strings of digits that differ by two neighbours swapped.
func transposed(a, b string) bool {
	if len(a) != len(b) || a == b {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// otherKind finds a figure of the same value but another kind on the other side: 7.6
// percent for 7.6个百分点, or 5% for 5倍, is a changed kind, not a missing figure.
func otherKind(x candidate, other []candidate) *candidate {
	for i, y := range other {
		if y.kind != x.kind && y.value == x.value && (x.kind == percentage || x.kind == points || x.kind == multiple || y.kind == multiple) {
			return &other[i]
		}
	}
	return nil
}

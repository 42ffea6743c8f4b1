package chart

import (
	"math"
	"strconv"
	"strings"
)

// ticks are the gridlines of a value axis: a range that holds every value and zero,
// cut in equal "nice" steps of 1, 2 or 5 times a power of ten, so that a reader can
// add them up in their head. Values are in the axis' scale (亿, million): 15.06亿 on
// an axis in 亿 is 15.06.
type ticks struct {
	lo, hi float64  // the range the axis shows, first and last tick
	step   float64  // the distance between ticks
	labels []string // each tick as an exact decimal ("0", "0.5", "10")
}

// targetTicks is about how many steps an axis is cut into; fewer on narrow axes
// would crowd less, but the chart is drawn once for every width.
const targetTicks = 5

// niceTicks cuts the range from lo to hi (zero included) into about n steps of
// 1, 2 or 5 × 10^e: the smallest such step that needs no more than n of them.
func niceTicks(lo, hi float64, n int) ticks {
	lo, hi = math.Min(lo, 0), math.Max(hi, 0)
	if hi-lo == 0 || math.IsNaN(hi-lo) || math.IsInf(hi-lo, 0) {
		hi = 1
	}
	raw := (hi - lo) / float64(n)
	e := int(math.Floor(math.Log10(raw)))
	var m int64
	for _, c := range []int64{1, 2, 5, 10} {
		m = c
		if float64(c)*math.Pow(10, float64(e)) >= raw*(1-1e-9) {
			break
		}
	}
	if m == 10 {
		m, e = 1, e+1
	}
	step := float64(m) * math.Pow(10, float64(e))
	first := int64(math.Floor(lo/step + 1e-9))
	last := int64(math.Ceil(hi/step - 1e-9))
	t := ticks{lo: float64(first) * step, hi: float64(last) * step, step: step}
	for k := first; k <= last; k++ {
		t.labels = append(t.labels, decimalString(k*m, e))
	}
	return t
}

// decimalString writes n × 10^e in plain decimal notation, exactly: the ticks' labels
// never show the float error of k × step (0.30000000000000004).
func decimalString(n int64, e int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	s := strconv.FormatInt(n, 10)
	switch {
	case e >= 0:
		s += strings.Repeat("0", e)
	case -e < len(s):
		s = s[:len(s)+e] + "." + s[len(s)+e:]
	default:
		s = "0." + strings.Repeat("0", -e-len(s)) + s
	}
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	if neg {
		s = "-" + s
	}
	return s
}

// pos maps v to a coordinate between a (at lo) and b (at hi).
func (t ticks) pos(v, a, b float64) float64 {
	return a + (v-t.lo)/(t.hi-t.lo)*(b-a)
}

package check

import (
	"math"
	"strconv"
	"strings"

	"github.com/briefs/briefs/internal/figures"
)

// kind is what a figure measures, so that the nearest figure offered for one without a
// match is of the same kind: a count for a count, money for money, a percentage for a
// percentage (24,817 people is not near 十大, ten). A new kind is a constant and a case
// in kindOf.
type kind int

const (
	count kind = iota
	money
	percentage
	points     // percentage points: a difference of two percentages
	multiple   // how many times a base: 5倍, "70 times", 翻一番
	fraction   // a fraction: 三分之一, 1/3, "a third"
	proportion // a ratio n:m: 比例为1:3, "a ratio of 1:3"
)

// moneyUnits are the unit keys of currencies: the built-in yuan, and those a site is
// likely to add.
var moneyUnits = map[string]bool{"yuan": true, "rmb": true, "cny": true, "dollar": true, "usd": true,
	"euro": true, "eur": true, "pound": true, "gbp": true, "yen": true, "jpy": true, "hkd": true}

func kindOf(x *figure) kind {
	f := x.fig
	switch {
	case x.points:
		return points
	case x.multiple:
		return multiple
	case x.ratio:
		return fraction
	case x.proportion:
		return proportion
	case f.Percent:
		return percentage
	case moneyUnits[f.Unit]:
		return money
	}
	return count
}

func (k kind) String() string {
	switch k {
	case money:
		return "amounts of money"
	case percentage:
		return "percentages"
	case points:
		return "percentage points"
	case multiple:
		return "multiples"
	case fraction:
		return "fractions"
	case proportion:
		return "ratios"
	}
	return "counts"
}

// candidate is a figure that may be offered as the nearest, with what distance needs
// worked out once rather than for every figure it is compared with.
type candidate struct {
	*figure
	kind  kind
	value float64
	sig   string
}

func candidates(figs []*figure) []candidate {
	out := make([]candidate, len(figs))
	for i, y := range figs {
		v, _ := strconv.ParseFloat(y.fig.Value.String(), 64)
		out[i] = candidate{figure: y, kind: kindOf(y), value: v, sig: significant(y.fig.Value)}
	}
	return out
}

// nearest finds the figure of the same kind on the other side closest in value,
// preferring one written in digits that has no match itself: that is usually the one
// the translator got wrong.
func nearest(x candidate, other []candidate) *figure {
	for _, pass := range []func(y candidate) bool{
		func(y candidate) bool { return !y.matched && !y.soft },
		func(y candidate) bool { return !y.soft },
		func(candidate) bool { return true },
	} {
		var best *figure
		bestD := math.Inf(1)
		for _, y := range other {
			if y.kind != x.kind || !pass(y) {
				continue
			}
			if d := distance(x, y); d < bestD {
				best, bestD = y.figure, d
			}
		}
		if best != nil {
			return best
		}
	}
	return nil
}

// distance is how far apart two values are in orders of magnitude, made much shorter
// when their digits are the same (a wrong scale: 79 million for 7.9亿) or one digit
// apart (a dropped or added digit: 2.35 million for 2235万), the usual slips.
func distance(a, b candidate) float64 {
	fa, fb := a.value, b.value
	if fa == fb {
		return 0
	}
	d := math.Abs(fa-fb) + 100
	if fa > 0 && fb > 0 {
		d = math.Abs(math.Log10(fa / fb))
	}
	da, db := a.sig, b.sig
	switch {
	case da == db:
		return d / 100
	case oneEdit(da, db):
		return d / 10
	}
	return d
}

// significant is a value's digits without sign, point and leading or trailing zeros.
func significant(d figures.Decimal) string {
	return strings.Trim(strings.NewReplacer("-", "", ".", "").Replace(d.String()), "0")
}

// oneEdit reports whether a and b differ by one inserted, deleted or changed digit.
func oneEdit(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(a)-len(b) > 1 {
		return false
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return a[i+1:] == b[i+1:]
	}
	return a[i+1:] == b[i:]
}

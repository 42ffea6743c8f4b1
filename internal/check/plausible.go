package check

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/briefs/briefs/internal/figures"
)

// A translation rounds and qualifies: 305160亿元 is published as "30.5 trillion
// yuan", 53.9万亿元 as "nearly 54 trillion yuan", 6600万人以上 as "more than 66
// million". The exact passes of compare leave such pairs without a match; the
// tolerant pass asks of what is left the reviser's question, "could this figure be a
// correct rendering of that one?", and pairs them when it could.

// precise is a figure's value as a float with the precision it was written with.
type precise struct {
	*figure
	kind  kind
	value float64
	ulp   float64 // the unit of its last significant digit: 0.1 for 30.5, 1000 for 12,000
	sig   int     // significant digits as written, trailing zeros of an integer left out
	base  float64 // the value in its measure's base unit, by which the tolerant pass sorts
}

func precisionOf(x *figure) precise {
	s := x.fig.Value.Abs().String()
	v, _ := strconv.ParseFloat(s, 64)
	p := precise{figure: x, kind: claimKind(x), value: v, ulp: 1, sig: len(significant(x.fig.Value))}
	if i := strings.IndexByte(s, '.'); i >= 0 {
		p.ulp = math.Pow10(-(len(s) - i - 1))
	} else if v != 0 {
		p.ulp = math.Pow10(len(s) - len(strings.TrimRight(s, "0")))
	}
	p.base, _ = p.converted()
	return p
}

// claimKind is a figure's kind as matching sees it: money and counts are told apart by
// their units, and a figure without a unit may be either.
func claimKind(x *figure) kind {
	if k := kindOf(x); k != money {
		return k
	}
	return count
}

// rendersAs reports whether a and b could be one quantity written twice: the same value,
// whatever their qualifiers, or the same value at the precision of the less precise of
// the two (rounded to two significant digits at least, or to one when a qualifier says
// the figure is approximate), or, when either is approximate, within one unit of that
// precision. Measures of one dimension are compared converted (斤 to tonnes), within
// the coarser precision and at most 1%.
func rendersAs(a, b precise) bool {
	if !commensurable(a, b) {
		return false
	}
	converts := a.measure.dim != "" && a.measure.dim == b.measure.dim && a.measure.factor != b.measure.factor
	if a.fig.Value.Cmp(b.fig.Value) == 0 && !converts {
		return true
	}
	return near(a, b, converts)
}

// commensurable reports whether a and b are of one kind, unit, sign and dimension, so
// that their values can be compared at all.
func commensurable(a, b precise) bool {
	if a.kind != b.kind || a.fig.Value.Sign() != b.fig.Value.Sign() {
		return false
	}
	if a.fig.Unit != b.fig.Unit && a.fig.Unit != "" && b.fig.Unit != "" {
		return false
	}
	return a.measure.dim == "" || b.measure.dim == "" || a.measure.dim == b.measure.dim // tonnes are not hectares
}

// near reports whether a and b, of different values or of measures to convert, are
// within the precision rendersAs allows.
func near(a, b precise, converts bool) bool {
	av, aulp := a.converted()
	bv, bulp := b.converted()
	coarse, ulp := a, aulp
	if bulp > aulp {
		coarse, ulp = b, bulp
	}
	approx := a.fig.Qualifier != figures.None || b.fig.Qualifier != figures.None
	d := math.Abs(av - bv)
	if converts { // a conversion keeps the precision a reader needs: within 1%
		return d <= min(ulp, 0.01*max(av, bv))*1.000001
	}
	if coarse.sig < 2 && !approx {
		return false
	}
	if approx {
		return d <= ulp*1.000001 && bounds(a, av, bv) && bounds(b, bv, av)
	}
	return d <= ulp/2*1.000001
}

// bounds reports whether the other figure's value is on the side of p's that p's
// qualifier says: "more than 54 trillion" cannot render 53.9万亿, "nearly 54" can.
func bounds(p precise, v, other float64) bool {
	switch p.fig.Qualifier {
	case figures.MoreThan, figures.Over:
		return other >= v
	case figures.Nearly:
		return other <= v
	}
	return true
}

// tolerantWindow bounds how many figures near in value the tolerant pass looks at for
// one figure, so that its time stays linear in the number of figures.
const tolerantWindow = 32

// tolerant pairs the figures of a and b left without a match that could render each
// other, and returns the pairs whose qualifiers say different things (about for more
// than), which a reviser should look at.
func tolerant(a, b []*figure) [][2]*figure {
	var idx []precise
	for _, y := range b {
		if !y.matched && !y.soft {
			idx = append(idx, precisionOf(y))
		}
	}
	slices.SortFunc(idx, func(p, q precise) int { return cmp.Or(cmp.Compare(p.kind, q.kind), cmp.Compare(p.base, q.base)) })
	var changed [][2]*figure
	for _, x := range a {
		if x.matched || x.soft {
			continue
		}
		px := precisionOf(x)
		lo := 0.9 * px.base
		i, _ := slices.BinarySearchFunc(idx, px, func(p, t precise) int {
			return cmp.Or(cmp.Compare(p.kind, t.kind), cmp.Compare(p.base, lo))
		})
		for n := 0; i < len(idx) && n < tolerantWindow && idx[i].kind == px.kind && idx[i].base <= 1.1*px.base+1e-9; i, n = i+1, n+1 {
			if y := idx[i]; !y.matched && rendersAs(px, y) {
				x.matched, y.matched = true, true
				if qualifiersDiffer(x.fig.Qualifier, y.fig.Qualifier) {
					changed = append(changed, [2]*figure{x, y.figure})
				}
				break
			}
		}
	}
	return changed
}

// qualifiersDiffer reports two qualifiers that say different things: a qualifier added
// or dropped is a translator's choice, "about" for "more than" is a different claim.
func qualifiersDiffer(a, b figures.Qualifier) bool {
	norm := func(q figures.Qualifier) figures.Qualifier {
		if q == figures.Over {
			return figures.MoreThan
		}
		return q
	}
	return a != figures.None && b != figures.None && norm(a) != norm(b)
}

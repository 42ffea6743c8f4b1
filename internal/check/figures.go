package check

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
)

// ignoreMark silences the figures on its line.
const ignoreMark = "<!-- check:ignore -->"

// figure is a figure in a file, from prose or a num shortcode.
type figure struct {
	file      *content.File
	off       int
	raw       string
	fig       figures.Figure
	line, col int
	matched   bool
	// soft marks a number written in words (三项, "three"): it matches when it can, but
	// is not reported when it cannot, because translations paraphrase counts
	// (一手抓…一手抓 is "on two fronts").
	soft bool
	// points marks percentage points (个百分点), which never match a percent.
	points bool
	// multiple marks a multiple (5倍, "70 times"), which never matches a count or percent.
	multiple bool
	// vague is the range of an order of magnitude (上亿, "tens of millions"), nil for a value.
	vague *span
	// ratio marks a fraction (1/3, 三分之一), which matches fractions only.
	ratio bool
	// proportion marks a ratio n:m (比例为1:3), which matches ratios only.
	proportion bool
	// measure is the measure word after the figure, for conversions (斤 to tonnes).
	measure measure
}

// figuresOf lists the figures of a file's body in order, leaving out silenced ones.
func (c *checker) figuresOf(f *content.File) []*figure {
	in := c.inputs[f]
	sc := scanner{units: c.cfg.UnitSet, cjk: c.cfg.Languages[f.Lang].CJK(), measures: c.measures}
	var all []*figure
	for _, span := range in.Texts {
		text := span.Text
		if sc.cjk {
			text = simplified(text)
		}
		for fd := range sc.scan(text) {
			raw := strings.TrimSpace(span.Text[fd.start:fd.end])
			all = append(all, &figure{file: f, off: span.Offset + fd.start, raw: raw, fig: fd.fig, soft: fd.soft, points: fd.points, multiple: fd.multiple, vague: fd.vague, ratio: fd.ratio, proportion: fd.proportion, measure: fd.measure})
		}
	}
	for _, fs := range in.Figures {
		all = append(all, &figure{file: f, off: fs.Offset, raw: fs.Source, fig: fs.Figure})
	}
	slices.SortStableFunc(all, func(a, b *figure) int { return a.off - b.off })
	lines := c.linesOf(f)
	out := all[:0]
	for _, x := range all {
		x.line, x.col = lines.pos(f.BodyOffset + x.off)
		if !lines.marked[x.line] && !ignoredInFront(f, x) {
			out = append(out, x)
		}
	}
	return out
}

// ignoredInFront reports a figure that the front matter's checkIgnore lists.
func ignoredInFront(f *content.File, x *figure) bool {
	for _, s := range f.Front.CheckIgnore {
		if s == x.raw || s == x.fig.Value.String() {
			return true
		}
	}
	return false
}

// claim is what two figures must share to match: value, percent sign, qualifier and,
// when it counts, unit. "More than" and "over" are one claim.
type claim struct {
	value   string
	kind    kind
	qual    figures.Qualifier
	unit    string
	measure measure // 300里 is not 300 km; the tolerant pass converts
}

func claimOf(x *figure, withUnit bool) claim {
	fig := x.fig
	c := claim{value: fig.Value.String(), kind: kindOf(x), qual: fig.Qualifier, measure: x.measure}
	if c.kind == money {
		c.kind = count // a unit tells money from counts; without one they may match
	}
	if c.qual == figures.Over {
		c.qual = figures.MoreThan
	}
	if withUnit {
		c.unit = fig.Unit
	}
	return c
}

// wordClaim is what a figure must share with a number in words: its value and kind. A
// number in words is a round number, and the qualifier around it ("close to a
// billion", 千万的量级) is the translator's.
func wordClaim(x *figure) claim {
	return claim{value: x.fig.Value.String(), kind: claimKind(x)}
}

// figures compares every translation's figures with its source's.
func (c *checker) figures(groups []*content.Group) {
	for _, g := range groups {
		if g.Original == nil {
			continue
		}
		src := c.figuresOf(g.Original)
		for _, f := range g.Files {
			if f == g.Original {
				continue
			}
			for _, x := range src {
				x.matched = false
			}
			c.compare(src, c.figuresOf(f))
		}
	}
}

// compare matches two lists of figures: first orders of magnitude (上亿, "tens of
// millions") with the figures their ranges take; then figures written in digits with each
// other, on value, qualifier and unit; then letting a figure without a unit match one
// with ("4,810 suspects" for 4810名); then numbers written in words. Each figure takes
// the first free match in the other list's order; figures are grouped by what they must
// share, so the time grows with the number of figures, not with its square.
func (c *checker) compare(a, b []*figure) {
	pairVague(a, b)
	q := queuesOf(b)
	for _, x := range a {
		if !x.soft {
			pair(x, q.strict, claimOf(x, true))
		}
	}
	for _, x := range a {
		if !x.matched && !x.soft {
			pair(x, q.loose(x), claimOf(x, false))
		}
	}
	for _, x := range a {
		if !x.matched {
			pair(x, q.inWords(x), wordClaim(x))
		}
	}
	for _, p := range tolerant(a, b) {
		c.qualifierChanged(p[0], p[1])
	}
	c.unmatched(a, b)
	c.unmatched(b, a)
}

// qualifierChanged warns about a figure rendered with a qualifier that says something
// else ("about 82.19 million" for 8219万余, more than 82.19 million): the value is
// right, so it is not an error, but the claim changed.
func (c *checker) qualifierChanged(x, y *figure) {
	c.addAt(y.file.Path, y.line, y.col, "figure", diag.SevWarning, "%q says %s where %s at %s:%d:%d says %s; use the same qualifier, or silence this line with %s",
		y.raw, y.fig.Qualifier, x.raw, path.Base(x.file.Path), x.line, x.col, x.fig.Qualifier, ignoreMark)
}

// matchQueues hold one side's figures for each pass of compare.
type matchQueues struct {
	strict   queues // in digits, by claim and unit
	byValue  queues // in digits, by claim
	unitless queues // in digits without a unit, by claim
	words    queues // in words, by claim
	all      queues // every figure, by claim
}

func queuesOf(b []*figure) matchQueues {
	q := matchQueues{queues{}, queues{}, queues{}, queues{}, queues{}}
	for _, y := range b {
		k := claimOf(y, false)
		q.all.add(wordClaim(y), y)
		if y.soft {
			q.words.add(wordClaim(y), y)
			continue
		}
		q.strict.add(claimOf(y, true), y)
		q.byValue.add(k, y)
		if y.fig.Unit == "" {
			q.unitless.add(k, y)
		}
	}
	return q
}

// loose is where a figure in digits finds a match when units may be left out: any
// unit for a figure without one, no unit for a figure with one.
func (q matchQueues) loose(x *figure) queues {
	if x.fig.Unit == "" {
		return q.byValue
	}
	return q.unitless
}

// inWords is where a figure finds a match when one of the two is written in words.
func (q matchQueues) inWords(x *figure) queues {
	if x.soft {
		return q.all
	}
	return q.words
}

func pair(x *figure, q queues, k claim) {
	if y := q.take(k); y != nil {
		x.matched, y.matched = true, true
	}
}

// queues hold figures by what they must share to match, in order; matched figures
// are skipped once and for all.
type queues map[claim]*queue

type queue struct {
	items []*figure
	next  int
}

func (qs queues) add(k claim, x *figure) {
	if qs[k] == nil {
		qs[k] = &queue{}
	}
	qs[k].items = append(qs[k].items, x)
}

// take returns the first figure under k that has no match yet, or nil.
func (qs queues) take(k claim) *figure {
	q := qs[k]
	if q == nil {
		return nil
	}
	for q.next < len(q.items) && q.items[q.next].matched {
		q.next++
	}
	if q.next == len(q.items) {
		return nil
	}
	return q.items[q.next]
}

// unmatched reports the figures of side that found no match in other, each with the
// nearest figure of its kind on the other side. A figure that repeats a matched one of
// its own side a few lines away (a headline and its body, a label and its line) is
// information only: the other side may well give it once.
func (c *checker) unmatched(side, other []*figure) {
	var mine, theirs []candidate
	var seen repeats
	for i, x := range side {
		if x.matched || x.soft && x.vague == nil {
			continue
		}
		if theirs == nil { // worked out only when a figure has no match
			mine, theirs, seen = candidates(side), candidates(other), repeatsOf(side)
		}
		if y := equivalentOf(side, i); y != nil {
			c.addAt(x.file.Path, x.line, x.col, "figure", diag.SevInfo, "%q is an equivalent of %s given in %s only (ratio %s); check the rate",
				x.raw, y.raw, path.Base(x.file.Path), ratio(y, x))
			continue
		}
		if y := seen.near(x); y != nil {
			c.addAt(x.file.Path, x.line, x.col, "figure", diag.SevInfo, "%q repeats %s at line %d, which has a match in %s",
				x.raw, y.raw, y.line, path.Base(otherFile(x, other)))
			continue
		}
		cx := mine[i]
		msg := fmt.Sprintf("%q has no match in %s", x.raw, path.Base(otherFile(x, other)))
		if y := otherKind(cx, theirs); y != nil {
			msg += fmt.Sprintf(" (kind: %s for %s); %s at %s:%d:%d says the same number", cx.kind, y.kind, y.raw, path.Base(y.file.Path), y.line, y.col)
		} else if y := nearest(cx, theirs); y != nil {
			cy := candidates([]*figure{y})[0]
			msg += fmt.Sprintf(" (%s); nearest is %s (= %s) at %s:%d:%d", diagnosis(cx, cy, c.unitName), y.raw, c.shown(y.fig, x.file.Lang), path.Base(y.file.Path), y.line, y.col)
		} else if len(other) == 0 {
			msg += "; it has no figures to compare"
		} else {
			msg += fmt.Sprintf("; it has no %s to compare", cx.kind)
		}
		c.addAt(x.file.Path, x.line, x.col, "figure", diag.SevError, "%s", msg)
	}
}

// repeatLines is how many lines apart a figure may repeat another of its side.
const repeatLines = 3

// repeats index the matched figures of one side by kind and value.
type repeats map[claim][]*figure

func repeatsOf(side []*figure) repeats {
	r := repeats{}
	for _, y := range side {
		if y.matched {
			k := claim{value: y.fig.Value.String(), kind: claimKind(y)}
			r[k] = append(r[k], y)
		}
	}
	return r
}

// near returns a matched figure of the same kind and value as x at most repeatLines
// lines away, or nil.
func (r repeats) near(x *figure) *figure {
	ys := r[claim{value: x.fig.Value.String(), kind: claimKind(x)}]
	i, _ := slices.BinarySearchFunc(ys, x.line-repeatLines, func(y *figure, line int) int { return y.line - line })
	if i < len(ys) && ys[i].line <= x.line+repeatLines {
		return ys[i]
	}
	return nil
}

func otherFile(x *figure, other []*figure) string {
	if len(other) > 0 {
		return other[0].file.Path
	}
	return "the other version"
}

// unitName names a unit key for a message: "no unit" for none.
func (c *checker) unitName(key string) string {
	if key == "" {
		return "no unit"
	}
	return key
}

// shown writes a figure in the language of the file being reported on.
func (c *checker) shown(f figures.Figure, lang string) string {
	s, err := figures.Format(f, lang, c.cfg.UnitSet)
	if err != nil {
		return f.Value.String()
	}
	return s
}

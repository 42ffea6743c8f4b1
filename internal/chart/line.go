package chart

import (
	"fmt"
	"math"
	"sort"
	"strings"
)

// lineInset keeps the first and last points, and their labels, off the plot's edges.
const lineInset = 28.0

// dash tells series apart without colour: solid, dashed, dotted.
func dash(i int) string {
	switch i % 3 {
	case 1:
		return ` stroke-dasharray="7 4"`
	case 2:
		return ` stroke-dasharray="2 3"`
	}
	return ""
}

// marker is series i's point: a circle, a square or a diamond.
func marker(i int, x, y float64) string {
	switch i % 3 {
	case 1:
		return fmt.Sprintf(`<rect x="%s" y="%s" width="8" height="8" stroke="none"/>`, num(x-4), num(y-4))
	case 2:
		return fmt.Sprintf(`<path d="M%s %sl5 5-5 5-5-5z" stroke="none"/>`, num(x), num(y-5))
	}
	return fmt.Sprintf(`<circle cx="%s" cy="%s" r="4" stroke="none"/>`, num(x), num(y))
}

// xPositions places the points: by time when every label is a date, else evenly.
func (c *Chart) xPositions(a, b float64) []float64 {
	out := make([]float64, len(c.labels))
	n := len(c.labels)
	if n == 1 {
		out[0] = (a + b) / 2
		return out
	}
	times := make([]float64, n)
	dated := true
	for i, l := range c.labels {
		t, _, ok := when(l.text)
		dated = dated && ok
		times[i] = float64(t.Unix())
	}
	lo, hi := times[0], times[n-1]
	for i := range out {
		if dated && hi > lo {
			out[i] = a + (times[i]-lo)/(hi-lo)*(b-a)
		} else {
			out[i] = a + float64(i)/float64(n-1)*(b-a)
		}
	}
	return out
}

// line draws a line chart and returns the height used.
func (c *Chart) line(w *svg) float64 {
	top, t, x0 := c.valueAxisTop(w)
	plotTop, plotBottom := top+lineH+8, top+lineH+8+colH
	c.grid(w, t, plotBottom, plotTop, x0, width, true)
	c.yTicks(w, t, x0, plotBottom, plotTop)
	labelAll := len(c.series) == 1 && len(c.labels) <= 8
	right := width - lineInset
	if !labelAll { // room for the values at the ends of the lines
		for _, s := range c.series {
			right = math.Min(right, width-2-8-textWidth(s.points[len(s.points)-1].display, fontSize))
		}
	}
	xs := c.xPositions(x0+lineInset, right)
	for i, s := range c.series {
		fill, class := colour(i)
		var d strings.Builder
		for k, p := range s.points {
			cmd := "L"
			if k == 0 {
				cmd = "M"
			}
			fmt.Fprintf(&d, "%s%s %s", cmd, num(xs[k]), num(t.pos(c.scaled(p.v), plotBottom, plotTop)))
		}
		w.printf(`<g class="%s" fill="%s" stroke="%s"><path d="%s" fill="none" stroke-width="2.5" stroke-linejoin="round"%s/>`, class, fill, fill, d.String(), dash(i))
		for k, p := range s.points {
			y := t.pos(c.scaled(p.v), plotBottom, plotTop)
			w.printf(`<g data-value="%s"><title>%s</title>%s</g>`, esc(exact(p)), esc(c.pointName(i, k)+c.words().sep+p.display), marker(i, xs[k], y))
		}
		w.printf(`</g>`)
		if labelAll {
			for k, p := range s.points {
				c.clampedText(w, xs[k], t.pos(c.scaled(p.v), plotBottom, plotTop)-9, "chart-value", p.display)
			}
		}
	}
	if !labelAll {
		c.endLabels(w, t, xs[len(xs)-1], plotBottom, plotTop)
	}
	return c.pointLabels(w, xs, plotBottom)
}

// endLabels writes each series' last value right of its last point, moved apart
// where two would overlap, the highest first.
func (c *Chart) endLabels(w *svg, t ticks, x, bottom, top float64) {
	type label struct {
		y float64
		s string
	}
	var ls []label
	for _, s := range c.series {
		p := s.points[len(s.points)-1]
		ls = append(ls, label{t.pos(c.scaled(p.v), bottom, top) + fontSize*0.35, p.display})
	}
	sort.SliceStable(ls, func(i, j int) bool { return ls[i].y < ls[j].y })
	for i := range ls {
		if i > 0 && ls[i].y-ls[i-1].y < lineH {
			ls[i].y = ls[i-1].y + lineH
		}
		w.text(x+8, ls[i].y, "start", "chart-value", ls[i].s)
	}
}

func (c *Chart) pointName(i, k int) string {
	name := c.displayLabel(c.labels[k].text)
	if len(c.series) > 1 {
		name += " · " + c.series[i].name
	}
	return name
}

// clampedText centres a label on x, or aligns it to the edge it would cross.
func (c *Chart) clampedText(w *svg, x, y float64, class, s string) {
	half := textWidth(s, fontSize) / 2
	switch {
	case x-half < 0:
		w.text(0, y, "start", class, s)
	case x+half > width-2:
		w.text(width-2, y, "end", class, s)
	default:
		w.text(x, y, "middle", class, s)
	}
}

// pointLabels writes the labels under the points, every k-th when they would
// crowd, and returns the height used.
func (c *Chart) pointLabels(w *svg, xs []float64, y float64) float64 {
	room := width
	if len(xs) > 1 {
		room = xs[1] - xs[0]
	}
	widest := 0.0
	for _, l := range c.labels {
		widest = math.Max(widest, textWidth(c.displayLabel(l.text), fontSize)+8)
	}
	every := max(1, int(math.Ceil(widest/room)))
	for k, l := range c.labels {
		if k%every == 0 || k == len(c.labels)-1 && every == 1 {
			c.clampedText(w, xs[k], y+lineH, "", c.displayLabel(l.text))
		}
	}
	return y + lineH + 6
}

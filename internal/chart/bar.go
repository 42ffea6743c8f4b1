package chart

import (
	"math"
	"strconv"
)

// Bars: horizontal by default, each label on its own line above its bars, so that a
// long Chinese or English label never has to fit beside them on a phone; vertical
// (orient="vertical") for a few short labels such as years.
const (
	barH     = 18.0 // a bar alone, or a stack
	groupH   = 13.0 // a bar of a group
	rowGap   = 10.0
	colH     = 200.0 // a vertical chart's plot height
	labelGap = 5.0
)

// valueTicks cuts the value axis for the chart's values, in its scale.
func (c *Chart) valueTicks() ticks {
	lo, hi := 0.0, 0.0
	for i := range c.labels {
		sum := 0.0
		for _, s := range c.series {
			v := s.points[i].v
			lo, hi = math.Min(lo, v), math.Max(hi, v)
			sum += v
		}
		if c.spec.Stacked {
			lo, hi = math.Min(lo, sum), math.Max(hi, sum)
		}
	}
	f := math.Pow(10, float64(c.axis.exp))
	return niceTicks(lo/f, hi/f, targetTicks)
}

// scaled is v in the axis' scale.
func (c *Chart) scaled(v float64) float64 { return v / math.Pow(10, float64(c.axis.exp)) }

// barClass is the colour of series i's bar in row r: dimmed when another bar is
// highlighted.
func (c *Chart) barClass(i, r int) (fill, class string) {
	if c.spec.Highlight != "" && c.labels[r].text != c.spec.Highlight && len(c.series) == 1 {
		return dimColour, "chart-dim"
	}
	return colour(i)
}

// rowTotal is what a row's label shows at the end of its bars: the one value, or a
// stack's total written like its parts.
func (c *Chart) rowLabel(r int) []string {
	if !c.spec.Stacked {
		out := make([]string, len(c.series))
		for i, s := range c.series {
			out[i] = s.points[r].display
		}
		return out
	}
	return []string{c.totalDisplay(r)}
}

// horizontal draws horizontal bars and returns the height used.
func (c *Chart) horizontal(w *svg) float64 {
	y := pad + c.legend(w, pad)
	t := c.valueTicks()
	x0 := math.Max(textWidth(c.tickLabel(t.labels[0]), fontSize)/2, 1)
	x1 := c.plotEnd(t, x0)
	top := y
	var body svg
	for r, l := range c.labels {
		class := ""
		if c.spec.Highlight != "" && l.text == c.spec.Highlight {
			class = "chart-hl"
		}
		body.text(x0, y+fontSize, "start", class, l.text)
		y += lineH + 2
		y = c.barRow(&body, r, t, x0, x1, y)
		y += rowGap
	}
	bottom := y - rowGap + 4
	c.grid(w, t, x0, x1, top, bottom, false)
	w.b.WriteString(body.b.String())
	for i, l := range t.labels {
		w.text(t.pos(t.lo+float64(i)*t.step, x0, x1), bottom+lineH, "middle", "chart-tick", c.tickLabel(l))
	}
	y = bottom + lineH
	if c.axis.unit != "" {
		y += lineH + 4
		w.text(width-2, y, "end", "chart-unit", c.words().unit+c.axis.unit)
	}
	return y + 6
}

// plotEnd finds the widest plot that leaves room for every bar's value label after
// its end, and for the last tick's label.
func (c *Chart) plotEnd(t ticks, x0 float64) float64 {
	x1 := width - 2 - textWidth(c.tickLabel(t.labels[len(t.labels)-1]), fontSize)/2
	for r := range c.labels {
		labels := c.rowLabel(r)
		for i, l := range labels {
			v := c.total(r)
			if !c.spec.Stacked {
				v = c.series[i].points[r].v
			}
			f := (math.Max(c.scaled(v), 0) - t.lo) / (t.hi - t.lo)
			room := width - labelGap - 4 - textWidth(l, fontSize) - x0
			if f > 0 {
				x1 = math.Min(x1, x0+room/f)
			}
		}
	}
	return x1
}

// barRow draws one row's bars from y and returns where the next row starts.
func (c *Chart) barRow(w *svg, r int, t ticks, x0, x1, y float64) float64 {
	zero := t.pos(0, x0, x1)
	if c.spec.Stacked {
		end := zero
		c.stack(r, t, x0, x1, func(i int, s series, p point, a, b float64) {
			fill, class := c.barClass(i, r)
			c.rect(w, math.Min(a, b), y, math.Abs(b-a), barH, fill, class, c.labels[r].text+" · "+s.name, p)
			end = math.Max(end, math.Max(a, b))
		})
		w.text(end+labelGap, y+barH/2+fontSize*0.35, "start", "chart-value", c.totalDisplay(r))
		return y + barH
	}
	h := barH
	if len(c.series) > 1 {
		h = groupH
	}
	for i, s := range c.series {
		p := s.points[r]
		b := t.pos(c.scaled(p.v), x0, x1)
		fill, class := c.barClass(i, r)
		name := c.barName(s, r)
		c.rect(w, math.Min(zero, b), y, math.Abs(b-zero), h, fill, class, name, p)
		w.text(math.Max(zero, b)+labelGap, y+h/2+fontSize*0.35, "start", "chart-value", p.display)
		y += h + 2
	}
	return y - 2
}

// rect draws a bar with its exact value in data-value and a tooltip.
func (c *Chart) rect(w *svg, x, y, wd, h float64, fill, class, name string, p point) {
	w.printf(`<rect x="%s" y="%s" width="%s" height="%s" class="%s" fill="%s" data-value="%s"><title>%s</title></rect>`,
		num(x), num(y), num(math.Max(wd, 0.5)), num(h), class, fill, esc(exact(p)), esc(name+c.words().sep+p.display))
}

// exact is a value as machines read it: every digit, % for a percentage.
func exact(p point) string {
	if p.fig.Percent {
		return p.fig.Value.String() + "%"
	}
	return p.fig.Value.String()
}

// grid draws the value axis' gridlines, across (vertical=false: lines up and down
// at each tick's x) or along a vertical chart.
func (c *Chart) grid(w *svg, t ticks, a, b, from, to float64, vertical bool) {
	w.printf(`<g class="chart-grid" stroke="#d5dae1">`)
	for i := range t.labels {
		v := t.lo + float64(i)*t.step
		p := t.pos(v, a, b)
		class := ""
		if math.Abs(v) < t.step/1e6 {
			class = ` class="chart-zero" stroke="#4a5361"`
		}
		if vertical {
			w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"%s/>`, num(from), num(p), num(to), num(p), class)
		} else {
			w.printf(`<line x1="%s" y1="%s" x2="%s" y2="%s"%s/>`, num(p), num(from), num(p), num(to), class)
		}
	}
	w.printf(`</g>`)
}

// valueAxisTop draws what sits above a chart with a vertical value axis (columns,
// lines): the legend, then the axis' unit over the tick labels. It returns where
// the plot may start, the value ticks, and the plot's left edge, right of the
// widest tick label.
func (c *Chart) valueAxisTop(w *svg) (top float64, t ticks, x0 float64) {
	top = pad + c.legend(w, pad)
	t = c.valueTicks()
	x0 = c.tickWidth(t) + 8
	if c.axis.unit != "" {
		top += lineH
		w.text(0, top-4, "start", "chart-unit", c.words().unit+c.axis.unit)
	}
	return top, t, x0
}

// vertical draws vertical bars (columns) and returns the height used.
func (c *Chart) vertical(w *svg) float64 {
	top, t, x0 := c.valueAxisTop(w)
	plotTop := top + lineH + 4 // room for the values above the tallest bar
	plotBottom := plotTop + colH
	c.grid(w, t, plotBottom, plotTop, x0, width, true)
	c.yTicks(w, t, x0, plotBottom, plotTop)
	slot := (width - x0) / float64(len(c.labels))
	bars := float64(len(c.series))
	if c.spec.Stacked {
		bars = 1
	}
	bw := math.Min(slot*0.7/bars, 48)
	zero := t.pos(0, plotBottom, plotTop)
	for r := range c.labels {
		mid := x0 + slot*(float64(r)+0.5)
		x := mid - bw*bars/2
		if c.spec.Stacked {
			c.stackColumn(w, r, t, x, bw, plotBottom, plotTop)
		} else {
			for i, s := range c.series {
				p := s.points[r]
				y := t.pos(c.scaled(p.v), plotBottom, plotTop)
				fill, class := c.barClass(i, r)
				name := c.barName(s, r)
				c.rect(w, x, math.Min(y, zero), bw, math.Abs(zero-y), fill, class, name, p)
				if l := c.fitting(p, bw+slot*0.3/bars); l != "" {
					w.text(x+bw/2, math.Min(y, zero)-4, "middle", "chart-value", l)
				}
				x += bw
			}
		}
	}
	return c.xLabels(w, x0, slot, plotBottom)
}

// barName names the bar of series s in row r, as its <title> says: the row's label,
// and the series' name when there is more than one.
func (c *Chart) barName(s series, r int) string {
	if len(c.series) > 1 {
		return c.labels[r].text + " · " + s.name
	}
	return c.labels[r].text
}

// stack gives each series' part of row r of a stacked chart to draw: its span from
// a to b on the value axis drawn from lo to hi. Positive values stack up from zero
// and negative ones down, each on their own, as spreadsheets stack them.
func (c *Chart) stack(r int, t ticks, lo, hi float64, draw func(i int, s series, p point, a, b float64)) {
	pos, neg := 0.0, 0.0
	for i, s := range c.series {
		p := s.points[r]
		base := &pos
		if p.v < 0 {
			base = &neg
		}
		a, b := t.pos(c.scaled(*base), lo, hi), t.pos(c.scaled(*base+p.v), lo, hi)
		*base += p.v
		draw(i, s, p, a, b)
	}
}

// stackColumn draws one stacked column, its total above it.
func (c *Chart) stackColumn(w *svg, r int, t ticks, x, bw, bottom, top float64) {
	end := t.pos(0, bottom, top)
	c.stack(r, t, bottom, top, func(i int, s series, p point, a, b float64) {
		fill, class := c.barClass(i, r)
		c.rect(w, x, math.Min(a, b), bw, math.Abs(b-a), fill, class, c.labels[r].text+" · "+s.name, p)
		end = math.Min(end, math.Min(a, b))
	})
	w.text(x+bw/2, end-4, "middle", "chart-value", c.totalDisplay(r))
}

// tickWidth is the width of the widest tick label.
func (c *Chart) tickWidth(t ticks) float64 {
	wd := 0.0
	for _, l := range t.labels {
		wd = math.Max(wd, textWidth(c.tickLabel(l), fontSize))
	}
	return wd
}

// yTicks writes the value axis' labels left of a vertical plot.
func (c *Chart) yTicks(w *svg, t ticks, x0, bottom, top float64) {
	for i, l := range t.labels {
		w.text(x0-6, t.pos(t.lo+float64(i)*t.step, bottom, top)+fontSize*0.35, "end", "chart-tick", c.tickLabel(l))
	}
}

// xLabels writes the category labels under a vertical plot, each wrapped to its
// slot, and returns the height used.
func (c *Chart) xLabels(w *svg, x0, slot, y float64) float64 {
	most := 1
	for r, l := range c.labels {
		lines := wrap(c.displayLabel(l.text), slot-4, fontSize)
		for k, s := range lines {
			w.text(x0+slot*(float64(r)+0.5), y+lineH*float64(k+1), "middle", "", s)
		}
		most = max(most, len(lines))
	}
	return y + lineH*float64(most) + 6
}

// fitting is the value label that fits in room: the figure as the page writes it,
// else its number in the axis' scale (the unit is on the axis), else none; the table
// and the bar's tooltip have every value.
func (c *Chart) fitting(p point, room float64) string {
	if textWidth(p.display, fontSize) <= room {
		return p.display
	}
	short := c.tickLabel(strconv.FormatFloat(c.scaled(p.v), 'f', -1, 64))
	if textWidth(short, fontSize) <= room {
		return short
	}
	return ""
}

package chart

// bigSize is the number card's figure.
const bigSize = 40.0

// number draws a number card: the one figure, large, and the row's label under it
// when the figure came from data. It returns the height used.
func (c *Chart) number(w *svg) float64 {
	p := c.series[0].points[0]
	w.printf(`<text x="0" y="%s" class="chart-big" font-size="%s" font-weight="700" data-value="%s">%s</text>`,
		num(pad+bigSize), num(bigSize), esc(exact(p)), esc(p.display))
	y := pad + bigSize + 10
	if l := c.labels[0]; l.off >= 0 && l.text != "" {
		y += lineH
		w.text(0, y, "start", "chart-label", l.text)
	}
	return y + 6
}

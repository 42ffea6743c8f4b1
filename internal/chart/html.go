package chart

import (
	"strings"
)

// HTML writes the chart as a figure: its title and caption, the inline SVG, the
// source, and the data as a table behind a "show the data" disclosure. id must be
// unique in the page (chart-1); the SVG's title and description take id-title and
// id-desc. The same chart always gives the same bytes.
func (c *Chart) HTML(id string) string {
	var w, body svg
	w.b.Grow(8 << 10) // a chart of a few bars is 4 to 8 kB
	body.b.Grow(8 << 10)
	h := 0.0
	switch {
	case c.spec.Type == "number":
		h = c.number(&body)
	case c.spec.Type == "line":
		h = c.line(&body)
	case c.spec.Vertical:
		h = c.vertical(&body)
	default:
		h = c.horizontal(&body)
	}
	title := c.spec.Title
	if title == "" {
		title = c.kind()
	}
	w.printf(`<figure class="chart chart-%s" id="%s">`, c.spec.Type, esc(id))
	if c.spec.Title != "" || c.spec.Caption != "" {
		w.printf(`<figcaption>`)
		if c.spec.Title != "" {
			w.printf(`<strong class="chart-title">%s</strong>`, esc(c.spec.Title))
		}
		if c.spec.Caption != "" {
			if c.spec.Title != "" {
				w.printf(" ")
			}
			w.printf(`<span class="chart-caption">%s</span>`, esc(c.spec.Caption))
		}
		w.printf(`</figcaption>`)
	}
	w.printf(`<svg xmlns="http://www.w3.org/2000/svg" class="chart-svg" viewBox="0 0 %s %s" width="%s" height="%s" role="img" aria-labelledby="%s-title" aria-describedby="%s-desc" font-size="%s" fill="currentColor" paint-order="stroke">`,
		num(width), num(h), num(width), num(h), esc(id), esc(id), num(fontSize))
	w.printf(`<title id="%s-title">%s</title><desc id="%s-desc">%s</desc>`, esc(id), esc(title), esc(id), esc(c.describe()))
	w.b.WriteString(body.b.String())
	w.printf(`</svg>`)
	if c.spec.Source != "" {
		w.printf(`<p class="chart-source">%s%s</p>`, esc(c.words().source), esc(c.spec.Source))
	}
	if c.spec.Type != "number" {
		c.dataTable(&w)
	}
	w.printf("</figure>\n")
	return w.b.String()
}

// describe says in words what the chart shows, for a screen reader: its kind and
// unit, then every value.
func (c *Chart) describe() string {
	wd := c.words()
	var b strings.Builder
	b.WriteString(c.kind())
	if c.axis.unit != "" {
		b.WriteString(wd.listSep)
		b.WriteString(wd.unit)
		if wd.unit == "" {
			b.WriteString("in ")
		}
		b.WriteString(c.axis.unit)
	}
	for r, l := range c.labels {
		for _, s := range c.series {
			if c.spec.Type == "number" {
				b.WriteString(wd.sep)
				b.WriteString(s.points[r].display)
				continue
			}
			b.WriteString(wd.listSep)
			b.WriteString(c.displayLabel(l.text))
			if len(c.series) > 1 {
				b.WriteString(" · " + s.name)
			}
			b.WriteString(wd.sep)
			b.WriteString(s.points[r].display)
		}
	}
	return b.String()
}

// dataTable writes the values as a table, the chart's text alternative that every
// reader can use: a screen reader's table navigation, copying into a spreadsheet.
func (c *Chart) dataTable(w *svg) {
	w.printf(`<details class="chart-data"><summary>%s</summary><table><thead><tr><th scope="col">%s</th>`, esc(c.words().showData), esc(c.xName))
	for _, s := range c.series {
		w.printf(`<th scope="col">%s</th>`, esc(s.name))
	}
	w.printf(`</tr></thead><tbody>`)
	for r, l := range c.labels {
		w.printf(`<tr><th scope="row">%s</th>`, esc(c.displayLabel(l.text)))
		for _, s := range c.series {
			w.printf(`<td data-value="%s">%s</td>`, esc(exact(s.points[r])), esc(s.points[r].display))
		}
		w.printf(`</tr>`)
	}
	w.printf(`</tbody></table></details>`)
}

package chart

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode"
)

// The chart is drawn in a box this many units wide; the page scales it to its
// column, so the units are about CSS pixels on a wide screen.
const (
	width    = 420.0
	fontSize = 14.0
	lineH    = 19.0 // a line of text
	pad      = 6.0  // above the first line: CJK fonts rise above the em box
)

// palette is the series colours in light mode, written as fill and stroke
// attributes so that a chart keeps its colours where the theme's stylesheet is
// absent (a feed reader); the stylesheet's --chart-N colours override them, and
// switch to the dark set. Okabe and Ito's colour-blind-safe hues, darkened where
// needed for 3:1 contrast with the page (WCAG 1.4.11).
var palette = []string{"#0072B2", "#D55E00", "#00775A", "#A04C7E", "#8A6100"}

// dimColour is the bars other than the highlighted one.
const dimColour = "#8A93A0"

// svg collects the chart's markup.
type svg struct{ b strings.Builder }

func (w *svg) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// text writes a text element: x, y, the anchor (start, middle, end) and a class.
func (w *svg) text(x, y float64, anchor, class, s string) {
	w.printf(`<text x="%s" y="%s"`, num(x), num(y))
	if anchor != "start" {
		w.printf(` text-anchor="%s"`, anchor)
	}
	if class != "" {
		w.printf(` class="%s"`, class)
	}
	w.printf(`>%s</text>`, esc(s))
}

// num writes a coordinate with one decimal at most, the same on every machine.
func num(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	if s == "-0" {
		return "0"
	}
	return s
}

func esc(s string) string { return html.EscapeString(s) }

// textWidth estimates how wide s is at size: a Han character or other wide one is
// an em, digits and Latin letters a little over half of one. The estimate only has
// to keep labels from overlapping; it errs on the wide side.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x30ff || r >= 0xff00 && r <= 0xffef:
			w += 1
		case r == ' ' || r == '.' || r == ',' || r == 'i' || r == 'l' || r == 'j' || r == '\'' || r == 't' || r == 'f':
			w += 0.3
		case r >= '0' && r <= '9': // tabular figures: all as wide
			w += 0.56
		case unicode.IsUpper(r) || r == 'm' || r == 'w' || r == '%':
			w += 0.75
		default:
			w += 0.54
		}
	}
	return w * size
}

// colour is series i's colour attribute and class.
func colour(i int) (fill, class string) {
	return palette[i%len(palette)], fmt.Sprintf("chart-s%d", i%len(palette)+1)
}

// words are the few words a chart writes itself, per language.
type words struct {
	showData, source, unit, kinds string
	sep, listSep                  string
}

var zhWords = words{showData: "查看数据", source: "来源：", unit: "单位：", kinds: "条形图|折线图|数字", sep: "：", listSep: "；"}
var enWords = words{showData: "Show the data", source: "Source: ", unit: "", kinds: "Bar chart|Line chart|Figure", sep: ": ", listSep: "; "}

func (c *Chart) words() words {
	if strings.HasPrefix(c.lang, "zh") {
		return zhWords
	}
	return enWords
}

// kind is the chart's kind in words, for its description.
func (c *Chart) kind() string {
	k := strings.Split(c.words().kinds, "|")
	switch c.spec.Type {
	case "line":
		return k[1]
	case "number":
		return k[2]
	}
	return k[0]
}

// legend draws a swatch and name for each series, wrapping at the width, and
// returns the height it took; one series needs none.
func (c *Chart) legend(w *svg, y float64) float64 {
	if len(c.series) < 2 {
		return 0
	}
	x, h := 0.0, lineH+6
	for i, s := range c.series {
		wd := 16 + textWidth(s.name, fontSize) + 14
		if x > 0 && x+wd > width {
			x, y, h = 0, y+lineH+2, h+lineH+2
		}
		fill, class := colour(i)
		if c.spec.Type == "line" {
			w.printf(`<g class="%s" fill="%s" stroke="%s"><line x1="%s" y1="%s" x2="%s" y2="%s" stroke-width="2.5"%s/>%s</g>`,
				class, fill, fill, num(x-2), num(y+8.5), num(x+13), num(y+8.5), dash(i), marker(i, x+5.5, y+8.5))
		} else {
			w.printf(`<rect x="%s" y="%s" width="11" height="11" class="%s" fill="%s"/>`, num(x), num(y+3), class, fill)
		}
		w.text(x+16, y+13, "start", "", s.name)
		x += wd
	}
	return h
}

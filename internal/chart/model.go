package chart

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// Chart is a chart with its data read and every value written in the page's
// language, ready to draw.
type Chart struct {
	spec   *Spec
	lang   string
	xName  string   // the label column's name
	labels []cell   // one a row: the bars' or points' labels
	series []series // one a column of values
	axis   axis
	units  *figures.Units
}

type series struct {
	name   string
	points []point
}

// point is one value: the figure it is, its float for drawing, and how the page
// writes it.
type point struct {
	fig     figures.Figure
	v       float64
	display string
	off     int
}

// axis is how a value axis writes its numbers: in units of 10^exp (亿 is 8,
// million 6), with unit naming that scale and the figures' unit ("亿元", "million yuan").
type axis struct {
	exp  int
	unit string
}

// Value is one value of a chart, for briefs check: what the chart shows, in the
// page's notation, and its exact figure. Offset is where it is written in the data.
type Value struct {
	Offset  int
	Display string
	Figure  figures.Figure
}

// Build reads the data (src in format "csv" or "toml"; none for a number card with
// value=) and writes every value in language lang, with units (nil: the built-in
// ones). Errors are *Error.
func Build(spec *Spec, src []byte, format, lang string, units *figures.Units) (*Chart, error) {
	c := &Chart{spec: spec, lang: lang, units: units} // nil units: figures' built-in ones
	if spec.Type == "number" && spec.Value != "" {
		p, err := c.point(spec.Value, -1, units)
		if err != nil {
			return nil, err
		}
		c.labels = []cell{{text: spec.Title, off: -1}}
		c.series = []series{{name: spec.Title, points: []point{p}}}
		return c, nil
	}
	var t *table
	var err error
	if format == "toml" {
		t, err = readTOML(src)
	} else {
		t, err = readCSV(src)
	}
	if err != nil {
		return nil, err
	}
	if err := c.fill(t, units); err != nil {
		return nil, err
	}
	c.sort()
	c.axis = c.scale(units)
	return c, nil
}

// fill picks the label and value columns and reads every value.
func (c *Chart) fill(t *table, units *figures.Units) error {
	if _, err := figures.Parse(joinUnit("1", c.spec.Unit), "", units); err != nil && c.spec.Unit != "" {
		return argError("unit=%q does not read as a unit: %v; write a unit such as 亿元, million yuan, 件 or %%", c.spec.Unit, err)
	}
	xi, err := column(t, c.spec.X, 0)
	if err != nil {
		return err
	}
	var cols []int
	if c.spec.Columns == nil {
		for i := range t.header {
			if i != xi {
				cols = append(cols, i)
			}
		}
	}
	for _, name := range c.spec.Columns {
		i, err := column(t, name, -1)
		if err != nil {
			return err
		}
		cols = append(cols, i)
	}
	c.xName = t.header[xi].text
	for _, r := range t.rows {
		c.labels = append(c.labels, r[xi])
	}
	for _, ci := range cols {
		s := series{name: t.header[ci].text}
		for _, r := range t.rows {
			p, err := c.point(r[ci].text, r[ci].off, units)
			if err != nil {
				return err
			}
			s.points = append(s.points, p)
		}
		c.series = append(c.series, s)
	}
	if c.spec.Type == "number" && (len(c.series) != 1 || len(c.labels) != 1) {
		return &Error{Offset: t.header[0].off, Msg: fmt.Sprintf("a number card shows one figure, but the data has %d rows and %d value columns; keep one of each", len(c.labels), len(c.series))}
	}
	if err := c.sameUnits(); err != nil {
		return err
	}
	return c.highlighted()
}

// highlighted reports a highlight= that names no label.
func (c *Chart) highlighted() error {
	if c.spec.Highlight == "" {
		return nil
	}
	var all []string
	for _, l := range c.labels {
		if l.text == c.spec.Highlight {
			return nil
		}
		all = append(all, l.text)
	}
	return argError("highlight=%q names no bar; the labels are %s", c.spec.Highlight, strings.Join(all, ", "))
}

// column finds a column by name; "" is column def.
func column(t *table, name string, def int) (int, error) {
	if name == "" {
		return def, nil
	}
	for i, h := range t.header {
		if h.text == name {
			return i, nil
		}
	}
	return 0, argError("no column %q in the data, which has %s", name, names(t.header))
}

// point reads one cell as a figure: the cell, then the chart's unit (7.9 and 亿元 make
// 7.9亿元). A cell may carry its own scale word or unit instead (7.9亿元).
func (c *Chart) point(text string, off int, units *figures.Units) (point, error) {
	if text == "" {
		return point{}, &Error{Offset: off, Msg: "this cell is empty; every value needs a number (write 0 for none)"}
	}
	f, err := figures.Parse(joinUnit(text, c.spec.Unit), "", units)
	if err != nil {
		return point{}, &Error{Offset: off, Msg: err.Error()} // figures quotes the cell
	}
	display, err := figures.Format(f, c.lang, units)
	if err != nil {
		return point{}, &Error{Offset: off, Msg: err.Error()}
	}
	v, _ := strconv.ParseFloat(f.Value.String(), 64)
	return point{fig: f, v: v, display: display, off: off}, nil
}

// joinUnit writes a number and a unit as one figure: with a space before a word
// (790 million yuan), without before a character (7.9亿元, 91.36%).
func joinUnit(num, unit string) string {
	if unit == "" {
		return num
	}
	if r, _ := utf8.DecodeRuneInString(unit); r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
		return num + " " + unit
	}
	return num + unit
}

// sameUnits reports values of different units or kinds in one chart: one axis
// cannot measure yuan and cases.
func (c *Chart) sameUnits() error {
	first := c.series[0].points[0].fig
	for _, s := range c.series {
		for _, p := range s.points {
			if p.fig.Unit != first.Unit || p.fig.Percent != first.Percent {
				return &Error{Offset: p.off, Msg: fmt.Sprintf("%s has another unit than %s, the chart's first value; one chart measures one unit", p.display, c.series[0].points[0].display)}
			}
		}
	}
	return nil
}

// sort orders the rows by the first series (or the totals, stacked), stably.
func (c *Chart) sort() {
	if c.spec.Sort == "" || len(c.labels) < 2 {
		return
	}
	idx := make([]int, len(c.labels))
	for i := range idx {
		idx[i] = i
	}
	key := func(i int) float64 {
		if c.spec.Stacked {
			return c.total(i)
		}
		return c.series[0].points[i].v
	}
	slices.SortStableFunc(idx, func(a, b int) int {
		if c.spec.Sort == "desc" {
			a, b = b, a
		}
		return cmp.Compare(key(a), key(b))
	})
	labels := make([]cell, len(idx))
	for i, j := range idx {
		labels[i] = c.labels[j]
	}
	c.labels = labels
	for k := range c.series {
		pts := make([]point, len(idx))
		for i, j := range idx {
			pts[i] = c.series[k].points[j]
		}
		c.series[k].points = pts
	}
}

func (c *Chart) total(row int) float64 {
	sum := 0.0
	for _, s := range c.series {
		sum += s.points[row].v
	}
	return sum
}

// Values lists the chart's values in data order, for briefs check.
func (c *Chart) Values() []Value {
	var out []Value
	for _, s := range c.series {
		for _, p := range s.points {
			out = append(out, Value{Offset: p.off, Display: p.display, Figure: p.fig})
		}
	}
	slices.SortStableFunc(out, func(a, b Value) int { return a.Offset - b.Offset })
	return out
}

// scale picks the axis' scale word from the largest value: 亿 for 15.06亿 in
// Chinese, billion for 1.506 billion in English; percentages are never scaled.
func (c *Chart) scale(units *figures.Units) axis {
	first := c.series[0].points[0].fig
	big := 0.0
	for i := range c.labels {
		for _, s := range c.series {
			big = math.Max(big, math.Abs(s.points[i].v))
		}
		if c.spec.Stacked {
			big = math.Max(big, math.Abs(c.total(i)))
		}
	}
	exp := 0
	if !first.Percent {
		steps := []int{12, 9, 6}
		if strings.HasPrefix(c.lang, "zh") {
			steps = []int{12, 8, 4}
		}
		for _, e := range steps {
			if big >= math.Pow(10, float64(e)) {
				exp = e
				break
			}
		}
	}
	// The unit as Format writes it after a number of that scale: "2亿元" less "2".
	two, _ := figures.ParseDecimal("2" + strings.Repeat("0", exp))
	f := figures.Figure{Value: two, Unit: first.Unit, Word: first.Word, Percent: first.Percent}
	s, err := figures.Format(f, c.lang, units)
	if err != nil {
		return axis{exp: exp}
	}
	s = strings.TrimSpace(strings.TrimPrefix(s, "2"))
	return axis{exp: exp, unit: s}
}

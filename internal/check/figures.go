package check

import (
	"bytes"
	"fmt"
	"math"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
)

var timeNow = time.Now

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
}

// figuresOf lists the figures of a file's body, leaving out silenced ones.
func (c *checker) figuresOf(f *content.File) []*figure {
	in := c.inputs[f]
	sc := scanner{units: c.cfg.UnitSet, cjk: c.cfg.Languages[f.Lang].CJK()}
	var out []*figure
	add := func(off int, raw string, fig figures.Figure, soft bool) {
		line, col := diag.LineCol(f.Src, f.BodyOffset+off)
		if c.ignored(f, line, raw, fig) {
			return
		}
		out = append(out, &figure{file: f, off: off, raw: raw, fig: fig, line: line, col: col, soft: soft})
	}
	for _, span := range in.Texts {
		for _, fd := range sc.scan(span.Text) {
			add(span.Offset+fd.start, fd.raw, fd.fig, fd.soft)
		}
	}
	for _, fs := range in.Figures {
		add(fs.Offset, fs.Source, fs.Figure, false)
	}
	slices.SortFunc(out, func(a, b *figure) int { return a.off - b.off })
	return out
}

func (c *checker) ignored(f *content.File, line int, raw string, fig figures.Figure) bool {
	for _, s := range f.Front.CheckIgnore {
		if s == raw || s == fig.Value.String() {
			return true
		}
	}
	text := diag.Excerpt(f.Src, line, 0)
	return len(text) == 1 && bytes.Contains([]byte(text[0].Text), []byte(ignoreMark))
}

// key is what two figures must share to match. "More than" and "over" are one claim.
func key(fig figures.Figure) string {
	q := fig.Qualifier
	if q == figures.Over {
		q = figures.MoreThan
	}
	return fmt.Sprintf("%s|%v|%d", fig.Value.String(), fig.Percent, q)
}

// figures compares every translation's figures with its source's.
func (c *checker) figures(groups []*group) {
	for _, g := range groups {
		if g.source == nil {
			continue
		}
		src := c.figuresOf(g.source)
		for _, f := range g.files {
			if f == g.source {
				continue
			}
			for _, x := range src {
				x.matched = false
			}
			c.compare(src, c.figuresOf(f))
		}
	}
}

// compare matches two lists of figures: first figures written in digits with each
// other, on value, qualifier and unit; then letting a figure without a unit match one
// with ("4,810 suspects" for 4810名); then numbers written in words.
func (c *checker) compare(a, b []*figure) {
	match := func(loose, soft bool) {
		for _, x := range a {
			for _, y := range b {
				if x.matched || y.matched || (x.soft || y.soft) != soft || key(x.fig) != key(y.fig) {
					continue
				}
				if x.fig.Unit == y.fig.Unit || loose && (x.fig.Unit == "" || y.fig.Unit == "") {
					x.matched, y.matched = true, true
				}
			}
		}
	}
	match(false, false)
	match(true, false)
	match(true, true)
	c.unmatched(a, b)
	c.unmatched(b, a)
}

func (c *checker) unmatched(side, other []*figure) {
	for _, x := range side {
		if x.matched || x.soft {
			continue
		}
		msg := fmt.Sprintf("%q has no match in %s", x.raw, path.Base(otherFile(x, other)))
		if y := nearest(x, other); y != nil {
			msg += fmt.Sprintf("; nearest is %s (= %s) at %s:%d:%d", y.raw, c.shown(y.fig, x.file.Lang), path.Base(y.file.Path), y.line, y.col)
		} else {
			msg += "; it has no figures to compare"
		}
		c.addAt(x.file.Path, x.line, x.col, "figure", Error, "%s", msg)
	}
}

func otherFile(x *figure, other []*figure) string {
	if len(other) > 0 {
		return other[0].file.Path
	}
	return "the other version"
}

// shown writes a figure in the language of the file being reported on.
func (c *checker) shown(f figures.Figure, lang string) string {
	s, err := figures.Format(f, lang, c.cfg.UnitSet)
	if err != nil {
		return f.Value.String()
	}
	return s
}

// nearest finds the figure on the other side closest in value, preferring one that
// has no match itself: that is usually the one the translator got wrong.
func nearest(x *figure, other []*figure) *figure {
	var best *figure
	bestD := math.Inf(1)
	for _, pass := range []bool{true, false} {
		for _, y := range other {
			if pass && y.matched || y.fig.Percent != x.fig.Percent {
				continue
			}
			if d := distance(x.fig.Value, y.fig.Value); d < bestD {
				best, bestD = y, d
			}
		}
		if best != nil {
			return best
		}
	}
	return best
}

// distance is how far apart two values are in orders of magnitude, made much shorter
// when their digits are the same (a wrong scale: 79 million for 7.9亿) or one digit
// apart (a dropped or added digit: 2.35 million for 2235万), the usual slips.
func distance(a, b figures.Decimal) float64 {
	fa, _ := strconv.ParseFloat(a.String(), 64)
	fb, _ := strconv.ParseFloat(b.String(), 64)
	if fa == fb {
		return 0
	}
	d := math.Abs(fa-fb) + 100
	if fa > 0 && fb > 0 {
		d = math.Abs(math.Log10(fa / fb))
	}
	da, db := significant(a), significant(b)
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

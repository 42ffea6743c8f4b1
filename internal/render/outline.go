package render

import (
	"html"
	"strings"

	"github.com/briefs/briefs/internal/figures"
	"github.com/briefs/briefs/internal/site"
)

// Heading is one h2 of a brief's body, for its table of contents.
type Heading struct {
	ID, Text string
}

// Figure is one figure a brief's body marks with {{< num >}}, for its key figures
// panel: as the page writes it, and as the site's other language would (empty when
// it cannot be read back).
type Figure struct {
	Text, Other string
	Value       string
}

// FigureGroup is the figures of one part of a brief, under its h2 (a zero Heading
// for figures before the first).
type FigureGroup struct {
	Under   Heading
	Figures []Figure
}

// tocMin is the fewest headings that make a table of contents worth its space.
const tocMin = 3

// An item is an h2 or a figure of a body's HTML. The HTML comes from our own Markdown
// renderer, whose output items follows: headings as <h2 id="…">…</h2>, with no other
// attribute, and figures as <data value="…">…</data>, each on one line.
type item struct {
	figure      bool   // a <data value>, else an <h2 id>
	attr, inner string // the id or value, and the element's content
}

// items lists a body's h2 headings and figures in order. It scans with strings.Index
// rather than a regular expression: every brief's body passes through it, and a
// regexp with alternation reads a few MB a second.
func items(body string) []item {
	var out []item
	for i := 0; ; {
		j := strings.IndexByte(body[i:], '<')
		if j < 0 {
			return out
		}
		i += j
		it, n := itemAt(body[i:])
		if n == 0 {
			i++
			continue
		}
		out = append(out, it)
		i += n
	}
}

// itemAt reads an item at the start of s, and returns its length, or 0 when s does
// not start with one.
func itemAt(s string) (item, int) {
	for _, k := range []struct {
		open, close string
		figure      bool
	}{{`<h2 id="`, "</h2>", false}, {`<data value="`, "</data>", true}} {
		rest, ok := strings.CutPrefix(s, k.open)
		if !ok {
			continue
		}
		q := strings.IndexByte(rest, '"')
		if q < 0 || !strings.HasPrefix(rest[q:], `">`) {
			return item{}, 0
		}
		attr, after := rest[:q], rest[q+2:]
		end := strings.Index(after, k.close)
		if end < 0 || strings.Contains(after[:end], "\n") {
			return item{}, 0
		}
		return item{figure: k.figure, attr: attr, inner: after[:end]}, len(s) - len(after) + end + len(k.close)
	}
	return item{}, 0
}

// plainText is the text of an HTML fragment, without its tags and entities.
func plainText(s string) string {
	return strings.TrimSpace(html.UnescapeString(stripTags(s)))
}

// stripTags removes every tag of s: each '<' and what follows it up to the next '>'
// (a '<' with no '>' after it stays, as the regular expression <[^>]*> it replaces
// left it). A heading's text is nearly always without tags, and then s itself.
func stripTags(s string) string {
	i := strings.IndexByte(s, '<')
	if i < 0 {
		return s
	}
	var b strings.Builder
	for i >= 0 {
		j := strings.IndexByte(s[i:], '>')
		if j < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i+j+1:]
		i = strings.IndexByte(s, '<')
	}
	b.WriteString(s)
	return b.String()
}

// toc lists a brief's h2 headings, when it has at least tocMin of them.
func toc(p *site.Page) []Heading {
	heads, _ := outline(p, "", nil)
	return heads
}

// keyFigures lists the figures of a brief's body once each, grouped by the part of
// the brief they first appear in. Other is each figure in language other (none when
// other is empty), read back from the page's own notation with the site's units.
func keyFigures(p *site.Page, other string, units *figures.Units) []FigureGroup {
	_, figs := outline(p, other, units)
	return figs
}

// outline is a brief's table of contents (toc) and key figures (keyFigures), from one
// scan of its body; none for a page that is not a brief.
func outline(p *site.Page, other string, units *figures.Units) ([]Heading, []FigureGroup) {
	if !p.IsBrief() {
		return nil, nil
	}
	var heads []Heading
	var out []FigureGroup
	under := Heading{}
	var seen map[[2]string]bool
	for _, it := range items(string(p.Content)) {
		if !it.figure {
			under = Heading{ID: html.UnescapeString(it.attr), Text: plainText(it.inner)}
			heads = append(heads, under)
			continue
		}
		f := Figure{Value: html.UnescapeString(it.attr), Text: plainText(it.inner)}
		if seen == nil {
			seen = map[[2]string]bool{}
		}
		if key := [2]string{f.Value, f.Text}; seen[key] {
			continue
		} else {
			seen[key] = true
		}
		if other != "" {
			if fig, err := figures.Parse(f.Text, "", units); err == nil {
				f.Other, _ = figures.Format(fig, other, units)
			}
		}
		if len(out) == 0 || out[len(out)-1].Under != under {
			out = append(out, FigureGroup{Under: under})
		}
		g := &out[len(out)-1]
		g.Figures = append(g.Figures, f)
	}
	if len(heads) < tocMin {
		heads = nil
	}
	return heads, out
}

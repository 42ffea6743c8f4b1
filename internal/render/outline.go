package render

import (
	"html"
	"regexp"
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

// The body's HTML comes from our own Markdown renderer, whose output these patterns
// follow: headings with an id and no attributes besides, figures as <data value>.
var (
	h2Pattern   = regexp.MustCompile(`<h2 id="([^"]*)">(.*?)</h2>`)
	tagPattern  = regexp.MustCompile(`<[^>]*>`)
	itemPattern = regexp.MustCompile(`<h2 id="([^"]*)">(.*?)</h2>|<data value="([^"]*)">(.*?)</data>`)
)

// plainText is the text of an HTML fragment, without its tags and entities.
func plainText(s string) string {
	return strings.TrimSpace(html.UnescapeString(tagPattern.ReplaceAllString(s, "")))
}

// toc lists a brief's h2 headings, when it has at least tocMin of them.
func toc(p *site.Page) []Heading {
	if !p.IsBrief() {
		return nil
	}
	ms := h2Pattern.FindAllStringSubmatch(string(p.Content), -1)
	if len(ms) < tocMin {
		return nil
	}
	out := make([]Heading, len(ms))
	for i, m := range ms {
		out[i] = Heading{ID: html.UnescapeString(m[1]), Text: plainText(m[2])}
	}
	return out
}

// keyFigures lists the figures of a brief's body once each, grouped by the part of
// the brief they first appear in. Other is each figure in language other (none when
// other is empty), read back from the page's own notation with the site's units.
func keyFigures(p *site.Page, other string, units *figures.Units) []FigureGroup {
	if !p.IsBrief() {
		return nil
	}
	var out []FigureGroup
	under := Heading{}
	seen := map[[2]string]bool{}
	for _, m := range itemPattern.FindAllStringSubmatch(string(p.Content), -1) {
		if m[1] != "" || m[2] != "" {
			under = Heading{ID: html.UnescapeString(m[1]), Text: plainText(m[2])}
			continue
		}
		f := Figure{Value: html.UnescapeString(m[3]), Text: plainText(m[4])}
		if key := [2]string{f.Value, f.Text}; seen[key] {
			continue
		} else {
			seen[key] = true
		}
		if fig, err := figures.Parse(f.Text, "", units); err == nil && other != "" {
			f.Other, _ = figures.Format(fig, other, units)
		}
		if len(out) == 0 || out[len(out)-1].Under != under {
			out = append(out, FigureGroup{Under: under})
		}
		g := &out[len(out)-1]
		g.Figures = append(g.Figures, f)
	}
	return out
}

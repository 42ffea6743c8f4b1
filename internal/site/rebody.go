package site

import (
	"cmp"
	"maps"

	"github.com/briefs/briefs/internal/content"
)

// WithBodies returns a copy of the graph in which the pages made from the files in
// bodies show those bodies, for the dev server's edits to bodies only: the files'
// front matter is the same, so the graph keeps its shape and only what the bodies
// give (Content, and Summary and Description where the front matter has none)
// changes. Building the graph anew costs several times more than copying it. s is
// left as it was: every page is a copy, and every link between pages leads to the
// copies, so that a list shows the new summary of an edited brief it lists. The
// pages keep the files in bodies (the files read again) in place of s's.
func (s *Site) WithBodies(bodies map[*content.File]Body) *Site {
	c := &copier{to: make(map[*Page]*Page, len(s.Pages)), made: make([]*Page, 0, len(s.Pages)), shared: map[**Page][]*Page{}}
	slab := make([]Page, len(s.Pages))
	for i, p := range s.Pages {
		slab[i] = *p
		c.to[p] = &slab[i]
		c.made = append(c.made, &slab[i])
	}
	next := &Site{Config: s.Config, Pages: c.list(s.Pages)}
	for _, l := range s.Languages {
		m := *l
		m.Home, m.TagsPage = c.page(l.Home), c.page(l.TagsPage)
		m.Taxonomies, m.Briefs = c.list(l.Taxonomies), c.list(l.Briefs)
		if len(l.Briefs) > 0 {
			c.shared[&l.Briefs[0]] = m.Briefs // the home's list, when every brief is listed
		}
		m.sections, m.terms = c.byName(l.sections), c.byName(l.terms)
		next.Languages = append(next.Languages, &m)
	}
	byPath := make(map[string]*content.File, len(bodies))
	for f := range bodies {
		byPath[f.Path] = f
	}
	for i := 0; i < len(c.made); i++ { // c.made grows while links are remade
		p := c.made[i]
		p.Section, p.OutdatedFrom = c.page(p.Section), c.page(p.OutdatedFrom)
		tags := p.Tags
		p.Sections, p.Pages, p.Tags = c.list(p.Sections), c.list(p.Pages), c.list(p.Tags)
		p.Translations, p.Related = c.list(p.Translations), c.list(p.Related)
		if p.Terms != nil {
			terms := make(map[string][]*Page, len(p.Terms))
			for k, v := range p.Terms {
				if same(v, tags) { // Tags are the tags' Terms
					terms[k] = p.Tags
				} else {
					terms[k] = c.list(v)
				}
			}
			p.Terms = terms
		}
		if p.File == nil {
			continue
		}
		if f := byPath[p.File.Path]; f != nil {
			p.rebody(f, bodies[f])
		}
	}
	return next
}

// rebody gives p, a copy, file f with body b, as New's fillBodies does.
func (p *Page) rebody(f *content.File, b Body) {
	p.File, p.Content, p.ContentHash = f, b.HTML, b.Hash
	p.Summary = cmp.Or(f.Front.Summary, b.Summary)
	p.Description = cmp.Or(f.Front.Description, p.Summary)
}

// copier maps the pages of a graph to their copies.
type copier struct {
	to   map[*Page]*Page
	made []*Page // the copies, in the order made
	// shared are the copies of lists that New shares between pages, by their first
	// element, so that the copy shares them too.
	shared map[**Page][]*Page
}

// same reports whether a and b are the same list (not only equal).
func same(a, b []*Page) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

func (c *copier) page(p *Page) *Page {
	if p == nil {
		return nil
	}
	if q, ok := c.to[p]; ok {
		return q
	}
	q := new(Page) // a page linked to but not listed in Site.Pages
	*q = *p
	c.to[p] = q
	c.made = append(c.made, q)
	return q
}

func (c *copier) list(ps []*Page) []*Page {
	if ps == nil {
		return nil
	}
	if len(ps) > 0 {
		if out, ok := c.shared[&ps[0]]; ok && len(out) == len(ps) {
			return out
		}
	}
	out := make([]*Page, len(ps))
	for i, p := range ps {
		out[i] = c.page(p)
	}
	return out
}

func (c *copier) byName(m map[string]*Page) map[string]*Page {
	out := make(map[string]*Page, len(m))
	for k, p := range maps.All(m) {
		out[k] = c.page(p)
	}
	return out
}

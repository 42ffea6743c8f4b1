package site

import (
	"html/template"

	"github.com/briefs/briefs/internal/pool"
)

// Body is what a page shows of its content file's Markdown body. Package build
// renders it (package site knows no Markdown) and hands it to New through
// Options.Body, so that a page is whole when New returns and nothing changes it after:
// the dev server keeps the last good graph while it builds the next one.
type Body struct {
	// HTML is the rendered body: a brief's text, a list page's intro. Empty when the
	// page's body is rendered only when its page is written (see Page.WithContent).
	HTML template.HTML
	// Hash is a hash of HTML, so that fingerprints compare bodies without their HTML.
	Hash uint64
	// Summary is the opening of the body, cut to the language's summary length; the
	// page shows it when its front matter has no summary.
	Summary string
}

// fill completes the pages with what New's caller makes: bodies and the taxonomy
// pages' default titles.
func (s *Site) fill(opts Options) {
	s.fillBodies(opts.Body)
	if opts.TaxonomyTitle == nil {
		return
	}
	for _, l := range s.Languages {
		for _, tax := range l.Taxonomies {
			if tax.Title == "" {
				tax.Title = opts.TaxonomyTitle(l.Code, tax.Taxonomy())
			}
		}
	}
}

// fillBodies gives every page with a content file its body, on all cores: its
// Content, and its Summary and Description where the front matter has none.
func (s *Site) fillBodies(body func(*Site, *Page) Body) {
	if body == nil {
		return
	}
	pool.Each(len(s.Pages), func(i int) {
		p := s.Pages[i]
		if p.File == nil {
			return
		}
		b := body(s, p)
		p.Content, p.ContentHash = b.HTML, b.Hash
		if p.Summary == "" {
			p.Summary = b.Summary
		}
		if p.Description == "" {
			p.Description = p.Summary
		}
	})
}

// WithContent returns a copy of p that shows html (hashed as hash) as its body. A
// one-shot build renders a brief's body only when it writes the brief's page, and
// lets it go after, so that memory follows the pages still to write: the page it
// renders is this copy, and the graph's page stays as New made it.
func (p *Page) WithContent(html template.HTML, hash uint64) *Page {
	q := *p
	q.Content, q.ContentHash = html, hash
	return &q
}

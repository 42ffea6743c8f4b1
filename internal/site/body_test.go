package site

import (
	"html/template"
	"testing"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// TestNewFillsBodies: New gives every page with a file the body Options.Body makes
// for it, and the body's summary where the front matter has none; the tags page gets
// its default title. WithContent copies a page and leaves the graph's as it was.
func TestNewFillsBodies(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	own, plain := brief("own", 1), brief("plain", 2)
	own.Front.Summary = "Its own summary."
	var errs diag.List
	s := New(cfg, []*content.File{own, plain}, Options{Now: now,
		Body: func(_ *Site, p *Page) Body {
			return Body{HTML: template.HTML("<p>" + p.Title + "</p>"), Hash: 7, Summary: "From the body of " + p.Title + "."}
		},
		TaxonomyTitle: func(lang, plural string) string { return "Tags in " + lang },
	}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ title, summary, description string }{
		{"own", "Its own summary.", "Its own summary."},
		{"plain", "From the body of plain.", "From the body of plain."},
	} {
		var p *Page
		for _, b := range s.Lang("en").Briefs {
			if b.Title == tt.title {
				p = b
			}
		}
		if p.Content != template.HTML("<p>"+tt.title+"</p>") || p.ContentHash != 7 || p.Summary != tt.summary || p.Description != tt.description {
			t.Errorf("%s: content %q hash %d summary %q description %q", tt.title, p.Content, p.ContentHash, p.Summary, p.Description)
		}
		q := p.WithContent("<p>other</p>", 8)
		if q == p || q.Content != "<p>other</p>" || q.ContentHash != 8 || p.Content == q.Content || q.Title != p.Title {
			t.Errorf("%s: WithContent gave %+v from %+v", tt.title, q, p)
		}
	}
	if got := s.Lang("en").Home.Content; got != "" {
		t.Errorf("home without a file has content %q", got)
	}
	if got := s.Lang("en").TagsPage.Title; got != "Tags in en" {
		t.Errorf("tags page title %q", got)
	}
}

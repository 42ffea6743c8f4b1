package render_test

// A prototype of the alternative to html/template that issue 19 asks to weigh: the
// default theme's head.html compiled ahead of time into Go (compiledHead, written by
// hand here as a generator would write it), checked byte for byte against the
// layout on every page of a generated site, and timed against it.
//
//	go test -run AOT -bench AOT -benchtime 3x ./internal/render/

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/testcorpus"
	"github.com/briefs/briefs/internal/theme"
)

// headOnly makes every page's output its head.html alone.
var headOnly = fstest.MapFS{"layouts/baseof.html": {Data: []byte(`{{template "partials/head.html" .}}`)}}

// aotSite builds a generated site and a renderer that writes only heads.
func aotSite(tb testing.TB, pairs int) (*render.Renderer, *site.Site) {
	tb.Helper()
	fsys := testcorpus.FS(testcorpus.Options{N: pairs, Seed: 1})
	res, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, output.NewMemory())
	if err != nil {
		tb.Fatal(err)
	}
	r, err := render.New(theme.New(headOnly, briefs.Theme), res.Site)
	if err != nil {
		tb.Fatal(err)
	}
	return r, res.Site
}

// TestAOTHeadMatches checks the compiled head against the layout on every page.
func TestAOTHeadMatches(t *testing.T) {
	r, st := aotSite(t, 100)
	mem := output.NewMemory()
	var b bytes.Buffer
	for _, p := range st.Pages {
		if err := r.Pager(p, 1, mem); err != nil {
			t.Fatal(err)
		}
		want, _ := mem.Get(site.PagerPath(p, 1) + "index.html")
		b.Reset()
		compiledHead(&b, r, r.DataOf(p, 1))
		if b.String() != string(want) {
			t.Fatalf("%s: compiled head differs:\n%s\nwant:\n%s", p.Path, b.String(), want)
		}
	}
}

// BenchmarkAOTHead times head.html through html/template and compiled, per page,
// each with the making of the layout's dot, which data-only times alone.
func BenchmarkAOTHead(b *testing.B) {
	r, st := aotSite(b, 300)
	b.Run("html-template", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range st.Pages {
				if err := r.Pager(p, 1, discardWriter{}); err != nil {
					b.Fatal(err)
				}
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(st.Pages)), "ns/page")
	})
	b.Run("data-only", func(b *testing.B) { // what both share: the layout's dot
		b.ReportAllocs()
		for b.Loop() {
			for _, p := range st.Pages {
				r.DataOf(p, 1)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(st.Pages)), "ns/page")
	})
	b.Run("compiled", func(b *testing.B) {
		b.ReportAllocs()
		var buf bytes.Buffer
		for b.Loop() {
			for _, p := range st.Pages {
				buf.Reset()
				compiledHead(&buf, r, r.DataOf(p, 1)) // the data made as for the layout
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(st.Pages)), "ns/page")
	})
}

type discardWriter struct{}

func (discardWriter) WriteFile(string, []byte) error { return nil }

// compiledHead is layouts/partials/head.html (with partials/title.html) as Go: each
// {{…}} is the value written through the escaper html/template chose for its place.
func compiledHead(w *bytes.Buffer, r *render.Renderer, d *render.Data) {
	cfg, p := d.Config, d.Page
	w.WriteString("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
	compiledTitle(w, r, d)
	w.WriteString("</title>\n")
	if p.Description != "" {
		w.WriteString(`<meta name="description" content="`)
		escHTML(w, p.Description)
		w.WriteString("\">\n")
	}
	if d.NotFound {
		w.WriteString("<meta name=\"robots\" content=\"noindex\">\n")
	} else {
		w.WriteString(`<link rel="canonical" href="`)
		escURL(w, d.Permalink)
		w.WriteString("\">\n")
		for _, e := range d.Switch {
			if e.Exists {
				w.WriteString(`<link rel="alternate" hreflang="`)
				escHTML(w, e.Lang.Locale)
				w.WriteString(`" href="`)
				escURL(w, e.Permalink)
				w.WriteString("\">\n")
			}
		}
		for _, e := range d.Switch {
			if e.Default && e.Exists {
				w.WriteString(`<link rel="alternate" hreflang="x-default" href="`)
				escURL(w, e.Permalink)
				w.WriteString("\">\n")
			}
		}
		if f := render.FeedOf(d); f != "" {
			w.WriteString(`<link rel="alternate" type="application/rss+xml" title="`)
			escHTML(w, d.Lang.Title)
			w.WriteString(`" href="`)
			escURL(w, cfg.AbsURL(f))
			w.WriteString("\">\n")
		}
		w.WriteString(`<meta property="og:site_name" content="`)
		escHTML(w, d.Lang.Title)
		w.WriteString("\">\n<meta property=\"og:title\" content=\"")
		escHTML(w, p.Title)
		w.WriteString("\">\n<meta property=\"og:type\" content=\"")
		if p.IsBrief() {
			w.WriteString("article")
		} else {
			w.WriteString("website")
		}
		w.WriteString("\">\n<meta property=\"og:url\" content=\"")
		escURL(w, d.Permalink)
		w.WriteString("\">\n<meta property=\"og:locale\" content=\"")
		escHTML(w, d.OGLocale)
		w.WriteString("\">\n")
		for _, e := range d.Switch {
			if !e.Current && e.Exists {
				w.WriteString(`<meta property="og:locale:alternate" content="`)
				escHTML(w, e.OGLocale)
				w.WriteString("\">\n")
			}
		}
		if p.Description != "" {
			w.WriteString(`<meta property="og:description" content="`)
			escHTML(w, p.Description)
			w.WriteString("\">\n")
		}
		if p.IsBrief() {
			w.WriteString(`<meta property="article:published_time" content="`)
			escHTML(w, iso(p.Date))
			w.WriteString("\">\n<meta property=\"article:modified_time\" content=\"")
			escHTML(w, iso(p.Lastmod))
			w.WriteString("\">\n")
			for _, t := range p.Tags {
				w.WriteString(`<meta property="article:tag" content="`)
				escHTML(w, t.Title)
				w.WriteString("\">\n")
			}
			w.WriteString(`<script type="application/ld+json">`)
			w.WriteString(string(r.Schema(d)))
			w.WriteString("</script>\n")
		}
		w.WriteString("<meta name=\"twitter:card\" content=\"summary\">\n")
	}
	w.WriteString(`<link rel="stylesheet" href="`)
	escURL(w, cfg.URL("css/site.css"))
	w.WriteString("\">\n")
}

// compiledTitle is partials/title.html, in the <title> element (RCDATA).
func compiledTitle(w *bytes.Buffer, r *render.Renderer, d *render.Data) {
	p := d.Page
	switch p.Kind {
	case site.KindHome:
		escHTML(w, d.Lang.Title)
	case site.KindTag:
		escHTML(w, r.Heading(p))
		w.WriteString(" · ")
		escHTML(w, d.Lang.Title)
	default:
		escHTML(w, p.Title)
		w.WriteString(" · ")
		escHTML(w, d.Lang.Title)
	}
	if d.Pager != nil && d.Pager.Number > 1 {
		w.WriteString(" · ")
		escHTML(w, render.Format(render.String(d.Config, p.Lang.Code, "pageOf"), d.Pager.Number, d.Pager.Total))
	}
}

func iso(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

// escHTML is html/template's escaper of text and quoted attributes.
func escHTML(w *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// escURL is html/template's filter, normalizer and attribute escaper of a whole URL
// in an href: an unsafe scheme becomes #ZgotmplZ, and bytes outside URLs' own are
// percent-encoded.
func escURL(w *bytes.Buffer, s string) {
	if i := strings.IndexByte(s, ':'); i >= 0 && !strings.ContainsRune(s[:i], '/') {
		switch strings.ToLower(s[:i]) {
		case "http", "https", "mailto":
		default:
			w.WriteString("#ZgotmplZ")
			return
		}
	}
	var n strings.Builder
	const hex = "0123456789ABCDEF"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '!', '#', '$', '&', '*', '+', ',', '/', ':', ';', '=', '?', '@', '[', ']',
			'-', '.', '_', '~', '%':
			n.WriteByte(c)
			continue
		}
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			n.WriteByte(c)
			continue
		}
		n.WriteByte('%')
		n.WriteByte(hex[c>>4])
		n.WriteByte(hex[c&0xf])
	}
	escHTML(w, n.String())
}

package render

import (
	"bytes"
	"html/template"
	"maps"
	"os"
	"slices"
	"time"

	"github.com/briefs/briefs/internal/site"
)

// compiledPartials are the partials that partialCached renders by compiled code (see
// compiled.go) when their dot is a page: the entries of briefs in lists and in
// related briefs, each rendered once per brief, so thousands of times on a large site.
var compiledPartials = map[string]func(w *bytes.Buffer, lf *langFuncs, p *site.Page) error{
	"partials/brief-item.html":   writeBriefItem,
	"partials/related-item.html": writeRelatedItem,
}

// compiledPartialsOK lists the compiled partials whose files are, in the templates t
// of a page layout, the default theme's unchanged (as compiledOK checks), and
// whether nav.html is (see navCurrent).
func (ls *layouts) compiledPartialsOK(t *template.Template) map[string]bool {
	ok := map[string]bool{}
	if os.Getenv(TemplatesOnlyEnv) == "1" {
		return ok
	}
	for _, name := range append(slices.Collect(maps.Keys(compiledPartials)), defaultNav) {
		src, found := ls.srcs[name]
		d := t.Lookup(name)
		ok[name] = found && sourceSum(src) == compiledLayouts[name] && d != nil && d.Tree != nil && d.Tree.ParseName == name
	}
	return ok
}

// renderPartial renders partial name with dot ctx for partialCached: by compiled
// code when it has some for name and ctx is a page, else by its template.
func (f *langFuncs) renderPartial(name string, ctx any) (template.HTML, error) {
	if p, ok := ctx.(*site.Page); ok && p != nil && f.nest != nil && f.nest.compiled[name] {
		var buf bytes.Buffer
		if compiledPartials[name](&buf, f, p) == nil {
			return template.HTML(buf.String()), nil
		}
		// An error: the template's run reports it in its place.
	}
	return f.partial(name, ctx)
}

// writeBriefItem is partials/brief-item.html.
func writeBriefItem(w *bytes.Buffer, lf *langFuncs, p *site.Page) error {
	w.WriteString("<li class=\"brief-item\">\n<h3><a href=\"")
	escURL(w, lf.url(p.Path))
	w.WriteString(`">`)
	escHTML(w, p.LinkTitle())
	w.WriteString("</a>")
	if p.Draft {
		w.WriteString(` <span class="badge">`)
		if err := writeT(w, lf, "draft"); err != nil {
			return err
		}
		w.WriteString("</span>")
	}
	w.WriteString("</h3>\n<p class=\"meta\">")
	if !p.Date.IsZero() {
		writeTime(w, lf, p.Date)
		if p.Section != nil {
			w.WriteString(" · ")
		}
	}
	if s := p.Section; s != nil {
		w.WriteString(`<a href="`)
		escURL(w, lf.url(s.Path))
		w.WriteString(`">`)
		escHTML(w, s.LinkTitle())
		w.WriteString("</a>")
	}
	w.WriteString("</p>\n")
	if p.Summary != "" {
		w.WriteString(`<p class="summary">`)
		escHTML(w, p.Summary)
		w.WriteString("</p>")
	}
	w.WriteString("\n</li>")
	return nil
}

// writeRelatedItem is partials/related-item.html.
func writeRelatedItem(w *bytes.Buffer, lf *langFuncs, p *site.Page) error {
	w.WriteString(`<li><a href="`)
	escURL(w, lf.url(p.Path))
	w.WriteString(`">`)
	escHTML(w, p.LinkTitle())
	w.WriteString("</a>")
	if !p.Date.IsZero() {
		w.WriteString(` `)
		writeTime(w, lf, p.Date)
	}
	w.WriteString("</li>")
	return nil
}

// writeTime writes the date t as the default layouts write a date: a <time> element
// with its ISO date and, as its text, the date in the page's language.
func writeTime(w *bytes.Buffer, lf *langFuncs, t time.Time) {
	w.WriteString(`<time datetime="`)
	escHTML(w, isoDate(t))
	w.WriteString(`">`)
	escHTML(w, lf.date(t))
	w.WriteString("</time>")
}

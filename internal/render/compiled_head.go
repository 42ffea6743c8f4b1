package render

import (
	"bytes"
	"slices"

	"github.com/briefs/briefs/internal/site"
)

// The compiled partials/head.html, title.html and header.html (see compiled.go).

// writeHead is partials/head.html with partials/title.html, on a page that is not a
// 404 page.
func writeHead(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	p := d.Page
	w.WriteString("<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<title>")
	if err := writeTitle(w, lf, d); err != nil {
		return err
	}
	w.WriteString("</title>\n")
	if p.Description != "" {
		w.WriteString(`<meta name="description" content="`)
		escHTML(w, p.Description)
		w.WriteString("\">\n")
	}
	if len(p.Keywords) > 0 {
		w.WriteString(`<meta name="keywords" content="`)
		for i, k := range p.Keywords {
			if i > 0 {
				w.WriteString(", ")
			}
			escHTML(w, k)
		}
		w.WriteString("\">\n")
	}
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
	if f := feedOf(d); f != "" {
		w.WriteString(`<link rel="alternate" type="application/rss+xml" title="`)
		escHTML(w, d.Lang.Title)
		w.WriteString(`" href="`)
		escURL(w, lf.absURL(f))
		w.WriteString("\">\n")
	}
	w.WriteString(`<meta property="og:site_name" content="`)
	escHTML(w, d.Lang.Title)
	w.WriteString("\">\n<meta property=\"og:title\" content=\"")
	escHTML(w, p.Title)
	if p.IsBrief() {
		w.WriteString("\">\n<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:url\" content=\"")
	} else {
		w.WriteString("\">\n<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:url\" content=\"")
	}
	escHTML(w, d.Permalink) // a meta's content is no URL to html/template
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
	for _, img := range p.Images {
		w.WriteString(`<meta property="og:image" content="`)
		escHTML(w, lf.absURL(img))
		w.WriteString("\">\n")
	}
	if p.IsBrief() {
		writeArticle(w, lf, d)
	}
	w.WriteString("<meta name=\"twitter:card\" content=\"")
	if len(p.Images) > 0 {
		w.WriteString("summary_large_image")
	} else {
		w.WriteString("summary")
	}
	w.WriteString("\">\n<link rel=\"stylesheet\" href=\"")
	escURL(w, lf.url("css/site.css"))
	w.WriteString("\">")
	if d.Lang.MenuNested() {
		w.WriteString(menuNestedStyle)
	}
	w.WriteString("\n")
	return nil
}

// menuNestedStyle is what head.html adds on the pages of a language whose main
// menu has entries with children.
const menuNestedStyle = "\n<style>.sections .has-submenu{display:flex;align-items:baseline}.sections .submenu{display:inline-flex;padding:0;background:none;overflow:visible;gap:0}.sections .submenu a{font-size:.88em;padding-left:.3rem;padding-right:.5rem;color:var(--muted)}.sections .submenu a[aria-current]{color:var(--accent-ink)}</style>"

// writeTitle is partials/title.html.
func writeTitle(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	p := d.Page
	switch p.Kind {
	case site.KindHome:
		escHTML(w, d.Lang.Title)
	case site.KindTag:
		if err := writeT(w, lf, "tagTitle", p.Title); err != nil {
			return err
		}
		w.WriteString(" · ")
		escHTML(w, d.Lang.Title)
	default:
		escHTML(w, p.Title)
		w.WriteString(" · ")
		escHTML(w, d.Lang.Title)
	}
	if d.Pager != nil && d.Pager.Number > 1 {
		w.WriteString(" · ")
		return writeT(w, lf, "pageOf", d.Pager.Number, d.Pager.Total)
	}
	return nil
}

// writeArticle is head.html's metadata of a brief: dates, tags and schema.org.
func writeArticle(w *bytes.Buffer, lf *langFuncs, d *Data) {
	p := d.Page
	if !p.Date.IsZero() {
		w.WriteString(`<meta property="article:published_time" content="`)
		escHTML(w, isoDate(p.Date))
		w.WriteString("\">\n")
	}
	if !p.Lastmod.IsZero() {
		w.WriteString(`<meta property="article:modified_time" content="`)
		escHTML(w, isoDate(p.Lastmod))
		w.WriteString("\">\n")
	}
	for _, t := range p.Tags {
		w.WriteString(`<meta property="article:tag" content="`)
		escHTML(w, t.Title)
		w.WriteString("\">\n")
	}
	w.WriteString(`<script type="application/ld+json">`)
	js, _ := lf.schema(d) // as the layout writes it: JSON, escaped for a script by encoding/json
	w.WriteString(string(js))
	w.WriteString("</script>\n")
}

// writeHeader is partials/header.html on a page that is neither a 404 nor a search
// page: the masthead, the search box, the
// language switch, and the navigation (partialCached, as the layout calls it).
func writeHeader(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	w.WriteString("<header class=\"masthead\">\n<div class=\"wrap masthead-inner\">\n<a class=\"site-title\" href=\"")
	escURL(w, lf.url(d.Lang.Home.Path))
	w.WriteString("\">")
	escHTML(w, d.Lang.Title)
	w.WriteString("</a>")
	if d.Config.SearchOn() { // and the page is not the search page
		w.WriteString("\n<form class=\"site-search\" role=\"search\" action=\"")
		escURL(w, lf.url(d.Lang.SearchPath()))
		w.WriteString("\" method=\"get\">\n<label class=\"visually-hidden\" for=\"site-search-q\">")
		if err := writeT(w, lf, "searchLabel"); err != nil {
			return err
		}
		w.WriteString("</label>\n<input id=\"site-search-q\" type=\"search\" name=\"q\" placeholder=\"")
		if err := writeT(w, lf, "search"); err != nil {
			return err
		}
		w.WriteString("\">\n<button type=\"submit\">")
		if err := writeT(w, lf, "search"); err != nil {
			return err
		}
		w.WriteString("</button>\n</form>")
	}
	w.WriteString("\n<nav class=\"lang-switch\" aria-label=\"")
	if err := writeT(w, lf, "language"); err != nil {
		return err
	}
	w.WriteString("\">\n<ul>")
	for _, e := range d.Switch {
		if err := writeSwitchEntry(w, lf, d, e); err != nil {
			return err
		}
	}
	w.WriteString("\n</ul>\n</nav>\n</div>\n")
	nav, err := lf.partialCached("partials/nav.html", d, navCurrent(lf, d))
	if err != nil {
		return err
	}
	w.WriteString(string(nav))
	w.WriteString("</header>\n")
	return nil
}

// navCurrent is the variant header.html caches the navigation by: the path of the
// list the page is on ("/" and its path), which the navigation marks; "" on a brief;
// with a site's own menu, the entry leading here. When nav.html is the default
// theme's, a list that is no item of it (a tag, a subsection: most lists of a site)
// gets "", as a brief does, for the navigation shows the same there: rendering it
// through html/template for every such list was a tenth of the cost of the pages.
func navCurrent(lf *langFuncs, d *Data) string {
	p := d.Page
	switch {
	case len(d.Lang.MainMenu) > 0: // a site's own menu marks the entry leading here
		return d.Lang.MenuCurrent(p.Path)
	case p.IsBrief():
		return ""
	case lf.nest != nil && lf.nest.compiled[defaultNav] && !navItem(d.Lang, p):
		return ""
	}
	return "/" + p.Path
}

// defaultNav is the partial navCurrent keys by what it shows when it is the default
// theme's.
const defaultNav = "partials/nav.html"

// navItem reports whether the default nav.html has an item for list page p: the
// home, a top section or a taxonomy of its language.
func navItem(l *site.Lang, p *site.Page) bool {
	is := func(q *site.Page) bool { return q.Path == p.Path }
	return is(l.Home) || slices.ContainsFunc(l.Home.Sections, is) || slices.ContainsFunc(l.Taxonomies, is)
}

// writeSwitchEntry is one <li> of the header's language switch.
func writeSwitchEntry(w *bytes.Buffer, lf *langFuncs, d *Data, e SwitchEntry) error {
	w.WriteString("\n<li>")
	switch {
	case e.Current:
		w.WriteString(`<span aria-current="page" lang="`)
		escHTML(w, e.Lang.Locale)
		w.WriteString(`">`)
		escHTML(w, e.Lang.Label)
		w.WriteString("</span>")
	case e.Missing:
		note, err := lf.translate("missingIn", lf.langName(e.Lang))
		if err != nil {
			return err
		}
		w.WriteString(`<a class="switch-missing" href="`)
		escURL(w, lf.url(e.Path))
		w.WriteString(`" hreflang="`)
		escHTML(w, e.Lang.Locale)
		w.WriteString(`" title="`)
		escHTML(w, note)
		w.WriteString(`"><span lang="`)
		escHTML(w, e.Lang.Locale)
		w.WriteString(`">`)
		escHTML(w, e.Lang.Label)
		w.WriteString(`</span><span class="visually-hidden">`)
		if d.Lang.CJK() {
			w.WriteString("（")
			escHTML(w, note)
			w.WriteString("）")
		} else {
			w.WriteString(" (")
			escHTML(w, note)
			w.WriteString(")")
		}
		w.WriteString("</span></a>")
	default:
		writeLangLink(w, lf.url(e.Path), e.Lang.Locale)
		escHTML(w, e.Lang.Label)
		w.WriteString("</a>")
	}
	w.WriteString("</li>")
	return nil
}

// writeLangLink writes the opening of a link to href in another language, as the
// default layouts write it: <a href="href" hreflang="locale" lang="locale">.
func writeLangLink(w *bytes.Buffer, href, locale string) {
	w.WriteString(`<a href="`)
	escURL(w, href)
	w.WriteString(`" hreflang="`)
	escHTML(w, locale)
	w.WriteString(`" lang="`)
	escHTML(w, locale)
	w.WriteString(`">`)
}

package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html/template"

	"github.com/briefs/briefs/internal/site"
)

// Briefs and the pages of sections and tags are nearly all of a site's pages and of
// its layouts' cost: through html/template every {{…}} calls its escaper, and most a
// function, by reflection. So the default theme's layouts of those pages are also
// written here in Go (writePage and the functions it calls, "compiled layouts"), byte
// for byte what html/template writes from them, and such a page is rendered by this
// Go code whenever the layouts it mirrors are, in the site being built, exactly the
// default theme's (see compiledOK): a site that overrides any of them, or adds a
// section's own single.html, gets html/template as always, and a site's own layouts
// are never compiled. The home, tags, 404 and search pages, a few per language, run
// as templates; so do the navigation, footer and breadcrumbs, which partialCached
// renders once per language and variant. The entries of lists and related briefs,
// which it renders once per brief, are compiled too (compiled_partials.go).
//
// TestCompiledMatches in package render_test builds the example site, the test sites
// of package build and generated corpora both ways and compares every file, and
// TestCompiledLayoutsCurrent fails when a file below changed without its Go (the
// hashes in compiledLayouts): edit both together.

// compiledLayouts are the layout files the compiled layouts mirror, by the SHA-256
// of their source.
var compiledLayouts = map[string]string{
	"baseof.html":                "616b32688869aa16d2b92e6912c39f49669af107f7855c3cd7c9ee4b1d935990",
	"single.html":                "4a7e8e49f83e25776b04398f0fc4315a93556f3e85a471d5e968c7424917b870",
	"section.html":               "903b012d5302af685e8fb4f5beddc4b5873a41b479564f73161db5dcd72634de",
	"tag.html":                   "99dc2595a309a100a633b1df058864d5e6205e5a445523554d44b289a137381d",
	"partials/head.html":         "826d826dda7b7fd251566d74661e4572fdc8273647ac3f3beedfd1cb1c37468d",
	"partials/title.html":        "d392ab87bf10192427391cbbfc7a8a4c4bedf46b3e1cd6c7a6eb4ccb9592625a",
	"partials/header.html":       "1d10cd01e9bb5cdcbd068cfd4e83b2896932f711588e31189d2bd42d925e64c0",
	"partials/brief-list.html":   "ce718e5ab1ff6195c4e4d80a8c47682b3204e616a7d0f4a9462a9a865c4b74ea",
	"partials/brief-item.html":   "e3467728cc46498eef0195f08a799847917fed3b9d8beab9fc692b8c5e70cbbf",
	"partials/related-item.html": "f9a25ed79935785af0c569951b4963b41a79c2348d97a5239f64df19ec5a1c16",
	"partials/pagination.html":   "e1332b3278e63c77bb982ecf92628418a5ea64e65db0b471f3d8f2371ad22de3",
}

// compiledMains are the page layouts that have compiled code: each with its main
// block's writer and the other files whose templates it runs.
var compiledMains = map[string]struct {
	main  func(w *bytes.Buffer, lf *langFuncs, d *Data) error
	files []string
}{
	"single.html":  {writeSingle, []string{"baseof.html", "partials/head.html", "partials/title.html", "partials/header.html"}},
	"section.html": {writeSection, []string{"baseof.html", "partials/head.html", "partials/title.html", "partials/header.html", "partials/brief-list.html", "partials/pagination.html"}},
	"tag.html":     {writeTag, []string{"baseof.html", "partials/head.html", "partials/title.html", "partials/header.html", "partials/brief-list.html", "partials/pagination.html"}},
}

// compiledOK reports whether the page layout name and the files it runs are, in the
// templates t parsed for it from the site, the default theme's unchanged: each file's
// source is the one mirrored, and no other file redefined its template (a {{define}}
// of the same name elsewhere), nor the "main" block the layout defines.
func (ls *layouts) compiledOK(name string, t *template.Template) bool {
	c, ok := compiledMains[name]
	if !ok {
		return false
	}
	for _, file := range append([]string{name}, c.files...) {
		if src, ok := ls.srcs[file]; !ok || sourceSum(src) != compiledLayouts[file] {
			return false
		}
		tmpl := file
		if file == name {
			tmpl = "main"
		}
		if d := t.Lookup(tmpl); d == nil || d.Tree == nil || d.Tree.ParseName != file {
			return false
		}
	}
	return true
}

// sourceSum is the SHA-256 of a layout's source, in hex.
func sourceSum(src []byte) string {
	sum := sha256.Sum256(src)
	return hex.EncodeToString(sum[:])
}

// writePage writes a page as baseof.html does, with main the writer of its layout's
// main block, into w; lf are the functions of the page's language, at the depth of
// the page's layout. It fails where the layout would: a template function's error (a
// theme string that no language has), or a nil value where the layout reads a field.
func writePage(w *bytes.Buffer, lf *langFuncs, d *Data, main func(*bytes.Buffer, *langFuncs, *Data) error) error {
	p := d.Page
	w.WriteString("<!DOCTYPE html>\n<html lang=\"")
	escHTML(w, p.Lang.Locale)
	w.WriteString("\">\n<head>\n")
	if err := writeHead(w, lf, d); err != nil {
		return err
	}
	w.WriteString("\n</head>\n<body class=\"kind-")
	escHTML(w, p.Kind.String())
	w.WriteString(" lang-")
	escHTML(w, p.Lang.Code)
	if len(d.TOC) > 0 || len(d.Figures) > 0 {
		w.WriteString(" with-aside")
	}
	w.WriteString("\">\n<a class=\"skip\" href=\"#main\">")
	if err := writeT(w, lf, "skipToContent"); err != nil {
		return err
	}
	w.WriteString("</a>\n")
	if err := writeHeader(w, lf, d); err != nil {
		return err
	}
	w.WriteString("\n<main id=\"main\" class=\"wrap\">\n")
	if err := main(w, lf, d); err != nil {
		return err
	}
	w.WriteString("\n</main>\n")
	footer, err := lf.partialCached("partials/footer.html", d)
	if err != nil {
		return err
	}
	w.WriteString(string(footer))
	w.WriteString("\n</body>\n</html>\n")
	return nil
}

// writeT writes the theme string key, with args, escaped for text or an attribute.
func writeT(w *bytes.Buffer, lf *langFuncs, key string, args ...any) error {
	s, err := lf.translate(key, args...)
	if err != nil {
		return err
	}
	escHTML(w, s)
	return nil
}

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
	w.WriteString("\">\n")
	return nil
}

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
		escURL(w, lf.url(d.Lang.Home.Path+"search/"))
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
	current := d.Page.Path // the navigation marks the list it is on
	if d.Page.IsBrief() {
		current = ""
	}
	nav, err := lf.partialCached("partials/nav.html", d, current)
	if err != nil {
		return err
	}
	w.WriteString(string(nav))
	w.WriteString("</header>\n")
	return nil
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
		w.WriteString(`<a href="`)
		escURL(w, lf.url(e.Path))
		w.WriteString(`" hreflang="`)
		escHTML(w, e.Lang.Locale)
		w.WriteString(`" lang="`)
		escHTML(w, e.Lang.Locale)
		w.WriteString(`">`)
		escHTML(w, e.Lang.Label)
		w.WriteString("</a>")
	}
	w.WriteString("</li>")
	return nil
}

// writeSingle is single.html's main block.
func writeSingle(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	p := d.Page
	w.WriteString("\n")
	crumbs, err := lf.partialCached("partials/breadcrumb.html", d, p.Section)
	if err != nil {
		return err
	}
	w.WriteString(string(crumbs))
	w.WriteString("\n<article class=\"brief")
	aside := len(d.TOC) > 0 || len(d.Figures) > 0
	if aside {
		w.WriteString(" has-aside")
	}
	w.WriteString("\">\n<header class=\"brief-header\">\n<h1>")
	escHTML(w, p.Title)
	w.WriteString("</h1>\n")
	if p.Draft {
		w.WriteString(`<p class="badge">`)
		if err := writeT(w, lf, "draft"); err != nil {
			return err
		}
		w.WriteString("</p>")
	}
	w.WriteString("\n<dl class=\"meta\">\n")
	if err := writeMeta(w, lf, p); err != nil {
		return err
	}
	w.WriteString("\n</dl>\n")
	if len(p.Tags) > 0 {
		w.WriteString(`<ul class="tags" aria-label="`)
		if err := writeT(w, lf, "tags"); err != nil {
			return err
		}
		w.WriteString(`">`)
		for _, t := range p.Tags {
			w.WriteString(`<li><a href="`)
			escURL(w, lf.url(t.Path))
			w.WriteString(`" rel="tag">`)
			escHTML(w, t.Title)
			w.WriteString("</a></li>")
		}
		w.WriteString("</ul>")
	}
	w.WriteString("\n<p class=\"print-only\">")
	if err := writeT(w, lf, "permalink"); err != nil {
		return err
	}
	if d.Lang.CJK() {
		w.WriteString("：")
	} else {
		w.WriteString(": ")
	}
	escHTML(w, d.Permalink)
	w.WriteString("</p>\n</header>\n")
	if aside {
		if err := writeAside(w, lf, d); err != nil {
			return err
		}
	}
	w.WriteString("\n")
	if o := p.OutdatedFrom; o != nil {
		w.WriteString(`<p class="notice" role="note">`)
		if err := writeT(w, lf, "translationNote", o.Lang.Label); err != nil {
			return err
		}
		w.WriteString(` <a href="`)
		escURL(w, lf.url(o.Path))
		w.WriteString(`" hreflang="`)
		escHTML(w, o.Lang.Locale)
		w.WriteString(`" lang="`)
		escHTML(w, o.Lang.Locale)
		w.WriteString(`">`)
		escHTML(w, o.Title)
		w.WriteString("</a></p>\n")
	}
	w.WriteString("<div class=\"content\">\n")
	w.WriteString(string(p.Content))
	w.WriteString("\n</div>\n<footer class=\"brief-footer\">\n")
	if err := writeTranslations(w, lf, p); err != nil {
		return err
	}
	w.WriteString("\n")
	if len(p.Related) > 0 {
		w.WriteString("\n<section class=\"related\" aria-labelledby=\"related\">\n<h2 id=\"related\">")
		if err := writeT(w, lf, "related"); err != nil {
			return err
		}
		w.WriteString("</h2>\n<ul>")
		for _, r := range p.Related {
			item, err := lf.partialCached("partials/related-item.html", r, r)
			if err != nil {
				return err
			}
			w.WriteString(string(item))
		}
		w.WriteString("</ul>\n</section>\n")
	}
	w.WriteString("\n</footer>\n</article>\n")
	return nil
}

// writeMeta is the brief's published date, source and editor.
func writeMeta(w *bytes.Buffer, lf *langFuncs, p *site.Page) error {
	if !p.Date.IsZero() {
		w.WriteString("<div><dt>")
		if err := writeT(w, lf, "published"); err != nil {
			return err
		}
		w.WriteString(`</dt><dd><time datetime="`)
		escHTML(w, isoDate(p.Date))
		w.WriteString(`">`)
		escHTML(w, lf.date(p.Date))
		w.WriteString("</time></dd></div>")
	}
	w.WriteString("\n")
	for _, f := range []struct{ key, value string }{{"source", p.Source}, {"editor", p.Editor}} {
		if f.value != "" {
			w.WriteString("<div><dt>")
			if err := writeT(w, lf, f.key); err != nil {
				return err
			}
			w.WriteString("</dt><dd>")
			escHTML(w, f.value)
			w.WriteString("</dd></div>")
		}
		if f.key == "source" {
			w.WriteString("\n")
		}
	}
	return nil
}

// writeAside is a brief's table of contents and key figures.
func writeAside(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	w.WriteString("<div class=\"brief-aside\">\n")
	if len(d.TOC) > 0 {
		w.WriteString("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">")
		if err := writeT(w, lf, "onThisPage"); err != nil {
			return err
		}
		w.WriteString("</h2>\n<ol>")
		for _, h := range d.TOC {
			w.WriteString(`<li><a href="#`)
			escURLPart(w, h.ID)
			w.WriteString(`">`)
			escHTML(w, h.Text)
			w.WriteString("</a></li>")
		}
		w.WriteString("</ol>\n</nav>\n")
	}
	if len(d.Figures) > 0 {
		w.WriteString("<section class=\"key-figures\" aria-labelledby=\"brief-figures\">\n<h2 id=\"brief-figures\">")
		if err := writeT(w, lf, "keyFigures"); err != nil {
			return err
		}
		w.WriteString("</h2>\n<dl>")
		for _, g := range d.Figures {
			w.WriteString("<dt>") // {{with .Under}} of a struct is always true
			if g.Under.ID != "" {
				w.WriteString(`<a href="#`)
				escURLPart(w, g.Under.ID)
				w.WriteString(`">`)
				escHTML(w, g.Under.Text)
				w.WriteString("</a>")
			} else if err := writeT(w, lf, "opening"); err != nil {
				return err
			}
			w.WriteString("</dt>")
			for _, f := range g.Figures {
				w.WriteString(`<dd><data value="`)
				escHTML(w, f.Value)
				w.WriteString(`"`)
				if f.Other != "" {
					w.WriteString(` title="`)
					escHTML(w, d.OtherLang.Label)
					w.WriteString(": ")
					escHTML(w, f.Other)
					w.WriteString(`"`)
				}
				w.WriteString(">")
				escHTML(w, f.Text)
				w.WriteString("</data></dd>")
			}
		}
		w.WriteString("</dl>\n</section>\n")
	}
	w.WriteString("</div>\n")
	return nil
}

// writeTranslations is the brief's links to its translations, and the languages it
// has none in.
func writeTranslations(w *bytes.Buffer, lf *langFuncs, p *site.Page) error {
	if len(p.Translations) == 0 && len(p.Missing) == 0 {
		return nil
	}
	w.WriteString("\n<section class=\"translations\" aria-labelledby=\"translations\">\n<h2 id=\"translations\">")
	if err := writeT(w, lf, "translations"); err != nil {
		return err
	}
	w.WriteString("</h2>\n")
	if len(p.Translations) > 0 {
		w.WriteString("<ul>")
		for _, t := range p.Translations {
			w.WriteString(`<li><a href="`)
			escURL(w, lf.url(t.Path))
			w.WriteString(`" hreflang="`)
			escHTML(w, t.Lang.Locale)
			w.WriteString(`" lang="`)
			escHTML(w, t.Lang.Locale)
			w.WriteString(`">`)
			escHTML(w, t.Lang.Label)
			w.WriteString(": ")
			escHTML(w, t.Title)
			w.WriteString("</a></li>")
		}
		w.WriteString("</ul>")
	}
	w.WriteString("\n")
	for _, l := range p.Missing {
		w.WriteString(`<p class="no-translation">`)
		if err := writeT(w, lf, "noTranslation", lf.langName(l)); err != nil {
			return err
		}
		w.WriteString("</p>")
	}
	w.WriteString("\n</section>\n")
	return nil
}

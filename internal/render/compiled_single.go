package render

import (
	"bytes"

	"github.com/briefs/briefs/internal/site"
)

// The compiled single.html, a brief's main block (see compiled.go).

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
		w.WriteString(` `)
		writeLangLink(w, lf.url(o.Path), o.Lang.Locale)
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
		items := lf.frags.pageTable(lf.lang.Code, "partials/related-item.html")
		for _, r := range p.Related {
			item, err := lf.partialCachedPage(items, "partials/related-item.html", r, r)
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
		w.WriteString(`</dt><dd>`)
		writeTime(w, lf, p.Date)
		w.WriteString("</dd></div>")
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
			w.WriteString(`<li>`)
			writeLangLink(w, lf.url(t.Path), t.Lang.Locale)
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

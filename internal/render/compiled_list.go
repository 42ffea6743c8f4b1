package render

import (
	"bytes"
	"errors"

	"github.com/briefs/briefs/internal/site"
)

// The compiled section.html and tag.html, with the partials they run by {{template}}
// (see compiled.go).

// errNoSection stops the compiled tag.html where the layout would fail reading
// .Page.Section.Path: the template's run then reports it in its place.
var errNoSection = errors.New("render: a tag page without its taxonomy's page")

// writeSection is section.html's main block.
func writeSection(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	p := d.Page
	w.WriteString("\n")
	crumbs, err := lf.partialCached("partials/breadcrumb.html", d, p.Section)
	if err != nil {
		return err
	}
	w.WriteString(string(crumbs))
	w.WriteString("\n<header class=\"list-header\">\n<h1>")
	escHTML(w, p.Title)
	w.WriteString("</h1>\n")
	writeLead(w, p)
	if err := writeCount(w, lf, p); err != nil {
		return err
	}
	w.WriteString("\n</header>\n")
	if len(p.Sections) > 0 {
		w.WriteString("\n<nav class=\"subsections\" aria-label=\"")
		if err := writeT(w, lf, "subsections"); err != nil {
			return err
		}
		w.WriteString("\">\n<h2>")
		if err := writeT(w, lf, "subsections"); err != nil {
			return err
		}
		w.WriteString("</h2>\n<ul>")
		for _, s := range p.Sections {
			w.WriteString(`<li><a href="`)
			escURL(w, lf.url(s.Path))
			w.WriteString(`">`)
			escHTML(w, s.Title)
			w.WriteString(`</a> <span class="count">`)
			if err := writeTn(w, lf, "briefs", len(s.Pages)); err != nil {
				return err
			}
			w.WriteString("</span></li>")
		}
		w.WriteString("</ul>\n</nav>\n")
	}
	w.WriteString("\n")
	return writeListEnd(w, lf, d)
}

// writeTag is tag.html's main block.
func writeTag(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	p := d.Page
	if p.Section == nil {
		return errNoSection
	}
	w.WriteString("\n<nav class=\"breadcrumb\" aria-label=\"")
	if err := writeT(w, lf, "breadcrumb"); err != nil {
		return err
	}
	w.WriteString("\">\n<ol>\n<li><a href=\"")
	escURL(w, lf.url(d.Lang.Home.Path))
	w.WriteString("\">")
	if err := writeT(w, lf, "home"); err != nil {
		return err
	}
	w.WriteString("</a></li>\n<li><a href=\"")
	escURL(w, lf.url(p.Section.Path))
	w.WriteString("\">")
	escHTML(w, p.Section.Title)
	w.WriteString("</a></li>\n</ol>\n</nav>\n<header class=\"list-header\">\n<h1>")
	if err := writeT(w, lf, "tagTitle", p.Title); err != nil {
		return err
	}
	w.WriteString("</h1>\n")
	if err := writeCount(w, lf, p); err != nil {
		return err
	}
	w.WriteString("\n</header>\n")
	return writeListEnd(w, lf, d)
}

// writeLead is a list's text from its _index file, when it has one.
func writeLead(w *bytes.Buffer, p *site.Page) {
	if p.Content != "" {
		w.WriteString(`<div class="lead">`)
		w.WriteString(string(p.Content))
		w.WriteString("</div>")
	}
	w.WriteString("\n")
}

// writeCount is a list's count of briefs.
func writeCount(w *bytes.Buffer, lf *langFuncs, p *site.Page) error {
	w.WriteString(`<p class="count">`)
	if err := writeTn(w, lf, "briefs", len(p.Pages)); err != nil {
		return err
	}
	w.WriteString("</p>")
	return nil
}

// writeTn writes the plural theme string key for n, escaped.
func writeTn(w *bytes.Buffer, lf *langFuncs, key string, n int) error {
	s, err := lf.translateCount(key, n)
	if err != nil {
		return err
	}
	escHTML(w, s)
	return nil
}

// writeListEnd is the end of section.html and tag.html: the heading of the list, the
// list (partials/brief-list.html) and the pagination (partials/pagination.html).
func writeListEnd(w *bytes.Buffer, lf *langFuncs, d *Data) error {
	w.WriteString("<h2 class=\"visually-hidden\">")
	if err := writeT(w, lf, "allBriefs"); err != nil {
		return err
	}
	w.WriteString("</h2>\n")
	if err := writeBriefList(w, lf, d.Pager.Pages); err != nil {
		return err
	}
	w.WriteString("\n")
	if err := writePagination(w, lf, d.Pager); err != nil {
		return err
	}
	w.WriteString("\n")
	return nil
}

// writeBriefList is partials/brief-list.html: each entry is partials/brief-item.html,
// partialCached as the layout calls it.
func writeBriefList(w *bytes.Buffer, lf *langFuncs, pages []*site.Page) error {
	if len(pages) == 0 {
		w.WriteString(`<p class="empty">`)
		if err := writeT(w, lf, "noBriefs"); err != nil {
			return err
		}
		w.WriteString("</p>\n\n")
		return nil
	}
	w.WriteString(`<ol class="brief-list">`)
	items := lf.frags.pageTable(lf.lang.Code, "partials/brief-item.html")
	for _, b := range pages {
		item, err := lf.partialCachedPage(items, "partials/brief-item.html", b, b)
		if err != nil {
			return err
		}
		w.WriteString("\n")
		w.WriteString(string(item))
	}
	w.WriteString("\n</ol>\n\n")
	return nil
}

// writePagination is partials/pagination.html.
func writePagination(w *bytes.Buffer, lf *langFuncs, pg *Pager) error {
	if pg == nil || pg.Total <= 1 {
		w.WriteString("\n")
		return nil
	}
	w.WriteString("\n<nav class=\"pagination\" aria-label=\"")
	if err := writeT(w, lf, "pagination"); err != nil {
		return err
	}
	w.WriteString("\">\n")
	if pg.Prev != "" {
		w.WriteString(`<a rel="prev" href="`)
		escURL(w, lf.url(pg.Prev))
		w.WriteString(`">← `)
		if err := writeT(w, lf, "prevPage"); err != nil {
			return err
		}
		w.WriteString("</a>")
	} else {
		w.WriteString("<span></span>")
	}
	w.WriteString("\n<span class=\"pager-status\">")
	if err := writeT(w, lf, "pageOf", pg.Number, pg.Total); err != nil {
		return err
	}
	w.WriteString("</span>\n")
	if pg.Next != "" {
		w.WriteString(`<a rel="next" href="`)
		escURL(w, lf.url(pg.Next))
		w.WriteString(`">`)
		if err := writeT(w, lf, "nextPage"); err != nil {
			return err
		}
		w.WriteString(" →</a>")
	} else {
		w.WriteString("<span></span>")
	}
	w.WriteString("\n</nav>\n\n")
	return nil
}

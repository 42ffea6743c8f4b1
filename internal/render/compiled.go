package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"html/template"
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
	"partials/head.html":         "a9b828e8b29cc9d89edfad76abea10e2ea144ff7757d63d15f6be7dc173bee2e",
	"partials/title.html":        "d392ab87bf10192427391cbbfc7a8a4c4bedf46b3e1cd6c7a6eb4ccb9592625a",
	"partials/header.html":       "772006de399f3728b98685cd346c65de4e6d44a422f3271109c3de8631670553",
	"partials/brief-list.html":   "ce718e5ab1ff6195c4e4d80a8c47682b3204e616a7d0f4a9462a9a865c4b74ea",
	"partials/brief-item.html":   "e3467728cc46498eef0195f08a799847917fed3b9d8beab9fc692b8c5e70cbbf",
	"partials/related-item.html": "f9a25ed79935785af0c569951b4963b41a79c2348d97a5239f64df19ec5a1c16",
	"partials/pagination.html":   "e1332b3278e63c77bb982ecf92628418a5ea64e65db0b471f3d8f2371ad22de3",
	// nav.html is not compiled, but the compiled header caches it by what it shows
	// (navCurrent), which is what this file shows.
	"partials/nav.html": "84b18af026ba8f79a6548ef7d87f3d37b9976e471bd66361e90bd50dc7b10e41",
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

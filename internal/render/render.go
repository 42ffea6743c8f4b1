// Package render executes the layouts (html/template) for every page of the site.
//
// # Layouts
//
// A theme is a folder of templates. baseof.html is the skeleton every page shares; it
// calls {{block "main" .}} which each page layout defines. The layout of a page is the
// first that exists of:
//
//	home      home.html, list.html
//	section   <section>/section.html (for the section and each parent), section.html, list.html
//	brief     <section>/single.html (for the section and each parent), single.html
//	tags      tags.html, list.html
//	tag       tag.html, list.html
//
// Every file in partials/ is available to every layout as {{template "partials/x.html" .}}.
// root.html renders /index.html, the page that sends visitors to their language.
// search.html, when the theme has it and site.toml does not turn search off,
// renders each language's search page, <lang>/search/ (see Search).
//
// # Data
//
// A layout's dot is a *Data: .Page (the site.Page), .Lang (the language's part of the
// site), .Site (all languages), .Pager (for lists: .Pager.Pages, .Number, .Total,
// .Prev, .Next), .Switch (the language switch entries), .Config (site.toml), and
// .Path, .Permalink and .OGLocale of the page being written. On briefs, .TOC lists
// the body's h2 headings (three or more, else none) and .Figures its num figures,
// grouped by heading, each with its notation in .OtherLang; on the site's own
// /404.html, .NotFoundIn says "page not found" in the other languages.
//
// # Functions
//
//	T key [args]    the theme string key in the page's language, %s/%d filled with args
//	Tn key n        the plural form keyOne/keyOther of key for n, with n formatted
//	date t          a time in the language's dateFormat and the site's time zone
//	isoDate t       a time in RFC 3339, for datetime attributes
//	num x           a count or figure in the page's language ("7.9亿元" → "790 million yuan")
//	url path        a site path as a link that respects the base URL's path
//	absURL path     a site path as a full URL
//	pager page n    the path of page n of a paginated list
//	langOf code     the site.toml settings of a language
//	langName lang   a language's name in the page's language (theme string language-<code>, else its label)
//	schema .        a brief's schema.org NewsArticle, for <script type="application/ld+json">
//	feedOf .        the site path of the RSS feed a page advertises (its own, its section's, or home's)
//	relURLs         whether site.toml asks for relative URLs
//	replace s old new  strings.ReplaceAll
//	partial "partials/x.html" .
//	                the partial's HTML, as {{template}} gives but usable in a pipeline
//	partialCached "partials/x.html" . [variants...]
//	                the partial's HTML, executed once per language and set of variants
//	                and reused on every page (see partialCached); the default theme
//	                caches its header navigation, footer and list entries this way
//
// Before anything is rendered, New checks the calls between templates (see
// checkCalls): a partial's name must be a quoted string naming a template that exists,
// and no partial may reach itself. Partials nested more than 100 deep are an error
// when rendered, a second guard against a stack overflow.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"os"
	"path"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
	"unicode/utf8"

	"golang.org/x/text/language"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/theme"
)

// Writer receives the files a render makes. Package output implements it for disk and
// for memory.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Renderer renders the pages of one site with the parsed layouts of every language.
type Renderer struct {
	site *site.Site
	cfg  *config.Site
	*layouts

	digestsOnce sync.Once
	digests     []atomic.Uint64   // by page place (site.Page.At); see digest
	navDigests  map[string]uint64 // language code -> navDigestOf
	switches    sync.Map          // *site.Page -> []SwitchEntry, see switchOf
	tags        *tagCounts        // see Renderer.matchingTag and translated
}

// TemplatesOnlyEnv names the environment variable that, set to 1, renders every page
// through html/template, the compiled layouts of briefs left unused (see
// compiled.go): to rule them out when a page looks wrong, and for the tests that
// compare both.
const TemplatesOnlyEnv = "BRIEFS_TEMPLATES_ONLY"

// layouts are the parsed templates, shared by the renderers of successive versions of
// a site in the dev server.
type layouts struct {
	paths   map[string]theme.File          // layout name -> its file, for messages
	srcs    map[string][]byte              // layout name -> source, for columns
	broken  map[string]bool                // layouts that failed to parse
	sets    map[string]map[string]*nesting // lang -> layout name -> templates
	root    *nesting                       // root.html, in the default language
	missing sync.Map
	bufs    sync.Pool
	frags   *fragments
	// compiled holds the page layouts whose pages are rendered by the compiled
	// layouts: the files they mirror are the default theme's (see compiled.go).
	compiled map[string]bool
}

// ForSite returns a renderer for another version of the same site (same config and
// layouts), such as the dev server's after a content edit: templates are not parsed again.
func (r *Renderer) ForSite(s *site.Site) *Renderer {
	r.frags.reset()
	return &Renderer{site: s, cfg: s.Config, layouts: r.layouts, tags: newTagCounts()}
}

// New parses every layout of the theme and checks the calls between them; all
// template errors are reported together.
func New(th *theme.Theme, s *site.Site) (*Renderer, error) {
	l, err := Parse(th, s.Config)
	if err != nil {
		return nil, err
	}
	return l.For(s), nil
}

// Layouts are a theme's layouts parsed for a site's configuration, before the site's
// page graph is made: parsing needs only the configuration, so a build parses them
// while it reads the content (see For).
type Layouts struct{ ls *layouts }

// For returns the renderer of page graph s, whose configuration is the one l was
// parsed for.
func (l *Layouts) For(s *site.Site) *Renderer {
	return &Renderer{site: s, cfg: s.Config, layouts: l.ls, tags: newTagCounts()}
}

// Parse parses every layout of the theme for a site of configuration cfg and checks
// the calls between them; all template errors are reported together.
func Parse(th *theme.Theme, cfg *config.Site) (*Layouts, error) {
	files, err := th.Files("layouts")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	ls := &layouts{paths: map[string]theme.File{}, srcs: map[string][]byte{}, broken: map[string]bool{}, compiled: map[string]bool{}, sets: map[string]map[string]*nesting{}, frags: newFragments()}
	r := &Renderer{cfg: cfg, layouts: ls} // no page graph: parsing reads none
	var errs diag.List
	base := template.New("").Funcs(placeholderFuncs())
	var pages []theme.File
	for _, f := range files {
		r.paths[f.Name] = f
		switch {
		case strings.HasPrefix(f.Name, "shortcodes/"), strings.HasPrefix(f.Name, "_shortcodes/"): // bodies run them: see Shortcodes
		case f.Name == "baseof.html" || strings.HasPrefix(f.Name, "partials/"):
			r.parse(base, f, &errs)
		case strings.HasSuffix(f.Name, ".html"):
			pages = append(pages, f)
		}
	}
	for _, code := range cfg.Order {
		r.sets[code] = map[string]*nesting{}
	}
	for _, f := range pages {
		t, err := base.Clone()
		if err != nil {
			errs.Add(err)
			continue
		}
		if !r.parse(t, f, &errs) || !r.callsOK(t, &errs) {
			continue
		}
		if os.Getenv(TemplatesOnlyEnv) != "1" && r.compiledOK(f.Name, t) {
			r.compiled[f.Name] = true
		}
		for _, code := range cfg.Order {
			r.sets[code][f.Name] = r.nest(t, code, &errs)
		}
	}
	r.root = r.parseRoot(th, base, &errs)
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &Layouts{ls}, nil
}

// callsOK checks the calls between the templates of a parsed layout.
func (r *Renderer) callsOK(t *template.Template, errs *diag.List) bool {
	probs := r.checkCalls(t)
	errs.Add(probs...)
	return len(probs) == 0
}

// nest prepares a parsed and checked layout for rendering in language code.
func (r *Renderer) nest(t *template.Template, code string, errs *diag.List) *nesting {
	n, err := newNesting(t, r.funcs(code), r.layouts)
	errs.Add(err)
	return n
}

// parseRoot parses root.html, the layout of /index.html, beside the partials (base):
// it is a whole page of its own, not a block of baseof.html.
func (r *Renderer) parseRoot(th *theme.Theme, base *template.Template, errs *diag.List) *nesting {
	f, ok := th.Lookup("layouts", "root.html")
	if !ok {
		errs.Add(diag.At("layouts/root.html", 0, 0, "missing: the root page's layout is needed for /index.html"))
		return nil
	}
	r.paths[f.Name] = f
	t, err := base.Clone()
	if err != nil {
		errs.Add(err)
		return nil
	}
	if !r.parse(t, f, errs) || !r.callsOK(t, errs) {
		return nil
	}
	return r.nest(t, r.cfg.DefaultLanguage, errs)
}

func (r *Renderer) funcs(code string) *langFuncs {
	l := r.cfg.Languages[code]
	tag, err := language.Parse(l.Locale)
	if err != nil {
		tag = language.Und
	}
	return &langFuncs{cfg: r.cfg, lang: l, tag: tag, words: newWords(r.cfg, l), missing: &r.missing, frags: r.frags}
}

// parse adds one layout file to t under its name, recording errors at file:line.
func (r *Renderer) parse(t *template.Template, f theme.File, errs *diag.List) bool {
	src, err := f.Read()
	if err != nil {
		errs.Add(r.at(f.Name, 0, 0, "cannot read: %v", err))
		return false
	}
	r.srcs[f.Name] = src
	if _, err := t.New(f.Name).Parse(string(src)); err != nil {
		r.broken[f.Name] = true
		errs.Add(r.templateError(err, ""))
		return false
	}
	return true
}

var templateErrRE = regexp.MustCompile(`^template: ([^:]+):(\d+)(?::(\d+))?: (.*)$`)

// templateError places a template error at layouts/<file>:line:col. fallback names
// the file when the message does not.
func (ls *layouts) templateError(err error, fallback string) *diag.Error {
	var he *template.Error // from html/template's escaper, whose message says "html/template:"
	if errors.As(err, &he) && he.Node != nil {
		loc, _ := (*parse.Tree)(nil).ErrorContext(he.Node)
		err = fmt.Errorf("template: %s: %s", loc, he.Description)
	} else if he != nil && he.Name != "" {
		return ls.at(he.Name, he.Line, 0, "template: %s", he.Description)
	}
	msg := err.Error()
	m := templateErrRE.FindStringSubmatch(msg)
	if m == nil {
		return diag.At(fallback, 0, 0, "template: %s", msg)
	}
	line, _ := strconv.Atoi(m[2])
	col, _ := strconv.Atoi(m[3])
	if m[3] != "" {
		col = ls.column(m[1], line, col)
	}
	return ls.at(m[1], line, col, "template: %s", m[4])
}

// placeNested places the error of a partial's execution at its innermost place: an
// error already placed by a nested partial is passed on as it is, not wrapped once
// more by every partial call around it.
func (ls *layouts) placeNested(err error) error {
	var de *diag.Error
	if errors.As(err, &de) {
		return de
	}
	return ls.templateError(err, "")
}

// at places a problem in the layout name, at the path messages show for it:
// "layouts/x.html" for a site file; for a built-in one, the theme's path ("layouts/x.html
// (default theme)"), and the problem is marked Builtin.
func (ls *layouts) at(name string, line, col int, format string, args ...any) *diag.Error {
	f, ok := ls.paths[name]
	if !ok {
		return diag.At("layouts/"+name, line, col, format, args...)
	}
	shown := "layouts/" + strings.TrimPrefix(f.Path, "layouts/")
	if f.Component != "" {
		shown = f.Path // in a Hugo theme's folder
	}
	e := diag.At(shown, line, col, format, args...)
	e.Builtin = f.Default
	return e
}

// column turns text/template's column, a byte offset from 0, into characters from 1,
// as every other column briefs reports.
func (ls *layouts) column(name string, line, byteCol int) int {
	src, ok := ls.srcs[name]
	if !ok {
		return byteCol
	}
	for range line - 1 {
		_, src, _ = bytes.Cut(src, []byte{'\n'})
	}
	return utf8.RuneCount(src[:min(byteCol, len(src))]) + 1
}

// lookup finds the layout for a page in its language.
func (r *Renderer) lookup(p *site.Page) (*template.Template, string) {
	set := r.sets[p.Lang.Code]
	for _, name := range candidates(p) {
		if n := set[name]; n != nil {
			return n.top, name
		}
	}
	return nil, strings.Join(candidates(p), ", ")
}

func candidates(p *site.Page) []string {
	var names []string
	perSection := func(file string) {
		for sec := p.SectionPath(); sec != "" && sec != "."; sec = path.Dir(sec) {
			names = append(names, sec+"/"+file)
		}
	}
	switch p.Kind {
	case site.KindHome:
		names = append(names, "home.html", "list.html")
	case site.KindSection:
		perSection("section.html")
		names = append(names, "section.html", "list.html")
	case site.KindBrief:
		perSection("single.html")
		names = append(names, "single.html")
	case site.KindTags:
		names = append(names, "tags.html", "list.html")
	case site.KindTag:
		names = append(names, "tag.html", "list.html")
	case site.KindNotFound:
		names = append(names, "404.html")
	case site.KindSearch:
		names = append(names, "search.html")
	}
	return names
}

// MissingStrings returns the warnings about theme strings that pages met: words a
// language lacked and took from another (see words), once per language and key.
//
// A language that lacks many strings (a Hugo site in a language briefs has no words
// for, such as Japanese) gets one warning that names them all, rather than one a key.
func (r *Renderer) MissingStrings() []*diag.Error {
	var out []*diag.Error
	lacking := map[string][]string{} // language -> keys it took from another
	r.missing.Range(func(k, v any) bool {
		if wk := k.(warnKey); !wk.arity {
			lacking[wk.lang] = append(lacking[wk.lang], wk.key)
		}
		return true
	})
	r.missing.Range(func(k, v any) bool {
		if wk := k.(warnKey); wk.arity || len(lacking[wk.lang]) < manyMissing {
			out = append(out, v.(*diag.Error))
		}
		return true
	})
	for code, keys := range lacking {
		if l := r.cfg.Languages[code]; l != nil && len(keys) >= manyMissing {
			out = append(out, manyMissingWarning(r.cfg, l, keys))
		}
	}
	return out
}

// Page renders one page, and each page of it when it is a paginated list.
func (r *Renderer) Page(p *site.Page, w Writer) error {
	for n := 1; n <= r.site.Pagers(p); n++ {
		if err := r.Pager(p, n, w); err != nil {
			return err
		}
	}
	return nil
}

// Pager renders page n (from 1) of p; briefs and unpaginated lists have only page 1.
func (r *Renderer) Pager(p *site.Page, n int, w Writer) error {
	t, name := r.lookup(p)
	if t == nil {
		return diag.At("layouts", 0, 0, "no layout for the %s page %s: add one of %s", p.Kind, p.Path, name)
	}
	out := site.PagerPath(p, n) + "index.html"
	d := r.data(p, n)
	if r.compiled[name] {
		if done, err := r.executeCompiled(name, d, out, w); done {
			return err
		}
		// The compiled layout met an error: the template's run reports it in its place.
	}
	return r.execute(t, "baseof.html", d, out, w)
}

// executeCompiled renders a page by the compiled layout of name (see compiled.go).
// It reports done false, having written nothing, when that met an error.
func (r *Renderer) executeCompiled(name string, d *Data, out string, w Writer) (done bool, err error) {
	n := r.sets[d.Page.Lang.Code][name]
	lf := n.funcs
	lf.nest, lf.depth = n, 0
	buf := r.buffer()
	defer r.bufs.Put(buf)
	if writePage(buf, &lf, d, compiledMains[name].main) != nil {
		return false, nil
	}
	return true, r.write(buf.Bytes(), out, w)
}

// buffer is an empty buffer for a page, to be put back into r.bufs.
func (r *Renderer) buffer() *bytes.Buffer {
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	return buf
}

func (r *Renderer) execute(t *template.Template, name string, data any, out string, w Writer) error {
	buf := r.buffer()
	defer r.bufs.Put(buf)
	if err := t.ExecuteTemplate(buf, name, data); err != nil {
		var de *diag.Error
		if errors.As(err, &de) {
			return de // placed inside a partial
		}
		return r.templateError(err, "layouts/"+name)
	}
	return r.write(buf.Bytes(), out, w)
}

// write writes a rendered page, its links made relative when site.toml asks.
func (r *Renderer) write(page []byte, out string, w Writer) error {
	if r.cfg.RelativeURLs && !strings.HasSuffix(out, "404.html") {
		page = relativize(page, r.cfg.BasePath(), out)
	}
	return w.WriteFile(out, page)
}

// RootFile is the output file of Root.
const RootFile = "index.html"

// NotFoundFile is the output file of the 404 page of the language whose home is at
// home ("en/"), or with home "" the site's own, which static hosts serve for a
// missing page (and the default language's, when that language is at the root).
func NotFoundFile(home string) string { return home + "404.html" }

// NotFound renders the 404 page of every language (<lang>/404.html) and, in the
// default language, the site's own /404.html that static hosts serve for a missing page.
func (r *Renderer) NotFound(w Writer) error {
	for _, l := range r.site.Languages {
		p := &site.Page{Kind: site.KindNotFound, Lang: l.Language, Title: String(r.cfg, l.Code, "notFound"), Path: l.Home.Path}
		t, name := r.lookup(p)
		if t == nil {
			return diag.At("layouts/404.html", 0, 0, "missing: add a layout for the 404 page (%s)", name)
		}
		out := NotFoundFile(l.Home.Path)
		d := &Data{Page: p, Lang: l, Site: r.site, Config: r.cfg, Path: out, NotFound: true}
		for _, o := range r.site.Languages {
			d.Switch = append(d.Switch, SwitchEntry{Lang: o.Language, Path: o.Home.Path, Current: o == l, Exists: true})
		}
		// The default language at the root has the site's 404 as its own, below.
		if out != NotFoundFile("") {
			if err := r.execute(t, "baseof.html", d, out, w); err != nil {
				return err
			}
		}
		if l.Code == r.cfg.DefaultLanguage {
			root := *d
			root.NotFoundIn = r.notFoundTexts(l)
			if err := r.execute(t, "baseof.html", &root, NotFoundFile(""), w); err != nil {
				return err
			}
		}
	}
	return nil
}

// notFoundTexts says "page not found" in every site language but l, for the site's
// own /404.html, which a visitor of any language may meet.
func (r *Renderer) notFoundTexts(l *site.Lang) []NotFoundText {
	var out []NotFoundText
	for _, o := range r.site.Languages {
		if o != l {
			out = append(out, NotFoundText{Lang: o.Language, Title: String(r.cfg, o.Code, "notFound"), Text: String(r.cfg, o.Code, "notFoundText")})
		}
	}
	return out
}

// Root renders /index.html, which sends visitors to their language.
func (r *Renderer) Root(w Writer) error {
	if !r.cfg.InSubdir(r.cfg.DefaultLanguage) {
		return nil // the default language's home is the root page
	}
	return r.execute(r.root.top, "root.html", r.rootData(), RootFile, w)
}

// aliasPage redirects an old URL to a page's current one. It needs no layout: a
// redirect must work even when a site's theme is broken.
var aliasPage = template.Must(template.New("alias").Parse(`<!DOCTYPE html>
<html lang="{{.Lang}}">
<head>
<meta charset="utf-8">
<title>{{.Title}}</title>
<link rel="canonical" href="{{.URL}}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url={{.URL}}">
</head>
<body>
<p><a href="{{.URL}}">{{.Title}}</a></p>
</body>
</html>
`))

// Alias writes the redirect page of one of p's aliases.
func (r *Renderer) Alias(p *site.Page, alias string, w Writer) error {
	data := struct{ Lang, Title, URL string }{p.Lang.Locale, p.Title, r.funcs(p.Lang.Code).absURL(p.Path)}
	var buf bytes.Buffer
	if err := aliasPage.Execute(&buf, data); err != nil {
		return err
	}
	return w.WriteFile(site.AliasFile(alias), buf.Bytes())
}

// Heading is a page's title as its layout shows it: a tag page's is "Tag: x".
func (r *Renderer) Heading(p *site.Page) string {
	if p.Kind == site.KindTag {
		return fmt.Sprintf(String(r.cfg, p.Lang.Code, "tagTitle"), p.Title)
	}
	return p.Title
}

package render

import (
	"bytes"
	"fmt"
	"html"
	"html/template"
	"regexp"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/theme"
)

// A site's own shortcodes are layouts/shortcodes/NAME.html or, as Hugo names the
// folder since 0.146, layouts/_shortcodes/NAME.html (NAME may be a path:
// layouts/shortcodes/docs/note.html is docs/note), run with html/template and Hugo's
// shortcode context:
//
//	.Get 0, .Get "name"   a parameter by position or name
//	.Params               the parameters: a map when named, a list when positional
//	.IsNamedParams        whether they are named
//	.Inner                the content between the tags (template.HTML, as in Hugo)
//	.InnerDeindent        .Inner without the indentation its lines share
//	.Page                 .Title .Params .Param .Lang .Language
//	                      .Permalink .RelPermalink .Date .Kind .Section .RenderString
//	.Site                 .Title .Params .BaseURL .Language
//	.Name .Ordinal .Parent .Position .Store (.Scratch), and .Page.Store (.Page.Scratch),
//	shared by the calls of the body: .Get .Set .Add .SetInMap .Delete .Values
//
// with the functions markdownify, safeHTML, safeURL, safeHTMLAttr, safeCSS, safeJS,
// htmlEscape, htmlUnescape, plainify, default, lower, upper, title, trim, replace,
// urlize, split, delimit, in, dict, slice, merge, append, absURL, relURL, cond, add,
// sub, mul, int, string, hasPrefix, hasSuffix, chomp, jsonify, isset, hugo
// (.IsMultilingual), warnf (ignored), errorf (an error at the call), and T and i18n,
// which return their key. A template that reads .Inner takes content and a closing
// tag, as in Hugo; partial runs the site's layouts/partials/NAME.html. Not there:
// resources, .Scratch and Hugo's other namespaces.

// Shortcodes reads the site's shortcode templates. A template that does not parse is
// an error at its file:line:col. The site's partials (layouts/partials/) that parse with
// the shortcodes' functions can be called from them with partial.
func Shortcodes(th *theme.Theme, cfg *config.Site) (map[string]markdown.Shortcode, error) {
	files, err := th.Files("layouts")
	if err != nil {
		return nil, fmt.Errorf("layouts: %w", err)
	}
	ls := &layouts{paths: map[string]theme.File{}, srcs: map[string][]byte{}}
	out := map[string]markdown.Shortcode{}
	var errs diag.List
	base, skipped := shortcodePartials(files, cfg)
	for _, f := range files {
		name, ok := shortcodeName(f.Name)
		if !ok {
			continue
		}
		ls.paths[f.Name] = f
		src, err := f.Read()
		if err != nil {
			errs.Add(ls.at(f.Name, 0, 0, "cannot read: %v", err))
			continue
		}
		ls.srcs[f.Name] = src
		t, err := base.Clone()
		if err == nil {
			t = t.Funcs(template.FuncMap{"partial": partialFunc(t, skipped)})
			_, err = t.New(f.Name).Parse(string(src))
		}
		if err != nil {
			errs.Add(ls.templateError(err, "layouts/"+f.Name))
			continue
		}
		out[strings.TrimSuffix(name, ".html")] = &siteShortcode{t: t.Lookup(f.Name), ls: ls, cfg: cfg, inner: readsInner.Match(src),
			markdownify: bytes.Contains(src, []byte("markdownify")), skipped: skipped}
	}
	return out, errs.Err()
}

// shortcodePartials parses the partials that parse with the shortcodes' functions into
// one set; the others (a layout's partial using layout functions) are skipped, with
// the reason, which a call to one reports.
func shortcodePartials(files []theme.File, cfg *config.Site) (*template.Template, map[string]error) {
	base := template.New("").Funcs(shortcodeFuncs(cfg)).Funcs(template.FuncMap{"partial": func(string, ...any) (template.HTML, error) { return "", nil }})
	skipped := map[string]error{}
	for _, f := range files {
		if !strings.HasPrefix(f.Name, "partials/") || !strings.HasSuffix(f.Name, ".html") {
			continue
		}
		src, err := f.Read()
		if err == nil {
			var t *template.Template
			if t, err = base.Clone(); err == nil {
				if _, err = t.New(f.Name).Parse(string(src)); err == nil {
					_, err = base.New(f.Name).Parse(string(src))
				}
			}
		}
		if err != nil {
			skipped[f.Name] = err
		}
	}
	return base, skipped
}

// partialFunc is Hugo's partial for the shortcode templates of set: partial "x" data
// runs layouts/partials/x.html (the .html may be left out) with data as its dot.
func partialFunc(set *template.Template, skipped map[string]error) func(name string, data ...any) (template.HTML, error) {
	return func(name string, data ...any) (template.HTML, error) {
		file := "partials/" + name
		if !strings.HasSuffix(file, ".html") {
			file += ".html"
		}
		if err := skipped[file]; err != nil {
			return "", fmt.Errorf("partial %q cannot run in a shortcode: %v", name, err)
		}
		if set.Lookup(file) == nil {
			return "", fmt.Errorf("partial %q: no layouts/%s", name, file)
		}
		var dot any
		if len(data) > 0 {
			dot = data[0]
		}
		var b bytes.Buffer
		if err := set.ExecuteTemplate(&b, file, dot); err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
}

// shortcodeName is the name of the shortcode in layouts/shortcodes/NAME.html, or
// layouts/_shortcodes/NAME.html (Hugo's folder since 0.146).
func shortcodeName(file string) (string, bool) {
	name, ok := strings.CutPrefix(file, "shortcodes/")
	if !ok {
		name, ok = strings.CutPrefix(file, "_shortcodes/")
	}
	return name, ok && strings.HasSuffix(name, ".html")
}

// readsInner finds .Inner and .InnerDeindent, as Hugo looks for them.
var readsInner = regexp.MustCompile(`\.Inner(Deindent)?\b`)

// siteShortcode is one template of layouts/shortcodes/.
type siteShortcode struct {
	t     *template.Template
	ls    *layouts
	cfg   *config.Site
	inner bool
	// markdownify: the template calls it, and gets a copy bound to each call (never
	// running t itself, which could then not be copied).
	markdownify bool
	skipped     map[string]error // the partials that cannot run in shortcodes
}

func (s *siteShortcode) Inner() bool { return s.inner }

// Render runs the template. An error names the template's file:line:col; the body
// reports it at the call.
func (s *siteShortcode) Render(c *markdown.Call) (markdown.Output, error) {
	if named, positional := paramKinds(c.Params); named && positional {
		return markdown.Output{}, fmt.Errorf("shortcode %s: named and positional parameters cannot be mixed (as in Hugo); name them all or none", c.Name)
	}
	t := s.t
	if s.markdownify {
		var err error
		if t, err = s.t.Clone(); err != nil {
			return markdown.Output{}, err
		}
		t.Funcs(template.FuncMap{"markdownify": markdownifyFunc(c), "partial": partialFunc(t, s.skipped)})
	}
	var b bytes.Buffer
	if err := t.Execute(&b, newShortcodeData(c, s.cfg)); err != nil {
		return markdown.Output{}, fmt.Errorf("shortcode %s: %s", c.Name, s.ls.templateError(err, "layouts/"+s.t.Name()).Error())
	}
	if c.Markdown {
		return markdown.Output{Markdown: b.String()}, nil
	}
	return markdown.Output{HTML: b.String()}, nil
}

func paramKinds(params []markdown.Param) (named, positional bool) {
	for _, p := range params {
		named, positional = named || p.Name != "", positional || p.Name == ""
	}
	return named, positional
}

// shortcodeData is a call as a template sees it.
type shortcodeData struct {
	c    *markdown.Call
	cfg  *config.Site
	Name string
	// Page and Site are the page the call is in and its site.
	Page *shortcodePage
	Site shortcodeSite
}

func newShortcodeData(c *markdown.Call, cfg *config.Site) *shortcodeData {
	return &shortcodeData{c: c, cfg: cfg, Name: c.Name, Page: newShortcodePage(c, cfg), Site: newShortcodeSite(c, cfg)}
}

// Get returns a parameter by position or name, or nil.
func (d *shortcodeData) Get(key any) any { return d.c.Get(key) }

// Params are the parameters: a map when they are named, a list when positional.
func (d *shortcodeData) Params() any {
	if d.c.IsNamedParams() {
		m := map[string]any{}
		for _, p := range d.c.Params {
			m[p.Name] = p.Value
		}
		return m
	}
	list := make([]any, len(d.c.Params))
	for i, p := range d.c.Params {
		list[i] = p.Value
	}
	return list
}

// Inner is the content between the tags, as it is (Hugo's .Inner is HTML).
func (d *shortcodeData) Inner() template.HTML { return template.HTML(d.c.Inner) }

// InnerDeindent is .Inner without the indentation all its lines share.
func (d *shortcodeData) InnerDeindent() template.HTML { return template.HTML(deindent(d.c.Inner)) }

func (d *shortcodeData) IsNamedParams() bool { return d.c.IsNamedParams() }

// Store holds values of this call, which calls inside it may set through .Parent.Store.
func (d *shortcodeData) Store() scratch { return scratch{d.c.Store} }

// Scratch is Store, by its older name.
func (d *shortcodeData) Scratch() scratch { return scratch{d.c.Store} }
func (d *shortcodeData) Ordinal() int     { return d.c.Ordinal }
func (d *shortcodeData) Position() string { return d.c.Position() }

// Parent is the call this one is inside, or nil.
func (d *shortcodeData) Parent() *shortcodeData {
	if d.c.Parent == nil {
		return nil
	}
	return newShortcodeData(d.c.Parent, d.cfg)
}

// deindent removes the leading spaces and tabs that every non-blank line shares.
func deindent(s string) string {
	lines := strings.Split(s, "\n")
	prefix := ""
	first := true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		ind := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		switch {
		case first:
			prefix, first = ind, false
		default:
			for !strings.HasPrefix(ind, prefix) {
				prefix = prefix[:len(prefix)-1]
			}
		}
	}
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, prefix)
	}
	return strings.Join(lines, "\n")
}

// shortcodePage is the page a call is in, with Hugo's names.
type shortcodePage struct {
	c                          *markdown.Call
	Title                      string
	Params                     map[string]any
	Lang                       string
	Language                   shortcodeLang
	Permalink, RelPermalink    string
	Date, Lastmod, PublishDate time.Time
	Kind, Section              string
}

type shortcodeLang struct{ Lang, LanguageName, LanguageCode string }

type shortcodeSite struct {
	Title    string
	BaseURL  string
	Params   map[string]any
	Language shortcodeLang
}

func newShortcodePage(c *markdown.Call, cfg *config.Site) *shortcodePage {
	p := &shortcodePage{c: c, Params: c.Page.Params, Lang: c.Page.Lang}
	if l := cfg.Languages[c.Page.Lang]; l != nil {
		p.Language = shortcodeLang{Lang: l.Code, LanguageName: l.Label, LanguageCode: l.Locale}
	}
	if sp, ok := c.Page.Data.(*site.Page); ok {
		// Not its summary or description: a one-shot build knows them before the body
		// is rendered, the dev server after.
		p.Title = sp.Title
		p.Permalink, p.RelPermalink = cfg.AbsURL(sp.Path), cfg.URL(sp.Path)
		p.Date, p.Lastmod, p.PublishDate = sp.Date, sp.Lastmod, sp.PublishDate
		p.Kind = sp.Kind.String()
		if sp.File != nil {
			p.Section = strings.SplitN(sp.File.Section, "/", 2)[0]
		}
	}
	return p
}

func newShortcodeSite(c *markdown.Call, cfg *config.Site) shortcodeSite {
	s := shortcodeSite{BaseURL: cfg.BaseURL, Params: cfg.Params}
	if l := cfg.Languages[c.Page.Lang]; l != nil {
		s.Title = l.Title
		s.Language = shortcodeLang{Lang: l.Code, LanguageName: l.Label, LanguageCode: l.Locale}
	}
	return s
}

// RenderString renders Markdown as part of the page: .Page.RenderString "**x**", or
// with options first, .Page.RenderString (dict "display" "block") .Inner.
func (p *shortcodePage) RenderString(args ...any) (template.HTML, error) {
	block := false
	if len(args) == 2 {
		if opts, ok := args[0].(map[string]any); ok {
			block = fmt.Sprint(opts["display"]) == "block"
		}
		args = args[1:]
	}
	if len(args) != 1 {
		return "", fmt.Errorf("RenderString takes the Markdown, and options before it")
	}
	return template.HTML(p.c.RenderMarkdown(toString(args[0]), block)), nil
}

// Store holds values the calls of the body share (Hugo's .Page.Store).
func (p *shortcodePage) Store() scratch { return scratch{p.c.Page.Store} }

// Scratch is Store, by its older name.
func (p *shortcodePage) Scratch() scratch { return scratch{p.c.Page.Store} }

// Param is a page param, or the site's of that name.
func (p *shortcodePage) Param(key string) any {
	for _, m := range []map[string]any{p.Params, p.c.Page.SiteParams} {
		for k, v := range m {
			if strings.EqualFold(k, key) {
				return v
			}
		}
	}
	return nil
}

func toString(v any) string {
	switch s := v.(type) {
	case template.HTML:
		return string(s)
	case string:
		return s
	case nil:
		return ""
	}
	return fmt.Sprint(v)
}

// shortcodeFuncs are the functions shortcode templates have, Hugo's names.
func shortcodeFuncs(cfg *config.Site) template.FuncMap {
	return template.FuncMap{
		"markdownify":  func(v any) template.HTML { return "" }, // bound to each call in Render
		"safeHTML":     func(v any) template.HTML { return template.HTML(toString(v)) },
		"safeURL":      func(v any) template.URL { return template.URL(toString(v)) },
		"safeHTMLAttr": func(v any) template.HTMLAttr { return template.HTMLAttr(toString(v)) },
		"safeCSS":      func(v any) template.CSS { return template.CSS(toString(v)) },
		"safeJS":       func(v any) template.JS { return template.JS(toString(v)) },
		"htmlEscape":   func(v any) string { return html.EscapeString(toString(v)) },
		"htmlUnescape": func(v any) string { return html.UnescapeString(toString(v)) },
		"plainify":     func(v any) string { return tagRE.ReplaceAllString(toString(v), "") },
		"default":      defaultValue,
		"lower":        func(v any) string { return strings.ToLower(toString(v)) },
		"upper":        func(v any) string { return strings.ToUpper(toString(v)) },
		"title":        func(v any) string { return titleCase(toString(v)) },
		"trim":         func(v any, cut string) string { return strings.Trim(toString(v), cut) },
		"replace":      func(v any, old, new string) string { return strings.ReplaceAll(toString(v), old, new) },
		"urlize": func(v any) string {
			return strings.ToLower(strings.ReplaceAll(strings.TrimSpace(toString(v)), " ", "-"))
		},
		"split":     func(v any, sep string) []string { return strings.Split(toString(v), sep) },
		"delimit":   delimit,
		"in":        in,
		"dict":      dict,
		"slice":     func(v ...any) []any { return v },
		"absURL":    func(v any) string { return cfg.AbsURL(toString(v)) },
		"relURL":    func(v any) string { return cfg.URL(toString(v)) },
		"cond":      func(c bool, a, b any) any { return map[bool]any{true: a, false: b}[c] },
		"T":         func(key string, _ ...any) string { return key },
		"i18n":      func(key string, _ ...any) string { return key },
		"merge":     merge,
		"append":    appendList,
		"warnf":     func(string, ...any) string { return "" },
		"errorf":    func(f string, args ...any) (string, error) { return "", fmt.Errorf(f, args...) },
		"add":       func(a, b int) int { return a + b },
		"sub":       func(a, b int) int { return a - b },
		"mul":       func(a, b int) int { return a * b },
		"int":       toInt,
		"string":    toString,
		"hasPrefix": func(v any, p string) bool { return strings.HasPrefix(toString(v), p) },
		"hasSuffix": func(v any, p string) bool { return strings.HasSuffix(toString(v), p) },
		"chomp":     func(v any) string { return strings.TrimRight(toString(v), "\r\n") },
		"jsonify":   jsonify,
		"isset":     isset,
		"hugo":      func() hugoInfo { return hugoInfo{IsMultilingual: len(cfg.Languages) > 1} },
	}
}

// hugoInfo is what Hugo's hugo function tells shortcodes.
type hugoInfo struct{ IsMultilingual bool }

// Site is the page graph the renderer shows.
func (r *Renderer) Site() *site.Site { return r.site }

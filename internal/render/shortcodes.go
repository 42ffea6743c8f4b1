package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"mime"
	"path"
	"regexp"
	"sort"
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
// layouts/shortcodes/docs/note.html is docs/note); its Hugo themes' are the same
// files in their folders (the site's winning, then the first theme's). They run with
// html/template and Hugo's shortcode context:
//
//	.Get 0, .Get "name"   a parameter by position or name
//	.Params               the parameters: a map when named, a list when positional
//	.IsNamedParams        whether they are named
//	.Inner                the content between the tags (template.HTML, as in Hugo)
//	.InnerDeindent        .Inner without the indentation its lines share
//	.Page                 .Title .LinkTitle .Params .Param .Lang .Language .Permalink
//	                      .RelPermalink .Date .Kind .Section .Type .IsPage .File
//	                      .RenderString .GetPage .Resources .Site .Store (.Scratch)
//	.Site                 .Title .Params .BaseURL .Language .Data .Config .Home .Store
//	.Name .Ordinal .Parent .Position .Store (.Scratch): Get Set Add SetInMap
//	DeleteInMap Delete Values GetSortedMapValues
//
// and Hugo's functions (hugofuncs.go, hugons.go, hugores.go, hugoexec.go). A template
// that reads .Inner takes content and a closing tag, as in Hugo; partial runs
// layouts/partials/NAME.html (or _partials/), whose {{ return }} gives its value.

// Shortcodes reads the site's shortcode templates (Load, without the set).
func Shortcodes(th *theme.Theme, cfg *config.Site) (map[string]markdown.Shortcode, error) {
	set, err := LoadShortcodes(th, cfg)
	return set.Map, err
}

// ShortcodeSet is a site's shortcode templates, its own and its Hugo themes', with
// what they share.
type ShortcodeSet struct {
	// Map holds the templates by shortcode name.
	Map     map[string]markdown.Shortcode
	env     *hugoEnv
	base    *template.Template // the partials, which inline shortcodes may call
	skipped map[string]error
	ls      *layouts
}

// Inline makes the shortcode a body defines ({{< name >}}src{{< /name >}}, Hugo's
// inline shortcodes): src is its template, run as a site shortcode's.
func (s *ShortcodeSet) Inline(name, src string) (markdown.Shortcode, error) {
	t, err := parseInto(s.base, "inline/"+name, []byte(src), false)
	if err != nil {
		return nil, err
	}
	return &siteShortcode{t: t, ls: s.ls, cfg: s.env.cfg, env: s.env, inner: readsInner.MatchString(src), bind: true,
		skipped: s.skipped, file: name}, nil
}

// UsedAssets are the files of assets/ whose URLs the shortcodes took (resources.Get
// … .RelPermalink): the build publishes each at its name.
func (s *ShortcodeSet) UsedAssets() []theme.File { return s.env.UsedAssets() }

// LoadShortcodes reads the site's shortcode templates, layouts/shortcodes/ and
// layouts/_shortcodes/ of the site and of its Hugo themes (the site's winning), and the
// partials they may call. A template that does not parse is an error at its
// file:line:col, but a theme's template that calls a function briefs does not have
// parses: the function fails when the template runs, and the call degrades (see
// markdown.Unsupported).
func LoadShortcodes(th *theme.Theme, cfg *config.Site) (*ShortcodeSet, error) {
	var errs diag.List
	env := newHugoEnv(th, cfg, &errs)
	set := &ShortcodeSet{Map: map[string]markdown.Shortcode{}, env: env, ls: &layouts{}}
	set.base = template.New("").Funcs(shortcodeFuncs(env))
	files, err := shortcodeLayouts(th)
	if err != nil {
		return set, fmt.Errorf("layouts: %w", err)
	}
	ls := &layouts{paths: map[string]theme.File{}, srcs: map[string][]byte{}}
	base, skipped := shortcodePartials(files, env, ls)
	set.base, set.skipped, set.ls = base, skipped, ls
	partialsBindCall := partialsBind(ls)
	for _, name := range sortedKeys(files) {
		f := files[name]
		sc, ok := strings.CutPrefix(name, "shortcodes/")
		if !ok || !strings.HasSuffix(sc, ".html") {
			continue
		}
		src, err := f.Read()
		if err != nil {
			errs.Add(ls.at(f.Name, 0, 0, "cannot read: %v", err))
			continue
		}
		ls.paths[name], ls.srcs[name] = f, src
		t, err := parseInto(base, name, src, f.Component != "")
		if err != nil && f.Component != "" {
			// not the site's to fix, and maybe never called: its calls degrade
			set.Map[strings.TrimSuffix(sc, ".html")] = &brokenShortcode{inner: readsInner.Match(src),
				msg: fmt.Sprintf("theme %s's shortcode %s does not parse in briefs (%s); its calls show their content as Markdown (or nothing); write layouts/shortcodes/%s to replace it",
					f.Component, strings.TrimSuffix(sc, ".html"), ls.templateError(err, shownPath(f)).Error(), sc)}
			continue
		}
		if err != nil {
			errs.Add(ls.templateError(err, shownPath(f)))
			continue
		}
		bind := f.Component != "" || bindsCall.Match(src) || (callsPartial.Match(src) && partialsBindCall)
		if !bind {
			// partial runs in t itself: the template is run as it is, never copied
			partial := partialFunc(t, skipped)
			t.Funcs(template.FuncMap{"partial": partial, "partialCached": func(name string, data ...any) (any, error) { return partial(name, data...) }})
		}
		set.Map[strings.TrimSuffix(sc, ".html")] = &siteShortcode{t: t, ls: ls, cfg: cfg, env: env, inner: readsInner.Match(src),
			bind: bind, skipped: skipped, component: f.Component, file: shownPath(f)}
	}
	return set, errs.Err()
}

// partialsBind reports whether a partial of the site or its themes uses a function
// bound to the call, so that a template calling partials must run in a copy made for
// each call. The default theme's partials are pages' (they use T for the page's
// language), not shortcodes'.
func partialsBind(ls *layouts) bool {
	for name, src := range ls.srcs {
		if strings.HasPrefix(name, "partials/") && !ls.paths[name].Default && bindsCall.Match(src) {
			return true
		}
	}
	return false
}

// brokenShortcode is a Hugo theme's template that does not parse: each call shows
// its content, with a warning.
type brokenShortcode struct {
	inner bool
	msg   string
}

func (b *brokenShortcode) Inner() bool { return b.inner }

func (b *brokenShortcode) Render(c *markdown.Call) (markdown.Output, error) {
	return markdown.Output{}, &markdown.Unsupported{Msg: b.msg, Show: markdown.Output{Markdown: c.Inner}}
}

// shownPath is a layout's path in messages: "layouts/x.html", or under a theme's folder.
func shownPath(f theme.File) string {
	if f.Component != "" {
		return f.Path
	}
	return "layouts/" + f.Name
}

// shortcodeLayouts are the layouts shortcodes use, by name with Hugo's newer folder
// names made the older ones (_shortcodes/x is shortcodes/x, _partials/x partials/x):
// the site's, then its Hugo themes' (first theme first), then the default theme's.
func shortcodeLayouts(th *theme.Theme) (map[string]theme.File, error) {
	own, err := th.Files("layouts")
	if err != nil {
		return nil, err
	}
	comps, err := th.ComponentFiles("layouts")
	if err != nil {
		return nil, err
	}
	out := map[string]theme.File{}
	rank := func(f theme.File) int {
		switch {
		case f.Default:
			return 2
		case f.Component != "":
			return 1
		}
		return 0
	}
	for _, f := range append(own, comps...) {
		name := f.Name
		for _, dir := range []string{"shortcodes/", "partials/"} {
			if rest, ok := strings.CutPrefix(name, "_"+dir); ok {
				name = dir + rest
			}
		}
		if !strings.HasPrefix(name, "shortcodes/") && !strings.HasPrefix(name, "partials/") {
			continue
		}
		if old, ok := out[name]; ok && rank(old) <= rank(f) {
			continue
		}
		out[name] = f
	}
	return out, nil
}

func sortedKeys(m map[string]theme.File) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// shortcodePartials parses the partials that parse with the shortcodes' functions into
// one set; the others (a layout's partial using layout functions) are skipped, with
// the reason, which a call to one reports. A theme's partial that calls a function
// briefs does not have parses with a stand-in that fails when it runs.
func shortcodePartials(files map[string]theme.File, env *hugoEnv, ls *layouts) (*template.Template, map[string]error) {
	base := template.New("").Funcs(shortcodeFuncs(env))
	skipped := map[string]error{}
	for _, name := range sortedKeys(files) {
		f := files[name]
		if !strings.HasPrefix(name, "partials/") {
			continue
		}
		src, err := f.Read()
		if err == nil {
			ls.paths[name], ls.srcs[name] = f, src
			var t *template.Template
			if t, err = parseInto(base, name, src, f.Component != ""); err == nil {
				// parsed once in a copy, so that a partial that does not parse leaves
				// nothing behind in the set; the stand-ins it needed are in base now.
				_, err = base.New(name).Parse(string(wrapReturns(src)))
				_ = t
			}
		}
		if err != nil {
			skipped[name] = err
		}
	}
	return base, skipped
}

// readsInner finds .Inner and .InnerDeindent, as Hugo looks for them.
var readsInner = regexp.MustCompile(`\.Inner(Deindent)?\b`)

// bindsCall finds the functions bound to a call (boundFuncs) but partial, and
// callsPartial a call of a partial.
var (
	bindsCall    = regexp.MustCompile(`\b(markdownify|i18n|T|warnf|site|relLangURL|absLangURL|lang)\b`)
	callsPartial = regexp.MustCompile(`\bpartial(Cached)?\b`)
)

// siteShortcode is one template of layouts/shortcodes/, the site's or a Hugo theme's.
type siteShortcode struct {
	t     *template.Template
	ls    *layouts
	cfg   *config.Site
	env   *hugoEnv
	inner bool
	// bind: the template (or a partial it calls) uses a function bound to the call
	// (markdownify, i18n, warnf, partial …); it then runs in a copy of t made for the
	// call, never in t itself, which could then not be copied.
	bind    bool
	skipped map[string]error // the partials that cannot run in shortcodes
	// component names the Hugo theme the template is from ("" for the site's own),
	// and file is its path in messages.
	component, file string
}

func (s *siteShortcode) Inner() bool { return s.inner }

// Render runs the template. An error names the template's file:line:col; the body
// reports it at the call. A Hugo theme's template that fails for anything but its own
// errorf degrades: the body shows the call's content, with a warning
// (markdown.Unsupported).
func (s *siteShortcode) Render(c *markdown.Call) (markdown.Output, error) {
	if named, positional := paramKinds(c.Params); named && positional {
		return markdown.Output{}, fmt.Errorf("shortcode %s: named and positional parameters cannot be mixed (as in Hugo); name them all or none", c.Name)
	}
	t := s.t
	var warnings []string
	if s.bind {
		var err error
		if t, err = s.t.Clone(); err != nil {
			return markdown.Output{}, err
		}
		t.Funcs(boundFuncs(c, s.env, t, s.skipped, &warnings))
	}
	var b bytes.Buffer
	if err := t.Execute(&b, newShortcodeData(c, s.cfg, s.env)); err != nil {
		var ef *errorfError
		if s.component != "" && !errors.As(err, &ef) {
			return markdown.Output{}, &markdown.Unsupported{Msg: unsupportedMsg(c.Name, s.component, err), Show: markdown.Output{Markdown: c.Inner}}
		}
		return markdown.Output{}, fmt.Errorf("shortcode %s: %s", c.Name, s.ls.templateError(err, s.file).Error())
	}
	if c.Markdown {
		return markdown.Output{Markdown: b.String(), Warnings: warnings}, nil
	}
	return markdown.Output{HTML: b.String(), Warnings: warnings}, nil
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
	env  *hugoEnv
	Name string
	// Page and Site are the page the call is in and its site.
	Page *shortcodePage
	Site *shortcodeSite
}

func newShortcodeData(c *markdown.Call, cfg *config.Site, env *hugoEnv) *shortcodeData {
	site := newShortcodeSite(c, cfg, env)
	page := newShortcodePage(c, cfg)
	page.Site = site
	return &shortcodeData{c: c, cfg: cfg, env: env, Name: c.Name, Page: page, Site: site}
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
func (d *shortcodeData) Store() scratch { return scratch{m: d.c.Store} }

// Scratch is Store, by its older name.
func (d *shortcodeData) Scratch() scratch { return scratch{m: d.c.Store} }
func (d *shortcodeData) Ordinal() int     { return d.c.Ordinal }
func (d *shortcodeData) Position() string { return d.c.Position() }

// Parent is the call this one is inside, or nil.
func (d *shortcodeData) Parent() *shortcodeData {
	if d.c.Parent == nil {
		return nil
	}
	return newShortcodeData(d.c.Parent, d.cfg, d.env)
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
	cfg                        *config.Site
	Title, LinkTitle           string
	Description                string
	Params                     map[string]any
	Lang                       string
	Language                   shortcodeLang
	Permalink, RelPermalink    string
	Date, Lastmod, PublishDate time.Time
	Kind, Section, Type        string
	IsPage, IsSection, IsHome  bool
	Draft                      bool
	Site                       *shortcodeSite
	File                       *pageFile
	resources                  []site.Resource
}

type shortcodeLang struct{ Lang, LanguageName, LanguageCode, LanguageDirection string }

// shortcodeSite is the site as a call sees it (.Site, .Page.Site, site).
type shortcodeSite struct {
	Title          string
	BaseURL        string
	Params         map[string]any
	Language       shortcodeLang
	LanguageCode   string
	IsMultiLingual bool
	Data           map[string]any
	// Config holds Hugo's privacy and services settings, all off: briefs reads
	// none of them.
	Config hugoSiteConfig
	Home   *pageRef
	store  scratch
}

// Store is the site's store, shared by every page of the site (its language) in one
// build, as Hugo's is (hugoEnv.siteStore).
func (s *shortcodeSite) Store() scratch { return s.store }

// hugoSiteConfig is .Site.Config: Privacy.YouTube.Disable and the like, all zero.
type hugoSiteConfig struct {
	Privacy  struct{ YouTube, Vimeo, X, Twitter, Instagram, Disqus, GoogleAnalytics privacyOpts }
	Services struct {
		Disqus, GoogleAnalytics, RSS struct{ Shortname, ID string }
	}
}

type privacyOpts struct{ Disable, PrivacyEnhanced, EnableDNT, Simple, RespectDoNotTrack bool }

// pageFile is .Page.File.
type pageFile struct {
	Path, Filename, Dir, LogicalName, BaseFileName, ContentBaseName, TranslationBaseName, Ext, Lang string
}

// pageRef is a page another page names (.Page.GetPage), by its URLs.
type pageRef struct{ Permalink, RelPermalink string }

func newShortcodePage(c *markdown.Call, cfg *config.Site) *shortcodePage {
	p := &shortcodePage{c: c, cfg: cfg, Params: c.Page.Params, Lang: c.Page.Lang}
	if l := cfg.Languages[c.Page.Lang]; l != nil {
		p.Language = shortcodeLang{Lang: l.Code, LanguageName: l.Label, LanguageCode: l.Locale}
	}
	if sp, ok := c.Page.Data.(*site.Page); ok {
		// Not its summary or description: a one-shot build knows them before the body
		// is rendered, the dev server after.
		p.Title, p.LinkTitle = sp.Title, sp.Title
		p.Permalink, p.RelPermalink = cfg.AbsURL(sp.Path), cfg.URL(sp.Path)
		p.Date, p.Lastmod, p.PublishDate = sp.Date, sp.Lastmod, sp.PublishDate
		p.Kind = sp.Kind.String()
		p.IsPage, p.IsSection, p.IsHome = p.Kind == "page", p.Kind == "section", p.Kind == "home"
		p.resources = sp.Resources
		if sp.File != nil {
			p.Section = strings.SplitN(sp.File.Section, "/", 2)[0]
			p.Type = p.Section
			name := path.Base(sp.File.Path)
			ext := path.Ext(name)
			p.File = &pageFile{Path: sp.File.Path, Filename: sp.File.Path, Dir: path.Dir(sp.File.Path) + "/", LogicalName: name,
				BaseFileName: strings.TrimSuffix(name, ext), ContentBaseName: strings.TrimSuffix(name, ext),
				TranslationBaseName: strings.SplitN(strings.TrimSuffix(name, ext), ".", 2)[0], Ext: strings.TrimPrefix(ext, "."), Lang: c.Page.Lang}
		}
	}
	return p
}

func newShortcodeSite(c *markdown.Call, cfg *config.Site, env *hugoEnv) *shortcodeSite {
	s := &shortcodeSite{BaseURL: cfg.BaseURL, Params: cfg.Params, IsMultiLingual: len(cfg.Languages) > 1, store: scratch{m: c.Page.Store}}
	if env != nil {
		s.Data = env.data
		s.store = env.siteStore(c.Page.Lang)
	}
	if l := cfg.Languages[c.Page.Lang]; l != nil {
		s.Title = l.Title
		s.Language = shortcodeLang{Lang: l.Code, LanguageName: l.Label, LanguageCode: l.Locale}
		s.LanguageCode = l.Locale
		s.Home = &pageRef{Permalink: cfg.AbsURL(cfg.LangPrefix(l.Code)), RelPermalink: cfg.URL(cfg.LangPrefix(l.Code))}
	}
	return s
}

// GetPage is the page a path names (Hugo's rules for ref), or nil.
func (p *shortcodePage) GetPage(target any) *pageRef {
	if p.c.Page.Ref == nil {
		return nil
	}
	abs, rel, err := p.c.Page.Ref(toString(target), "")
	if err != nil {
		return nil
	}
	return &pageRef{Permalink: abs, RelPermalink: rel}
}

// Resources are the files of the page's bundle.
func (p *shortcodePage) Resources() pageResources { return pageResources{p} }

type pageResources struct{ p *shortcodePage }

// pageResource is a file of the page's bundle.
type pageResource struct{ Name, Title, RelPermalink, Permalink, ResourceType string }

// Get is the bundle's file at name, or nil.
func (r pageResources) Get(name any) any {
	for _, m := range r.Match(name) {
		return m
	}
	return nil
}

// GetMatch is the first file whose name matches a glob, or nil.
func (r pageResources) GetMatch(pattern any) any { return r.Get(pattern) }

// Match are the files whose names match a glob.
func (r pageResources) Match(pattern any) []*pageResource {
	var out []*pageResource
	for _, res := range r.p.resources {
		if globMatch(strings.TrimPrefix(toString(pattern), "./"), res.Name) {
			rel := strings.TrimSuffix(r.p.RelPermalink, "/") + "/" + res.Name
			kind, _, _ := strings.Cut(mime.TypeByExtension(path.Ext(res.Name)), "/")
			out = append(out, &pageResource{Name: res.Name, Title: res.Name, RelPermalink: rel,
				Permalink: strings.TrimSuffix(r.p.Permalink, "/") + "/" + res.Name, ResourceType: kind})
		}
	}
	return out
}

// ByType are the files whose media type is of the kind ("image").
func (r pageResources) ByType(kind any) []*pageResource {
	var out []*pageResource
	for _, m := range r.Match("**") {
		if m.ResourceType == toString(kind) {
			out = append(out, m)
		}
	}
	return out
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
func (p *shortcodePage) Store() scratch { return scratch{m: p.c.Page.Store} }

// Scratch is Store, by its older name.
func (p *shortcodePage) Scratch() scratch { return scratch{m: p.c.Page.Store} }

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

// Site is the page graph the renderer shows.
func (r *Renderer) Site() *site.Site { return r.site }

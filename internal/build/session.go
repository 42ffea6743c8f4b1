package build

import (
	"context"
	"hash/fnv"
	"hash/maphash"
	"html/template"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/feed"
	"github.com/briefs/briefs/internal/images"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/sitemap"
	"github.com/briefs/briefs/internal/theme"
)

// Session is one build of a site. A one-shot session (NewSession, as the build command
// uses) renders each body only when it writes its page and lets it go, so memory stays
// near the size of the content. A live session (inside a Live, as the dev server
// keeps) holds on to what later updates need: rendered bodies and fingerprints.
type Session struct {
	opts   Options
	live   bool // made by NewLive: keep bodies and fingerprints for Live.Update
	cfg    *config.Site
	th     *theme.Theme
	mds    map[string]*markdown.Markdown
	files  map[string]*content.File // by path
	bodies map[string]*body         // rendered Markdown, by file path
	site   *site.Site
	r      *render.Renderer
	imgs   *images.Library    // the images bodies show, and their copies
	prints map[string]uint64  // output file -> fingerprint of what it shows
	owner  map[string]outFile // output file -> the page it comes from
	// statics are the static files, which claim their outputs in every update.
	statics []theme.File

	mu       sync.Mutex // guards bodies during parallel rendering
	sitemaps []string   // sitemap files of the last build
	// sitemapPrint is the sitemap.Fingerprint of the last build's pages.
	sitemapPrint uint64
	// search keeps the search documents of streamed briefs; searchFiles are the
	// search pages and index files of the last build or update.
	search      searchDocs
	searchFiles []string
}

// body is the rendered Markdown of one file, kept while the file's body is unchanged.
type body struct {
	file    *content.File // the file this body was last checked against
	lang    string
	srcHash uint64
	html    template.HTML
	hash    uint64
	summary string
	probs   []markdown.Problem // positions are placed with the file as it is now
	// dynamic: the body runs shortcodes, whose output may change with other pages
	// (a ref's URL, a page's title), so it is rendered again with every new graph.
	dynamic bool
}

// NewSession prepares a one-shot build; nothing is read until Build. To update a site
// after it was built, use NewLive.
func NewSession(opts Options) *Session { return &Session{opts: opts} }

// Build reads the whole site and renders every page into w.
func (s *Session) Build(w render.Writer) (*Result, error) {
	var errs diag.List
	cfg, err := loadConfig(s.opts)
	if err != nil {
		return nil, err
	}
	s.cfg, s.th = cfg, theme.New(s.opts.Site, s.opts.Theme)
	s.imgs = images.New(images.Options{Open: s.staticFile, Cache: s.opts.ImageCache})
	scs, err := render.Shortcodes(s.th, cfg)
	errs.Add(err)
	s.mds = map[string]*markdown.Markdown{}
	for _, code := range cfg.Order {
		l := cfg.Languages[code]
		s.mds[code] = markdown.New(markdown.Options{Lang: code, CJK: l.CJK(), Unsafe: cfg.Markup.Unsafe, Units: cfg.UnitSet, Images: s.imgs, Shortcodes: scs})
	}
	s.files, s.bodies = map[string]*content.File{}, map[string]*body{}
	for _, f := range s.load(cfg, &errs) {
		s.files[f.Path] = f
	}
	st := s.graph(s.files, &errs)
	statics, err := s.th.Files("static")
	if err != nil {
		errs.Add(diag.At("static", 0, 0, "cannot read: %v", err))
	}
	maps := sitemap.Files(st, sitemap.MaxURLs)
	cl := claimOutputs(st, sitemapNames(maps), statics)
	errs.Add(cl.errs...)
	// Layouts run even when content has problems, so that a template error is reported
	// together with them; the caller discards the output of a failed build. Only the
	// first claim of each output is written, so a clash makes no error of its own.
	r, err := render.New(s.th, st)
	errs.Add(err)
	if r != nil {
		s.owner, s.statics = cl.owner, statics
		s.render(r, s.owner, cl.names, w, &errs)
		if ctx := s.opts.context(); ctx.Err() != nil {
			return nil, context.Cause(ctx) // stopped: the one reason, not a failure per page
		}
		s.sitemaps = writeSitemap(maps, w, &errs)
		s.searchFiles = s.writeSearch(r, s.owner, w, &errs)
		s.sitemapPrint = sitemap.Fingerprint(st)
		writeStatic(cl.statics, w, &errs)
		errs.Add(s.imgs.Write(w)...)
	}
	if ctx := s.opts.context(); ctx.Err() != nil {
		return nil, context.Cause(ctx)
	}
	if err := errsOf(&errs); err != nil {
		return nil, err
	}
	s.site, s.r = st, r
	if s.live {
		s.prints = s.fingerprints(r, s.owner)
	}
	for _, w := range r.MissingStrings() {
		errs.Add(w)
	}
	res := &Result{Warnings: errs.Warnings()}
	res.count(st)
	return res, nil
}

// load reads the content files: whole for live sessions, lean for one-shot
// builds, which read each body again when they write its page.
func (s *Session) load(cfg *config.Site, errs *diag.List) []*content.File {
	if s.live {
		return content.Load(s.opts.Site, cfg, errs)
	}
	lead := 0 // as much as markdown.Lead reads for the longest summary
	for _, l := range cfg.Languages {
		lead = max(lead, l.SummaryLength*markdown.LeadFactor)
	}
	return content.LoadLean(s.opts.Site, cfg, errs, lead)
}

// graph builds the page graph from files and fills in every page's body.
func (s *Session) graph(files map[string]*content.File, errs *diag.List) *site.Site {
	list := slices.SortedFunc(maps.Values(files), func(a, b *content.File) int { return strings.Compare(a.Path, b.Path) })
	opts := s.opts.siteOptions()
	opts.Previous = s.site
	st := site.New(s.cfg, list, opts, errs)
	pool.Each(len(st.Pages), func(i int) {
		if p := st.Pages[i]; s.live || p.Kind != site.KindBrief {
			s.fillBody(st, p, errs)
		} else {
			s.fillSummary(p)
		}
	})
	for _, l := range st.Languages {
		if l.TagsPage.Title == "" {
			l.TagsPage.Title = render.String(s.cfg, l.Code, "tags")
		}
	}
	return st
}

// fillSummary gives a brief the summary and description its lists and feeds show,
// from the opening of its body, when its front matter has none.
func (s *Session) fillSummary(p *site.Page) {
	if p.Summary == "" {
		lead := p.File.Lead
		if lead == nil {
			lead = p.File.Body
		}
		p.Summary = s.mds[p.Lang.Code].Summary(lead, p.Lang.SummaryLength)
	}
	// The opening was kept for the summary only; at 100,000 pairs it would hold
	// hundreds of megabytes until the end of the build.
	p.File.Lead = nil
	if p.Description == "" {
		p.Description = p.Summary
	}
}

// streamBrief renders a brief's body, writes its page, and lets the body go: in a
// one-shot build nothing else needs it, and memory then follows the pages still to
// write rather than the whole site.
func (s *Session) streamBrief(r *render.Renderer, p *site.Page, n int, w render.Writer, errs *diag.List) {
	f := p.File
	if err := f.Reload(); err != nil {
		errs.Add(diag.At(f.Path, 1, 1, "%v", err))
		return
	}
	res, _ := s.mds[p.Lang.Code].RenderPage(f.Body, s.mdPage(r.Site(), p), 0)
	addProblems(f, res.Problems, errs)
	p.Content = template.HTML(res.HTML)
	errs.Add(r.Pager(p, n, w))
	s.search.keep(s, p)
	p.Content = ""
	f.Release()
}

// fillBody renders a page's Markdown, or reuses the last rendering of the same body.
func (s *Session) fillBody(st *site.Site, p *site.Page, errs *diag.List) {
	f := p.File
	if f == nil {
		return
	}
	b := s.cachedBody(f.Path)
	if b == nil || b.file != f || b.dynamic {
		// A file read again: render its body unless it is the same text as before.
		h := fnv.New64a()
		h.Write(f.Body)
		if src := h.Sum64(); b == nil || b.srcHash != src || b.lang != p.Lang.Code || b.dynamic {
			b = s.renderBody(st, p, src)
		}
		b.file = f
	}
	addProblems(f, b.probs, errs)
	p.Content, p.ContentHash = b.html, b.hash
	if p.Summary == "" {
		p.Summary = b.summary
	}
	if p.Description == "" {
		p.Description = p.Summary
	}
}

// contentSeed keys pages' ContentHash, which fingerprints compare within one process.
var contentSeed = maphash.MakeSeed()

func (s *Session) renderBody(st *site.Site, p *site.Page, src uint64) *body {
	f := p.File
	// The same opening-only summary as a one-shot build's, so both give the same pages,
	// from the one parse of the body.
	res, summary := s.mds[p.Lang.Code].RenderPage(f.Body, s.mdPage(st, p), p.Lang.SummaryLength)
	b := &body{srcHash: src, lang: p.Lang.Code, html: template.HTML(res.HTML), dynamic: res.Shortcodes}
	b.probs = res.Problems
	b.hash = maphash.String(contentSeed, res.HTML)
	b.summary = summary
	s.storeBody(f.Path, b)
	return b
}

// render writes the named outputs on all cores, then the root page.
func (s *Session) render(r *render.Renderer, owner map[string]outFile, names []string, w render.Writer, errs *diag.List) {
	ctx := s.opts.context()
	pool.Each(len(names), func(i int) {
		if ctx.Err() != nil {
			return // stopped: the rest is skipped, not rendered
		}
		o := owner[names[i]]
		switch {
		case o.kind == outAlias:
			errs.Add(r.Alias(o.page, o.alias, w))
		case o.kind == outFeed:
			errs.Add(w.WriteFile(names[i], feed.Render(s.cfg, o.page, r.Heading(o.page))))
		case !s.live && o.page.Kind == site.KindBrief:
			s.streamBrief(r, o.page, o.n, w, errs)
		default:
			errs.Add(r.Pager(o.page, o.n, w))
		}
	})
	if ctx.Err() == nil {
		errs.Add(r.Root(w), r.NotFound(w))
	}
}

// writeSitemap writes the sitemap and robots.txt, which list every page, and returns
// the names of the files it wrote.
func writeSitemap(files []sitemap.File, w render.Writer, errs *diag.List) []string {
	for _, f := range files {
		errs.Add(w.WriteFile(f.Name, f.Data))
	}
	return sitemapNames(files)
}

func (s *Session) cachedBody(path string) *body {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.bodies[path]
}

func (s *Session) storeBody(path string, b *body) {
	s.mu.Lock()
	s.bodies[path] = b
	s.mu.Unlock()
}

// fingerprints computes the fingerprint of every output, on all cores.
func (s *Session) fingerprints(r *render.Renderer, owner map[string]outFile) map[string]uint64 {
	names := slices.Collect(maps.Keys(owner))
	values := make([]uint64, len(names))
	pool.Each(len(names), func(i int) { values[i] = s.fingerprint(r, owner[names[i]]) })
	prints := make(map[string]uint64, len(names))
	for i, name := range names {
		prints[name] = values[i]
	}
	return prints
}

func (s *Session) fingerprint(r *render.Renderer, o outFile) uint64 {
	switch o.kind {
	case outFeed:
		return r.FeedFingerprint(o.page)
	case outAlias: // a redirect shows where it goes, and the page's title and locale
		type shows struct{ path, title, locale string }
		return maphash.Comparable(contentSeed, shows{o.page.Path, o.page.Title, o.page.Lang.Locale})
	}
	return r.Fingerprint(o.page, o.n)
}

// staticFile reads the file at name below static/, the site's or the theme's.
func (s *Session) staticFile(name string) ([]byte, error) {
	f, ok := s.th.Lookup("static", name)
	if !ok {
		return nil, fs.ErrNotExist
	}
	return f.Read()
}

// writeStatic copies the static files that claimed their outputs.
func writeStatic(statics []theme.File, w render.Writer, errs *diag.List) {
	for _, f := range statics {
		data, err := f.Read()
		if err != nil {
			errs.Add(diag.At(f.Path, 0, 0, "cannot read: %v", err))
			continue
		}
		errs.Add(w.WriteFile(f.Name, data))
	}
}

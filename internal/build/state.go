package build

import (
	"context"
	"io/fs"
	"maps"
	"runtime/trace"
	"slices"
	"strings"
	"sync/atomic"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/images"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/sitemap"
	"github.com/briefs/briefs/internal/theme"
)

// env is what every version of a site shares while its site.toml, layouts and static
// files stay the same: a full build makes it, content updates keep it.
type env struct {
	opts Options
	// mode is what a one-shot build and a live session do differently.
	mode mode
	cfg  *config.Site
	th   *theme.Theme
	mds  map[string]*markdown.Markdown // by language code
	// scs are the site's shortcodes and its Hugo themes'; the assets they used are
	// published after the pages (writeAssets).
	scs  *render.ShortcodeSet
	imgs *images.Library // the images bodies show, and their copies
	// searchTok reads briefs for the search index; one for every state, so that
	// search.Update can patch the last state's index.
	searchTok *search.Tokenizer
	// allStatics are the static files, the site's and the theme's, which claim
	// their outputs in every state.
	allStatics []theme.File
	// resources are the files of page bundles, by the output name they are copied
	// to ("posts/trip/map.png" from content/posts/trip/map.png), so that a body's
	// relative image finds its file as static/ images are found. Each new page
	// graph stores its own map before its bodies are rendered.
	resources atomic.Pointer[map[string]string]
}

// newEnv reads site.toml and the static files' names.
func newEnv(opts Options, m mode, errs *diag.List) (*env, error) {
	cfg, err := loadConfig(opts)
	if err != nil {
		return nil, err
	}
	for _, w := range cfg.Warnings {
		errs.Add(w)
	}
	comps, warnings, err := theme.Find(theme.Where{Site: opts.Site, Dir: opts.Dir, ThemesDir: opts.ThemesDir}, cfg)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		errs.Add(w)
	}
	e := &env{opts: opts, mode: m, cfg: cfg, th: theme.New(opts.Site, opts.Theme).WithComponents(comps)}
	e.searchTok = search.NewTokenizer(cfg.UnitSet.Words())
	e.imgs = images.New(images.Options{Open: e.staticFile, Cache: opts.ImageCache})
	e.scs, err = render.LoadShortcodes(e.th, cfg)
	errs.Add(err)
	e.mds = markdown.ForSite(cfg, e.imgs, opts.Site, e.scs.Map, e.scs.Inline)
	e.allStatics, err = e.th.Files("static")
	if err != nil {
		errs.Add(diag.At("static", 0, 0, "cannot read: %v", err))
	}
	return e, nil
}

// staticFile reads the file at name below static/, the site's or the theme's, or a
// page bundle's file copied to name.
func (e *env) staticFile(name string) ([]byte, error) {
	if res := e.resources.Load(); res != nil {
		if src, ok := (*res)[name]; ok {
			return fs.ReadFile(e.opts.Site, src)
		}
	}
	f, ok := e.th.Lookup("static", name)
	if !ok {
		return nil, fs.ErrNotExist
	}
	return f.Read()
}

// state is one version of a built site: its content files, page graph, bodies and
// outputs. newState makes it from the files and the previous state, and the build
// (buildState or update) that renders it completes it before returning
// it; nothing changes it after. The dev server's Live swaps one state for the next
// whole, so a failed update leaves the last good one as it was.
type state struct {
	*env
	files  map[string]*content.File // by path
	bodies *bodies                  // every body the graph was given (see bodies.put)
	site   *site.Site
	r      *render.Renderer
	owner  map[string]outFile // page, feed and alias output -> what it renders
	names  []string           // owner's keys, in claim order
	// byPage lists, by page place (site.Page.At), the places in names of the
	// page's outputs, in claim order (its pagers in order first): an edit finds
	// the outputs of the pages it changed without a look at every output.
	byPage [][]int
	// statics are the static files that claimed their outputs.
	statics  []theme.File
	sitemaps sitemaps
	// edit is how the graph was made from the previous state's, and changed, after
	// an edit to front matter (editFront), the pages whose fields or lists differ;
	// after an edit to bodies (editBodies), the briefs whose bodies were edited.
	edit    editKind
	changed []*site.Page
	// places are the places (site.Page.At) of the pages made from content files, by
	// the file's path (live states only), which a copy of the graph keeps: an edit
	// finds the pages of the files it changed without a look at every page.
	places map[string]int
	// prints are the fingerprints of owner's outputs in names order (live states
	// only), and search the search files and index, set when the state is rendered
	// (from the previous state's index, which stays as it was).
	prints []uint64
	search searchState
	// ahead are the bodies a one-shot build rendered while it claimed the outputs.
	ahead *ahead
}

// editKind is how a state's graph was made from the previous state's.
type editKind int

const (
	editGraph  editKind = iota // built anew (site.New), lending bodies and related briefs
	editBodies                 // copied with the edited briefs' new bodies (site.Site.WithBodies)
	editFront                  // copied with the edited briefs' new front matter (site.Site.WithFront)
)

// sitemaps are the names of a state's sitemap files and the fingerprint of the pages
// they list.
type sitemaps struct {
	names []string
	print uint64
}

// newState builds the page graph of files and claims its outputs; prev, the last good
// state (nil for none), lends the bodies whose text did not change and the related
// briefs when no tags changed. When the edits allow it (edit: see state.editOf), it
// copies prev's graph into spare's memory instead, with the edited briefs' new bodies
// (rebody) or front matter (refront), and takes prev's claims, which hold for the
// copy as it keeps every page at its place; a front matter edit the copy cannot take
// builds the graph anew. The sitemap files it returns are those to write: all of them
// when prev is nil or the pages they list changed, else none; they are written on a
// goroutine of their own (see sitemapJob).
func newState(e *env, files map[string]*content.File, prev *state, edit editKind, pending map[string]bool, spare *site.Site, errs *diag.List) (*state, *sitemapJob) {
	st := &state{env: e, files: files, bodies: &bodies{m: map[string]*body{}}, edit: edit}
	switch edit {
	case editBodies:
		st.site = st.rebody(prev, prev.editedPages(pending), spare, errs)
	case editFront:
		st.site, st.changed = st.refront(prev, prev.editedPages(pending), spare, errs)
		if st.site == nil {
			st.edit, st.bodies = editGraph, &bodies{m: map[string]*body{}}
			st.site = st.graph(prev, errs)
		}
	default:
		reg := trace.StartRegion(e.opts.context(), "page graph")
		st.site = st.graph(prev, errs)
		reg.End()
		defer e.mode.ahead(st)()
	}
	defer trace.StartRegion(e.opts.context(), "claims").End()
	_, live := e.mode.(kept)
	if live { // a one-shot build has no next state to compare its sitemap with
		st.sitemaps.print = st.sitemapPrint(prev)
	}
	if live && st.edit == editGraph {
		st.places = placesOf(st.site)
	} else if live {
		st.places = prev.places
	}
	var maps *sitemapJob
	if prev == nil || prev.sitemaps.print != st.sitemaps.print {
		st.sitemaps.names = sitemap.Names(st.site, sitemap.MaxURLs)
		maps = startSitemap(e.opts.context(), st.site)
	} else {
		st.sitemaps.names = prev.sitemaps.names
	}
	if st.edit != editGraph {
		st.owner, st.names, st.byPage, st.statics = prev.owner, prev.names, prev.byPage, prev.statics
		return st, maps
	}
	cl := claimOutputs(st.site, st.sitemaps.names, e.allStatics, e.cfg.SearchOn())
	errs.Add(cl.errs...)
	errs.Add(cl.warnings...)
	st.owner, st.names, st.byPage, st.statics = cl.owner, cl.names, cl.byPage, cl.statics
	return st, maps
}

// sitemapJob is a state's sitemap files being made in memory on a goroutine of
// their own. Nothing needs their bytes before the pages are written, and made
// before the claims they took a core for 20 ms at 2,000 pairs while the other had
// nothing to do; now they are made while the pages are claimed and rendered.
type sitemapJob struct {
	done  chan struct{}
	files []sitemap.File
}

// startSitemap starts making the sitemap files of graph s, which nothing changes
// while they are made.
func startSitemap(ctx context.Context, s *site.Site) *sitemapJob {
	j := &sitemapJob{done: make(chan struct{})}
	go func() {
		defer close(j.done)
		defer trace.StartRegion(ctx, "sitemap").End()
		j.files = sitemap.Files(s, sitemap.MaxURLs)
	}()
	return j
}

// wait returns the sitemap files once made; none for a nil job.
func (j *sitemapJob) wait() []sitemap.File {
	if j == nil {
		return nil
	}
	<-j.done
	return j.files
}

// sitemapPrint is the fingerprint of what st's sitemap shows (sitemap.Fingerprint),
// or prev's when st's graph is a copy of prev's whose edit left that as it was: no
// page the edit changed (st.changed; only those can differ) has another date, last
// change or number of pagers, and none moved in the order of the site's pages.
// Hashing every page's address and dates took a tenth of a title edit at 10,000 pairs.
func (st *state) sitemapPrint(prev *state) uint64 {
	if prev == nil || st.edit == editGraph || !sitemapKept(prev.site, st.site, st.changed) {
		return sitemap.Fingerprint(st.site)
	}
	return prev.sitemaps.print
}

// sitemapKept reports whether the pages changed, of next, a copy of s, show the
// sitemap what their places in s showed.
func sitemapKept(s, next *site.Site, changed []*site.Page) bool {
	sameTime := func(a, b time.Time) bool { return a.Equal(b) && a.Location() == b.Location() }
	for _, p := range changed {
		old := s.Page(p.At())
		if !sameTime(old.Date, p.Date) || !sameTime(old.Lastmod, p.Lastmod) || s.Pagers(old) != next.Pagers(p) ||
			slices.Index(s.Pages, old) != slices.Index(next.Pages, p) {
			return false
		}
	}
	return true
}

// graph builds st's page graph from its files; prev (nil for none) lends its bodies
// and related briefs.
func (st *state) graph(prev *state, errs *diag.List) *site.Site {
	e := st.env
	list := slices.SortedFunc(maps.Values(st.files), func(a, b *content.File) int { return strings.Compare(a.Path, b.Path) })
	opts := e.opts.siteOptions()
	opts.Body = func(s *site.Site, p *site.Page) site.Body { return st.body(s, p, prev, false, errs) }
	opts.Placed = func(s *site.Site) {
		res := s.ResourceFiles()
		e.resources.Store(&res)
	}
	opts.TaxonomyTitle = func(code, plural string) string { return render.TaxonomyTitle(e.cfg, code, plural) }
	if prev != nil {
		opts.Previous = prev.site
	}
	return site.New(e.cfg, list, opts, errs)
}

// rebody makes st's graph after edits to bodies only: prev's graph with the edited
// files' pages given their new bodies (site.Site.WithBodies), made in the memory of
// spare (a graph no state reads any more; nil for none), which costs far less than
// building it anew; every other body is prev's.
func (st *state) rebody(prev *state, pages []*site.Page, spare *site.Site, errs *diag.List) *site.Site {
	st.bodies = prev.bodies.layer()
	edited := map[*content.File]site.Body{}
	var places []int
	for _, p := range pages {
		if st.files[p.File.Path] == p.File {
			continue
		}
		q := *p // the page as the file now reads, to render its body
		q.File = st.files[p.File.Path]
		edited[q.File] = st.body(prev.site, &q, prev, true, errs) // the same addresses: refs find their pages in prev's graph
		places = append(places, p.At())
	}
	s := prev.site.WithBodies(edited, spare)
	for _, at := range places {
		st.changed = append(st.changed, s.Page(at))
	}
	res := s.ResourceFiles()
	st.resources.Store(&res)
	return s
}

// refront makes st's graph after edits to the front matter of briefs only (see
// state.editOf): prev's graph copied with the edited briefs' new files
// (site.Site.WithFront), made in the memory of spare; nil when the copy cannot take
// the edits. Their bodies, the same text, are prev's. changed are the pages that differ.
func (st *state) refront(prev *state, pages []*site.Page, spare *site.Site, errs *diag.List) (*site.Site, []*site.Page) {
	st.bodies = prev.bodies.layer()
	var edits []site.Edit
	for _, p := range pages {
		if st.files[p.File.Path] == p.File {
			continue
		}
		q := *p
		q.File = st.files[p.File.Path]
		edits = append(edits, site.Edit{Old: p.File, New: q.File, Body: st.body(prev.site, &q, prev, true, errs)})
	}
	s, changed := prev.site.WithFront(edits, spare)
	if s == nil {
		return nil, nil
	}
	res := s.ResourceFiles()
	st.resources.Store(&res)
	return s, changed
}

// outputsOf lists the places in names of the outputs of the page at place at.
func (st *state) outputsOf(at int) []int {
	if at < 0 || at >= len(st.byPage) {
		return nil
	}
	return st.byPage[at]
}

// placesOf maps the path of each content file of s that made a page to the page's place.
func placesOf(s *site.Site) map[string]int {
	places := make(map[string]int, len(s.Pages))
	for _, p := range s.Pages {
		if p.File != nil {
			places[p.File.Path] = p.At()
		}
	}
	return places
}

// editedPages lists the pages of st's graph made from the files at paths, by place.
func (st *state) editedPages(paths map[string]bool) []*site.Page {
	var pages []*site.Page
	if st.places == nil { // not a live state: every page is looked at
		for _, p := range st.site.Pages {
			if p.File != nil && paths[p.File.Path] {
				pages = append(pages, p)
			}
		}
		return pages
	}
	for path := range paths {
		if at, ok := st.places[path]; ok {
			pages = append(pages, st.site.Page(at))
		}
	}
	slices.SortFunc(pages, func(a, b *site.Page) int { return a.At() - b.At() })
	return pages
}

// page is the page that writes output o.
func (st *state) page(o outFile) *site.Page { return st.site.Page(o.at) }

// body gives page p of the graph s its body, as the mode does: a live state renders
// it, or takes it from prev when the text is the same (and, for a body that runs
// shortcodes, the graph too: sameGraph); a one-shot build renders a brief's body only
// when it writes the page (streamBrief), and here only cuts its summary from the opening.
func (st *state) body(s *site.Site, p *site.Page, prev *state, sameGraph bool, errs *diag.List) site.Body {
	return st.mode.body(st, s, p, prev, sameGraph, errs)
}

// readWhenWritten reports whether a one-shot build reads p's body only when it writes
// the page (streamBrief): a brief, or a content page that is a search page, whose
// file a lean load (content.LoadLean) let go of, as of every file but _index files.
func readWhenWritten(p *site.Page) bool {
	return p.Kind == site.KindBrief || p.Kind == site.KindSearch && p.File != nil
}

// leadSummary is the summary of a brief whose body a one-shot build has not read
// whole: it is cut from the opening kept for it, which is then let go (at 100,000
// pairs it would hold hundreds of megabytes until the end of the build).
func leadSummary(md *markdown.Markdown, p *site.Page) string {
	if p.Summary != "" {
		p.File.Lead = nil
		return ""
	}
	lead := p.File.Lead
	if lead == nil {
		lead = p.File.Body
	}
	p.File.Lead = nil
	return summaryOf(md, p.File, lead, p.Lang.SummaryLength, p.Lang.CJK())
}

// gone lists the files of st that content edits can add or remove (pages, feeds,
// aliases, sitemaps and search files) and that next no longer has: a deleted page, a
// sitemap part a smaller site needs no more, an index file named by its content. The
// pages come first, sorted, and the search index's files last, in its order.
func (st *state) gone(next *state) []string {
	has := func(name string) bool {
		_, ok := next.owner[name]
		return ok || slices.Contains(next.sitemaps.names, name)
	}
	var names []string
	if !sameList(st.names, next.names) { // the same claims have the same outputs
		search := map[string]bool{}
		for _, name := range next.search.all() {
			search[name] = true
		}
		for name := range st.owner {
			if !has(name) && !search[name] {
				names = append(names, name)
			}
		}
		slices.Sort(names)
	}
	for _, name := range st.sitemaps.names {
		if !has(name) && !next.search.has(name) {
			names = append(names, name)
		}
	}
	for _, name := range st.search.leftIn(next.search) {
		if !has(name) {
			names = append(names, name)
		}
	}
	return names
}

// sameList reports whether a and b are the same list (not only equal): a state that
// takes its previous state's claims shares its names.
func sameList[T any](a, b []T) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

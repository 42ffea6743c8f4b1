package build

import (
	"context"
	"hash/maphash"
	"html/template"
	"io/fs"
	"runtime/trace"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/feed"
	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/sitemap"
	"github.com/briefs/briefs/internal/theme"
)

// Session is a one-shot build of a site, as the build command runs it: it renders
// each brief's body only when it writes the brief's page and lets it go, so memory
// stays near the size of the content. To update a site after it was built, use Live.
type Session struct{ opts Options }

// NewSession prepares a one-shot build; nothing is read until Build.
func NewSession(opts Options) *Session { return &Session{opts: opts} }

// Build reads the whole site and renders every page into w.
func (s *Session) Build(w render.Writer) (*Result, error) {
	_, res, err := buildState(s.opts, oneShot{}, w)
	return res, err
}

// buildState reads the whole site and renders every output into w: the one state of
// a one-shot build, or a state of a live session (kept) when a file outside content/
// changed.
func buildState(opts Options, m mode, w render.Writer) (*state, *Result, error) {
	var errs diag.List
	ctx := opts.context()
	reg := trace.StartRegion(ctx, "config and theme")
	e, err := newEnv(opts, m, &errs)
	reg.End()
	if err != nil {
		return nil, nil, err
	}
	files := map[string]*content.File{}
	opts.progress().Stage(StageRead, 0)
	layouts := parseLayouts(ctx, e)
	reg = trace.StartRegion(ctx, "read content")
	for _, f := range m.load(e, &errs) {
		files[f.Path] = f
	}
	reg.End()
	st, maps := newState(e, files, nil, editGraph, nil, nil, &errs)
	defer maps.wait() // a failed build leaves nothing running that reads its graph
	// Layouts run even when content has problems, so that a template error is reported
	// together with them; the caller discards the output of a failed build. Only the
	// first claim of each output is written, so a clash makes no error of its own.
	l, err := layouts()
	errs.Add(err)
	if l != nil {
		st.r = l.For(st.site)
		st.writeAll(maps, w, &errs)
	}
	if ctx.Err() != nil {
		return nil, nil, context.Cause(ctx) // stopped: the one reason, not a failure per page
	}
	if err := errsOf(&errs); err != nil {
		return nil, nil, err
	}
	m.done(st)
	for _, w := range st.r.MissingStrings() {
		errs.Add(w)
	}
	res := &Result{Warnings: groupUnknown(errs.Warnings())}
	res.count(st.site)
	return st, res, nil
}

// parseLayouts parses e's layouts on a goroutine of its own and returns what waits
// for them. Parsing needs only the configuration, not the page graph, so it runs while
// the content is read (on all cores, but waiting on the disk too) instead of on one
// core after the graph and the claims, which were the build's longest stretch on one core.
func parseLayouts(ctx context.Context, e *env) func() (*render.Layouts, error) {
	var l *render.Layouts
	var err error
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer trace.StartRegion(ctx, "layouts").End()
		l, err = render.Parse(e.th, e.cfg)
	}()
	return func() (*render.Layouts, error) {
		<-done
		return l, err
	}
}

// writeAll writes every output of a state: pages, sitemaps (maps), search files,
// static files and image copies.
func (st *state) writeAll(maps *sitemapJob, w render.Writer, errs *diag.List) {
	var streamed streamedPages
	ctx := st.opts.context()
	if f, ok := w.(folderMaker); ok {
		f.MakeFolders(st.names)
	}
	reg := trace.StartRegion(ctx, "render")
	st.render(st.names, w, errs, &streamed)
	reg.End()
	if ctx.Err() != nil {
		return
	}
	st.opts.progress().Stage(StageFinish, 0)
	defer trace.StartRegion(ctx, "finish").End()
	st.finish(nil, maps, w, errs, &streamed)
	writeStatic(st.statics, w, errs)
	st.writeAssets(w, errs)
}

// folderMaker is a Writer that can make the folders of files before they are
// written (output.Queue), so that waiting for the disk to make a folder does not
// hold up the pages behind it.
type folderMaker interface{ MakeFolders(names []string) }

// finish writes what a state shows of all its pages after they are rendered: the
// sitemaps to write (maps), the image copies the bodies show, and the search files,
// whose index it makes from prev's (nil: made whole) and keeps in st.search.
// streamed holds the briefs a one-shot build read for the index as it wrote them.
func (st *state) finish(prev *state, maps *sitemapJob, w render.Writer, errs *diag.List, streamed *streamedPages) {
	writeSitemap(maps.wait(), w, errs)
	errs.Add(st.imgs.Write(w)...)
	st.search = st.writeSearch(prev, w, errs, streamed)
}

// render writes the named outputs on all cores, then the root page. streamed keeps
// the search pages of the briefs it streams.
func (st *state) render(names []string, w render.Writer, errs *diag.List, streamed *streamedPages) {
	ctx, prog := st.opts.context(), st.opts.progress()
	prog.Stage(StageRender, len(names))
	pool.Each(len(names), func(i int) {
		if ctx.Err() != nil {
			return // stopped: the rest is skipped, not rendered
		}
		defer prog.Step()
		o := st.owner[names[i]]
		p := st.page(o)
		switch {
		case o.kind == outAlias:
			errs.Add(st.r.Alias(p, o.alias, w))
		case o.kind == outFeed:
			errs.Add(w.WriteFile(names[i], feed.Render(st.cfg, p, st.r.Heading(p))))
		case o.kind == outResource:
			data, err := fs.ReadFile(st.opts.Site, o.src)
			if err != nil {
				errs.Add(diag.At(o.src, 0, 0, "cannot read: %v", err))
				return
			}
			errs.Add(w.WriteFile(names[i], data))
		default:
			st.mode.write(st, p, o.n, w, errs, streamed)
		}
	})
	if ctx.Err() == nil {
		errs.Add(st.r.Root(w), st.r.NotFound(w))
	}
}

// streamBrief renders a brief's body, writes its page, and lets the body go: in a
// one-shot build nothing else needs it, and memory then follows the pages still to
// write rather than the whole site. The page written is a copy of p with its body
// (site.Page.WithContent); p stays as the graph made it. A body rendered ahead (see
// ahead) is taken as it is.
func (st *state) streamBrief(p *site.Page, n int, w render.Writer, errs *diag.List, streamed *streamedPages) {
	html, ok := st.ahead.take(p, errs)
	if !ok {
		var err error
		if html, err = st.briefBody(p, errs); err != nil {
			errs.Add(diag.At(p.File.Path, 1, 1, "%v", err))
			return
		}
	}
	shown := p.WithContent(template.HTML(html), 0)
	errs.Add(st.r.Pager(shown, n, w))
	streamed.keep(st.env, p, shown)
	p.File.Release()
}

// briefBody reads the body of brief p again and renders it, its problems going to
// errs; the error says why it could not be read.
func (st *state) briefBody(p *site.Page, errs *diag.List) (string, error) {
	f := p.File
	if err := f.Reload(); err != nil {
		return "", err
	}
	res, _ := renderFile(st.mds[p.Lang.Code], f, st.mdPage(st.site, p), 0, p.Lang.CJK())
	placeProblems(f, res.Problems, res.Elsewhere, errs)
	return res.HTML, nil
}

// writeSitemap writes the sitemap and robots.txt, which list every page.
func writeSitemap(files []sitemap.File, w render.Writer, errs *diag.List) {
	for _, f := range files {
		errs.Add(w.WriteFile(f.Name, f.Data))
	}
}

// fingerprints computes the fingerprints of all st's outputs, in names order, on all cores.
func (st *state) fingerprints() []uint64 {
	prints := make([]uint64, len(st.names))
	pool.Each(len(st.names), func(i int) { prints[i] = st.fingerprint(st.owner[st.names[i]]) })
	return prints
}

func (st *state) fingerprint(o outFile) uint64 {
	p := st.page(o)
	switch o.kind {
	case outFeed:
		return st.r.FeedFingerprint(p)
	case outAlias: // a redirect shows where it goes, and the page's title and locale
		type shows struct{ path, title, locale string }
		return maphash.Comparable(contentSeed, shows{p.Path, p.Title, p.Lang.Locale})
	case outResource: // a file shows its bytes
		data, _ := fs.ReadFile(st.opts.Site, o.src)
		return maphash.Bytes(contentSeed, data)
	}
	return st.r.Fingerprint(p, o.n)
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

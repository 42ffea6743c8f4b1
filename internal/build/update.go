package build

import (
	"bytes"
	"errors"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/sitemap"
)

// Change is what an update did to the output.
type Change struct {
	// Written and Removed are the output files that changed, sorted.
	Written, Removed []string
	// Full is true when the whole site was rebuilt (site.toml, layouts or static changed).
	Full bool

	sitemaps     []string // the sitemap files after this update
	sitemapPrint uint64   // and the fingerprint of their pages
}

// Live is a site kept built for as long as the dev server runs, so that later changes
// re-render only what they touch. It is its own type, not a flag on Session, because
// updating needs what only a live session keeps (every rendered body, every output's
// fingerprint): a one-shot build has no Update to call.
type Live struct {
	s *Session // the last good build, replaced whole by a full rebuild
	// pending are the paths changed since the last good build: a failed update keeps
	// them, so that the next one retries them.
	pending map[string]bool
}

// NewLive prepares a live session; nothing is read until Build or Update.
func NewLive(opts Options) *Live { return &Live{s: newLiveSession(opts)} }

func newLiveSession(opts Options) *Session { return &Session{opts: opts, live: true} }

// Build reads the whole site and renders every page into w.
func (l *Live) Build(w render.Writer) (*Result, error) { return l.s.Build(w) }

// Update applies changes to the site files at paths (slash-separated, relative to the
// site folder; created, edited or deleted) and brings out up to date. It re-renders
// only the pages whose fingerprint changed. On failure out and the session keep the
// last good build, and the paths are retried with the next update. Before the first
// good build, Update builds the whole site.
func (l *Live) Update(paths []string, out *output.Memory) (*Change, error) {
	if l.pending == nil {
		l.pending = map[string]bool{}
	}
	for _, p := range paths {
		l.pending[p] = true
	}
	var ch *Change
	var err error
	if l.s.site == nil || needsFull(l.pending) {
		var fresh *Session
		if fresh, ch, err = rebuild(l.s.opts, out); err == nil {
			l.s = fresh
		}
	} else {
		ch, err = l.s.updateContent(l.pending, out)
	}
	if err == nil {
		l.pending = nil
	}
	return ch, err
}

// needsFull reports whether a pending change is outside the content files.
func needsFull(pending map[string]bool) bool {
	for p := range pending {
		if !strings.HasPrefix(p, content.Dir+"/") {
			return true
		}
	}
	return false
}

// rebuild builds the site anew in a live session, writes what differs from out, and
// returns the session, which replaces the last one whole.
func rebuild(opts Options, out *output.Memory) (*Session, *Change, error) {
	fresh := newLiveSession(opts)
	tmp := output.NewMemory()
	if _, err := fresh.Build(tmp); err != nil {
		return nil, nil, err
	}
	ch := &Change{Full: true}
	for _, name := range tmp.Names() {
		data, _ := tmp.Get(name)
		if old, ok := out.Get(name); !ok || !bytes.Equal(old, data) {
			ch.Written = append(ch.Written, name)
			out.WriteFile(name, data)
		}
	}
	for _, name := range out.Names() {
		if _, ok := tmp.Get(name); !ok {
			ch.Removed = append(ch.Removed, name)
			out.Remove(name)
		}
	}
	return fresh, ch, nil
}

// reread loads the pending content files as they are now on disk.
func (s *Session) reread(pending map[string]bool) (map[string]*content.File, error) {
	var errs diag.List
	files := maps.Clone(s.files)
	for _, p := range slices.Sorted(maps.Keys(pending)) {
		info, err := fs.Stat(s.opts.Site, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// A deleted file, or a deleted or renamed folder and everything in it.
			maps.DeleteFunc(files, func(name string, _ *content.File) bool {
				return name == p || strings.HasPrefix(name, p+"/")
			})
		case err == nil && info.IsDir():
			// A folder moved in: read what it holds.
			for _, f := range content.LoadDir(s.opts.Site, p, s.cfg, &errs) {
				files[f.Path] = f
			}
		case path.Ext(p) == ".md":
			delete(files, p) // unless it reads well (a link, say, is skipped)
			if f := content.Read(s.opts.Site, p, s.cfg, &errs); f != nil {
				files[p] = f
			}
		}
	}
	return files, errs.Err()
}

// updateContent handles edits to the pending content files only.
func (s *Session) updateContent(pending map[string]bool, out *output.Memory) (*Change, error) {
	files, err := s.reread(pending)
	if err != nil {
		return nil, err
	}
	if pages, ok := s.bodyOnly(pending, files); ok {
		return s.updateBodies(pages, files, out)
	}
	var errs diag.List
	st := s.graph(files, &errs)
	var maps []sitemap.File // nil when the sitemap is unchanged
	names, fp := s.sitemaps, sitemap.Fingerprint(st)
	if fp != s.sitemapPrint {
		maps = sitemap.Files(st, sitemap.MaxURLs)
		names = sitemapNames(maps)
	}
	cl := claimOutputs(st, names, s.statics)
	errs.Add(cl.errs...)
	if err := errsOf(&errs); err != nil {
		return nil, err
	}
	r := s.r.ForSite(st)
	owner := cl.owner
	prints := s.fingerprints(r, owner)
	var dirty []string
	for _, name := range cl.names {
		if old, ok := s.prints[name]; !ok || old != prints[name] {
			dirty = append(dirty, name)
		}
	}
	ch, err := s.commit(r, owner, dirty, out, maps, fp)
	if err != nil {
		return nil, err
	}
	for name := range s.owner {
		if _, ok := owner[name]; !ok {
			out.Remove(name)
			ch.Removed = append(ch.Removed, name)
		}
	}
	for _, name := range s.sitemaps {
		if !slices.Contains(ch.sitemaps, name) {
			out.Remove(name) // a smaller site needs fewer sitemap parts
			ch.Removed = append(ch.Removed, name)
		}
	}
	slices.Sort(ch.Removed)
	for name := range s.bodies {
		if files[name] == nil {
			delete(s.bodies, name) // deleted or renamed files
		}
	}
	s.files, s.site, s.r, s.owner, s.prints, s.sitemaps = files, st, r, owner, prints, ch.sitemaps
	s.sitemapPrint = ch.sitemapPrint
	return ch, nil
}

// commit renders dirty outputs into a staging area and, when all succeed, into out.
// The sitemap files maps, when not nil, are written too; fp is their fingerprint.
func (s *Session) commit(r *render.Renderer, owner map[string]outFile, dirty []string, out *output.Memory, maps []sitemap.File, fp uint64) (*Change, error) {
	var errs diag.List
	stage := output.NewMemory()
	s.render(r, owner, dirty, stage, &errs)
	sitemaps := s.sitemaps
	if maps != nil {
		sitemaps = writeSitemap(maps, stage, &errs)
	}
	errs.Add(s.imgs.Write(stage)...)                     // the copies of images an edited body now shows
	searchFiles := s.writeSearch(r, owner, stage, &errs) // the whole index, for now
	if err := errsOf(&errs); err != nil {
		return nil, err
	}
	ch := &Change{sitemaps: sitemaps, sitemapPrint: fp}
	for _, name := range stage.Names() {
		data, _ := stage.Get(name)
		if old, ok := out.Get(name); ok && bytes.Equal(old, data) {
			continue
		}
		out.WriteFile(name, data)
		ch.Written = append(ch.Written, name)
	}
	for _, name := range s.searchFiles {
		if !slices.Contains(searchFiles, name) {
			out.Remove(name) // index files are named by their content
			ch.Removed = append(ch.Removed, name)
		}
	}
	slices.Sort(ch.Removed)
	s.searchFiles = searchFiles
	return ch, nil
}

// bodyOnly reports whether every pending change only edits the body of a file that
// stays in the site with the same front matter; then the page graph is unchanged.
func (s *Session) bodyOnly(pending map[string]bool, files map[string]*content.File) ([]*site.Page, bool) {
	var pages []*site.Page
	for p := range pending {
		old, cur := s.files[p], files[p]
		if old == nil || cur == nil || !reflect.DeepEqual(old.Front, cur.Front) || s.hasStampedTranslation(cur) {
			return nil, false
		}
		for _, pg := range s.site.Pages {
			if pg.File == old {
				pages = append(pages, pg)
			}
		}
	}
	return pages, true
}

// hasStampedTranslation reports whether f is an original whose translations record
// the version they translate: editing its body can make them outdated, which changes
// their pages, so the graph must be rebuilt.
func (s *Session) hasStampedTranslation(f *content.File) bool {
	if f.Lang != s.cfg.DefaultLanguage {
		return false
	}
	key := f.TranslationGroup()
	for _, g := range content.Groups(s.cfg, slices.Collect(maps.Values(s.files))) {
		if g.Key == key {
			return slices.ContainsFunc(g.Files, func(t *content.File) bool { return t.Lang != f.Lang && t.Front.TranslationOf != "" })
		}
	}
	return false
}

// updateBodies re-renders edited bodies in place, and the pages that show them.
func (s *Session) updateBodies(pages []*site.Page, files map[string]*content.File, out *output.Memory) (*Change, error) {
	type saved struct {
		file                 *content.File
		summary, description string
		contentHash          uint64
		content              template.HTML
	}
	backup := make([]saved, len(pages))
	var errs diag.List
	for i, p := range pages {
		backup[i] = saved{p.File, p.Summary, p.Description, p.ContentHash, p.Content}
		p.File = files[p.File.Path]
		p.Summary, p.Description = p.File.Front.Summary, p.File.Front.Description
		s.fillBody(s.site, p, &errs)
	}
	restore := func() {
		for i, p := range pages {
			b := backup[i]
			p.File, p.Summary, p.Description, p.ContentHash = b.file, b.summary, b.description, b.contentHash
			p.Content = b.content
		}
	}
	if err := errsOf(&errs); err != nil {
		restore()
		return nil, err
	}
	// A fresh renderer: partials cached by the last render may show the old bodies'
	// summaries.
	r := s.r.ForSite(s.site)
	prints := map[string]uint64{}
	var dirty []string
	for _, name := range s.affected(pages) {
		prints[name] = s.fingerprint(r, s.owner[name])
		if prints[name] != s.prints[name] {
			dirty = append(dirty, name)
		}
	}
	ch, err := s.commit(r, s.owner, dirty, out, nil, s.sitemapPrint)
	if err != nil {
		restore()
		return nil, err
	}
	maps.Copy(s.prints, prints)
	s.files, s.r = files, r
	return ch, nil
}

// affected lists the outputs that can show the pages: the pages themselves and every
// pager of the lists they are on.
func (s *Session) affected(pages []*site.Page) []string {
	set := map[*site.Page]bool{}
	for _, p := range pages {
		set[p] = true
		for sec := p.Section; sec != nil; sec = sec.Section {
			set[sec] = true
		}
		for _, t := range p.Tags {
			set[t] = true
		}
		if l := s.site.Lang(p.Lang.Code); l != nil {
			set[l.Home] = true
		}
	}
	var names []string
	for name, o := range s.owner {
		if set[o.page] {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

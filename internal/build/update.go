package build

import (
	"bytes"
	"errors"
	"io/fs"
	"maps"
	"path"
	"reflect"
	"slices"
	"strings"
	"sync"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
)

// Change is what an update did to the output.
type Change struct {
	// Written and Removed are the output files that changed: the search index's
	// files last, in the order the index lists them, and the others sorted.
	Written, Removed []string
	// Full is true when the whole site was rebuilt (site.toml, layouts or static changed).
	Full bool
}

// Live is a site kept built for as long as the dev server runs, so that later changes
// re-render only what they touch. It is its own type, not a flag on Session, because
// updating needs what only a live state keeps (every rendered body, every output's
// fingerprint): a one-shot build has no Update to call.
type Live struct {
	opts Options
	st   *state // the last good state, replaced whole by each good update; nil before
	// spare is the graph of the state st replaced, which nothing reads any more: an
	// update that edits bodies only copies st's graph into its memory.
	spare *site.Site
	// pending are the paths changed since the last good build: a failed update keeps
	// them, so that the next one retries them.
	pending map[string]bool
}

// NewLive prepares a live session; nothing is read until Build or Update.
func NewLive(opts Options) *Live { return &Live{opts: opts} }

// Build reads the whole site and renders every page into w.
func (l *Live) Build(w render.Writer) (*Result, error) {
	st, res, err := buildState(l.opts, kept{}, w)
	if err != nil {
		return nil, err
	}
	l.st = st
	return res, nil
}

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
	var next *state
	var ch *Change
	var err error
	if l.st == nil || needsFull(l.pending) {
		next, ch, err = rebuild(l.opts, out)
	} else {
		next, ch, err = l.st.update(l.pending, out, l.spare)
	}
	if err != nil {
		return nil, err // next, if any, may hold spare's memory: spare stays unread
	}
	if l.st != nil {
		l.spare = l.st.site // no longer read: neither next nor its renderer links to it
	}
	l.st, l.pending = next, nil
	return ch, nil
}

// needsFull reports whether a pending change is outside the content files: a chart's
// data file in content/ (.csv, .toml) is not a brief, and any brief may read it.
func needsFull(pending map[string]bool) bool {
	for p := range pending {
		// A bundle's file (an image beside index.md) is copied by a full build.
		if !strings.HasPrefix(p, content.Dir+"/") || path.Ext(p) != ".md" && path.Ext(p) != "" {
			return true
		}
	}
	return false
}

// rebuild builds the site anew in a live state, and writes into out what differs.
func rebuild(opts Options, out *output.Memory) (*state, *Change, error) {
	tmp := newStage()
	st, _, err := buildState(opts, kept{}, tmp)
	if err != nil {
		return nil, nil, err
	}
	index := make(map[string]bool, len(tmp.index))
	for _, f := range tmp.index {
		index[f.Name] = true
	}
	var gone []string
	for _, name := range out.Names() {
		if _, ok := tmp.Get(name); !ok && !index[name] {
			gone = append(gone, name)
		}
	}
	ch := apply(tmp, gone, out)
	ch.Full = true
	return st, ch, nil
}

// update builds the state after edits to the content files at pending, renders the
// outputs whose fingerprint changed into a stage, and, when all succeed, brings out
// up to date. On failure, prev and out are as they were. spare is a graph no state
// reads any more, whose memory the new state's may take (see site.Site.WithBodies).
func (prev *state) update(pending map[string]bool, out *output.Memory, spare *site.Site) (*state, *Change, error) {
	files, err := prev.reread(pending)
	if err != nil {
		return nil, nil, err
	}
	var errs diag.List
	next, maps := newState(prev.env, files, prev, prev.editOf(pending, files), pending, spare, &errs)
	// The sitemap is made from next's graph, whose memory may be spare's: on
	// failure the next edit copies into it again, so it must be done by then.
	defer maps.wait()
	if err := errsOf(&errs); err != nil {
		return nil, nil, err
	}
	// A fresh renderer: partials cached by the last render may show the old bodies.
	// A copy of the graph keeps what the last one counted for the tag pages' switches.
	if next.edit == editGraph {
		next.r = prev.r.ForSite(next.site)
	} else {
		next.r = prev.r.ForEdit(next.site, next.recounted(pending))
	}
	next.prints = next.fingerprintsAfter(prev, pending)
	stage := newStage()
	next.render(next.dirty(prev), stage, &errs, nil)
	next.finish(prev, maps, stage, &errs, nil) // the search index from prev's and the briefs read again
	next.writeAssets(stage, &errs)             // a body may have started using a theme's asset
	if err := errsOf(&errs); err != nil {
		return nil, nil, err
	}
	return next, apply(stage, prev.gone(next), out), nil
}

// recounted lists the places of the pages whose language switch, if they are tag
// pages, must be counted again after an edit that copied the graph (see
// render.Renderer.ForEdit): the pages the edit changed (st.changed: a tag's list,
// its order or how many of its briefs have a version in another language may
// differ), and the tags of the edited briefs' translations, whose briefs' versions,
// the edited briefs, may now carry other tags.
func (st *state) recounted(paths map[string]bool) []int {
	var at []int
	for _, p := range st.changed {
		at = append(at, p.At())
		if p.File == nil || !paths[p.File.Path] {
			continue
		}
		for _, t := range p.Translations {
			for _, tag := range t.Tags {
				at = append(at, tag.At())
			}
		}
	}
	return at
}

// apply moves into out the files of stage whose bytes differ (stage is not read
// again: out takes its bytes rather than copies) and removes the files gone, and
// says what it did.
func apply(stage *stage, gone []string, out *output.Memory) *Change {
	ch := &Change{}
	put := func(name string, data []byte) {
		if old, ok := out.Get(name); ok && bytes.Equal(old, data) {
			return
		}
		out.Adopt(name, data)
		ch.Written = append(ch.Written, name)
	}
	for _, name := range gone { // first: an index's new folder then takes its old one's room
		out.Remove(name)
	}
	for _, name := range stage.Names() {
		data, _ := stage.Get(name)
		put(name, data)
	}
	for _, f := range stage.index {
		put(f.Name, f.Data)
	}
	ch.Removed = gone
	return ch
}

// stage holds an update's output until all of it rendered: the pages and other
// files in a Memory, and the search index's files, which it adopts, in a list.
// Those are many (thousands at 10,000 pairs) and all new after most edits, as
// their folder is named by their hash: neither copying them nor sorting their
// names costs an edit.
type stage struct {
	*output.Memory
	mu    sync.Mutex
	index []search.File
}

func newStage() *stage { return &stage{Memory: output.NewMemory()} }

// Adopt keeps a file of the search index, data itself, in the order given.
func (s *stage) Adopt(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.index = append(s.index, search.File{Name: name, Data: data})
	return nil
}

// reread loads the pending content files as they are now on disk.
func (st *state) reread(pending map[string]bool) (map[string]*content.File, error) {
	var errs diag.List
	files := maps.Clone(st.files)
	for _, p := range slices.Sorted(maps.Keys(pending)) {
		info, err := fs.Stat(st.opts.Site, p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			// A deleted file, or a deleted or renamed folder and everything in it.
			maps.DeleteFunc(files, func(name string, _ *content.File) bool {
				return name == p || strings.HasPrefix(name, p+"/")
			})
		case err == nil && info.IsDir():
			// A folder moved in: read what it holds.
			for _, f := range content.LoadDir(st.opts.Site, p, st.cfg, &errs) {
				files[f.Path] = f
			}
		case path.Ext(p) == ".md":
			delete(files, p) // unless it reads well (a link, say, is skipped)
			if f := content.Read(st.opts.Site, p, st.cfg, &errs); f != nil {
				files[p] = f
			}
		}
	}
	return files, errs.Err()
}

// fingerprintsAfter fingerprints st's outputs. After an edit that copied prev's graph
// (st.edit), st has prev's outputs, and only those that show the edited pages or the
// pages the edit changed can have changed: the others keep prev's fingerprints. This
// spares fingerprinting the whole site on every keystroke.
func (st *state) fingerprintsAfter(prev *state, pending map[string]bool) []uint64 {
	var at []int
	var switches [][]int
	switch st.edit {
	case editBodies:
		at = st.affected()
	case editFront:
		at, switches = st.affectedFront(prev, pending)
	default:
		return st.fingerprints()
	}
	prints := slices.Clone(prev.prints)
	pool.Each(len(at), func(k int) { prints[at[k]] = st.fingerprint(st.owner[st.names[at[k]]]) })
	// A page whose language switch is all that can differ shows it on each of its
	// pagers: when the first one's fingerprint is the same, so are the others'.
	pool.Each(len(switches), func(k int) {
		outs := switches[k]
		if prints[outs[0]] = st.fingerprint(st.owner[st.names[outs[0]]]); prints[outs[0]] == prev.prints[outs[0]] {
			return
		}
		for _, i := range outs[1:] {
			prints[i] = st.fingerprint(st.owner[st.names[i]])
		}
	})
	return prints
}

// dirty lists the outputs whose fingerprint differs from prev's, in claim order.
func (st *state) dirty(prev *state) []string {
	var names []string
	sameNames := sameList(st.names, prev.names)
	for i, name := range st.names {
		if sameNames {
			if st.prints[i] != prev.prints[i] {
				names = append(names, name)
			}
			continue
		}
		if o, ok := prev.owner[name]; !ok || prev.prints[o.i] != st.prints[i] {
			names = append(names, name)
		}
	}
	return names
}

// editOf tells how the next state's graph can be made after the pending changes:
// copied with new bodies when every change only edits the body of a file that stays
// in the site with the same front matter (editBodies); copied with new front matter
// when every change edits only what site.Site.WithFront can take (editFront, see
// frontOnly); else built anew.
func (st *state) editOf(pending map[string]bool, files map[string]*content.File) editKind {
	bodies, front := true, !st.bodies.dynamic.Load()
	for p := range pending {
		old, cur := st.files[p], files[p]
		if old == nil || cur == nil {
			return editGraph
		}
		sameFront := reflect.DeepEqual(old.Front, cur.Front)
		bodies = bodies && sameFront && !st.hasStampedTranslation(cur)
		front = front && !sameFront && frontOnly(old, cur) && !st.inMenu(old)
	}
	switch {
	case bodies:
		return editBodies
	case front:
		return editFront
	}
	return editGraph
}

// frontOnly reports whether cur, old read again, is a brief that differs from old
// only in front matter that site.Site.WithFront can take: the title, link title,
// date and last change, tags, summary, description, keywords, images, source,
// editor and weight. Its body text is the same, and so its translations' stamps
// still match it.
func frontOnly(old, cur *content.File) bool {
	if old.IsIndex() || !bytes.Equal(old.Body, cur.Body) || old.Name != cur.Name || old.Section != cur.Section ||
		old.Lang != cur.Lang || old.Root != cur.Root || old.Bundle != cur.Bundle || !slices.Equal(old.Resources, cur.Resources) {
		return false
	}
	f, c := old.Front, cur.Front
	f.Title, f.LinkTitle, f.Date, f.Lastmod, f.Tags = c.Title, c.LinkTitle, c.Date, c.Lastmod, c.Tags
	f.Summary, f.Description, f.Keywords, f.Images = c.Summary, c.Description, c.Keywords, c.Images
	f.Source, f.Editor, f.Weight = c.Source, c.Editor, c.Weight
	return reflect.DeepEqual(f, c)
}

// inMenu reports whether the page made from f is an entry of a main menu, which
// every page of its language shows with its title and weight: an edit to its front
// matter then changes the navigation of all of them, so the graph is built anew.
func (st *state) inMenu(f *content.File) bool {
	if f.Front.Menus != nil {
		return true
	}
	for _, l := range st.site.Languages {
		if menuLeadsTo(l.MainMenu, f) {
			return true
		}
	}
	return false
}

// menuLeadsTo reports whether an item of items, or of their children, leads to the
// page made from f.
func menuLeadsTo(items []*site.MenuItem, f *content.File) bool {
	return slices.ContainsFunc(items, func(m *site.MenuItem) bool {
		return m.Page != nil && m.Page.File == f || menuLeadsTo(m.Children, f)
	})
}

// hasStampedTranslation reports whether f is an original whose translations record
// the version they translate: editing its body can make them outdated, which changes
// their pages, so the graph must be rebuilt. Its page's translations tell.
func (st *state) hasStampedTranslation(f *content.File) bool {
	if f.Lang != st.cfg.DefaultLanguage {
		return false
	}
	old := st.files[f.Path]
	for _, p := range st.site.Pages {
		if p.File == old && old != nil {
			return slices.ContainsFunc(p.Translations, func(t *site.Page) bool { return t.File != nil && t.File.Front.TranslationOf != "" })
		}
	}
	return false
}

// affectedFront lists the places in st.names of the outputs that can show what an
// edit to front matter changed (st.changed, from site.Site.WithFront): those pages,
// the translations of the edited briefs and the briefs that list them as related,
// and the briefs with a term whose date changed, as they show their terms. It also
// lists, by page, the pagers of the tag pages whose language switch alone may now
// lead elsewhere (switchesAfterTags), the first pager first. The outputs are found
// by page (st.byPage), not among all of them.
func (st *state) affectedFront(prev *state, paths map[string]bool) ([]int, [][]int) {
	set := map[int]bool{}
	var edited []*site.Page
	for _, p := range st.changed {
		set[p.At()] = true
		if p.Kind == site.KindTag { // its briefs show its digest (render.Fingerprint)
			old := prev.site.Page(p.At())
			if !old.Date.Equal(p.Date) {
				for _, q := range slices.Concat(old.Pages, p.Pages) {
					set[q.At()] = true
				}
			}
		}
		if p.File != nil && paths[p.File.Path] {
			edited = append(edited, p)
			for _, t := range p.Translations {
				set[t.At()] = true
			}
		}
	}
	switched := map[int]bool{}
	for _, q := range edited {
		relatedTo(q, set)
		if old := prev.site.Page(q.At()); !slices.EqualFunc(old.Tags, q.Tags, func(a, b *site.Page) bool { return a.At() == b.At() }) {
			switchesAfterTags(prev.site.Page(q.At()), q, st.site, switched)
		}
	}
	var switches [][]int
	for _, page := range slices.Sorted(maps.Keys(switched)) {
		if set[page] {
			continue
		}
		var outs []int // the pagers, in order: claimPage claims them so
		for _, i := range st.outputsOf(page) {
			if st.owner[st.names[i]].kind == outPager {
				outs = append(outs, i)
			}
		}
		if len(outs) > 0 {
			switches = append(switches, outs)
		}
	}
	return st.outputsOfAll(set), switches
}

// outputsOfAll lists the places in st.names of the outputs of the pages at the
// places in set.
func (st *state) outputsOfAll(set map[int]bool) []int {
	var at []int
	for page := range set {
		at = append(at, st.outputsOf(page)...)
	}
	return at
}

// relatedTo adds to set the places of the briefs that list q among their related
// briefs: as the graph relates briefs by their tags only, those share a tag with q.
func relatedTo(q *site.Page, set map[int]bool) {
	for _, t := range q.Tags {
		for _, b := range t.Pages {
			if slices.Contains(b.Related, q) {
				set[b.At()] = true
			}
		}
	}
}

// switchesAfterTags adds to set the places of the tag pages whose language switch
// can lead elsewhere after brief q's tags changed (old is q before): a tag page of
// another language links to the tag of q's language that its briefs' translations
// share most (render's matchingTag), which reads the tags of q, if it translates one
// of them, and how many briefs of each tag q entered or left have a version in that
// language. The tag pages q entered or left are among the changed pages already.
func switchesAfterTags(old, q *site.Page, s *site.Site, set map[int]bool) {
	for _, t := range q.Translations {
		for _, p := range t.Tags {
			set[p.At()] = true
		}
	}
	var moved []*site.Page // the tags q entered or left
	for _, t := range slices.Concat(old.Tags, q.Tags) {
		if !slices.ContainsFunc(old.Tags, func(o *site.Page) bool { return o.At() == t.At() }) ||
			!slices.ContainsFunc(q.Tags, func(n *site.Page) bool { return n.At() == t.At() }) {
			moved = append(moved, s.Page(t.At()))
		}
	}
	for _, t := range moved {
		for _, b := range slices.Concat(t.Pages, []*site.Page{q}) {
			for _, tr := range b.Translations {
				for _, p := range tr.Tags {
					set[p.At()] = true
				}
			}
		}
	}
}

// affected lists the places in st.names of the outputs that can show the briefs
// whose bodies an edit changed (st.changed, from site.Site.WithBodies): the pages
// themselves, every pager of the lists they are on, their translations, and the
// briefs that list them as related (whose fingerprints hash what a related brief
// shows, its summary included).
func (st *state) affected() []int {
	set := map[int]bool{}
	for _, p := range st.changed {
		set[p.At()] = true
		relatedTo(p, set)
		for _, t := range p.Translations {
			set[t.At()] = true
		}
		for sec := p.Section; sec != nil; sec = sec.Section {
			set[sec.At()] = true
		}
		for _, t := range p.Tags {
			set[t.At()] = true
		}
		if l := st.site.Lang(p.Lang.Code); l != nil {
			set[l.Home.At()] = true
		}
	}
	return st.outputsOfAll(set)
}

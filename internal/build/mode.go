package build

import (
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/search"
	"github.com/briefs/briefs/internal/site"
)

// mode is what a one-shot build (Session, oneShot) and a live session (Live, kept)
// do differently with a state, so that neither asks a flag: a one-shot build reads
// each brief's body only as it writes the page and lets it go, so memory follows the
// pages still to write; a live session keeps every body, fingerprint and search
// index, which Live.Update makes the next state from.
type mode interface {
	// load reads the content files.
	load(e *env, errs *diag.List) []*content.File
	// body gives page p of graph s its body (see state.body).
	body(st *state, s *site.Site, p *site.Page, prev *state, sameGraph bool, errs *diag.List) site.Body
	// write writes pager n of page p, streamed keeping what the search index reads.
	write(st *state, p *site.Page, n int, w render.Writer, errs *diag.List, streamed *streamedPages)
	// searchPage is brief p as the index reads it: last is what the previous
	// state read of it (nil for nothing), streamed what a one-shot build did.
	searchPage(st *state, p *site.Page, last *searchPage, streamed *streamedPages) searchPage
	// index makes a language's index from its pages; last is the previous state's
	// (nil for none), which it only reads. keep is whether the state keeps it.
	index(tok *search.Tokenizer, last *search.Index, pages []*search.Page) (ix *search.Index, keep bool)
	// done completes a state built whole: a live one fingerprints its outputs.
	done(st *state)
	// ahead starts rendering, while the outputs of a new graph are claimed, what
	// the mode renders only when it writes the pages (see ahead); stop ends it.
	ahead(st *state) (stop func())
}

// oneShot is the mode of Session.
type oneShot struct{}

// kept is the mode of Live.
type kept struct{}

// load reads the content files lean: a brief's body is read again when its page is
// written, and only the opening its summary needs is kept.
func (oneShot) load(e *env, errs *diag.List) []*content.File {
	lead := 0 // as much as markdown.Lead reads for the longest summary
	for _, l := range e.cfg.Languages {
		lead = max(lead, l.SummaryLength*markdown.LeadFactor)
	}
	return content.LoadLean(e.opts.Site, e.cfg, errs, lead)
}

func (kept) load(e *env, errs *diag.List) []*content.File {
	return content.Load(e.opts.Site, e.cfg, errs)
}

// body renders a list page's intro; of a brief it only cuts the summary from the
// opening: the body is rendered when the page is written (streamBrief).
func (oneShot) body(st *state, s *site.Site, p *site.Page, _ *state, _ bool, errs *diag.List) site.Body {
	md := st.mds[p.Lang.Code]
	if readWhenWritten(p) {
		return site.Body{Summary: leadSummary(md, p)}
	}
	b := renderBody(md, st.mdPage(s, p), p, p.Lang.SummaryLength)
	placeProblems(p.File, b.probs, b.elsewhere, errs)
	return b.Body
}

// body renders the body, or takes it from prev when the text is the same (and, for a
// body that runs shortcodes, the graph too: sameGraph), and keeps it in st.bodies.
func (kept) body(st *state, s *site.Site, p *site.Page, prev *state, sameGraph bool, errs *diag.List) site.Body {
	var b *body
	if prev != nil {
		b = prev.bodies.get(p.File.Path).reuse(p, sameGraph)
	}
	if b == nil {
		b = renderBody(st.mds[p.Lang.Code], st.mdPage(s, p), p, p.Lang.SummaryLength)
	}
	st.bodies.put(p.File.Path, b)
	placeProblems(p.File, b.probs, b.elsewhere, errs)
	return b.Body
}

func (oneShot) write(st *state, p *site.Page, n int, w render.Writer, errs *diag.List, streamed *streamedPages) {
	if readWhenWritten(p) {
		st.streamBrief(p, n, w, errs, streamed)
		return
	}
	errs.Add(st.r.Pager(p, n, w))
}

func (kept) write(st *state, p *site.Page, n int, w render.Writer, errs *diag.List, _ *streamedPages) {
	errs.Add(st.r.Pager(p, n, w))
}

// searchPage is the brief as it was streamed, or read now.
func (oneShot) searchPage(st *state, p *site.Page, _ *searchPage, streamed *streamedPages) searchPage {
	page := streamed.page(p)
	if page == nil {
		page = st.searchTok.Prepare(st.searchDoc(p))
	}
	return searchPage{page: page}
}

// searchPage is the brief as the last state read it when nothing it is made from
// changed, or read now (at the last one's places among the languages' pages).
func (kept) searchPage(st *state, p *site.Page, last *searchPage, _ *streamedPages) searchPage {
	key := searchKeyOf(p)
	if last != nil && last.key == key {
		return *last
	}
	r := searchPage{key: key, page: st.searchTok.Prepare(st.searchDoc(p))}
	if last != nil {
		r.lang, r.slot = last.lang, last.slot
	}
	return r
}

// index builds the index whole, letting each shard's postings go once written.
func (oneShot) index(tok *search.Tokenizer, _ *search.Index, pages []*search.Page) (*search.Index, bool) {
	return search.Build(tok, pages), false
}

// index patches last's (search.Update) and keeps it for the next state.
func (kept) index(tok *search.Tokenizer, last *search.Index, pages []*search.Page) (*search.Index, bool) {
	return search.Update(tok, last, pages), true
}

func (oneShot) done(*state) {}

func (oneShot) ahead(st *state) func() {
	a := st.renderAhead()
	return func() { a.end(st) }
}

// ahead does nothing: a live graph is made with its bodies rendered.
func (kept) ahead(*state) func() { return func() {} }

func (kept) done(st *state) { st.prints = st.fingerprints() }

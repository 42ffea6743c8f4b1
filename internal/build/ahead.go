package build

import (
	"runtime/trace"
	"sync/atomic"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/site"
)

// ahead are the bodies of the first briefs a one-shot build writes, rendered while
// it claims the outputs. The claims need the whole page graph and run on one core
// (20 ms at 2,000 shared pairs), and nothing can be written before they end; a
// brief's body needs only the graph, so the other core renders bodies meanwhile,
// in the order of the graph's pages, which is the order the briefs are written in.
// Each body is then written by streamBrief as if it had rendered it.
type ahead struct {
	stop   atomic.Bool
	done   chan struct{}
	bodies []atomic.Pointer[aheadBody] // by page place (site.Page.At); nil: not rendered ahead
}

// aheadBody is a body rendered ahead and the problems rendering it found, which
// are reported only when its page takes it: a brief whose page is never written
// (it lost its address to another) reports nothing, whether or not it was
// rendered ahead, so a failed build's problems do not depend on how far
// rendering ahead got.
type aheadBody struct {
	html     string
	problems diag.List
}

// renderAhead starts rendering the bodies of st's briefs, in page order, until
// end is called. A body that cannot be read is left to its page, which reports it.
func (st *state) renderAhead() *ahead {
	a := &ahead{done: make(chan struct{}), bodies: make([]atomic.Pointer[aheadBody], len(st.site.Pages))}
	go func() {
		defer close(a.done)
		defer trace.StartRegion(st.opts.context(), "bodies ahead").End()
		for _, p := range st.site.Pages {
			if a.stop.Load() {
				return
			}
			if readWhenWritten(p) && p.Rendered() {
				b := &aheadBody{}
				var err error
				if b.html, err = st.briefBody(p, &b.problems); err == nil {
					a.bodies[p.At()].Store(b)
				}
			}
		}
	}()
	return a
}

// end stops rendering, waits for the body being rendered, and gives st the bodies.
func (a *ahead) end(st *state) {
	a.stop.Store(true)
	<-a.done
	st.ahead = a
}

// take returns the body rendered ahead for p, if any, once, its problems going
// to errs: a page written twice renders its body again.
func (a *ahead) take(p *site.Page, errs *diag.List) (string, bool) {
	if a == nil {
		return "", false
	}
	at := p.At()
	if at < 0 || at >= len(a.bodies) {
		return "", false
	}
	if b := a.bodies[at].Swap(nil); b != nil {
		errs.Add(&b.problems)
		return b.html, true
	}
	return "", false
}

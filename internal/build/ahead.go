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
	stop atomic.Bool
	done chan struct{}
	html []atomic.Pointer[string] // by page place (site.Page.At); nil: not rendered ahead
}

// renderAhead starts rendering the bodies of st's briefs, in page order, until
// end is called. A body's problems go to errs as when it is rendered at its page; a
// body that cannot be read is left to its page, which reports it.
func (st *state) renderAhead(errs *diag.List) *ahead {
	a := &ahead{done: make(chan struct{}), html: make([]atomic.Pointer[string], len(st.site.Pages))}
	go func() {
		defer close(a.done)
		defer trace.StartRegion(st.opts.context(), "bodies ahead").End()
		for _, p := range st.site.Pages {
			if a.stop.Load() {
				return
			}
			if readWhenWritten(p) && p.Rendered() {
				if html, err := st.briefBody(p, errs); err == nil {
					a.html[p.At()].Store(&html)
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

// take returns the body rendered ahead for p, if any, once: a page written twice
// renders its body again.
func (a *ahead) take(p *site.Page) (string, bool) {
	if a == nil {
		return "", false
	}
	at := p.At()
	if at < 0 || at >= len(a.html) {
		return "", false
	}
	if html := a.html[at].Swap(nil); html != nil {
		return *html, true
	}
	return "", false
}

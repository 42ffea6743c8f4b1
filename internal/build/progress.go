package build

import "sync/atomic"

// Progress hears how far a build got, for the build command's progress line on a
// terminal. Stage is called as each stage starts, with the number of steps it has (0
// when unknown); Step after each step. Step is called from every core at once, so it
// must be safe for concurrent use and cheap: an atomic add, with the drawing left to
// a goroutine of the caller's.
type Progress interface {
	Stage(name string, total int)
	Step()
}

// The stages a build reports, in order.
const (
	StageRead   = "reading"   // content files and the page graph; no count
	StageRender = "rendering" // one step per output file of a page, feed or alias
	StageFinish = "finishing" // sitemap, search index, static files, images; no count
)

// noProgress is the Progress of a build that reports none.
type noProgress struct{}

func (noProgress) Stage(string, int) {}
func (noProgress) Step()             {}

// progress is the build's Progress, never nil.
func (o Options) progress() Progress {
	if o.Progress == nil {
		return noProgress{}
	}
	return o.Progress
}

// Counter is a Progress that keeps the current stage and counts, for a caller that
// shows them from a goroutine of its own: Stage and Step only store, Load reads.
type Counter struct {
	stage atomic.Pointer[string]
	done  atomic.Int64
	total atomic.Int64
}

// Stage starts a stage of total steps.
func (c *Counter) Stage(name string, total int) {
	c.done.Store(0)
	c.total.Store(int64(total))
	c.stage.Store(&name)
}

// Step counts one step done.
func (c *Counter) Step() { c.done.Add(1) }

// Load returns the current stage ("" before the first) and its counts.
func (c *Counter) Load() (stage string, done, total int) {
	if s := c.stage.Load(); s != nil {
		stage = *s
	}
	return stage, int(c.done.Load()), int(c.total.Load())
}

package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/briefs/briefs/internal/build"
)

// progressLine is the one self-updating line a long build shows on a terminal:
// stage, files done of total, time so far. It appears only once the build has run for
// a while (after), is redrawn every tick, and is wiped when the build ends, so the
// terminal keeps only the summary line and any warnings, as a piped build prints.
type progressLine struct {
	build.Counter
	w     io.Writer
	start time.Time
	stop  chan struct{}
	done  sync.WaitGroup
	drawn bool // touched only by the drawing goroutine until it ends
}

// progressAfter is how long a build runs before it shows its progress: most builds
// take less, and a line that flashes for a moment helps nobody.
const progressAfter = time.Second

// newProgress returns the progress line for stderr, or nil when it should show none:
// --quiet, stderr not a terminal (piped, redirected to a file), CI set in the
// environment (most CI systems give a terminal but keep every redraw in their logs),
// or TERM=dumb, which cannot go back to the start of a line.
func newProgress(stderr io.Writer, quiet bool) *progressLine {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) || os.Getenv("CI") != "" || os.Getenv("TERM") == "dumb" {
		return nil
	}
	return startProgress(f, progressAfter, 100*time.Millisecond)
}

// startProgress draws the line on w every tick, from after on.
func startProgress(w io.Writer, after, tick time.Duration) *progressLine {
	p := &progressLine{w: w, start: time.Now(), stop: make(chan struct{})}
	p.done.Go(func() {
		wait := time.NewTimer(after)
		defer wait.Stop()
		select {
		case <-wait.C:
		case <-p.stop:
			return
		}
		t := time.NewTicker(tick)
		defer t.Stop()
		for {
			p.draw()
			select {
			case <-t.C:
			case <-p.stop:
				if p.drawn {
					fmt.Fprint(w, "\r\x1b[K") // back to the start of the line, and clear it
				}
				return
			}
		}
	})
	return p
}

// draw writes the line over the last one: "\r" goes back to its start, "\x1b[K"
// clears what a longer line left after it.
func (p *progressLine) draw() {
	stage, done, total := p.Load()
	if stage == "" {
		return
	}
	line := "briefs: " + stage
	if total > 0 {
		line += fmt.Sprintf(" %d of %d files", done, total)
	}
	line += fmt.Sprintf(" · %.1f s", time.Since(p.start).Seconds())
	fmt.Fprint(p.w, "\r"+line+"\x1b[K")
	p.drawn = true
}

// Stop wipes the line and returns once nothing more will be drawn. A nil line is
// a build that shows none.
func (p *progressLine) Stop() {
	if p == nil {
		return
	}
	close(p.stop)
	p.done.Wait()
}

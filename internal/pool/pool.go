// Package pool runs independent pieces of work on all cores.
//
// Reading content files, rendering pages, indexing them for search and scaling images
// are each a list of independent jobs; one way to spread them over the machine keeps
// that choice (how many workers, how work is handed out) in one place.
package pool

import (
	"runtime"
	"sync"
)

// Each calls fn once for every index 0 ≤ i < n, on as many goroutines as there are
// cores (fewer when n is smaller), and returns when every call has. Indexes are handed
// out in order as workers free up, so a slow job does not hold up the ones behind it.
// fn must be safe for concurrent use; a caller that gathers results writes them to
// its own slot i.
func Each(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 0 {
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range workers {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

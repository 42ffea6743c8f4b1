package pool

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// TestEach checks that every index is visited exactly once, for sizes around the
// number of workers and the channel's buffer, and for none at all.
func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 63, 64, 65, 1000} {
		counts := make([]atomic.Int32, n)
		Each(n, func(i int) { counts[i].Add(1) })
		for i := range counts {
			if c := counts[i].Load(); c != 1 {
				t.Errorf("n=%d: index %d visited %d times", n, i, c)
			}
		}
	}
}

// TestEachRunsConcurrently checks that jobs overlap when there are cores for them:
// two jobs that each wait for the other finish only if both run at once.
func TestEachRunsConcurrently(t *testing.T) {
	if n := runtime.GOMAXPROCS(0); n < 2 {
		t.Skipf("GOMAXPROCS is %d", n)
	}
	ready := make(chan struct{})
	var arrived atomic.Int32
	Each(2, func(int) {
		if arrived.Add(1) == 2 {
			close(ready)
		}
		<-ready
	})
}

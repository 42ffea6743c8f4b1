package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"
)

// buildHeapFloor is the heap a one-shot build may grow to before its first garbage
// collection. With Go's default GOGC=100 the first collection comes at 4 MiB and the
// next ones at twice the live heap, so a build of 2,000 briefs collected 23 times,
// mostly while its live heap was small, each time scanning the same site graph. Below
// the floor the heap grows to the floor instead; above it, collections come at twice
// the live heap as by default, so large sites are built as without it. The value
// trades collections for peak memory, whose target is 0.15x Hugo's (112 MiB at
// 2,000 shared pairs, where the live heap is 26-35 MB): five builds of each, peak
// RSS and collections, 64 MiB 96 MiB and 7, 72 MiB 99 MiB and 6 (a fifth less mark
// CPU), 80 MiB 106 MiB and 4-5, too near the target for runs that vary by a few MiB.
const buildHeapFloor = 72 << 20

// heapFloor makes the garbage collector let the heap grow to floor bytes before it
// collects, and at least to twice the live heap after that (GOGC=100's goal), until
// stop is called, which puts back the GOGC it found. It does nothing when the user
// set GOGC or GOMEMLIMIT in env: their setting is theirs to make.
//
// Go has no heap floor of its own (GOMEMLIMIT is a ceiling), so heapFloor scales
// GOGC: the first goal is GOGC/100 × 4 MiB, and after every collection a cleanup
// sets GOGC so that the next goal is max(floor, 2 × live).
func heapFloor(floor uint64, env func(string) string) (stop func()) {
	if env("GOGC") != "" || env("GOMEMLIMIT") != "" {
		return func() {}
	}
	f := &floorWatch{floor: floor}
	f.old = debug.SetGCPercent(floorPercent(floor, 0))
	f.arm()
	return f.stop
}

// floorWatch sets GOGC after each collection while the floor holds.
type floorWatch struct {
	floor uint64
	old   int // GOGC before the floor

	mu      sync.Mutex
	stopped bool
	percent int
}

// arm registers a cleanup on a new object that nothing keeps: it runs after the next
// collection, sets GOGC for the live heap that collection left, and arms again.
func (f *floorWatch) arm() {
	runtime.AddCleanup(new([16]byte), func(f *floorWatch) { f.collected() }, f)
}

func (f *floorWatch) collected() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.stopped {
		return
	}
	if p := floorPercent(f.floor, liveHeap()); p != f.percent {
		f.percent = p
		debug.SetGCPercent(p)
	}
	f.arm()
}

func (f *floorWatch) stop() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if !f.stopped {
		f.stopped = true
		debug.SetGCPercent(f.old)
	}
}

// floorPercent is the GOGC that puts the next collection at max(floor, 2 × live).
// It is never more than the one whose minimum heap (GOGC/100 × 4 MiB, Go's goal for
// a small heap) is the floor: that one is the goal before any collection (live 0),
// and a larger one would raise the minimum over the floor.
func floorPercent(floor, live uint64) int {
	top := max(100, int(floor/(4<<20)*100))
	if 2*live >= floor {
		return 100
	}
	if live == 0 {
		return top
	}
	return min(top, int(floor*100/live)-100)
}

// liveHeap is the heap the last collection left, in bytes.
func liveHeap() uint64 {
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	if s[0].Value.Kind() != metrics.KindUint64 {
		return 0
	}
	return s[0].Value.Uint64()
}

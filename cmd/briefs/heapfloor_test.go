package main

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"testing"
)

func TestFloorPercent(t *testing.T) {
	const mib = 1 << 20
	for _, tt := range []struct {
		floor, live uint64
		want        int
	}{
		{64 * mib, 0, 1600},         // before any collection: a minimum heap of 64 MiB
		{64 * mib, 1 * mib, 1600},   // never a minimum heap over the floor
		{64 * mib, 16 * mib, 300},   // 16 + 16 × 3 = 64
		{64 * mib, 31 * mib, 106},   // just under half the floor
		{64 * mib, 32 * mib, 100},   // from half the floor on, Go's default
		{64 * mib, 500 * mib, 100},  // a large site: as without a floor
		{2 * mib, 0, 100},           // a floor under Go's own minimum changes nothing
		{128 * mib, 32 * mib, 300},  // 32 + 32 × 3 = 128
		{128 * mib, 200 * mib, 100}, // over the floor
		{buildHeapFloor, 0, 1800},   // the build's: a first goal of 72 MiB
		{buildHeapFloor, 12 * mib, 500},
	} {
		if got := floorPercent(tt.floor, tt.live); got != tt.want {
			t.Errorf("floorPercent(%d MiB, %d MiB) = %d, want %d", tt.floor/mib, tt.live/mib, got, tt.want)
		}
	}
}

// TestHeapFloor: under the floor, allocating 32 MiB of garbage collects at most once
// (at GOGC=100 it collects several times), GOGC is put back when the floor stops,
// and a user's GOGC or GOMEMLIMIT leaves the collector alone.
func TestHeapFloor(t *testing.T) {
	const floor = 64 << 20
	without := collections(func() func() { return func() {} })
	with := collections(func() func() {
		stop := heapFloor(floor, func(string) string { return "" })
		if p := debug.SetGCPercent(-1); p != 1600 {
			t.Errorf("GOGC under the floor = %d, want 1600", p)
		} else {
			debug.SetGCPercent(p)
		}
		return stop
	})
	if with > 1 || with >= without {
		t.Errorf("32 MiB of garbage: %d collections under the floor, %d without; want at most 1, and fewer", with, without)
	}
	if p := debug.SetGCPercent(100); p != 100 {
		t.Errorf("GOGC after the floor stopped = %d, want 100", p)
	}
	for _, name := range []string{"GOGC", "GOMEMLIMIT"} {
		stop := heapFloor(floor, func(k string) string {
			if k == name {
				return "200"
			}
			return ""
		})
		if p := debug.SetGCPercent(100); p != 100 {
			t.Errorf("with %s set, GOGC = %d, want it left at 100", name, p)
		}
		stop()
	}
}

// collections counts the collections while 32 MiB of garbage is allocated, from a
// fresh collection, between start and the stop it returns.
func collections(start func() (stop func())) uint64 {
	runtime.GC()
	before := cycles()
	stop := start()
	var keep []byte
	for range 512 {
		keep = make([]byte, 64<<10)
	}
	_ = keep
	n := cycles() - before
	stop()
	return n
}

func cycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

package build_test

import (
	"os"
	"strconv"
	"sync/atomic"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/testcorpus"
)

// BenchmarkSearchCost builds the generated corpus with the search index ("on")
// and without it ("off", site.toml search = false), writing nothing, so that
// the index's share of the build's allocations, which do not drift with the
// machine's load as times do, is on/off - 1. 1,000 pairs; BRIEFS_BENCH_PAIRS
// sets another size.
//
//	go test -run '^$' -bench SearchCost -benchmem -count 3 ./internal/build/
func BenchmarkSearchCost(b *testing.B) {
	n := benchPairs
	if s := os.Getenv("BRIEFS_BENCH_PAIRS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	on := testcorpus.FS(testcorpus.Options{N: n, Seed: 1})
	off := fstest.MapFS{}
	for name, f := range on {
		off[name] = f
	}
	off["site.toml"] = &fstest.MapFile{Data: append([]byte("search = false\n"), on["site.toml"].Data...)}
	for _, c := range []struct {
		name string
		fsys fstest.MapFS
	}{{"on", on}, {"off", off}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			var w countWriter
			for b.Loop() {
				w = countWriter{}
				if _, err := build.NewSession(benchOptions(c.fsys)).Build(&w); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(w.files.Load()), "files/op")
			b.ReportMetric(float64(w.bytes.Load())/1e6, "MB-written/op")
		})
	}
}

// countWriter counts the files and bytes written, and keeps none.
type countWriter struct{ files, bytes atomic.Int64 }

func (w *countWriter) WriteFile(name string, data []byte) error {
	w.files.Add(1)
	w.bytes.Add(int64(len(data)))
	return nil
}

// Command gencorpus writes the benchmark site of package testcorpus to a folder, for
// timing briefs, Hugo and the floor program on the same files (bench/compare.sh).
//
//	go run ./internal/testcorpus/gencorpus -n 10000 -seed 1 -out DIR
//
// DIR gets site.toml and content/; DIR/content must not exist yet. The same -n and
// -seed always give the same bytes, and -n 1000 gives the first 1,000 pairs of -n 10000.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/briefs/briefs/internal/testcorpus"
)

func main() {
	n := flag.Int("n", 1000, "number of article pairs (a .zh.md and an .en.md each)")
	seed := flag.Uint64("seed", 1, "seed; the same seed gives byte-identical output")
	out := flag.String("out", "", "site folder to write site.toml and content/ into (required)")
	flag.Parse()
	if *out == "" || flag.NArg() > 0 || *n < 0 {
		fmt.Fprintln(os.Stderr, "usage: gencorpus -n N -seed S -out DIR")
		os.Exit(2)
	}
	start := time.Now()
	st, err := testcorpus.Write(*out, testcorpus.Options{N: *n, Seed: *seed})
	if err != nil {
		fmt.Fprintln(os.Stderr, "gencorpus:", err)
		os.Exit(1)
	}
	per := func(x int64) int64 {
		if *n == 0 {
			return 0
		}
		return x / int64(*n)
	}
	fmt.Fprintf(os.Stderr, "gencorpus: %d pairs, %d files, %.1f MB in %v; average body %d Han characters (zh), %d words (en)\n",
		*n, st.Files, float64(st.Bytes)/1e6, time.Since(start).Round(time.Millisecond), per(st.Han), per(st.Words))
}

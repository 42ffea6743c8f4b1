package markdown_test

// Benchmarks of rendering bodies as a one-shot build does (RenderPage, no summary), on
// the project's own corpus (figures as shortcodes) or, with BRIEFS_BENCH_SITE=DIR, on
// any site folder, such as the shared plain-Markdown corpus:
//
//	go test -run '^$' -bench Render -benchmem ./internal/markdown/
//	BRIEFS_BENCH_SITE=/tmp/shared1000 go test -run '^$' -bench Render -benchmem ./internal/markdown/

import (
	"bytes"
	"io/fs"
	"os"
	"testing"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/testcorpus"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

// benchSite is the site the benchmarks read: BRIEFS_BENCH_SITE, or 200 pairs of the
// own corpus.
func benchSite() fs.FS {
	if dir := os.Getenv("BRIEFS_BENCH_SITE"); dir != "" {
		return os.DirFS(dir)
	}
	return testcorpus.FS(testcorpus.Options{N: 200, Seed: 1})
}

// benchFiles loads the bench site's content files and sets the benchmark's bytes
// per round to the size of their bodies, so the two render benchmarks compare.
func benchFiles(b *testing.B) (fs.FS, *config.Site, []*content.File) {
	fsys := benchSite()
	cfg, err := config.Read(fsys)
	if err != nil {
		b.Fatal(err)
	}
	var errs diag.List
	files := content.Load(fsys, cfg, &errs)
	if err := errs.Err(); err != nil {
		b.Fatal(err)
	}
	var size int64
	for _, f := range files {
		size += int64(len(f.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	return fsys, cfg, files
}

// BenchmarkRenderPages renders every body of the bench site once per round, with the
// site's renderers, as a one-shot build writes its briefs.
func BenchmarkRenderPages(b *testing.B) {
	fsys, cfg, files := benchFiles(b)
	mds := markdown.ForSite(cfg, nil, fsys, nil)
	for b.Loop() {
		for _, f := range files {
			res, _ := mds[f.Lang].RenderPage(f.Body, &markdown.Page{Path: "/x/", File: f.Path}, 0)
			if len(res.Problems) > 0 {
				b.Fatalf("%s: %s", f.Path, res.Problems[0].Msg)
			}
		}
	}
}

// BenchmarkRenderFloor renders the same bodies with goldmark and its GFM extension
// alone, as bench/floor does: the difference to BenchmarkRenderPages is what briefs
// adds around goldmark.
func BenchmarkRenderFloor(b *testing.B) {
	_, _, files := benchFiles(b)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var buf bytes.Buffer
	for b.Loop() {
		for _, f := range files {
			buf.Reset()
			if err := md.Convert(f.Body, &buf); err != nil {
				b.Fatal(err)
			}
		}
	}
}

package build_test

// Benchmarks of the whole build and of its hot stages, on the generated corpus of
// package testcorpus. Each benchmark prepares its input outside the timer, so that a
// stage's number is that stage alone. At -benchtime 1x they all run in seconds, for CI;
// bench/compare.sh times the briefs command against Hugo and the floor program.
//
//	go test -run '^$' -bench . -benchtime 1x ./internal/build/
//	go test -run '^$' -bench Build1000 -cpuprofile /tmp/cpu.out ./internal/build/
//	BRIEFS_BENCH_LARGE=1 go test -run '^$' -bench Build10000 -benchtime 1x ./internal/build/

import (
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/testcorpus"
	"github.com/briefs/briefs/internal/theme"
)

// benchPairs is the corpus size of the stage benchmarks: large enough that per-build
// costs (parsing layouts, sorting) do not dominate, small enough for CI.
const benchPairs = 1000

// benchNow fixes the build time, so that no brief of the corpus is ever in the future.
var benchNow = time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)

// corpus1000 is generated once for all benchmarks of a run.
var corpus1000 = sync.OnceValue(func() fs.FS {
	return testcorpus.FS(testcorpus.Options{N: benchPairs, Seed: 1})
})

func benchOptions(fsys fs.FS) build.Options {
	return build.Options{Site: fsys, Theme: briefs.Theme, Now: benchNow}
}

func BenchmarkBuild1000(b *testing.B) { benchBuild(b, corpus1000()) }

// BenchmarkBuild10000 is the size bench/compare.sh reports on. It takes tens of seconds
// and a few GiB, so it runs only when BRIEFS_BENCH_LARGE=1.
func BenchmarkBuild10000(b *testing.B) {
	if os.Getenv("BRIEFS_BENCH_LARGE") != "1" {
		b.Skip("set BRIEFS_BENCH_LARGE=1 to build 10,000 pairs")
	}
	benchBuild(b, testcorpus.FS(testcorpus.Options{N: 10 * benchPairs, Seed: 1}))
}

// benchBuild measures everything the build command does except the disk.
func benchBuild(b *testing.B, fsys fs.FS) {
	b.ReportAllocs()
	var files int
	for b.Loop() {
		mem := output.NewMemory()
		if _, err := build.NewSession(benchOptions(fsys)).Build(mem); err != nil {
			b.Fatal(err)
		}
		files = mem.Files()
	}
	b.ReportMetric(float64(files), "files/op")
}

// loadConfig reads the corpus's site.toml.
func loadConfig(b *testing.B, fsys fs.FS) *config.Site {
	cfg, err := config.Read(fsys)
	if err != nil {
		b.Fatal(err)
	}
	return cfg
}

// loadFiles reads and checks every content file, failing on any problem.
func loadFiles(b *testing.B, fsys fs.FS, cfg *config.Site) []*content.File {
	var errs diag.List
	files := content.Load(fsys, cfg, &errs)
	if err := errs.Err(); err != nil {
		b.Fatal(err)
	}
	return files
}

// BenchmarkFrontMatter measures reading the content files: splitting off and decoding
// the TOML front matter, and the checks on names and dates.
func BenchmarkFrontMatter(b *testing.B) {
	fsys := corpus1000()
	cfg := loadConfig(b, fsys)
	b.ReportAllocs()
	for b.Loop() {
		loadFiles(b, fsys, cfg)
	}
}

// renderers makes one Markdown renderer per language, as a build does.
func renderers(cfg *config.Site) map[string]*markdown.Markdown {
	mds := map[string]*markdown.Markdown{}
	for _, code := range cfg.Order {
		l := cfg.Languages[code]
		mds[code] = markdown.New(markdown.Options{Lang: code, CJK: l.CJK(), Unsafe: cfg.Markup.Unsafe, Units: cfg.UnitSet})
	}
	return mds
}

// BenchmarkMarkdown measures rendering every body (figures included) on one core; the
// build spreads the same work over all cores.
func BenchmarkMarkdown(b *testing.B) {
	fsys := corpus1000()
	cfg := loadConfig(b, fsys)
	files := loadFiles(b, fsys, cfg)
	mds := renderers(cfg)
	var size int64
	for _, f := range files {
		size += int64(len(f.Body))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			if res := mds[f.Lang].Render(f.Body); len(res.Problems) > 0 {
				b.Fatalf("%s: %s", f.Path, res.Problems[0].Msg)
			}
		}
	}
}

// BenchmarkGraph measures building the page graph: sections, tags, sorting in each
// language's collation, translations and related briefs.
func BenchmarkGraph(b *testing.B) {
	fsys := corpus1000()
	cfg := loadConfig(b, fsys)
	files := loadFiles(b, fsys, cfg)
	b.ReportAllocs()
	for b.Loop() {
		var errs diag.List
		site.New(cfg, files, site.Options{Now: benchNow}, &errs)
		if err := errs.Err(); err != nil {
			b.Fatal(err)
		}
	}
}

// renderedSite is the page graph with every body rendered, as the templates see it.
func renderedSite(b *testing.B, fsys fs.FS) *site.Site {
	cfg := loadConfig(b, fsys)
	var errs diag.List
	st := site.New(cfg, loadFiles(b, fsys, cfg), site.Options{Now: benchNow}, &errs)
	if err := errs.Err(); err != nil {
		b.Fatal(err)
	}
	mds := renderers(cfg)
	for _, p := range st.Pages {
		if p.File == nil {
			continue
		}
		res := mds[p.Lang.Code].Render(p.File.Body)
		p.Content = template.HTML(res.HTML)
		if p.Summary == "" {
			p.Summary = markdown.Summarize(mds[p.Lang.Code].Lead(p.File.Body, p.Lang.SummaryLength), p.Lang.SummaryLength, p.Lang.CJK())
		}
		if p.Description == "" {
			p.Description = p.Summary
		}
	}
	return st
}

// BenchmarkTemplates measures executing the layouts for every page and pager, into
// memory, on one core; the build spreads the pages over all cores.
func BenchmarkTemplates(b *testing.B) {
	fsys := corpus1000()
	st := renderedSite(b, fsys)
	th := theme.New(fsys, briefs.Theme)
	r, err := render.New(th, st)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		mem := output.NewMemory()
		for _, p := range st.Pages {
			if err := r.Page(p, mem); err != nil {
				b.Fatal(err)
			}
		}
		if err := r.Root(mem); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkWrite measures writing a built site to disk through output.Dir, on 1 to 8
// goroutines: the build writes from its GOMAXPROCS render workers, and this tells
// whether more writers than cores would hide the disk's latency (a writer pool). Each
// run writes a new folder, and none is deleted before the end: on ext4 without a
// journal, creating files just after deleting thousands is several times slower (the
// kernel skips recently freed inodes), which would measure the previous run's cleanup
// instead of the writes.
func BenchmarkWrite(b *testing.B) {
	mem := output.NewMemory()
	if _, err := build.Run(benchOptions(corpus1000()), mem); err != nil {
		b.Fatal(err)
	}
	names := mem.Names()
	var size int64
	for _, n := range names {
		data, _ := mem.Get(n)
		size += int64(len(data))
	}
	root := b.TempDir()
	for _, workers := range []int{1, 2, 4, 8} {
		b.Run(fmt.Sprintf("writers=%d", workers), func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				site := output.Site{Dir: filepath.Join(root, "site"), Reads: build.Sources()}
				d, err := output.NewDir(context.Background(), filepath.Join(root, fmt.Sprint(workers, "-", i), "public"), site)
				if err != nil {
					b.Fatal(err)
				}
				writeAll(b, d, mem, names, workers)
				if err := d.Commit(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// writeAll writes the named files of mem into d on the given number of goroutines.
func writeAll(b *testing.B, d *output.Dir, mem *output.Memory, names []string, workers int) {
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(names); i += workers {
				data, _ := mem.Get(names[i])
				if err := d.WriteFile(names[i], data); err != nil {
					b.Error(err)
					return
				}
			}
		})
	}
	wg.Wait()
}

// BenchmarkUpdate measures the dev server's rebuild after an edit to one brief, at
// 1,000 pairs (10,000 with BRIEFS_BENCH_LARGE=1): a body edit re-renders the brief and
// the lists that show it; a title, tag or date edit also changes the page graph (the
// lists the brief is on, its tags' pages, related briefs). The site has no search
// index, as at the commit the issue compares with (6b26788, where search was off by
// default); the "+search" cases add it, as it is by default now. The title edit
// puts a number before the title: the first edit gives the title one more term,
// which moves every position of the text in the index, the later ones only change
// the number. cpu-ms/op is the process's CPU time per edit, garbage collection
// included, and not the build's before (runtime.GC).
func BenchmarkUpdate(b *testing.B) {
	n := benchPairs
	if os.Getenv("BRIEFS_BENCH_LARGE") == "1" {
		n *= 10
	}
	for _, kind := range []string{"body", "title", "tag", "newtag", "date", "body+search", "title+search", "tag+search"} {
		b.Run(kind, func(b *testing.B) {
			fsys := testcorpus.FS(testcorpus.Options{N: n, Seed: 1})
			edit, search := strings.CutSuffix(kind, "+search")
			if !search {
				fsys["site.toml"] = &fstest.MapFile{Data: append([]byte("search = false\n"), fsys["site.toml"].Data...), Mode: 0o644}
			}
			opts := benchOptions(fsys)
			sess := build.NewLive(opts)
			mem := output.NewMemory()
			if _, err := sess.Build(mem); err != nil {
				b.Fatal(err)
			}
			name := firstBrief(b, fsys)
			orig := fsys[name].Data
			tag := otherTag(b, fsys, string(orig))
			b.ReportAllocs()
			i := 0
			runtime.GC() // the build's garbage is not the edits' cost
			cpu := cpuTime()
			for b.Loop() {
				i++
				src := editBrief(b, string(orig), edit, i)
				if edit == "tag" && i%2 == 1 { // a tag other briefs have, added and taken away
					src = strings.Replace(src, `tags = ["`, `tags = ["`+tag+`", "`, 1)
				}
				fsys[name] = &fstest.MapFile{Data: []byte(src), Mode: 0o644}
				if _, err := sess.Update([]string{name}, mem); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64((cpuTime()-cpu).Microseconds())/1000/float64(i), "cpu-ms/op")
		})
	}
}

// editBrief makes the i-th edit of one kind to a brief of the corpus: a line added
// to the body, or a new title, a tag no brief has (its page is made, and the last
// one's goes), or a new year (the brief moves along the lists). The "tag" edit is
// made by the caller.
func editBrief(b *testing.B, src, kind string, i int) string {
	from, to := "", ""
	switch kind {
	case "body":
		return src + fmt.Sprintf("\nOne more line, %d.\n", i)
	case "title":
		from, to = `title = "`, fmt.Sprintf(`title = "%d `, i)
	case "tag":
		return src
	case "newtag":
		from, to = `tags = ["`, fmt.Sprintf(`tags = ["标签%d", "`, i%7)
	case "date": // the year, four digits after "date = "
		at := strings.Index(src, "\ndate = ") + len("\ndate = ")
		return src[:at] + fmt.Sprint(2000+i%20) + src[at+4:]
	}
	if !strings.Contains(src, from) {
		b.Fatalf("no %q in the brief to edit", from)
	}
	return strings.Replace(src, from, to, 1)
}

// otherTag is a tag of the corpus's Chinese briefs that src does not have, on a
// number of briefs that is not a multiple of ten plus zero or one: adding the brief
// to it or taking it away leaves its list with as many pages.
func otherTag(b *testing.B, fsys fstest.MapFS, src string) string {
	count := map[string]int{}
	for name, f := range fsys {
		if !strings.HasSuffix(name, ".zh.md") {
			continue
		}
		_, rest, ok := strings.Cut(string(f.Data), "\ntags = [")
		line, _, _ := strings.Cut(rest, "]")
		for _, t := range strings.Split(line, ", ") {
			if ok {
				count[strings.Trim(t, `"`)]++
			}
		}
	}
	for _, t := range slices.Sorted(maps.Keys(count)) {
		if n := count[t]; n%10 > 1 && !strings.Contains(src, `"`+t+`"`) {
			return t
		}
	}
	b.Fatal("no tag to add")
	return ""
}

// firstBrief is the first Chinese brief of the corpus, in name order.
func firstBrief(b *testing.B, fsys fstest.MapFS) string {
	var names []string
	for name := range fsys {
		if strings.HasSuffix(name, ".zh.md") && !strings.HasSuffix(name, "_index.zh.md") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		b.Fatal("no brief in the corpus")
	}
	slices.Sort(names)
	return names[0]
}

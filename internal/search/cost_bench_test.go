package search

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// siteDocs reads the briefs of a generated site (bench/shared's gencorpus:
// plain Markdown with TOML front matter) in dir as the index would: the
// Markdown body standing in for the text the page shows, then summary,
// source, section, date and tags, as the build joins them.
func siteDocs(b *testing.B, dir string) []Doc {
	names, _ := filepath.Glob(filepath.Join(dir, "content", "*", "*.md"))
	slices.Sort(names)
	var docs []Doc
	for _, name := range names {
		base := filepath.Base(name)
		if strings.HasPrefix(base, "_index") {
			continue
		}
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		front, body, _ := strings.Cut(strings.TrimPrefix(string(data), "+++\n"), "+++\n")
		field := func(key string) string {
			for _, line := range strings.Split(front, "\n") {
				if k, v, ok := strings.Cut(line, " = "); ok && k == key {
					return strings.Trim(v, `"[]`)
				}
			}
			return ""
		}
		stem, lang, _ := strings.Cut(strings.TrimSuffix(base, ".md"), ".")
		section := filepath.Base(filepath.Dir(name))
		d := Doc{URL: lang + "/" + section + "/" + stem + "/", Title: field("title"), Section: section,
			Date: field("date")[:min(10, len(field("date")))], Summary: field("summary")}
		if tags := field("tags"); tags != "" {
			d.Tags = strings.Split(strings.ReplaceAll(tags, `"`, ""), ", ")
		}
		d.Text = strings.Join(append([]string{body, d.Summary, field("source"), d.Section, d.Date}, d.Tags...), "\n")
		docs = append(docs, d)
	}
	if len(docs) == 0 {
		b.Fatalf("no briefs in %s/content/*/", dir)
	}
	return docs
}

// cpuTime is the CPU time the process has used, user and system: a machine
// busy with other work inflates it far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// loopCPU runs f b.N times and reports its CPU time per run.
func loopCPU(b *testing.B, f func()) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		f()
	}
	b.ReportMetric(float64((cpuTime()-start).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkSearchSite measures the index of a generated site (the folder
// BRIEFS_BENCH_SITE, made by bench/shared's gencorpus): reading its briefs
// (prepare), putting each language's index together (build), writing its
// files in memory (files), and all three with a new tokenizer (all). "load"
// only reads the briefs, so that all's instruction count under callgrind, less
// load's, is the index's:
//
//	go test -c -o search.test ./internal/search
//	BRIEFS_BENCH_SITE=DIR GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 valgrind --tool=callgrind \
//	  ./search.test -test.run '^$' -test.bench 'SearchSite/all$' -test.benchtime 1x
func BenchmarkSearchSite(b *testing.B) {
	dir := os.Getenv("BRIEFS_BENCH_SITE")
	if dir == "" {
		b.Skip("BRIEFS_BENCH_SITE names no generated site")
	}
	docs := siteDocs(b, dir)
	lang := func(p *Page) string { return strings.SplitN(p.URL, "/", 2)[0] }
	index := func(tok *Tokenizer, pages []*Page) []*Index {
		byLang := map[string][]*Page{}
		for _, p := range pages {
			byLang[lang(p)] = append(byLang[lang(p)], p)
		}
		return []*Index{Build(tok, byLang["en"]), Build(tok, byLang["zh"])}
	}
	b.Run("load", func(b *testing.B) {
		for b.Loop() {
		}
	})
	b.Run("all", func(b *testing.B) {
		loopCPU(b, func() {
			tok := newTestTokenizer()
			for i, ix := range index(tok, preparedPages(tok, docs)) {
				ix.Files("search/" + []string{"en", "zh"}[i])
			}
		})
	})
	tok := newTestTokenizer()
	pages := preparedPages(tok, docs)
	b.Run("prepare", func(b *testing.B) { loopCPU(b, func() { preparedPages(tok, docs) }) })
	b.Run("build", func(b *testing.B) { loopCPU(b, func() { index(tok, pages) }) })
	ixs := index(tok, pages)
	b.Run("files", func(b *testing.B) {
		loopCPU(b, func() {
			for i, ix := range ixs {
				ix.Files("search/" + []string{"en", "zh"}[i])
			}
		})
	})
}

// Package testcorpus generates the site that briefs is measured on: a bilingual
// (Chinese and English) site of N policy-brief pairs that looks like the sites briefs is
// for, so that benchmarks, profiles and the comparison with Hugo (bench/compare.sh)
// exercise the same work a real build does, and give the same numbers on every machine.
//
// Each brief is about 1,500 Han characters in Chinese and a condensed English
// translation of about 700 words, with ## headings, a bullet list, bold text, 1 to 4
// links, a GFM table in about 40% of them, and figures written with the num shortcode
// ({{< num "7.9亿元" >}}), the same on both sides. Each has 3 to 5 tags from a pool of
// 200 per language (120 topics, 80 regions), translated on the English side, a source,
// an editor and a translationKey; about half have a summary in their front matter.
//
// The output is a function of the seed and N only: byte-identical for the same seed on
// any machine and Go version, and article i depends only on (seed, i), so the corpus of
// 1,000 pairs is the first 1,000 of the corpus of 10,000.
package testcorpus

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing/fstest"
)

// Options choose a corpus.
type Options struct {
	// N is the number of article pairs; each pair is a .zh.md and an .en.md file.
	N int
	// Seed selects the text; the same seed always gives the same bytes.
	Seed uint64
}

// Stats describe a written corpus, so that a benchmark report can say what was measured.
type Stats struct {
	Files int   // all files, site.toml and _index files included
	Bytes int64 // their total size
	Han   int64 // Han characters in the Chinese bodies
	Words int64 // words in the English bodies
}

// Write writes the corpus into dir: dir/site.toml and dir/content/. It refuses a dir
// that already has a content folder, so that files of an earlier corpus cannot mix
// into this one. Articles are generated and written on all cores.
func Write(dir string, opts Options) (Stats, error) {
	var st Stats
	if opts.N < 0 {
		return st, fmt.Errorf("testcorpus: N = %d; give 0 or more pairs", opts.N)
	}
	if _, err := os.Stat(filepath.Join(dir, "content")); err == nil {
		return st, fmt.Errorf("testcorpus: %s already has a content folder; remove it first", dir)
	}
	fixedFiles := siteFiles()
	for name, data := range fixedFiles {
		if err := writeFile(dir, name, data); err != nil {
			return st, err
		}
		st.Files++
		st.Bytes += int64(len(data))
	}
	var files, bytes, han, words atomic.Int64
	err := forEach(opts.N, func(i int) error {
		p := article(opts.Seed, i)
		for _, f := range [2]struct {
			name string
			data []byte
		}{{p.dir + p.slug + ".zh.md", p.zh}, {p.dir + p.slug + ".en.md", p.en}} {
			if err := writeFile(dir, f.name, f.data); err != nil {
				return err
			}
			bytes.Add(int64(len(f.data)))
		}
		files.Add(2)
		han.Add(int64(p.han))
		words.Add(int64(p.enWords))
		return nil
	})
	st.Files += int(files.Load())
	st.Bytes += bytes.Load()
	st.Han, st.Words = han.Load(), words.Load()
	return st, err
}

// writeFile writes one file below dir, making its folder only when the write finds it
// missing: trying first saves a stat for each of the 20,000 files of a large corpus.
func writeFile(dir, name string, data []byte) error {
	full := filepath.Join(dir, filepath.FromSlash(name))
	err := os.WriteFile(full, data, 0o644)
	if errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			return err
		}
		err = os.WriteFile(full, data, 0o644)
	}
	return err
}

// Files returns the corpus in memory, keyed by slash-separated path ("site.toml",
// "content/law/20230504-000017.zh.md"), for tests and benchmarks that should not
// measure the disk.
func Files(opts Options) map[string][]byte {
	out := siteFiles()
	pairs := make([]pairFiles, max(opts.N, 0))
	_ = forEach(len(pairs), func(i int) error {
		pairs[i] = article(opts.Seed, i)
		return nil
	})
	for _, p := range pairs {
		out[p.dir+p.slug+".zh.md"] = p.zh
		out[p.dir+p.slug+".en.md"] = p.en
	}
	return out
}

// FS returns the corpus as a file system, ready to be a build's site folder.
func FS(opts Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range Files(opts) {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return fsys
}

// forEach calls fn for 0 ≤ i < n on all cores and returns the first error; after an
// error the remaining indexes are skipped.
func forEach(n int, fn func(i int) error) error {
	var next atomic.Int64
	var first error
	var once sync.Once
	var failed atomic.Bool
	var wg sync.WaitGroup
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := fn(i); err != nil {
					once.Do(func() { first = err })
					failed.Store(true)
				}
			}
		})
	}
	wg.Wait()
	return first
}

// siteTOML sets what the benchmark compares: Chinese first with English translations,
// ten briefs to a list page, the defaults for everything else.
const siteTOML = `# A generated benchmark site (package testcorpus): Chinese first, English translations.
baseURL = "https://example.org/"
defaultLanguage = "zh"
timeZone = "Asia/Shanghai"
pageSize = 10

[languages.zh]
title = "政策简报"
description = "各地各部门政策动态、法治建设、安全生产与民生工作双语简报。"
locale = "zh-CN"
label = "中文"
weight = 1

[languages.en]
title = "Policy Briefs"
description = "Bilingual briefs on policy, the rule of law, public safety and livelihoods across China."
locale = "en"
label = "English"
weight = 2
`

// homeIntro and tagsIntro are the text of the list pages that are not sections.
var (
	homeIntro = pair{
		"各地各部门政策动态、法治建设、安全生产、生态环境与民生工作简报，中英文对照发布。",
		"Briefs on policy, the rule of law, public safety, the environment and livelihoods from across China, in Chinese and English.",
	}
	tagsTitle = pair{"标签", "Tags"}
	tagsIntro = pair{"按主题和地区浏览全部简报。", "Browse all briefs by topic and by region."}
)

// siteFiles are the files that do not depend on N: site.toml and the _index files of
// the home page, the sections and the tags page.
func siteFiles() map[string][]byte {
	files := map[string][]byte{"site.toml": []byte(siteTOML)}
	index := func(dir string, title, intro pair, weight int) {
		for _, lang := range [2]string{"zh", "en"} {
			t, body := title.zh, intro.zh
			if lang == "en" {
				t, body = title.en, intro.en
			}
			out := append([]byte("+++\ntitle = "), quote(nil, t)...)
			if weight > 0 {
				out = append(out, "\nweight = "+strconv.Itoa(weight)...)
			}
			out = append(out, "\n+++\n\n"+body+"\n"...)
			files[dir+"_index."+lang+".md"] = out
		}
	}
	index("content/", pair{"政策简报", "Policy Briefs"}, homeIntro, 0)
	index("content/tags/", tagsTitle, tagsIntro, 0)
	for i, s := range sections {
		index("content/"+s.slug+"/", s.name, s.intro, i+1)
	}
	return files
}

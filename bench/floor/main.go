// Command floor is the least work a static site generator can do with a corpus: read
// every .md file, split off the front matter, render the Markdown with goldmark (and
// its GFM extension) and write each result to a file, on all cores. It builds no page
// graph, runs no templates and writes no list pages.
//
// bench/compare.sh times it beside briefs and Hugo as a floor: no generator that does
// what briefs does can be much faster, so briefs' time divided by the floor's says how
// much of a build is overhead. The project's target is briefs within 1.6x of it.
//
//	floor [-pretty] -in SITE/content -out DIR
//
// It writes DIR/<path of the .md file without .md>.html and prints one line: files,
// bytes and elapsed time. With -pretty it writes DIR/<path without .md>/index.html
// instead, a folder per page as any generator with pretty URLs must make: that
// variant is a reference for how much of the gap is the file system's, not the target.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() {
	in := flag.String("in", "", "folder of .md files (the site's content/)")
	out := flag.String("out", "", "folder to write the .html files into")
	flag.BoolVar(&pretty, "pretty", false, "write <page>/index.html, a folder per page, as pretty URLs need")
	flag.Parse()
	if *in == "" || *out == "" || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: floor [-pretty] -in CONTENT -out DIR")
		os.Exit(2)
	}
	start := time.Now()
	files, size, err := run(*in, *out)
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		os.Exit(1)
	}
	fmt.Printf("floor: %d files, %.1f MB in %v\n", files, float64(size)/1e6, time.Since(start).Round(time.Millisecond))
}

// run converts every .md file below in, on GOMAXPROCS goroutines.
func run(in, out string) (files int64, size int64, err error) {
	paths, err := list(in)
	if err != nil {
		return 0, 0, err
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	var next, written, total atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, runtime.GOMAXPROCS(0))
	for w := range errs {
		wg.Go(func() {
			var buf bytes.Buffer
			for {
				i := int(next.Add(1)) - 1
				if i >= len(paths) || errs[w] != nil {
					return
				}
				n, err := convert(md, &buf, in, out, paths[i])
				errs[w] = err
				written.Add(1)
				total.Add(int64(n))
			}
		})
	}
	wg.Wait()
	return written.Load(), total.Load(), errors.Join(errs...)
}

// list returns the .md files below dir, relative to it.
func list(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			paths = append(paths, rel)
		}
		return nil
	})
	return paths, err
}

// convert renders one file and writes it; it returns the number of bytes written.
func convert(md goldmark.Markdown, buf *bytes.Buffer, in, out, rel string) (int, error) {
	src, err := os.ReadFile(filepath.Join(in, rel))
	if err != nil {
		return 0, err
	}
	buf.Reset()
	if err := md.Convert(body(src), buf); err != nil {
		return 0, fmt.Errorf("%s: %w", rel, err)
	}
	dst := filepath.Join(out, strings.TrimSuffix(rel, ".md")+".html")
	if pretty {
		dst = filepath.Join(out, strings.TrimSuffix(rel, ".md"), "index.html")
	}
	if dir := filepath.Dir(dst); !madeDirs.has(dir) {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return 0, err
		}
		madeDirs.add(dir)
	}
	return buf.Len(), os.WriteFile(dst, buf.Bytes(), 0o644)
}

// dirSet remembers the folders already made, so that each costs one mkdir, not one
// per file: the floor should not be slowed by work a generator need not do.
type dirSet struct{ m sync.Map }

func (s *dirSet) has(dir string) bool { _, ok := s.m.Load(dir); return ok }
func (s *dirSet) add(dir string)      { s.m.Store(dir, true) }

var madeDirs dirSet

// pretty is the -pretty flag: one folder per page.
var pretty bool

// body returns src without its front matter: everything up to the line that closes
// the opening +++ (or ---) line.
func body(src []byte) []byte {
	for _, fence := range []string{"+++", "---"} {
		if !bytes.HasPrefix(src, []byte(fence+"\n")) {
			continue
		}
		rest := src[len(fence)+1:]
		if i := bytes.Index(rest, []byte("\n"+fence+"\n")); i >= 0 {
			return rest[i+len(fence)+2:]
		}
	}
	return src
}

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
//	floor -same PACK -in SITE/content -out DIR
//	floor -pack BUILT -out PACK
//
// It writes DIR/<path of the .md file without .md>.html and prints one line: files,
// bytes and elapsed time. With -pretty it writes DIR/<path without .md>/index.html
// instead, a folder per page as any generator with pretty URLs must make: that
// variant is a reference for how much of the gap is the file system's, not the target.
//
// With -same it reads and renders the content as above but writes none of it:
// instead it writes into DIR exactly the files of a folder briefs built (same paths,
// same bytes; every list page, feed, sitemap and the folder per page), taken from
// PACK, a snapshot of that folder made beforehand by -pack, or from a built folder
// read at the start. That is the floor plus briefs' output with no templates and no
// page graph: what any program that writes what briefs writes must spend, so the
// gap between briefs and it is what briefs' layouts and bookkeeping cost. Rendering
// and writing run at once, as in briefs, the writes on two goroutines per core.
//
// -cpuprofile FILE writes a CPU profile of the run, for go tool pprof.
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
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

func main() { os.Exit(floor(os.Args[1:])) }

// floor runs the command with args and returns its exit code.
func floor(args []string) int {
	fl := flag.NewFlagSet("floor", flag.ContinueOnError)
	in := fl.String("in", "", "folder of .md files (the site's content/)")
	out := fl.String("out", "", "folder to write the .html files into (with -pack, the pack file)")
	fl.BoolVar(&pretty, "pretty", false, "write <page>/index.html, a folder per page, as pretty URLs need")
	same := fl.String("same", "", "write the files of this pack (or built folder) instead of the .html files")
	pack := fl.String("pack", "", "snapshot this built folder into the pack file -out, for -same")
	cpuProfile := fl.String("cpuprofile", "", "write a CPU profile to this file")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	usage := *out == "" || fl.NArg() > 0 || (*pack == "") == (*in == "") || (*pack != "" && (*same != "" || pretty)) || (*same != "" && pretty)
	if usage {
		fmt.Fprintln(os.Stderr, "usage: floor [-pretty] -in CONTENT -out DIR\n       floor -same PACK|BUILT -in CONTENT -out DIR\n       floor -pack BUILT -out PACK")
		return 2
	}
	if *cpuProfile != "" {
		stop, err := startProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(os.Stderr, "floor:", err)
			return 1
		}
		defer stop()
	}
	start := time.Now()
	var msg string
	var err error
	switch {
	case *pack != "":
		var files int
		var size int64
		files, size, err = writePack(*pack, *out)
		msg = fmt.Sprintf("floor: packed %d files, %.1f MB, into %s", files, float64(size)/1e6, *out)
	case *same != "":
		msg, err = runSame(*in, *out, *same)
	default:
		var files, size int64
		files, size, err = run(*in, *out, true)
		msg = fmt.Sprintf("floor: %d files, %.1f MB", files, float64(size)/1e6)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "floor:", err)
		return 1
	}
	fmt.Printf("%s in %v\n", msg, time.Since(start).Round(time.Millisecond))
	return 0
}

// startProfile profiles the process's CPU into file until stop is called.
func startProfile(file string) (stop func(), err error) {
	f, err := os.Create(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// runSame renders the content below in without writing it and, at the same time,
// writes the files of the pack or built folder src into out.
func runSame(in, out, src string) (string, error) {
	entries, release, err := loadSame(src)
	if err != nil {
		return "", err
	}
	defer release()
	var rendered, renderedSize, files, size int64
	var renderErr, writeErr error
	var wg sync.WaitGroup
	wg.Go(func() { rendered, renderedSize, renderErr = run(in, out, false) })
	wg.Go(func() { files, size, writeErr = writeSame(out, entries, 2*runtime.GOMAXPROCS(0)) })
	wg.Wait()
	if err := errors.Join(renderErr, writeErr); err != nil {
		return "", err
	}
	return fmt.Sprintf("floor -same: rendered %d .md files (%.1f MB of HTML, not written), wrote %d files, %.1f MB,",
		rendered, float64(renderedSize)/1e6, files, float64(size)/1e6), nil
}

// run converts every .md file below in, on GOMAXPROCS goroutines, and writes the
// results into out unless write is false.
func run(in, out string, write bool) (files int64, size int64, err error) {
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
				n, err := convert(md, &buf, in, out, paths[i], write)
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

// convert renders one file and, if write, writes it; it returns the number of bytes
// rendered.
func convert(md goldmark.Markdown, buf *bytes.Buffer, in, out, rel string, write bool) (int, error) {
	src, err := os.ReadFile(filepath.Join(in, rel))
	if err != nil {
		return 0, err
	}
	buf.Reset()
	if err := md.Convert(body(src), buf); err != nil {
		return 0, fmt.Errorf("%s: %w", rel, err)
	}
	if !write {
		return buf.Len(), nil
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

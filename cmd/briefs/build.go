package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"runtime/trace"
	"strings"
	"syscall"
	"time"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/output"
)

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [-s SITE] [-o OUT] [--drafts] [--future] [--expired] [--environment production] [--base-url URL] [--themes-dir DIR] [--quiet] [--cpuprofile FILE]", stdout, stderr)
	var sf siteFlags
	sf.register(fs)
	out := fs.String("o", "", "the output `folder` (default SITE/public)")
	quiet := fs.Bool("quiet", false, "print no progress line and no summary, only problems")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	if code, ok := parseFlags(fs, args, stdout, 0); !ok {
		return code
	}
	// A one-shot build, not serve, whose process ends with the build: its garbage
	// need not be collected while the heap is small (see buildHeapFloor).
	defer heapFloor(buildHeapFloor, os.Getenv)()
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "briefs build:", err)
			return exitUsage
		}
		defer stop()
	}
	defer startTrace(os.Getenv, stderr)()
	if code := checkSite(stderr, sf.dir); code != exitOK {
		return code
	}
	if *out == "" {
		*out = filepath.Join(sf.dir, "public")
	}
	start := time.Now()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	dir, err := output.NewDir(ctx, *out, output.Site{Dir: sf.dir, Reads: build.Sources()})
	if err != nil {
		return reportOutput(stderr, err)
	}
	opts := sf.options()
	opts.Context = dir.Context()
	prog := newProgress(stderr, *quiet)
	if prog != nil {
		opts.Progress = prog
	}
	// Twice as many writers as cores hide the disk's latency (see output.Queue).
	q := dir.Queue(min(2*runtime.GOMAXPROCS(0), 16))
	res, err := build.Run(opts, q)
	reg := trace.StartRegion(ctx, "write the queue's last files")
	werr := q.Close()
	reg.End()
	if err == nil {
		err = werr
	}
	prog.Stop() // before anything else is printed
	if err == nil {
		printWarnings(stderr, sf.dir, res.Warnings)
		reg := trace.StartRegion(ctx, "commit")
		err = dir.Commit()
		reg.End()
	}
	if err != nil {
		_ = dir.Abort()
		return reportBuildFailure(stderr, sf.dir, *out, err)
	}
	if *quiet {
		return exitOK
	}
	var langs []string
	for _, c := range res.Pages {
		langs = append(langs, fmt.Sprintf("%s %d", c.Lang, c.Pages))
	}
	fmt.Fprintf(stdout, "built %s pages; %d files, %.1f MB in %s → %s\n", strings.Join(langs, ", "),
		dir.Files(), float64(dir.Bytes())/1e6, time.Since(start).Round(time.Millisecond), *out)
	return exitOK
}

// startCPUProfile profiles the process into file until the returned stop is called.
// A profile is what a slow build's bug report needs; Go's own tools take the same flag.
func startCPUProfile(file string) (stop func(), err error) {
	f, err := createProfile(file)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// checkSite refuses, before anything is written, a site folder that is not one: a
// build of a folder without content/ would publish an empty site over the last one.
func checkSite(stderr io.Writer, dir string) int {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "briefs build: %s is not a site folder; name one with -s\n", dir)
		return exitUsage
	}
	if !hasContent(dir) {
		fmt.Fprintf(stderr, "%s: no content/ folder; nothing was written. Name the site folder with -s, or start one with briefs new SECTION/SLUG\n", dir)
		return exitContent
	}
	return exitOK
}

// createProfile opens file for a new profile. It overwrites only an earlier profile
// (gzip data, as pprof writes them), so that a slip such as --cpuprofile site.toml
// loses nothing.
func createProfile(file string) (*os.File, error) {
	f, err := os.OpenFile(file, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, err
	}
	head := make([]byte, 2)
	n, _ := io.ReadFull(f, head)
	if n > 0 && (n < 2 || head[0] != 0x1f || head[1] != 0x8b) {
		f.Close()
		return nil, fmt.Errorf("%s exists and is not a CPU profile; choose another --cpuprofile file", file)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		return nil, err
	}
	if err := f.Truncate(0); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// hasContent reports whether the site folder has a content folder: content/, or one
// that its configuration names for a language (Hugo's contentDir, such as content.en).
func hasContent(dir string) bool {
	dirs := []string{content.Dir}
	if cfg, err := config.Read(os.DirFS(dir)); err == nil {
		dirs = append(dirs, cfg.ContentDirs()...)
	}
	for _, d := range dirs {
		if info, err := os.Stat(filepath.Join(dir, filepath.FromSlash(d))); err == nil && info.IsDir() {
			return true
		}
	}
	return false
}

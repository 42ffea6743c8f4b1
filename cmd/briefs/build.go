package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

// newFlags makes a command's flag set that prints its usage to the right stream.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: briefs %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, telling -h (exit 0, usage on stdout) from a bad flag (exit 2).
// A command takes at most maxArgs arguments after its flags.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer, maxArgs int) (int, bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	}
	if err != nil {
		return exitUsage, false
	}
	if fs.NArg() > maxArgs {
		fmt.Fprintf(fs.Output(), "briefs %s: unexpected argument %q\n", fs.Name(), fs.Arg(maxArgs))
		return exitUsage, false
	}
	return 0, true
}

type siteFlags struct {
	dir                     string
	baseURL                 string
	drafts, future, expired bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "s", ".", "the site `folder` (holds site.toml)")
	fs.StringVar(&f.baseURL, "base-url", "", "publish under this `URL` instead of site.toml's baseURL")
	fs.BoolVar(&f.drafts, "drafts", false, "include drafts")
	fs.BoolVar(&f.future, "future", false, "include briefs whose publishDate is in the future")
	fs.BoolVar(&f.expired, "expired", false, "include briefs whose expiryDate has passed")
}

func (f *siteFlags) options() build.Options {
	return build.Options{Site: os.DirFS(f.dir), Theme: briefs.Theme, BaseURL: f.baseURL,
		Drafts: f.drafts, Future: f.future, Expired: f.expired}
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "build [-s SITE] [-o OUT] [--drafts] [--future] [--expired] [--base-url URL] [--cpuprofile FILE]", stdout, stderr)
	var sf siteFlags
	sf.register(fs)
	out := fs.String("o", "", "the output `folder` (default SITE/public)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the build to `file` (for go tool pprof)")
	if code, ok := parseFlags(fs, args, stdout, 0); !ok {
		return code
	}
	if *cpuProfile != "" {
		stop, err := startCPUProfile(*cpuProfile)
		if err != nil {
			fmt.Fprintln(stderr, "briefs build:", err)
			return exitUsage
		}
		defer stop()
	}
	if info, err := os.Stat(sf.dir); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "briefs build: %s is not a site folder; name one with -s\n", sf.dir)
		return exitUsage
	}
	if *out == "" {
		*out = filepath.Join(sf.dir, "public")
	}
	start := time.Now()
	dir, err := output.NewDir(*out)
	if err != nil {
		fmt.Fprintln(stderr, "briefs build:", err)
		return exitContent
	}
	res, err := build.Run(sf.options(), dir)
	if err != nil {
		_ = dir.Abort()
		return reportFailure(stderr, sf.dir, err)
	}
	printWarnings(stderr, sf.dir, res.Warnings)
	if err := dir.Commit(); err != nil {
		_ = dir.Abort()
		fmt.Fprintln(stderr, "briefs build:", err)
		return exitContent
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
	f, err := os.Create(file)
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

// reportFailure prints every problem of a failed build, then a count.
func reportFailure(stderr io.Writer, dir string, err error) int {
	var list *diag.List
	if errors.As(err, &list) {
		printWarnings(stderr, dir, list.Warnings())
		errs := list.Errors()
		for _, e := range errs {
			fmt.Fprintln(stderr, inSite(dir, e))
		}
		fmt.Fprintf(stderr, "build failed: %d %s; nothing was written\n", len(errs), plural(len(errs), "problem", "problems"))
		return exitContent
	}
	var de *diag.Error
	if errors.As(err, &de) {
		err = inSite(dir, de)
	}
	fmt.Fprintln(stderr, err)
	fmt.Fprintln(stderr, "build failed: nothing was written")
	return exitContent
}

func printWarnings(w io.Writer, dir string, warns []*diag.Error) {
	for _, e := range warns {
		fmt.Fprintln(w, inSite(dir, e))
	}
}

// inSite shows a problem's file as a path from the current folder, so that a terminal
// or editor can open it when the site is elsewhere (-s ../site).
func inSite(dir string, e *diag.Error) *diag.Error {
	if dir == "." || e.File == "" || strings.HasSuffix(e.File, ")") {
		return e
	}
	c := *e
	c.File = filepath.Join(dir, e.File)
	return &c
}

func plural(n int, one, other string) string {
	if n == 1 {
		return one
	}
	return other
}

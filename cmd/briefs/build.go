package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/pprof"
	"strings"
	"syscall"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/content"
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
		Drafts: f.drafts, Future: f.future, Expired: f.expired,
		ImageCache: filepath.Join(f.dir, ".cache", "briefs", "images")}
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
	res, err := build.Run(opts, dir)
	if err == nil {
		printWarnings(stderr, sf.dir, res.Warnings)
		err = dir.Commit()
	}
	if err != nil {
		_ = dir.Abort()
		return reportBuildFailure(stderr, sf.dir, *out, err)
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
	if info, err := os.Stat(filepath.Join(dir, content.Dir)); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "%s: no content/ folder; nothing was written. Name the site folder with -s, or start one with briefs new SECTION/SLUG\n", dir)
		return exitContent
	}
	return exitOK
}

// reportOutput prints why the output folder cannot be used: exit 2 when it is the
// wrong place (the command line must change), 1 when the disk said no.
func reportOutput(stderr io.Writer, err error) int {
	fmt.Fprintln(stderr, "briefs build:", err)
	var refused *output.RefusedError
	if errors.As(err, &refused) {
		return exitUsage
	}
	return exitContent
}

// reportBuildFailure prints why a build failed: one line for a write error or an
// interruption, which stop the build, or else every problem of the site.
func reportBuildFailure(stderr io.Writer, dir, out string, err error) int {
	var we *output.WriteError
	var refused *output.RefusedError
	switch {
	case errors.As(err, &we), errors.As(err, &refused):
		fmt.Fprintf(stderr, "briefs build: %v (%s is unchanged)\n", err, out)
		return exitContent
	case errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "briefs build: interrupted; nothing was written, %s is unchanged\n", out)
		return exitInterrupted
	}
	return reportFailure(stderr, dir, err)
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

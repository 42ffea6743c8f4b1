package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

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
	return reportFailure(stderr, dir, err, "build failed", "nothing was written")
}

// reportFailure prints every problem that stopped a command, then a count with the
// command's verdict ("build failed") and what that left undone ("nothing was written"),
// so check and stamp do not speak of a build.
func reportFailure(stderr io.Writer, dir string, err error, verdict, undone string) int {
	var list *diag.List
	if errors.As(err, &list) {
		printWarnings(stderr, dir, list.Warnings())
		errs := list.Errors()
		for _, e := range errs {
			fmt.Fprintln(stderr, inSite(dir, e))
		}
		fmt.Fprintf(stderr, "%s: %s; %s\n", verdict, diag.Count(len(errs), "problem", "problems"), undone)
		return exitContent
	}
	var de *diag.Error
	if errors.As(err, &de) {
		err = inSite(dir, de)
	}
	fmt.Fprintln(stderr, err)
	fmt.Fprintf(stderr, "%s: %s\n", verdict, undone)
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
	if dir == "." || e.File == "" || e.Builtin {
		return e
	}
	c := *e
	c.File = filepath.Join(dir, e.File)
	return &c
}

// inSiteErr is err with the files of its problems named as paths from the current
// folder, as inSite does for one problem.
func inSiteErr(dir string, err error) error {
	var list *diag.List
	var de *diag.Error
	switch {
	case errors.As(err, &list):
		var out diag.List
		for _, e := range list.Sorted() {
			out.Add(inSite(dir, e))
		}
		return &out
	case errors.As(err, &de):
		return inSite(dir, de)
	}
	return err
}

// inSitePath is a site file as a path from the current folder, as inSite makes it.
func inSitePath(dir, file string) string {
	if dir == "." || file == "" {
		return file
	}
	return filepath.Join(dir, file)
}

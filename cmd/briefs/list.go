package main

import (
	"fmt"
	"io"
	"time"

	"github.com/briefs/briefs/internal/site"
)

func runList(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("list", "list [-s SITE] drafts|future|expired", stdout, stderr)
	dir := fs.String("s", ".", "the site `folder` (holds site.toml)")
	if code, ok := parseFlags(fs, args, stdout, 1); !ok {
		return code
	}
	kinds := map[string]string{"drafts": "draft", "future": "future", "expired": "expired"}
	if fs.NArg() != 1 || kinds[fs.Arg(0)] == "" {
		fmt.Fprintln(stderr, "briefs list: say what to list: drafts, future or expired")
		return exitUsage
	}
	cfg, files, errs, err := loadSiteContent(*dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	opts := site.Options{Now: time.Now()}
	for _, f := range files {
		if opts.Excluded(f) != kinds[fs.Arg(0)] {
			continue
		}
		when := f.Front.Date
		switch fs.Arg(0) {
		case "future":
			when = f.Front.PublishDate
		case "expired":
			when = f.Front.ExpiryDate
		}
		shown := "-" // a page without a date (Hugo allows it)
		if !when.IsZero() {
			shown = when.In(cfg.Location).Format("2006-01-02 15:04")
		}
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", f.Path, shown, f.Front.Title)
	}
	for _, e := range errs.Errors() {
		fmt.Fprintln(stderr, e)
	}
	if len(errs.Errors()) > 0 {
		return exitContent
	}
	return exitOK
}

package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/check"
	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [-s SITE] [--format text|json] [--strict] [--environment production] [--themes-dir DIR]", stdout, stderr)
	dir := fs.String("s", ".", "the site `folder` (holds site.toml)")
	format := fs.String("format", "text", "`text` for people, json for tools (one object per line)")
	strict := fs.Bool("strict", false, "fail on warnings too")
	themesDir := fs.String("themes-dir", "", "look for the site's Hugo themes in this `folder` (relative to the site; Hugo's --themesDir)")
	env := fs.String("environment", "", "check the site as this Hugo `environment` builds it: config/<environment>/ merged over config/_default/ (default: HUGO_ENVIRONMENT, else production, as build)")
	if code, ok := parseFlags(fs, args, stdout, 0); !ok {
		return code
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "briefs check: --format %q: use text or json\n", *format)
		return exitUsage
	}
	rep, err := check.Run(check.Options{Site: os.DirFS(*dir), Dir: *dir, ThemesDir: *themesDir, Theme: briefs.Theme, Environment: environment(*env, "")})
	if err != nil {
		return reportFailure(stderr, *dir, err, "check stopped", "fix these first, then run briefs check again")
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		for _, f := range rep.Findings {
			f.File = inSitePath(*dir, f.File)
			enc.Encode(f)
		}
	} else {
		printReport(stdout, *dir, rep)
	}
	if rep.Count(diag.SevError) > 0 || *strict && rep.Count(diag.SevWarning) > 0 {
		return exitContent
	}
	return exitOK
}

func printReport(w io.Writer, dir string, rep *check.Report) {
	figures := false
	for _, f := range rep.Findings {
		if f.Severity == diag.SevInfo {
			continue
		}
		f.File = inSitePath(dir, f.File)
		fmt.Fprintln(w, f)
		figures = figures || f.Kind == "figure"
	}
	if figures {
		fmt.Fprintln(w, "\nA figure that is right can be silenced: put <!-- check:ignore --> on its line, or list it in the file's front matter: checkIgnore = [\"7.9亿元\"].")
	}
	fmt.Fprintln(w, "\nTranslations:")
	for _, c := range rep.Coverage {
		sec := c.Section
		fmt.Fprintf(w, "  %-28s %-6s %3d of %3d translated\n", sec, c.Lang, c.Translated, c.Briefs)
	}
	for _, f := range rep.Findings {
		if f.Severity == diag.SevInfo {
			fmt.Fprintf(w, "  %s: %s\n", inSitePath(dir, f.File), f.Msg)
		}
	}
	fmt.Fprintf(w, "\n%s, %s\n", diag.Count(rep.Count(diag.SevError), "error", "errors"),
		diag.Count(rep.Count(diag.SevWarning), "warning", "warnings"))
}

func runStamp(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("stamp", "stamp [-s SITE] FILE...", stdout, stderr)
	dir := fs.String("s", ".", "the site `folder` (holds site.toml)")
	if code, ok := parseFlags(fs, args, stdout, 1<<20); !ok {
		return code
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "briefs stamp: name the translation files to stamp, as in: briefs stamp content/law/x.en.md")
		return exitUsage
	}
	cfg, files, errs, err := loadSiteContent(*dir)
	if err == nil {
		err = errs.Err()
	}
	if err != nil {
		return reportFailure(stderr, *dir, err, "stamp stopped", "no file was stamped")
	}
	code := exitOK
	for _, arg := range fs.Args() {
		if err := stamp(*dir, arg, cfg, files, stdout); err != nil {
			fmt.Fprintln(stderr, "briefs stamp:", err)
			code = exitContent
		}
	}
	return code
}

// stamp records in the translation at arg which version of its source it translates.
func stamp(dir, arg string, cfg *config.Site, files []*content.File, stdout io.Writer) error {
	rel, err := filepath.Rel(dir, arg)
	if err != nil || strings.HasPrefix(rel, "..") {
		rel = arg
	}
	rel = filepath.ToSlash(rel)
	i := slices.IndexFunc(files, func(x *content.File) bool { return x.Path == rel })
	if i < 0 {
		return fmt.Errorf("%s is not a brief of the site in %s", arg, dir)
	}
	data, src, err := content.StampTranslation(cfg, files, files[i])
	var none *content.NoOriginalError
	if errors.As(err, &none) {
		return fmt.Errorf("%s: %w", arg, err)
	}
	if err != nil {
		return err
	}
	if err := output.Replace(filepath.Join(dir, filepath.FromSlash(rel)), data); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%s: translation of %s as it is now\n", arg, src.Path)
	return nil
}

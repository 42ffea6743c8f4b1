package main

import (
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("new", "new [-s SITE] <section>/<slug>[.<lang>.md]", stdout, stderr)
	dir := fs.String("s", ".", "the site `folder` (holds site.toml)")
	if code, ok := parseFlags(fs, args, stdout, 1); !ok {
		return code
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "briefs new: name one brief, as in: briefs new law/my-brief")
		return exitUsage
	}
	cfg, err := loadSiteConfig(*dir)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return exitContent
	}
	n, err := content.ParseNewName(cfg, fs.Arg(0))
	if err != nil {
		fmt.Fprintln(stderr, "briefs new:", err)
		return exitUsage
	}
	skeleton := content.DefaultSkeleton
	if b, err := os.ReadFile(filepath.Join(*dir, "layouts", content.SkeletonFile)); err == nil {
		skeleton = string(b)
	}
	files, err := content.NewFiles(cfg, n, skeleton, time.Now(), existingSource(*dir, n, cfg))
	if err != nil {
		fmt.Fprintln(stderr, "briefs new:", err)
		return exitUsage
	}
	names := missing(*dir, files)
	if len(names) == 0 {
		what := path.Join(cfg.Languages[cfg.DefaultLanguage].ContentDir, n.Section, n.Slug) + " already exists in every language"
		if n.Lang != "" {
			what = path.Join(cfg.Languages[n.Lang].ContentDir, n.Section, n.Slug+"."+n.Lang+".md") + " already exists"
		}
		fmt.Fprintf(stderr, "briefs new: %s; nothing was written (choose another slug or edit it)\n", what)
		return exitContent
	}
	for _, name := range names {
		full := filepath.Join(*dir, filepath.FromSlash(name))
		if err := output.Create(full, files[name]); err != nil {
			fmt.Fprintln(stderr, "briefs new:", err)
			return exitContent
		}
		fmt.Fprintln(stdout, full)
	}
	return exitOK
}

// missing returns, sorted, the new files that do not exist yet: "briefs new" never
// overwrites, and leaves alone the languages that already have the brief.
func missing(dir string, files map[string][]byte) []string {
	names := make([]string, 0, len(files))
	for name := range files {
		if _, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(name))); err != nil {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	return names
}

// existingSource returns the brief's original (default language) when it already
// exists, so that "briefs new" for the other languages records which version they
// translate.
func existingSource(dir string, n content.NewName, cfg *config.Site) *content.File {
	p := path.Join(cfg.Languages[cfg.DefaultLanguage].ContentDir, n.Section, n.Slug+"."+cfg.DefaultLanguage+".md")
	var errs diag.List
	return content.Read(os.DirFS(dir), p, cfg, &errs)
}

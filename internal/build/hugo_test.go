package build_test

import (
	"bufio"
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// hugoLayouts are the layouts Hugo needs to render every kind of page of a test
// site; briefs never sees them (it has its own default theme).
var hugoLayouts = map[string]string{
	"layouts/index.html":             "page {{ .Title }}",
	"layouts/_default/single.html":   "page {{ .Title }}",
	"layouts/_default/list.html":     "page {{ .Title }}",
	"layouts/_default/taxonomy.html": "page {{ .Title }}",
	"layouts/_default/term.html":     "page {{ .Title }}",
}

// hugoPath returns the path of the hugo command. Without hugo the test is skipped,
// unless BRIEFS_REQUIRE_HUGO is set (CI sets it), when it fails.
func hugoPath(t *testing.T) string {
	t.Helper()
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		if os.Getenv("BRIEFS_REQUIRE_HUGO") != "" {
			t.Fatal("hugo is not installed, and BRIEFS_REQUIRE_HUGO is set")
		}
		t.Skip("hugo is not installed")
	}
	return hugo
}

// runHugo builds the Hugo site in dir with hugo, quietly, into a new temporary
// folder, and returns that folder; a failed build fails the test with Hugo's output.
func runHugo(t *testing.T, hugo, dir string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	if msg, err := exec.Command(hugo, "--quiet", "-s", dir, "-d", out).CombinedOutput(); err != nil {
		t.Fatalf("hugo: %v\n%s", err, msg)
	}
	return out
}

// forEachSite runs test, in parallel subtests named after the files, on each site of
// the txtar archives matching glob, written to a temporary folder dir (want holds the
// lines of its "want" file, as writeSite reads them).
func forEachSite(t *testing.T, glob string, test func(t *testing.T, dir string, want []string)) {
	t.Helper()
	files, _ := filepath.Glob(glob)
	if len(files) == 0 {
		t.Fatal("no " + glob)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir, want := writeSite(t, ar)
			test(t, dir, want)
		})
	}
}

// TestHugoURLs builds each site of testdata/hugo/*.txtar with briefs and with Hugo
// (Debian's, /usr/bin/hugo) and compares the pages each makes: the paths of their
// index.html files. A site's "want" file lists the known differences, one a line:
// "+path" for a page only briefs makes, "-path" for one only Hugo makes, each with a
// "# why" comment. Without hugo the test is skipped, unless BRIEFS_REQUIRE_HUGO is
// set (CI sets it).
func TestHugoURLs(t *testing.T) {
	hugo := hugoPath(t)
	forEachSite(t, "testdata/hugo/*.txtar", func(t *testing.T, dir string, want []string) {
		got := briefsPages(t, dir)
		hugoDir := t.TempDir()
		if err := os.CopyFS(hugoDir, os.DirFS(dir)); err != nil {
			t.Fatal(err)
		}
		for name, data := range hugoLayouts {
			writeFile(t, filepath.Join(hugoDir, name), data)
		}
		out := runHugo(t, hugo, hugoDir)
		hugoPages := indexPages(t, out)
		t.Logf("briefs: %d pages and files, Hugo: %d: %v", len(got), len(hugoPages), hugoPages)
		diff := compare(got, hugoPages)
		if !slices.Equal(diff, want) {
			t.Errorf("briefs and Hugo differ in:\n%s\nwant (the known differences):\n%s",
				strings.Join(diff, "\n"), strings.Join(want, "\n"))
		}
	})
}

// writeSite writes the site files of ar into a temporary folder and returns it, with
// the known differences of its "want" file (without comments).
func writeSite(t *testing.T, ar *txtar.Archive) (string, []string) {
	dir := t.TempDir()
	var want []string
	for _, f := range ar.Files {
		if f.Name == "want" {
			sc := bufio.NewScanner(strings.NewReader(string(f.Data)))
			for sc.Scan() {
				line, _, _ := strings.Cut(sc.Text(), "#")
				if line = strings.TrimSpace(line); line != "" {
					want = append(want, line)
				}
			}
			continue
		}
		writeFile(t, filepath.Join(dir, filepath.FromSlash(f.Name)), string(f.Data))
	}
	slices.Sort(want)
	return dir, want
}

func writeFile(t *testing.T, name, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// briefsPages builds the site with briefs and returns the folders of its pages, and
// the other files it writes from the content (bundles' files).
func briefsPages(t *testing.T, dir string) []string {
	mem := output.NewMemory()
	res, err := build.Run(build.Options{Site: os.DirFS(dir), Theme: briefs.Theme}, mem)
	if err != nil {
		t.Fatalf("briefs: %v", err)
	}
	// Search is briefs' own (Hugo has none): its built-in pages and index files are
	// left out of the comparison; a content page that is a search page (at
	// /search/, as hugo-theme-stack has one) is Hugo's page too, and is kept.
	builtIn, content := map[string]bool{}, map[string]bool{}
	for _, l := range res.Site.Languages {
		if l.Search == nil {
			builtIn[l.SearchPath()+"index.html"] = true
		} else {
			content[l.Search.Path+"index.html"] = true
		}
	}
	var pages []string
	for _, name := range mem.Names() {
		if builtIn[name] || strings.HasPrefix(name, "search/") && !content[name] {
			continue
		}
		if p, ok := page(name); ok {
			pages = append(pages, p)
		}
	}
	slices.Sort(pages)
	return pages
}

// indexPages lists what Hugo wrote into out, as briefsPages does.
func indexPages(t *testing.T, out string) []string {
	var pages []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		if p, ok := page(filepath.ToSlash(rel)); ok {
			pages = append(pages, p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		t.Fatal(err)
	}
	slices.Sort(pages)
	return pages
}

// page names an output file that the comparison counts: a page, as "/its/folder/",
// or a file that is not a page, feed, sitemap, 404 page or theme file (a bundle's
// image) as its path.
func page(name string) (string, bool) {
	switch {
	case name == "index.html":
		return "/", true
	case strings.HasSuffix(name, "/index.html"):
		return "/" + strings.TrimSuffix(name, "index.html"), true
	case strings.HasSuffix(name, ".html"), strings.HasSuffix(name, ".xml"), strings.HasSuffix(name, ".txt"),
		strings.HasPrefix(name, "_briefs/"), strings.HasSuffix(name, ".css"), strings.HasSuffix(name, ".js"):
		return "", false
	}
	return "/" + name, true
}

// compare lists what only briefs makes ("+path") and what only Hugo makes ("-path").
func compare(briefs, hugo []string) []string {
	var out []string
	for _, p := range briefs {
		if !slices.Contains(hugo, p) {
			out = append(out, "+"+p)
		}
	}
	for _, p := range hugo {
		if !slices.Contains(briefs, p) {
			out = append(out, "-"+p)
		}
	}
	slices.Sort(out)
	return out
}

// TestHugoFeeds builds each site of testdata/hugofeeds/*.txtar with briefs and with
// Hugo and compares the RSS feeds each makes (index.xml files), as TestHugoURLs
// compares pages: the [outputs] of each kind and the front matter's outputs.
func TestHugoFeeds(t *testing.T) {
	hugo := hugoPath(t)
	forEachSite(t, "testdata/hugofeeds/*.txtar", func(t *testing.T, dir string, want []string) {
		mem := output.NewMemory()
		if _, err := build.Run(build.Options{Site: os.DirFS(dir), Theme: briefs.Theme}, mem); err != nil {
			t.Fatalf("briefs: %v", err)
		}
		var got []string
		for _, name := range mem.Names() {
			if strings.HasSuffix(name, "index.xml") {
				got = append(got, "/"+name)
			}
		}
		for name, data := range hugoLayouts {
			writeFile(t, filepath.Join(dir, name), data)
		}
		out := runHugo(t, hugo, dir)
		var hugoFeeds []string
		filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.Name() == "index.xml" {
				rel, _ := filepath.Rel(out, p)
				hugoFeeds = append(hugoFeeds, "/"+filepath.ToSlash(rel))
			}
			return err
		})
		slices.Sort(got)
		slices.Sort(hugoFeeds)
		if diff := compare(got, hugoFeeds); !slices.Equal(diff, want) {
			t.Errorf("briefs and Hugo differ in:\n%s\nwant (the known differences):\n%s\nbriefs: %v",
				strings.Join(diff, "\n"), strings.Join(want, "\n"), got)
		}
	})
}

package build_test

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

var update = flag.Bool("update", false, "rewrite the expected error files in testdata")

// siteFS reads a txtar archive into a site folder.
func siteFS(t *testing.T, name string) fstest.MapFS {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return fsys
}

var now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func buildSite(t *testing.T, fsys fs.FS, opts build.Options) (*output.Memory, *build.Result, error) {
	t.Helper()
	opts.Site, opts.Theme = fsys, briefs.Theme
	if opts.Now.IsZero() {
		opts.Now = now
	}
	mem := output.NewMemory()
	res, err := build.Run(opts, mem)
	return mem, res, err
}

func mustBuild(t *testing.T, name string, opts build.Options) *output.Memory {
	t.Helper()
	mem, _, err := buildSite(t, siteFS(t, name), opts)
	if err != nil {
		t.Fatalf("build %s failed:\n%v", name, err)
	}
	return mem
}

// warns checks that the build's warnings include each of wants.
func warns(t *testing.T, res *build.Result, wants ...string) {
	t.Helper()
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Error())
	}
	all := strings.Join(got, "\n")
	for _, want := range wants {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

func file(t *testing.T, mem *output.Memory, name string) string {
	t.Helper()
	b, ok := mem.Get(name)
	if !ok {
		t.Fatalf("no file %s; have:\n%s", name, strings.Join(mem.Names(), "\n"))
	}
	return string(b)
}

func contains(t *testing.T, mem *output.Memory, name string, wants ...string) {
	t.Helper()
	body := file(t, mem, name)
	for _, w := range wants {
		if !strings.Contains(body, w) {
			t.Errorf("%s does not contain %q", name, w)
		}
	}
}

func lacks(t *testing.T, mem *output.Memory, name string, bad ...string) {
	t.Helper()
	body := file(t, mem, name)
	for _, w := range bad {
		if strings.Contains(body, w) {
			t.Errorf("%s contains %q", name, w)
		}
	}
}

// TestErrors builds each broken site in testdata/errors/*.txtar and compares the
// messages with the archive's "want" file: the exact file:line:col of every problem.
func TestErrors(t *testing.T) {
	paths, _ := filepath.Glob("testdata/errors/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no error cases")
	}
	for _, p := range paths {
		name := strings.TrimPrefix(p, "testdata/")
		t.Run(strings.TrimSuffix(filepath.Base(p), ".txtar"), func(t *testing.T) {
			fsys := siteFS(t, name)
			want := strings.TrimSpace(string(fsys["want"].Data))
			delete(fsys, "want")
			_, _, err := buildSite(t, fsys, build.Options{})
			if err == nil {
				t.Fatalf("build succeeded; want errors:\n%s", want)
			}
			got := strings.TrimSpace(err.Error())
			if *update {
				rewriteWant(t, p, got)
				return
			}
			if got != want {
				t.Errorf("errors:\n%s\n\nwant:\n%s", got, want)
			}
		})
	}
}

func rewriteWant(t *testing.T, p, got string) {
	ar, err := txtar.ParseFile(p)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ar.Files {
		if ar.Files[i].Name == "want" {
			ar.Files[i].Data = []byte(got + "\n")
		}
	}
	if err := os.WriteFile(p, txtar.Format(ar), 0o644); err != nil {
		t.Fatal(err)
	}
}

var linkRE = regexp.MustCompile(`(?:href|src)="([^"]*)"`)

// checkLinks fails for every internal link in the output that does not lead to a file.
func checkLinks(t *testing.T, mem *output.Memory, base string) int {
	t.Helper()
	n := 0
	for _, name := range mem.Names() {
		if !strings.HasSuffix(name, ".html") {
			continue
		}
		body, _ := mem.Get(name)
		for _, m := range linkRE.FindAllSubmatch(body, -1) {
			link := string(bytes.ReplaceAll(m[1], []byte("&amp;"), []byte("&")))
			target, ok := resolve(link, name, base)
			if !ok {
				continue
			}
			n++
			if _, found := mem.Get(target); !found {
				t.Errorf("%s links to %s (%s), which was not written", name, link, target)
			}
		}
	}
	return n
}

// folderWriter is a Writer that can make folders ahead, as output.Queue does; it
// records the names it was given and whether any page was written before.
type folderWriter struct {
	*output.Memory
	names []string
	late  bool // MakeFolders came after a page's write
}

func (w *folderWriter) MakeFolders(names []string) {
	w.late = w.late || w.Files() > 0
	w.names = append(w.names, names...)
}

// TestBuildMakesFoldersAhead: a build gives a Writer that can make folders ahead the
// names of its pages, feeds and aliases before it writes any, and writes every one.
func TestBuildMakesFoldersAhead(t *testing.T) {
	w := &folderWriter{Memory: output.NewMemory()}
	if _, err := build.Run(build.Options{Site: siteFS(t, "basic.txtar"), Theme: briefs.Theme, Now: now}, w); err != nil {
		t.Fatal(err)
	}
	if len(w.names) == 0 || w.late {
		t.Fatalf("MakeFolders given %d names, after a page was written: %v", len(w.names), w.late)
	}
	for _, name := range w.names {
		if _, ok := w.Get(name); !ok {
			t.Errorf("%s: folder made ahead, file not written", name)
		}
	}
	if _, ok := w.Get("zh/index.html"); !ok || !slices.Contains(w.names, "zh/index.html") {
		t.Errorf("zh/index.html written %v, among the names %v", ok, slices.Contains(w.names, "zh/index.html"))
	}
}

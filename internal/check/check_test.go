package check

import (
	"flag"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/diag"
)

// testNow is the time the test sites are checked at: a date after it is in the future.
var testNow = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

var update = flag.Bool("update", false, "rewrite the want file of testdata/planted.txtar")

func siteFS(t *testing.T, name string) (fstest.MapFS, *txtar.Archive) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys, ar
}

// run checks a test site. Most fixtures are about figures and links, not sections: a
// section's missing _index files are added first (titled with the folder's name), so
// that the warning about them, tested in TestSectionWithoutIndex with runAsIs, does
// not stand in every fixture's findings.
func run(t *testing.T, fsys fstest.MapFS) *Report {
	t.Helper()
	return runAsIs(t, withSectionIndexes(fsys))
}

// runAsIs checks a test site as it is.
func runAsIs(t *testing.T, fsys fstest.MapFS) *Report {
	t.Helper()
	rep, err := Run(Options{Site: fsys, Theme: briefs.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func TestFaithfulHasNoFindings(t *testing.T) {
	fsys, _ := siteFS(t, "faithful.txtar")
	for _, f := range run(t, fsys).Findings {
		t.Errorf("%s", f)
	}
}

// TestPlanted checks that every planted error is found, at its exact place.
func TestPlanted(t *testing.T) {
	fsys, ar := siteFS(t, "planted.txtar")
	delete(fsys, "want")
	var lines []string
	for _, f := range run(t, fsys).Findings {
		lines = append(lines, f.String())
	}
	got := strings.Join(lines, "\n")
	for i, f := range ar.Files {
		if f.Name != "want" {
			continue
		}
		if *update {
			ar.Files[i].Data = []byte(got + "\n")
			os.WriteFile("testdata/planted.txtar", txtar.Format(ar), 0o644)
			return
		}
		if want := strings.TrimSpace(string(f.Data)); got != want {
			t.Errorf("findings:\n%s\n\nwant:\n%s", got, want)
		}
	}
}

func TestExampleSiteIsClean(t *testing.T) {
	rep, err := Run(Options{Site: os.DirFS("../.."), Theme: briefs.Theme, Now: testNow})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Severity != diag.SevInfo {
			t.Errorf("%s", f)
		}
	}
}

// withSectionIndexes is fsys with an _index file for every section and language that
// has a brief but no _index.
func withSectionIndexes(fsys fstest.MapFS) fstest.MapFS {
	out := fstest.MapFS{}
	for name, f := range fsys {
		out[name] = f
		dir, file := path.Split(name)
		if !strings.HasPrefix(dir, "content/") || strings.HasPrefix(file, "_index") {
			continue
		}
		parts := strings.Split(file, ".")
		if len(parts) < 3 || parts[len(parts)-1] != "md" {
			continue
		}
		lang := parts[len(parts)-2]
		index := dir + "_index." + lang + ".md"
		if _, ok := fsys[index]; !ok {
			title := path.Base(strings.TrimSuffix(dir, "/"))
			out[index] = &fstest.MapFile{Data: []byte("+++\ntitle = \"" + title + "\"\n+++\n")}
		}
	}
	return out
}

package check

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs"
)

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

func run(t *testing.T, fsys fstest.MapFS) *Report {
	t.Helper()
	timeNow = func() time.Time { return time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC) }
	rep, err := Run(Options{Site: fsys, Theme: briefs.Theme})
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
	rep, err := Run(Options{Site: os.DirFS("../.."), Theme: briefs.Theme})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range rep.Findings {
		if f.Severity != Info {
			t.Errorf("%s", f)
		}
	}
}

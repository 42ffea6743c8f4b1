package content

import (
	"io/fs"
	"os"
	"path"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/diag"
)

// parseAll reads the front matter of every .md and .html file under root in fsys,
// and returns the problems of those that fail, by file.
func parseAll(t *testing.T, fsys fs.FS) (files int, failed map[string]string) {
	files, failed, _ = parseAllWarn(t, fsys)
	return files, failed
}

// parseAllWarn is parseAll that also returns the warnings, by message.
func parseAllWarn(t *testing.T, fsys fs.FS) (files int, failed map[string]string, warnings map[string]int) {
	t.Helper()
	failed, warnings = map[string]string{}, map[string]int{}
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !(strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".html")) {
			return err
		}
		src, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		files++
		src = []byte(strings.TrimPrefix(string(src), BOM))
		format, front, first, _, perr := split(p, src)
		if perr != nil {
			failed[p] = perr.Error()
			return nil
		}
		var errs diag.List
		if _, ok := parseFront(p, format, front, first, time.UTC, &errs); !ok {
			failed[p] = errs.Error()
		}
		for _, w := range errs.Warnings() {
			warnings[w.Msg]++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files, failed, warnings
}

// TestHugoShapes reads front matter written in the shapes of real Hugo sites (the
// hugo-book theme's example site, the CNCF glossary): every file must parse.
func TestHugoShapes(t *testing.T) {
	n, failed := parseAll(t, os.DirFS("testdata/hugo"))
	if n < 8 {
		t.Fatalf("only %d files", n)
	}
	for p, msg := range failed {
		t.Errorf("%s: %s", p, msg)
	}
}

// TestRealContent reads the front matter of every content file of a real Hugo site,
// when BRIEFS_REAL_CONTENT names its folder (several folders: separated by ':'). It
// reports how many parse, and the problems of the others, grouped by message.
func TestRealContent(t *testing.T) {
	dirs := os.Getenv("BRIEFS_REAL_CONTENT")
	if dirs == "" {
		t.Skip("set BRIEFS_REAL_CONTENT to a Hugo site's content folder")
	}
	for _, dir := range strings.Split(dirs, ":") {
		n, failed, warnings := parseAllWarn(t, os.DirFS(dir))
		t.Logf("%s: %d of %d files parse; warnings: %v", path.Base(dir), n-len(failed), n, warnings)
		kinds := map[string]int{}
		for p, msg := range failed {
			first, _, _ := strings.Cut(msg, "\n")
			_, what, _ := strings.Cut(strings.TrimPrefix(first, p), ": ")
			kinds[what]++
		}
		var lines []string
		for what, k := range kinds {
			lines = append(lines, strings.Repeat(" ", 4)+what+" ("+strconv.Itoa(k)+")")
		}
		sort.Strings(lines)
		if len(lines) > 0 {
			t.Logf("problems:\n%s", strings.Join(lines, "\n"))
		}
	}
}

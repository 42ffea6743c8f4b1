package testcorpus

import (
	"bytes"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// TestDeterministic: the benchmark numbers of two machines are comparable only if they
// measured the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := Files(Options{N: 50, Seed: 7}), Files(Options{N: 50, Seed: 7})
	if !maps.EqualFunc(a, b, bytes.Equal) {
		t.Fatal("two runs with the same options differ")
	}
	if want := 2*50 + 2*(len(sections)+2) + 1; len(a) != want {
		t.Errorf("%d files, want %d", len(a), want)
	}
	c := Files(Options{N: 50, Seed: 8})
	if maps.EqualFunc(a, c, bytes.Equal) {
		t.Error("seeds 7 and 8 give the same corpus")
	}
}

// TestPrefix: the corpus of N pairs is the start of every larger one, so a small
// benchmark measures a part of the large one rather than other text.
func TestPrefix(t *testing.T) {
	small, large := Files(Options{N: 30, Seed: 1}), Files(Options{N: 90, Seed: 1})
	for name, data := range small {
		if !bytes.Equal(large[name], data) {
			t.Errorf("%s differs between N=30 and N=90", name)
		}
	}
}

// TestWrite checks that the files on disk are the files in memory, and the stats.
func TestWrite(t *testing.T) {
	dir := t.TempDir()
	opts := Options{N: 25, Seed: 3}
	st, err := Write(dir, opts)
	if err != nil {
		t.Fatal(err)
	}
	mem := Files(opts)
	if st.Files != len(mem) {
		t.Errorf("Stats.Files = %d, want %d", st.Files, len(mem))
	}
	for name, data := range mem {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%s on disk differs from Files (%v)", name, err)
		}
	}
	if han, words := st.Han/25, st.Words/25; han < 1200 || han > 1800 || words < 550 || words > 850 {
		t.Errorf("average body: %d Han characters, %d English words; want about 1,500 and 700", han, words)
	}
	if _, err := Write(dir, opts); err == nil {
		t.Error("Write into a folder that has content/ succeeded")
	}
}

// TestTemplatesPaired: a placeholder on one side only would draw a figure that the
// other language never states, or state one it never drew.
func TestTemplatesPaired(t *testing.T) {
	for _, set := range [][]template{cTitles, cLeads, cSentences, cHeadings, cListIntros, cListItems, cTableRows} {
		for i, tp := range set {
			if zh, en := keys(tp.zh), keys(tp.en); !maps.Equal(zh, en) {
				t.Errorf("template %d: zh uses %v, en %v", i, zh, en)
			}
		}
	}
}

var linkRE = regexp.MustCompile(`\]\(https://`)

// TestShape checks the features the benchmark relies on in every article.
func TestShape(t *testing.T) {
	tables := 0
	const n = 200
	for i := range n {
		p := article(1, i)
		zh, en := string(p.zh), string(p.en)
		for _, want := range []string{"\n## ", "\n- ", "**", `{{< num "`, "\ntranslationKey = ", "\nsource = ", "\neditor = "} {
			if !strings.Contains(zh, want) || !strings.Contains(en, want) {
				t.Fatalf("article %d lacks %q", i, want)
			}
		}
		if links := len(linkRE.FindAllStringIndex(zh, -1)); links < 1 || links > 4 {
			t.Errorf("article %d has %d links, want 1 to 4", i, links)
		}
		if strings.Contains(zh, "| --- |") {
			tables++
		}
	}
	if tables < n*30/100 || tables > n*50/100 {
		t.Errorf("%d of %d articles have a table, want about 40%%", tables, n)
	}
}

// figureTitle is the title the key figures panel gives a figure: its Chinese notation.
var figureTitle = regexp.MustCompile(`<data value="[^"]*" title="[^"]*"`)

// TestBuilds: the corpus is only a benchmark of briefs if briefs builds it without a
// problem, every figure included.
func TestBuilds(t *testing.T) {
	fsys := FS(Options{N: 20, Seed: 1})
	mem := output.NewMemory()
	res, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme, Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC)}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	for _, lc := range res.Pages {
		if lc.Pages < 20 {
			t.Errorf("%s: %d pages, want at least the 20 briefs", lc.Lang, lc.Pages)
		}
	}
	for _, name := range mem.Names() {
		if !strings.HasPrefix(name, "en/") || !strings.HasSuffix(name, "index.html") {
			continue
		}
		page, _ := mem.Get(name)
		// The key figures panel gives each figure's Chinese notation as its title.
		page = figureTitle.ReplaceAll(page, nil)
		if bytes.Contains(page, []byte("亿元")) || bytes.Contains(page, []byte("{{<")) {
			t.Errorf("%s shows a figure untranslated", name)
		}
	}
}

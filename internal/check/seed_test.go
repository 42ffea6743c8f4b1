package check

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
)

// seedFigures are the figures of the seed news item's Chinese text, by line, as a
// reader finds them: every amount, count, percentage and ratio, and nothing else (no
// dates, years, times, ordinals, names, licence or navigation numbers). Numbers
// written in words are marked ~: check matches them but does not report them alone.
var seedFigures = map[int]string{
	19: "~三项",
	21: "6800余名",
	23: "643家",
	25: "4112起 4810名 7.9亿元 2235万元",
	31: "20 1600余名 2800余家 600余 8219万余元 15.06亿元",
	33: "3名 148名 7",
	35: "7 2 3起 ~十大",
	41: "7 55项 ~十大 ~四个",
	43: "~三个 19项 63 ~三个 91.36% 928.79 18668件 24817人 81次 20.07% 510件 7.62%",
	45: "7次 235件 7.2万余项 942件 3.08%",
	51: "1432人 88 674 46% 100% 4.8万余人",
	53: "8 88 3项 181 5.1万余件",
	55: "15亿元 100% 4300件 17",
}

func seedLines(t *testing.T) []string {
	t.Helper()
	b, err := os.ReadFile("testdata/zibo-2024-03-15.txt")
	if err != nil {
		t.Fatal(err)
	}
	return strings.Split(string(b), "\n")
}

// TestSeedFiguresScanned reads every line of the seed, navigation included.
func TestSeedFiguresScanned(t *testing.T) {
	sc := scanner{units: figures.DefaultUnits(), cjk: true}
	for i, line := range seedLines(t) {
		var got []string
		for f := range sc.scan(line) {
			got = append(got, map[bool]string{true: "~"}[f.soft]+f.raw)
		}
		if want := seedFigures[i+1]; strings.Join(got, " ") != want {
			t.Errorf("line %d: got %q, want %q", i+1, strings.Join(got, " "), want)
		}
	}
}

// zhFrontMatter has five lines: line n of a seed's body is line n+5 of the file.
const zhFrontMatter = "+++\ntitle = \"平安淄博\"\ndate = 2024-03-15T11:29:00+08:00\nsummary = \"摘要。\"\n+++\n"

// TestSeedFiguresChecked checks the whole seed as a brief whose translation has no
// figures: briefs check lists every figure written in digits, at its place.
func TestSeedFiguresChecked(t *testing.T) {
	fsys, _ := siteFS(t, "seed.txtar")
	fsys["content/law/zibo.zh.md"] = &fstest.MapFile{Data: []byte(zhFrontMatter + strings.Join(seedLines(t), "\n"))}
	fsys["content/law/zibo.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Safe Zibo\"\ndate = 2024-03-15\nsummary = \"s\"\n+++\nNo figures here.\n")}
	var got, want []string
	for _, f := range run(t, fsys).Findings {
		if f.Kind == "figure" || f.Severity == diag.SevError {
			raw, _, _ := strings.Cut(strings.TrimPrefix(f.Msg, `"`), `"`)
			got = append(got, fmt.Sprintf("%d %s", f.Line-5, raw))
		}
	}
	for i := range seedLines(t) {
		for _, raw := range strings.Fields(seedFigures[i+1]) {
			if !strings.HasPrefix(raw, "~") {
				want = append(want, fmt.Sprintf("%d %s", i+1, raw))
			}
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("check lists (seed line, figure):\n%s\n\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// seedSite is two paragraphs of the seed (lines 25 and 43) and an English version.
func seedSite(t *testing.T, en string) fstest.MapFS {
	fsys, ar := siteFS(t, "seed.txtar")
	lines := seedLines(t)
	fsys["content/law/zibo.zh.md"] = &fstest.MapFile{Data: []byte(zhFrontMatter + lines[24] + "\n\n" + lines[42] + "\n")}
	for _, f := range ar.Files {
		if f.Name == en {
			fsys["content/law/zibo.en.md"] = &fstest.MapFile{Data: f.Data}
		}
	}
	for _, name := range []string{"faithful.en.md", "planted.en.md", "want"} {
		delete(fsys, name)
	}
	return fsys
}

func TestSeedFaithfulTranslation(t *testing.T) {
	for _, f := range run(t, seedSite(t, "faithful.en.md")).Findings {
		t.Errorf("%s", f)
	}
}

func TestSeedPlantedErrors(t *testing.T) {
	_, ar := siteFS(t, "seed.txtar")
	var got []string
	for _, f := range run(t, seedSite(t, "planted.en.md")).Findings {
		got = append(got, f.String())
	}
	for _, f := range ar.Files {
		if f.Name == "want" && strings.Join(got, "\n") != strings.TrimSpace(string(f.Data)) {
			t.Errorf("findings:\n%s\n\nwant:\n%s", strings.Join(got, "\n"), f.Data)
		}
	}
}

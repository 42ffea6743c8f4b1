package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chartBrief is a Chinese brief whose body is a chart shortcode call, and its
// English translation with a chart of its own.
func chartSite(zhBody, enBody string, extra map[string]string) map[string]string {
	files := map[string]string{
		"site.toml":           "[languages.zh]\n[languages.en]\n",
		"content/law/a.zh.md": "+++\ntitle = \"甲\"\ndate = 2024-01-01\nsummary = \"摘要。\"\n+++\n" + zhBody,
		"content/law/a.en.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\nsummary = \"S.\"\n+++\n" + enBody,
	}
	for k, v := range extra {
		files[k] = v
	}
	return files
}

const goodEn = "{{< chart unit=\"yuan\" >}}\nItem,Amount\nFrozen,790 million\n{{< /chart >}}\n"

// TestChartErrorsPlaced checks that a bad chart stops the build at the place of the
// problem, in the brief or in the data file, and that nothing is written.
func TestChartErrorsPlaced(t *testing.T) {
	tests := []struct {
		name  string
		zh    string
		extra map[string]string
		want  string
	}{
		{"non-numeric cell", "{{< chart unit=\"亿元\" >}}\n项目,金额\n止付冻结,abc\n{{< /chart >}}\n", nil,
			`content/law/a.zh.md:8:6: chart: "abc亿元": not a figure`},
		{"bad CSV row", "{{< chart unit=\"亿元\" >}}\n项目,金额\n止付冻结,7.9,8\n{{< /chart >}}\n", nil,
			"content/law/a.zh.md:8:1: chart: this row has 3 fields, but the header has 2"},
		{"unclosed chart", "正文。\n\n{{< chart unit=\"亿元\" >}}\n项目,金额\n止付冻结,7.9\n", nil,
			"content/law/a.zh.md:8:1: chart has no closing {{< /chart >}}"},
		{"unit that does not parse", "{{< chart unit=\"亿圆\" >}}\n项目,金额\n止付冻结,7.9\n{{< /chart >}}\n", nil,
			`content/law/a.zh.md:6:1: chart: unit="亿圆" does not read as a unit`},
		{"mixed units", "{{< chart >}}\n项目,数量\n甲,7.9亿元\n乙,3件\n{{< /chart >}}\n", nil,
			"content/law/a.zh.md:9:3: chart: 3件 has another unit than 7.9亿元"},
		{"missing file", "{{< chart data=\"nope.csv\" >}}\n", nil,
			`content/law/a.zh.md:6:1: chart: data="nope.csv": no such file (looked for content/law/nope.csv and data/nope.csv)`},
		{"bad cell in a data file", "{{< chart data=\"d.csv\" unit=\"亿元\" >}}\n",
			map[string]string{"data/d.csv": "项目,金额\n止付冻结,7.9\n返还,约\n"},
			`data/d.csv:3:4: chart: "约亿元": not a figure`},
		{"series of different lengths in TOML", "{{< chart data=\"d.toml\" >}}\n",
			map[string]string{"content/law/d.toml": "columns = [\"年份\", \"一审\", \"二审\"]\nrows = [\n  [\"2022\", 1, 2],\n  [\"2023\", 3],\n]\n"},
			"content/law/d.toml:4:3: chart: this row has 2 cells, but columns names 3"},
		{"unknown parameter", "{{< chart colour=\"red\" >}}\n项目,金额\n甲,1\n{{< /chart >}}\n", nil,
			"content/law/a.zh.md:6:1: chart: unknown parameter colour="},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writeSite(t, chartSite(tt.zh, goodEn, tt.extra))
			code, _, errOut := runCmd("build", "-s", dir)
			if code != exitContent {
				t.Fatalf("exit %d, want %d: %s", code, exitContent, errOut)
			}
			if !strings.Contains(errOut, tt.want) {
				t.Errorf("stderr:\n%s\nwant %s", errOut, tt.want)
			}
			if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
				t.Errorf("a failed build wrote public/: %v", err)
			}
		})
	}
}

// TestChartDataFiles builds charts from a CSV next to the brief (as in a Hugo page
// bundle) and a TOML file in data/.
func TestChartDataFiles(t *testing.T) {
	dir := writeSite(t, chartSite(
		"{{< chart data=\"d.csv\" unit=\"亿元\" >}}\n\n{{< chart type=\"line\" data=\"years.toml\" />}}\n",
		"{{< chart data=\"d.en.csv\" unit=\"yuan\" >}}\n\n{{< chart type=\"line\" data=\"years.toml\" />}}\n",
		map[string]string{
			"content/law/d.csv":    "项目,金额\n止付冻结,7.9\n",
			"content/law/d.en.csv": "Item,Amount\nFrozen,790 million\n",
			"data/years.toml":      "columns = [\"year\", \"index\"]\nrows = [[\"2022\", 100], [\"2023\", 79.93]]\n",
		}))
	if code, _, errOut := runCmd("build", "-s", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for page, want := range map[string]string{
		"public/zh/law/a/index.html": `data-value="790000000"><title>止付冻结：7.9亿元</title>`,
		"public/en/law/a/index.html": `data-value="790000000"><title>Frozen: 790 million yuan</title>`,
	} {
		b, err := os.ReadFile(filepath.Join(dir, page))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), want) || !strings.Contains(string(b), `id="chart-2"`) {
			t.Errorf("%s lacks %s or a second chart:\n%s", page, want, b)
		}
	}
}

// TestCheckComparesCharts: briefs check reads a chart's values as figures, so an
// English chart that says 79 million where the Chinese one says 7.9亿 is an error at
// the English value.
func TestCheckComparesCharts(t *testing.T) {
	zh := "{{< chart unit=\"元\" >}}\n项目,金额\n止付冻结,7.9亿\n返还,2235万\n{{< /chart >}}\n"
	en := "{{< chart unit=\"yuan\" >}}\nItem,Amount\nFrozen,79 million\nReturned,22.35 million\n{{< /chart >}}\n"
	dir := writeSite(t, chartSite(zh, en, nil))
	code, out, _ := runCmd("check", "-s", dir)
	if code != exitContent {
		t.Errorf("exit %d, want %d:\n%s", code, exitContent, out)
	}
	if !strings.Contains(out, "a.en.md:8:8") || !strings.Contains(out, "79 million yuan") {
		t.Errorf("check does not point at the English chart's wrong value:\n%s", out)
	}
	// Fixed, the two charts agree.
	os.WriteFile(filepath.Join(dir, "content/law/a.en.md"), []byte(strings.Replace(chartSite(zh, en, nil)["content/law/a.en.md"], "79 million", "790 million", 1)), 0o644)
	if code, out, _ := runCmd("check", "-s", dir); code != exitOK {
		t.Errorf("after the fix: exit %d:\n%s", code, out)
	}
}

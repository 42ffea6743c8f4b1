package build_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUpdateChartData: a chart's data file next to a brief is not a brief, but a
// change to it must reach the page, as a full build would show it.
func TestUpdateChartData(t *testing.T) {
	dir, opts, sess, mem := startSession(t)
	os.WriteFile(filepath.Join(dir, "content/law/d.csv"), []byte("项目,金额\n止付冻结,7.9\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "content/law/chart.zh.md"), []byte("+++\ntitle = \"图\"\ndate = 2024-05-01\n+++\n{{< chart data=\"d.csv\" unit=\"亿元\" >}}\n"), 0o644)
	if _, err := sess.Update([]string{"content/law/d.csv", "content/law/chart.zh.md"}, mem); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "content/law/d.csv", "7.9", "15.06")
	ch, err := sess.Update([]string{"content/law/d.csv"}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if !contains1(ch.Written, "zh/law/chart/index.html") {
		t.Errorf("the chart's page was not rewritten: %v", ch.Written)
	}
	page, _ := mem.Get("zh/law/chart/index.html")
	if !strings.Contains(string(page), "15.06亿元") {
		t.Errorf("the page shows the old data")
	}
	sameAsFullBuild(t, "data edit", opts, mem)
}

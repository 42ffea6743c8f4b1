package build_test

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// TestUpdateSwitchOfLongTag: a tag page of several pagers whose language switch is
// all that an edit changes. The Chinese tag 甲 has four briefs; the English versions
// of the two newest are tagged B, of the two others A, so 甲's switch leads to B (a
// tie, and B's briefs come first). Retagging one of B's briefs A makes A the match:
// every pager of 甲 must show it, as a full build does, though the edit touched only
// English pages (the live update fingerprints 甲's first pager, and then the others).
func TestUpdateSwitchOfLongTag(t *testing.T) {
	fsys := fstest.MapFS{"site.toml": {Data: []byte(`baseURL = "https://example.org/"
defaultLanguage = "zh"
pageSize = 3
[languages.zh]
title = "简报"
[languages.en]
title = "Briefs"
weight = 2
`)}}
	for i, tag := range []string{"B", "B", "A", "A"} {
		date := fmt.Sprintf("2024-0%d-01", 5-i) // the first is the newest
		fsys[fmt.Sprintf("content/b%d.zh.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"简报%d\"\ndate = %s\ntags = [\"甲\"]\n+++\n正文。\n", i, date))}
		fsys[fmt.Sprintf("content/b%d.en.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("+++\ntitle = \"Brief %d\"\ndate = %s\ntags = [%q]\n+++\nText.\n", i, date, tag))}
	}
	opts := build.Options{Site: fsys, Theme: briefs.Theme, Now: now}
	sess, mem := build.NewLive(opts), output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	for _, page := range []string{"zh/tags/甲/index.html", "zh/tags/甲/page/2/index.html"} {
		contains(t, mem, page, `href="/en/tags/b/"`)
	}
	name := "content/b0.en.md"
	fsys[name] = &fstest.MapFile{Data: []byte(strings.Replace(string(fsys[name].Data), `tags = ["B"]`, `tags = ["A"]`, 1))}
	if _, err := sess.Update([]string{name}, mem); err != nil {
		t.Fatal(err)
	}
	if how := build.LastEdit(sess); how != "front" {
		t.Errorf("the graph was made by %q; the test means the copy (front)", how)
	}
	for _, page := range []string{"zh/tags/甲/index.html", "zh/tags/甲/page/2/index.html"} {
		contains(t, mem, page, `href="/en/tags/a/"`)
	}
	sameAsFullBuild(t, "retagged", opts, mem)
}

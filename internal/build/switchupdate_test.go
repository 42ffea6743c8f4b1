package build_test

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/testcorpus"
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

// TestUpdateSwitchesInARow retags briefs of both languages one edit after another
// (a tag swapped for another the language has, added, taken away), with title edits
// between them, and checks after each that the live update gives what a full build
// gives. A tag page's language switch leads to the tag of the other language whose
// briefs' translations share most with its own, so each retagging can move the
// switches of many tag pages of the other language: the live update keeps what it
// counted for them from edit to edit, and must count again what an edit changed.
func TestUpdateSwitchesInARow(t *testing.T) {
	for _, search := range []bool{false, true} {
		t.Run(fmt.Sprint("search=", search), func(t *testing.T) { switchesInARow(t, search) })
	}
}

func switchesInARow(t *testing.T, search bool) {
	fsys := testcorpus.FS(testcorpus.Options{N: 40, Seed: 3})
	if !search {
		fsys["site.toml"] = &fstest.MapFile{Data: append([]byte("search = false\n"), fsys["site.toml"].Data...)}
	}
	opts := build.Options{Site: fsys, Theme: briefs.Theme, Now: benchNow}
	sess, mem := build.NewLive(opts), output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	var names []string
	tags := map[string][]string{} // by the name's language suffix
	for name, f := range fsys {
		if !strings.HasPrefix(name, "content/") || strings.Contains(name, "_index") {
			continue
		}
		names = append(names, name)
		lang := name[len(name)-len("zh.md"):]
		tags[lang] = append(tags[lang], tagsOf(string(f.Data))...)
	}
	slices.Sort(names)
	for lang := range tags {
		slices.Sort(tags[lang])
		tags[lang] = slices.Compact(tags[lang])
	}
	rnd := rand.New(rand.NewPCG(3, 4))
	how := map[string]int{}
	for i := range 24 {
		name := names[rnd.IntN(len(names))]
		src := string(fsys[name].Data)
		have := tagsOf(src)
		pool := tags[name[len(name)-len("zh.md"):]]
		tag := pool[rnd.IntN(len(pool))]
		var what string
		switch {
		case i%4 == 3:
			what, src = "title", strings.Replace(src, `title = "`, fmt.Sprintf(`title = "%d `, i), 1)
		case slices.Contains(have, tag):
			what, have = "tag taken away", slices.DeleteFunc(have, func(s string) bool { return s == tag })
		case i%2 == 0:
			what, have = "tag swapped", append([]string{tag}, have[1:]...)
		default:
			what, have = "tag added", append(have, tag)
		}
		if what != "title" {
			src = withTags(src, have)
		}
		fsys[name] = &fstest.MapFile{Data: []byte(src), Mode: 0o644}
		if _, err := sess.Update([]string{name}, mem); err != nil {
			t.Fatalf("edit %d, %s of %s: %v", i, what, name, err)
		}
		how[build.LastEdit(sess)]++
		sameAsFullBuild(t, fmt.Sprintf("edit %d, %s %q of %s", i, what, tag, name), opts, mem)
	}
	if how["front"] < 12 {
		t.Errorf("only %d of the edits copied the graph (%v): the test checks too little of the kept switches", how["front"], how)
	}
}

// tagsOf lists the tags of a brief of the generated corpus.
func tagsOf(src string) []string {
	_, rest, ok := strings.Cut(src, "\ntags = [")
	if !ok {
		return nil
	}
	line, _, _ := strings.Cut(rest, "]")
	var out []string
	for _, t := range strings.Split(line, ", ") {
		out = append(out, strings.Trim(t, `"`))
	}
	return out
}

// withTags gives a brief of the generated corpus the tags list.
func withTags(src string, list []string) string {
	at := strings.Index(src, "\ntags = [")
	end := at + strings.Index(src[at:], "]\n") + 2
	quoted := make([]string, len(list))
	for i, t := range list {
		quoted[i] = fmt.Sprintf("%q", t)
	}
	return src[:at] + "\ntags = [" + strings.Join(quoted, ", ") + "]\n" + src[end:]
}

package build_test

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/testcorpus"
)

// TestUpdateSearchIndex edits the title, tags and body of briefs of a generated
// site with the search index on, as the dev server does, and checks after each edit
// that the output, index files included, is a full build's byte for byte; that the
// edit took the cheap path it is meant to; and that the index of the language no
// edit touched was not written again, nor its old files removed.
func TestUpdateSearchIndex(t *testing.T) {
	fsys := testcorpus.FS(testcorpus.Options{N: 30, Seed: 5})
	opts := build.Options{Site: fsys, Theme: briefs.Theme, Now: benchNow}
	sess, mem := build.NewLive(opts), output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	zh, en := briefNamed(t, fsys, ".zh.md"), briefNamed(t, fsys, ".en.md")
	tag := tagNotOn(t, fsys, zh)
	steps := []struct {
		what, name, from, to, how string
	}{
		{"title with one more term", zh, `title = "`, `title = "新`, "front"},
		{"title with a term for another", zh, `title = "新`, `title = "旧`, "front"},
		{"tag added", zh, `tags = ["`, `tags = ["` + tag + `", "`, "front"},
		{"tag taken away", zh, `tags = ["` + tag + `", "`, `tags = ["`, "front"},
		{"body", zh, "\n+++\n", "\n+++\n新的一段。\n\n", "bodies"},
		{"English title", en, `title = "`, `title = "New `, "front"},
	}
	for _, st := range steps {
		src := string(fsys[st.name].Data)
		if !strings.Contains(src, st.from) {
			t.Fatalf("%s: no %q in %s", st.what, st.from, st.name)
		}
		fsys[st.name] = &fstest.MapFile{Data: []byte(strings.Replace(src, st.from, st.to, 1)), Mode: 0o644}
		ch, err := sess.Update([]string{st.name}, mem)
		if err != nil {
			t.Fatalf("%s: %v", st.what, err)
		}
		if how := build.LastEdit(sess); how != st.how {
			t.Errorf("%s: the graph was made by %q, want %q", st.what, how, st.how)
		}
		lang, other := "zh", "en"
		if st.name == en {
			lang, other = "en", "zh"
		}
		if !slices.Contains(ch.Written, "search/"+lang+"/index.json") {
			t.Errorf("%s: search/%s/index.json not written", st.what, lang)
		}
		for _, name := range slices.Concat(ch.Written, ch.Removed) {
			if strings.HasPrefix(name, "search/"+other+"/") {
				t.Errorf("%s: %s written or removed; no %s brief changed", st.what, name, other)
				break
			}
		}
		sameAsFullBuild(t, st.what, opts, mem)
	}
}

// briefNamed is the first brief of fsys, in name order, whose name ends in suffix.
func briefNamed(t *testing.T, fsys fstest.MapFS, suffix string) string {
	t.Helper()
	var names []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/") && strings.HasSuffix(name, suffix) && !strings.Contains(name, "_index") {
			names = append(names, name)
		}
	}
	if len(names) == 0 {
		t.Fatalf("no brief named *%s", suffix)
	}
	slices.Sort(names)
	return names[0]
}

// tagNotOn is a tag that another brief in name's language has and name has not:
// adding it copies the graph rather than making a term page.
func tagNotOn(t *testing.T, fsys fstest.MapFS, name string) string {
	t.Helper()
	tagsOf := func(src string) []string {
		_, rest, _ := strings.Cut(src, "\ntags = [")
		line, _, _ := strings.Cut(rest, "]")
		var tags []string
		for _, tag := range strings.Split(line, ", ") {
			tags = append(tags, strings.Trim(tag, `"`))
		}
		return tags
	}
	own := tagsOf(string(fsys[name].Data))
	suffix := name[strings.Index(name, "."):]
	var all []string
	for other, f := range fsys {
		if other != name && strings.HasSuffix(other, suffix) && !strings.Contains(other, "_index") {
			all = append(all, tagsOf(string(f.Data))...)
		}
	}
	slices.Sort(all)
	for _, tag := range all {
		if tag != "" && !slices.Contains(own, tag) {
			return tag
		}
	}
	t.Fatal("no tag to add")
	return ""
}

package check

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLenientFrontMatter checks that what the build accepts from Hugo sites but a
// careful editor would fix, a page without a title and an empty tag, is a finding at
// its place, in YAML as in TOML.
func TestLenientFrontMatter(t *testing.T) {
	fsys := fstest.MapFS{
		"site.toml":             {Data: []byte("[languages.en]\n")},
		"content/law/a.md":      {Data: []byte("---\nsummary: S.\ntags:\n  - law\n  - \"\"\n---\nBody.\n")},
		"content/law/b.md":      {Data: []byte("+++\ntitle = \"B\"\nsummary = \"S.\"\ntags = [\"law\", \" \"]\n+++\nBody.\n")},
		"content/law/c.md":      {Data: []byte("# No front matter\n\nBody.\n")},
		"content/law/_index.md": {Data: []byte("---\ntitle: Law\n---\n")},
	}
	var got []string
	for _, f := range run(t, fsys).Findings {
		if f.Kind == "title" || f.Kind == "tag" {
			got = append(got, f.String())
		}
	}
	want := []string{
		`content/law/a.md:1:1: warning: no title: the page is titled by its file name, "a"; add a title to the front matter`,
		`content/law/a.md:5:5: warning: an empty tag, left out; remove it`,
		`content/law/b.md:4:16: warning: an empty tag, left out; remove it`,
		`content/law/c.md:1:1: warning: no title: the page is titled by its file name, "c"; add a title to the front matter`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

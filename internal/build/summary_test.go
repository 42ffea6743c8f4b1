package build_test

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// summarySite is a one-language site with one brief of the given body and no summary
// in its front matter.
func summarySite(body string) fstest.MapFS {
	return fstest.MapFS{
		"site.toml":         {Data: []byte("[languages.en]\ntitle = \"T\"\n")},
		"content/news/a.md": {Data: []byte("+++\ntitle = \"A\"\ndate = 2024-01-02\n+++\n" + body)},
	}
}

func outputBytes(mem *output.Memory) int {
	n := 0
	for _, name := range mem.Names() {
		b, _ := mem.Get(name)
		n += len(b)
	}
	return n
}

// TestSummaryOfLongLine: a body of one long line without a sentence end is written
// once, on its page; lists and feeds carry a summary of the usual size. Doubling the
// line adds about one line to the output, not one per list. The line is 256 KiB, a
// thousand times a summary, which is long enough to tell one copy from several and
// keeps the test quick under the race detector.
func TestSummaryOfLongLine(t *testing.T) {
	const line = 256 << 10
	size := func(n int, incremental bool) int {
		body := strings.Repeat("word ", n/5)
		var mem *output.Memory
		var err error
		if incremental {
			mem, err = buildLive(summarySite(body))
		} else {
			mem, _, err = buildSite(t, summarySite(body), build.Options{})
		}
		if err != nil {
			t.Fatal(err)
		}
		return outputBytes(mem)
	}
	for _, incremental := range []bool{false, true} {
		base := size(0, incremental) // the site's own files: styles, scripts, lists
		one, two := size(line, incremental), size(2*line, incremental)
		if grow := float64(two-one) / line; grow > 1.2 {
			t.Errorf("incremental %v: %d KiB more of the line adds %.1f times as much output (%d, %d bytes)", incremental, line>>10, grow, one, two)
		}
		if one-base > line+line/4 {
			t.Errorf("incremental %v: a %d KiB line adds %d bytes of output", incremental, line>>10, one-base)
		}
	}
}

// TestSummaryEscapedOnce: an entity in the body shows as its character in lists and
// meta tags, escaped once by the templates, and paragraphs and lines are not glued.
func TestSummaryEscapedOnce(t *testing.T) {
	mem, _, err := buildSite(t, summarySite("Rates &lt; 5% rose.\nIn May\n[they](/x/) fell.\n\nAT&amp;T agreed."), build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := "Rates &lt; 5% rose. In May they fell. AT&amp;T agreed."
	for _, name := range []string{"en/index.html", "en/news/index.html", "en/news/a/index.html"} {
		contains(t, mem, name, want)
		lacks(t, mem, name, "&amp;lt;", "&amp;amp;", "rose.In", "Maythey")
	}
	if b, _ := mem.Get("en/news/a/index.html"); !bytes.Contains(b, []byte(`<meta name="description" content="`+want+`">`)) {
		t.Errorf("meta description is not the summary escaped once")
	}
}

package markdown

import (
	"strings"
	"testing"
)

// TestRenderWithSummary checks that the summary from the one parse is Summary's, whether the
// opening is the whole body or not.
func TestRenderWithSummary(t *testing.T) {
	md := New(Options{Lang: "en"})
	for _, src := range []string{
		"## Heading\n\nFroze {{< num \"7.9亿元\" >}} in\naccounts.\n\n[a]: /x",
		strings.Repeat("A sentence of [a] words. ", 200) + "\n\n[a]: /later\n",
		"- item\n- item\n",
	} {
		res, sum := md.RenderWithSummary([]byte(src), 20)
		if want := md.Summary([]byte(src), 20); sum != want {
			t.Errorf("%.30q: summary %q, want %q", src, sum, want)
		}
		if res.HTML != md.Render([]byte(src)).HTML {
			t.Errorf("%.30q: HTML differs from Render's", src)
		}
	}
}

package markdown

import (
	"strings"
	"testing"
)

// TestLeadEnd checks that cutting an opening again gives the same cut, which is what
// lets a lean load's prefix and the whole body give one summary.
func TestLeadEnd(t *testing.T) {
	const length = 10                            // want = 160 bytes
	para := strings.Repeat("word ", 20) + "\n\n" // ends before want
	long := strings.Repeat("a line of text\n", leadWindow/15+10)
	tests := []struct {
		name string
		src  string
		want int
	}{
		{"short", "short body", len("short body")},
		{"break after the start", para + para + para, 2*len(para) - 2},
		{"no break", para + strings.Repeat("x", 500), len(para) + 500},
		{"break beyond the window", para + long + "\n\nend", 160 + strings.LastIndexByte((para + long)[160:160+leadWindow], '\n')},
		{"one huge line", para + strings.Repeat("长", leadWindow), 160 + leadWindow - (160+leadWindow-len(para))%3},
	}
	for _, tt := range tests {
		end := leadEnd([]byte(tt.src), length)
		if end != tt.want {
			t.Errorf("%s: end %d, want %d", tt.name, end, tt.want)
		}
		if again := leadEnd([]byte(tt.src[:end]), length); again != end {
			t.Errorf("%s: cutting the cut again gives %d, not %d", tt.name, again, end)
		}
	}
}

// TestRenderWithLead checks that the lead from the one parse is Lead's, whether the
// opening is the whole body or not.
func TestRenderWithLead(t *testing.T) {
	md := New(Options{Lang: "en"})
	for _, src := range []string{
		"## Heading\n\nFroze {{< num \"7.9亿元\" >}} in\naccounts.\n\n[a]: /x",
		strings.Repeat("A sentence of [a] words. ", 200) + "\n\n[a]: /later\n",
		"- item\n- item\n",
	} {
		res, lead := md.RenderWithLead([]byte(src), 20)
		if want := md.Lead([]byte(src), 20); lead != want {
			t.Errorf("%.30q: lead %q, want %q", src, lead, want)
		}
		if res.HTML != md.Render([]byte(src)).HTML {
			t.Errorf("%.30q: HTML differs from Render's", src)
		}
	}
}

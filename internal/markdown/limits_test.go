package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestLimits renders bodies just within each limit, which must render cleanly, and just
// past it, which must give one Problem at the place the limit is crossed.
func TestLimits(t *testing.T) {
	deepList := func(n int) string { return "intro\n\n" + strings.Repeat("- ", n) + "x\n" }
	quotes := func(n int) string { return "intro\n\n" + strings.Repeat(">", n) + " x\n" }
	footnotes := func(refs, defs int) string {
		var b strings.Builder
		for i := range refs {
			fmt.Fprintf(&b, "x[^%d] ", i%defs)
		}
		b.WriteString("\n\n")
		for i := range defs {
			fmt.Fprintf(&b, "[^%d]: y\n", i)
		}
		return b.String()
	}
	refs := func(n int) string {
		var b strings.Builder
		b.WriteString("[a][r0]\n\n")
		for i := range n {
			fmt.Fprintf(&b, "[r%d]: /u\n", i)
		}
		return b.String()
	}
	openLinks := func(n int) string { return "intro\n\n" + strings.Repeat("[a](", n) }
	tests := []struct {
		name string
		src  string
		at   string // what the problem points at: the source from its offset starts so
		msg  string
	}{
		{"list at the limit", deepList(MaxListDepth), "", ""},
		{"list past the limit", deepList(MaxListDepth + 1), "- x\n", "lists nested more than 100 deep"},
		{"list far past the limit", deepList(3000), strings.Repeat("- ", 2900), "briefs allows at most 100"},
		{"quotes at the limit", quotes(MaxQuoteDepth), "", ""},
		{"quotes past the limit", quotes(MaxQuoteDepth + 1), "> x\n", "blockquotes nested more than 100 deep"},
		{"quotes far past the limit", quotes(3000), strings.Repeat(">", 2900), "remove some > markers"},
		{"closed links", strings.Repeat("[a](/b) ", 20_000), "", ""},
		{"few open links", openLinks(1000), "", ""},
		{"many open links", openLinks(10_000), "](", "link targets left open"},
		{"titles", strings.Repeat("[a](/b \"t\")\n", 3000), "", ""},
		{"open titles", "intro\n\n" + strings.Repeat("[a](b \"\n", 5000), "](b", "link titles"},
		{"footnotes", footnotes(2000, 2000), "", ""},
		{"too many footnotes", footnotes(5000, 2001), "[^2000]:", "too many footnotes"},
		{"reference definitions", refs(MaxRefRun), "", ""},
		{"too many reference definitions", refs(MaxRefRun + 1), "[r1000]:", "link reference definitions"},
	}
	md := New(Options{Lang: "zh", CJK: true})
	for _, tt := range tests {
		res := md.Render([]byte(tt.src))
		switch {
		case tt.msg == "" && len(res.Problems) > 0:
			t.Errorf("%s: problems %v", tt.name, res.Problems)
		case tt.msg != "" && (len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, tt.msg)):
			t.Errorf("%s: problems %v, want one with %q", tt.name, res.Problems, tt.msg)
		case tt.msg != "" && !strings.HasPrefix(tt.src[res.Problems[0].Offset:], tt.at):
			t.Errorf("%s: problem at %d, before %.20q; want before %.20q", tt.name, res.Problems[0].Offset, tt.src[res.Problems[0].Offset:], tt.at)
		}
	}
}

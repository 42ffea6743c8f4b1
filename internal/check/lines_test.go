package check

import (
	"slices"
	"testing"

	"github.com/briefs/briefs/internal/diag"
)

// TestLinesAsLineCol checks the line index against diag.LineCol at every character's
// offset (the only offsets figures and links have), read forwards, backwards and out
// of order.
func TestLinesAsLineCol(t *testing.T) {
	src := []byte("+++\ntitle = \"甲\"\n+++\n淄博市共破获电诈案件4112起，\r\n\n4,810 suspects <!-- check:ignore -->\n末行")
	var starts []int
	for off := range string(src) {
		starts = append(starts, off)
	}
	starts = append(starts, len(src))
	offs := slices.Clone(starts)
	for i := len(starts) - 1; i >= 0; i-- {
		offs = append(offs, starts[i])
	}
	for i := 0; i < len(starts); i += 7 {
		offs = append(offs, starts[i], starts[len(starts)-1-i])
	}
	l := newLines(src)
	for _, off := range offs {
		line, col := l.pos(off)
		if wl, wc := diag.LineCol(src, off); line != wl || col != wc {
			t.Fatalf("offset %d: got %d:%d, want %d:%d", off, line, col, wl, wc)
		}
	}
	if len(l.marked) != 1 || !l.marked[6] {
		t.Errorf("lines with the ignore mark: %v, want line 6", l.marked)
	}
}

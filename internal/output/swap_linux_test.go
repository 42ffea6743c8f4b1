package output

import (
	"path/filepath"
	"testing"
)

// TestSwapExchanges checks that Linux swaps in one step: the previous output ends up
// where the staging folder was, and the output path never stops existing.
func TestSwapExchanges(t *testing.T) {
	root := t.TempDir()
	staging, final := filepath.Join(root, ".public.tmp-1"), filepath.Join(root, "public")
	mustWrite(t, filepath.Join(final, "index.html"), "old")
	mustWrite(t, filepath.Join(staging, "index.html"), "new")
	old, err := swap(staging, final)
	if err != nil || old != staging {
		t.Fatalf("swap: %q, %v; want the exchange, leaving the old output at %s", old, err, staging)
	}
	if tree(t, final)["index.html"] != "new" || tree(t, staging)["index.html"] != "old" {
		t.Error("the folders were not exchanged")
	}
}

package output

import (
	"os"
	"path/filepath"
	"testing"
)

func TestSplit(t *testing.T) {
	tests := []struct{ in, dir, base string }{
		{"/a/b", "/a", "b"},
		{"/a/b/", "/a", "b"},
		{"/a/link/..", "/a/link", ".."},
		{"/a", "/", "a"},
		{"/", "/", ""},
		{"rel", "rel", ""},
	}
	for _, tt := range tests {
		if dir, base := split(tt.in); dir != tt.dir || base != tt.base {
			t.Errorf("split(%q) = %q, %q; want %q, %q", tt.in, dir, base, tt.dir, tt.base)
		}
	}
}

func TestWithin(t *testing.T) {
	tests := []struct {
		path, dir string
		want      bool
	}{
		{"/a/b", "/a", true},
		{"/a", "/a", false},
		{"/ab", "/a", false},
		{"/a", "/", true},
		{"/", "/", false},
	}
	for _, tt := range tests {
		if got := within(tt.path, tt.dir); got != tt.want {
			t.Errorf("within(%q, %q) = %v", tt.path, tt.dir, got)
		}
	}
}

// TestResolveDotDotAfterLink checks that ".." after a link leaves the link's target,
// as the system does, not the folder the link is in, as filepath.Clean would.
func TestResolveDotDotAfterLink(t *testing.T) {
	root, err := filepath.EvalSymlinks(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	mustMkdir(t, filepath.Join(root, "b", "c"))
	mustMkdir(t, filepath.Join(root, "a"))
	if err := os.Symlink(filepath.Join(root, "b", "c"), filepath.Join(root, "a", "link")); err != nil {
		t.Fatal(err)
	}
	tests := []struct{ in, want string }{
		{root + "/a/link/../x", root + "/b/x"},
		{root + "/a/link/new/../y", root + "/b/c/y"},
		{root + "/a/link", root + "/b/c"},
		{root + "/a/./missing/", root + "/a/missing"},
	}
	for _, tt := range tests {
		if got, err := resolve(tt.in); err != nil || got != tt.want {
			t.Errorf("resolve(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

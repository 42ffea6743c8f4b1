package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestQueue writes many files, deep and shallow, through a Queue and checks that the
// committed folder holds exactly them, and that the caller may reuse its buffer as
// soon as WriteFile returns.
func TestQueue(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "public")
	d, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	q := d.Queue(4)
	want := map[string]string{Marker: markerText}
	buf := make([]byte, 0, 64)
	for i := range 200 {
		name := fmt.Sprintf("zh/tags/t%d/index.html", i%7)
		if i >= 7 {
			name = fmt.Sprintf("zh/tags/t%d/page/%d/index.html", i%7, i/7+1)
		}
		buf = fmt.Appendf(buf[:0], "page %d", i)
		if err := q.WriteFile(name, buf); err != nil {
			t.Fatal(err)
		}
		want[filepath.FromSlash(name)] = string(buf)
	}
	if err := q.Close(); err != nil {
		t.Fatal(err)
	}
	if err := d.Commit(); err != nil {
		t.Fatal(err)
	}
	got := tree(t, out)
	for name, data := range want {
		if got[name] != data {
			t.Errorf("%s = %q, want %q", name, got[name], data)
		}
	}
	if d.Files() != 200 {
		t.Errorf("Files() = %d, want 200", d.Files())
	}
}

// TestQueueFailure checks that a write that fails in a writer stops the build: Close
// returns the *WriteError, the Dir's context is done, and later writes fail.
func TestQueueFailure(t *testing.T) {
	d := newDir(t, "public")
	q := d.Queue(2)
	if err := q.WriteFile("bad-name/../../x", []byte("x")); err == nil {
		t.Error("a name outside the output was queued")
	}
	q.WriteFile("a", []byte("file"))
	// Written in turn after a's write, whichever writer takes it: a is a file, not a folder.
	q2 := d.Queue(1)
	q.Close()
	q2.WriteFile("a/index.html", []byte("x"))
	err := q2.Close()
	var we *WriteError
	if !errors.As(err, &we) {
		t.Fatalf("Close() = %v, want a *WriteError", err)
	}
	if d.Context().Err() == nil {
		t.Error("the Dir's context is not done after a failed write")
	}
	if err := q2.WriteFile("b.html", nil); err == nil {
		t.Error("a write after a failure was accepted")
	}
}

// TestMakeFolders: the folders of the files named are there before the files are
// written, bad names are left to WriteFile, and a folder that cannot be made fails
// its file's write with a *WriteError.
func TestMakeFolders(t *testing.T) {
	d := newDir(t, "public")
	q := d.Queue(3)
	if err := q.WriteFile("a", []byte("file")); err != nil {
		t.Fatal(err)
	}
	q.Close()
	names := []string{"zh/law/x/index.html", "zh/law/page/2/index.html", "index.html", "../bad", "a/b/index.html"}
	q = d.Queue(3)
	q.MakeFolders(names)
	q.Close()
	for _, dir := range []string{"zh/law/x", "zh/law/page/2"} {
		if info, err := os.Stat(filepath.Join(d.staging, filepath.FromSlash(dir))); err != nil || !info.IsDir() {
			t.Errorf("folder %s not made ahead: %v", dir, err)
		}
	}
	q = d.Queue(1)
	for _, name := range names[:3] {
		if err := q.WriteFile(name, []byte(name)); err != nil {
			t.Errorf("WriteFile(%s) = %v", name, err)
		}
	}
	q.WriteFile("a/b/index.html", []byte("x")) // a is a file: its folder failed ahead
	var we *WriteError
	if err := q.Close(); !errors.As(err, &we) || we.Path != filepath.Join(d.target.given, "a", "b", "index.html") {
		t.Errorf("Close() = %v, want the *WriteError of a/b/index.html", err)
	}
}

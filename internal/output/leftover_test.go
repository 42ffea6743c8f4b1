package output

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

func TestLeftoversRemovedOthersKept(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "public")
	build(t, out, s, "one")
	ours := map[string]string{ // what killed builds leave: staging folders, old outputs
		".public.tmp-123/" + Marker:              markerText,
		".public.tmp-123/zh/law/a/index.html":    "half",
		".public.old-456/" + Marker:              markerText,
		".public.old-456/index.html":             "older",
		".public.tmp-789/" + Marker:              markerText, // a removal cut short
		".public.tmp-empty/.keep-dir-only/":      "",         // see below: made empty
		".public.tmp-mine/notes.txt":             "the user's",
		".public.tmpfiles/" + Marker:             markerText,
		".other.tmp-1/" + Marker:                 markerText,
		".public.old-mine/" + Marker + "/x.html": "a folder named like the marker",
	}
	for p, data := range ours {
		if strings.HasSuffix(p, "/") {
			mustMkdir(t, filepath.Join(root, p))
			continue
		}
		mustWrite(t, filepath.Join(root, p), data)
	}
	os.Remove(filepath.Join(root, ".public.tmp-empty/.keep-dir-only"))
	if err := os.WriteFile(filepath.Join(root, ".public.tmp-link"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	build(t, out, s, "two")
	var got []string
	entries, _ := os.ReadDir(root)
	for _, e := range entries {
		got = append(got, e.Name())
	}
	want := []string{".other.tmp-1", ".public.old-mine", ".public.tmp-link", ".public.tmp-mine", ".public.tmpfiles", "public", "site"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("after the build: %v\nwant %v", got, want)
	}
	if b, _ := os.ReadFile(filepath.Join(root, ".public.tmp-mine/notes.txt")); string(b) != "the user's" {
		t.Error("a folder without the marker was changed")
	}
}

func TestRunningBuildKeepsItsStaging(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "public")
	first, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	second, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	second.Abort()
	if err := first.WriteFile("index.html", []byte("first")); err != nil {
		t.Fatalf("the second build removed the first one's staging folder: %v", err)
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}
}

// TestHalfDoneSwapRecovered cuts a two-rename swap between its renames, as a kill
// would: the output is missing, the previous one is aside, the new one staged.
func TestHalfDoneSwapRecovered(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "public")
	build(t, out, s, "one")
	staged := filepath.Join(root, ".public.tmp-42")
	mustWrite(t, filepath.Join(staged, Marker), markerText)
	mustWrite(t, filepath.Join(staged, "index.html"), "two")
	if err := os.Rename(out, filepath.Join(root, ".public.old-42")); err != nil {
		t.Fatal(err)
	}
	d, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	if got := tree(t, out); got["index.html"] != "one" || got[Marker] != markerText {
		t.Errorf("the previous output was not put back: %v", got)
	}
	d.Abort()
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("left beside the output: %v", entries)
	}
}

func TestSwapRenames(t *testing.T) {
	root := t.TempDir()
	staging, final := filepath.Join(root, ".public.tmp-1"), filepath.Join(root, "public")
	mustWrite(t, filepath.Join(staging, "index.html"), "new")
	old, err := swapRenames(staging, final)
	if err != nil || old != "" {
		t.Fatalf("first swap: %q, %v", old, err)
	}
	mustWrite(t, filepath.Join(staging, "index.html"), "newer")
	old, err = swapRenames(staging, final)
	if err != nil || old != filepath.Join(root, ".public.old-1") {
		t.Fatalf("second swap: %q, %v", old, err)
	}
	if got := tree(t, final); got["index.html"] != "newer" {
		t.Errorf("output: %v", got)
	}
	if got := tree(t, old); got["index.html"] != "new" {
		t.Errorf("previous output: %v", got)
	}
}

// TestWriteErrorStops puts a file where a folder must go, as a full or read-only disk
// would refuse a write: the first failure is kept, and every later write returns it.
func TestWriteErrorStops(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "public")
	build(t, out, s, "one")
	d, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	mustWrite(t, filepath.Join(d.staging, "zh"), "a file where a folder must go")
	err = d.WriteFile("zh/law/a/index.html", []byte("two"))
	var we *WriteError
	if !errors.As(err, &we) || we.Path != filepath.Join(out, "zh/law/a/index.html") || !errors.Is(err, syscall.ENOTDIR) {
		t.Fatalf("got %v, want a WriteError for %s", err, filepath.Join(out, "zh/law/a/index.html"))
	}
	if d.Context().Err() == nil || context.Cause(d.Context()) != err {
		t.Error("the Dir's context goes on after a write error")
	}
	if again := d.WriteFile("en/index.html", []byte("x")); again != err {
		t.Errorf("a later write: %v, want the first error", again)
	}
	if _, err := os.Stat(filepath.Join(d.staging, "en")); err == nil {
		t.Error("a write went on after the first failure")
	}
	if err := d.Commit(); !errors.As(err, &we) {
		t.Errorf("Commit after a write error: %v", err)
	}
	d.Abort()
	if got := tree(t, out); got["index.html"] != "one" {
		t.Errorf("the previous output changed: %v", got)
	}
}

func TestCommitRefusesFolderFilledDuringBuild(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "out")
	mustMkdir(t, out)
	d, err := NewDir(context.Background(), out, s)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("site"))
	mustWrite(t, filepath.Join(out, "thesis.tex"), "two years of work")
	var refused *RefusedError
	if err := d.Commit(); !errors.As(err, &refused) {
		t.Errorf("Commit: %v, want a refusal", err)
	}
	d.Abort()
	if got := tree(t, out); len(got) != 2 || got["thesis.tex"] != "two years of work" {
		t.Errorf("the folder changed: %v", got)
	}
}

func TestAbortKeepsPreviousOutput(t *testing.T) {
	root, s := newSite(t)
	out := filepath.Join(root, "public")
	build(t, out, s, "one")
	before := tree(t, out)
	ctx, cancel := context.WithCancel(context.Background())
	d, err := NewDir(ctx, out, s)
	if err != nil {
		t.Fatal(err)
	}
	d.WriteFile("index.html", []byte("two"))
	cancel() // Ctrl+C
	if err := d.WriteFile("zh/index.html", []byte("two")); !errors.Is(err, context.Canceled) {
		t.Errorf("a write after Ctrl+C: %v", err)
	}
	if err := d.Abort(); err != nil {
		t.Fatal(err)
	}
	if after := tree(t, out); !mapsEqual(before, after) {
		t.Errorf("the previous output changed: %v", after)
	}
	if entries, _ := os.ReadDir(root); len(entries) != 2 {
		t.Errorf("left beside the output: %v", entries)
	}
}

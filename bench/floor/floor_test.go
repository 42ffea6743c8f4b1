package main

import (
	"bytes"
	"context"
	"errors"
	"hash/crc32"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	briefs "github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/testcorpus"
)

// TestSameWritesBuiltFolder builds a generated corpus with briefs, as briefs build
// does, and checks that floor -same writes that folder again, file for file and byte
// for byte, from a pack of it and from the folder itself.
func TestSameWritesBuiltFolder(t *testing.T) {
	tmp := t.TempDir()
	site := filepath.Join(tmp, "site")
	if _, err := testcorpus.Write(site, testcorpus.Options{N: 12, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	built := filepath.Join(tmp, "built")
	buildSite(t, site, built)
	pack := filepath.Join(tmp, "built.pack")
	if code := floor([]string{"-pack", built, "-out", pack}); code != 0 {
		t.Fatalf("floor -pack: exit %d", code)
	}
	for _, src := range []string{pack, built} {
		out := filepath.Join(tmp, "same-"+filepath.Base(src))
		if code := floor([]string{"-same", src, "-in", filepath.Join(site, "content"), "-out", out}); code != 0 {
			t.Fatalf("floor -same %s: exit %d", src, code)
		}
		want, got := snapshot(t, built), snapshot(t, out)
		if len(want) < 50 {
			t.Fatalf("the built folder has %d entries; the test needs a real site", len(want))
		}
		for name, w := range want {
			if g, ok := got[name]; !ok {
				t.Errorf("-same %s: %s missing", filepath.Base(src), name)
			} else if g != w {
				t.Errorf("-same %s: %s differs", filepath.Base(src), name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("-same %s: %s not in the built folder", filepath.Base(src), name)
			}
		}
	}
}

// buildSite builds the site folder site into out as briefs build does.
func buildSite(t *testing.T, site, out string) {
	t.Helper()
	dir, err := output.NewDir(context.Background(), out, output.Site{Dir: site, Reads: build.Sources()})
	if err != nil {
		t.Fatal(err)
	}
	opts := build.Options{Site: content.SiteFS(site), Dir: site, Theme: briefs.Theme,
		Now: time.Date(2030, 1, 1, 0, 0, 0, 0, time.UTC), Context: dir.Context()}
	if _, err := build.Run(opts, dir); err != nil {
		dir.Abort()
		t.Fatal(err)
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
}

// snapshot maps every folder (to "/") and file (to its bytes) below dir by its path.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	m := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if d.IsDir() {
			m[rel] = "/"
			return nil
		}
		data, err := os.ReadFile(p)
		m[rel] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestUnpackRefusesDamage checks that a pack cut short or changed anywhere is refused
// before anything is written, with an error that names the file and says what to do.
func TestUnpackRefusesDamage(t *testing.T) {
	tmp := t.TempDir()
	src := filepath.Join(tmp, "src")
	for name, data := range map[string]string{"index.html": "<p>home</p>", "en/a/index.html": "<p>a</p>", "en/empty/": ""} {
		p := filepath.Join(src, filepath.FromSlash(name))
		if strings.HasSuffix(name, "/") {
			os.MkdirAll(p, 0o755)
			continue
		}
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good := filepath.Join(tmp, "good.pack")
	if _, _, err := writePack(src, good); err != nil {
		t.Fatal(err)
	}
	p, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := parsePack(good, p)
	if err != nil || len(entries) != 5 {
		t.Fatalf("good pack: %d entries, %v; want 5 (en, en/a, en/a/index.html, en/empty, index.html)", len(entries), err)
	}
	flip := func(i int) []byte { q := bytes.Clone(p); q[i] ^= 0x20; return q }
	tests := []struct {
		name string
		pack []byte
		want string
	}{
		{"empty", nil, "not a pack"},
		{"other file", []byte("<html></html>"), "not a pack"},
		{"magic only", []byte(packMagic), "no end mark"},
		{"cut by one byte", p[:len(p)-1], "no end mark"},
		{"cut in the middle", p[:len(p)/2], "no end mark"},
		{"a byte of a file changed", flip(bytes.Index(p, []byte("home"))), "checksum"},
		{"a path changed", flip(bytes.Index(p, []byte("en/a"))), "checksum"},
		{"the sum changed", flip(len(p) - 1), "checksum"},
		{"a path out of the folder", resum(append([]byte(packMagic), "d\x02.."...)), "leads out"},
		{"a length past the end", resum(append([]byte(packMagic), "f\x01a\x09abc"...)), "past the end"},
		{"an unknown kind", resum(append([]byte(packMagic), "x\x01a"...)), "neither"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), "x.pack")
			if err := os.WriteFile(file, tt.pack, 0o644); err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(t.TempDir(), "out")
			_, _, err := loadSame(file)
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), file) {
				t.Fatalf("loadSame: %v; want an error naming %s and saying %q", err, file, tt.want)
			}
			if tt.want != "not a pack" && !errors.Is(err, errDamaged) {
				t.Errorf("%v: not errDamaged, which says to make the pack again", err)
			}
			if code := floor([]string{"-same", file, "-in", src, "-out", out}); code != 1 {
				t.Errorf("floor -same: exit %d, want 1", code)
			}
			if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("floor -same wrote %s from a damaged pack", out)
			}
		})
	}
}

// resum ends body, a pack's magic and entries, with the end mark and its right sum.
func resum(body []byte) []byte {
	var buf bytes.Buffer
	buf.Write(body)
	sum := crc32.Checksum(body, castagnoli)
	buf.WriteByte('e')
	buf.Write([]byte{byte(sum >> 24), byte(sum >> 16), byte(sum >> 8), byte(sum)})
	return buf.Bytes()
}

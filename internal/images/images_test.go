package images

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io/fs"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
)

func encode(t *testing.T, format string, w, h int) []byte {
	t.Helper()
	img := image.NewPaletted(image.Rect(0, 0, w, h), color.Palette{color.White, color.Black})
	var buf bytes.Buffer
	var err error
	switch format {
	case "png":
		err = png.Encode(&buf, img)
	case "jpeg":
		err = jpeg.Encode(&buf, img, nil)
	case "gif":
		err = gif.Encode(&buf, img, nil)
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func library(t *testing.T, files fstest.MapFS, cache string) *Library {
	return New(Options{Open: func(name string) ([]byte, error) { return fs.ReadFile(files, name) }, Cache: cache})
}

func TestLookup(t *testing.T) {
	files := fstest.MapFS{
		"a.png":     {Data: encode(t, "png", 300, 200)},
		"b.jpg":     {Data: encode(t, "jpeg", 801, 401)},
		"c.gif":     {Data: encode(t, "gif", 2000, 100)},
		"d.png":     {Data: encode(t, "png", 800, 10)},
		"e/big.png": {Data: encode(t, "png", 1201, 1)},
		"f.txt":     {Data: []byte("hello")},
		"huge.png":  {Data: encode(t, "png", 10000, 5001)},
	}
	tests := []struct {
		name string
		want Image
		err  string
	}{
		{"a.png", Image{Name: "a.png", Width: 300, Height: 200, Format: "png"}, ""},
		{"b.jpg", Image{Name: "b.jpg", Width: 801, Height: 401, Format: "jpeg", Variants: []Variant{{480, 240, "b.480w.jpg"}, {800, 400, "b.800w.jpg"}}}, ""},
		{"c.gif", Image{Name: "c.gif", Width: 2000, Height: 100, Format: "gif"}, ""}, // GIFs are served as they are
		{"d.png", Image{Name: "d.png", Width: 800, Height: 10, Format: "png"}, ""},   // not above the threshold
		{"e/big.png", Image{Name: "e/big.png", Width: 1201, Height: 1, Format: "png", Variants: []Variant{{480, 1, "e/big.480w.png"}, {800, 1, "e/big.800w.png"}, {1200, 1, "e/big.1200w.png"}}}, ""},
		{"f.txt", Image{}, "cannot read its size"},
		{"huge.png", Image{}, "more than briefs scales"},
		{"none.png", Image{}, ErrNotFound.Error()},
	}
	lib := library(t, files, "")
	for _, tt := range tests {
		got, err := lib.Lookup(tt.name)
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%s: error %v, want …%s…", tt.name, err, tt.err)
			}
			continue
		}
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s:\ngot  %+v, %v\nwant %+v", tt.name, got, err, tt.want)
		}
	}
	if _, err := lib.Lookup("none.png"); !errors.Is(err, ErrNotFound) {
		t.Errorf("missing file: %v", err)
	}
}

type memory map[string][]byte

func (m memory) WriteFile(name string, data []byte) error { m[name] = data; return nil }

// TestCache: the second library over the same cache encodes nothing and writes the
// same bytes; only looked-up images are written.
func TestCache(t *testing.T) {
	files := fstest.MapFS{"x.png": {Data: encode(t, "png", 1000, 20)}, "y.png": {Data: encode(t, "png", 1000, 20)}}
	cache := filepath.Join(t.TempDir(), "images")
	var outs []memory
	for i, wantEncodes := range []int{2, 0} {
		lib := library(t, files, cache)
		if _, err := lib.Lookup("x.png"); err != nil {
			t.Fatal(err)
		}
		out := memory{}
		if errs := lib.Write(out); len(errs) > 0 {
			t.Fatal(errs)
		}
		if lib.Encodes() != wantEncodes {
			t.Errorf("build %d encoded %d copies, want %d", i+1, lib.Encodes(), wantEncodes)
		}
		if len(out) != 2 || out["x.480w.png"] == nil || out["x.800w.png"] == nil {
			t.Errorf("build %d wrote %v", i+1, out)
		}
		outs = append(outs, out)
	}
	if !reflect.DeepEqual(outs[0], outs[1]) {
		t.Error("the cached copies differ from the made ones")
	}
}

package build_test

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
)

// gradient is a picture with detail in it, so that scaling has work to do.
func gradient(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, color.RGBA{uint8(x), uint8(y), uint8(x ^ y), 255})
		}
	}
	return img
}

func encoded(t *testing.T, w, h int, jpg bool) []byte {
	t.Helper()
	var buf bytes.Buffer
	var err error
	if jpg {
		err = jpeg.Encode(&buf, gradient(w, h), nil)
	} else {
		err = png.Encode(&buf, gradient(w, h))
	}
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const imageBrief = `+++
title = "图表"
date = 2024-03-01
+++
第一段。

![一张地图](/img/map.png "淄博市地图")

{{< figure src="photo.jpg" alt="一张照片" caption="会场" >}}

小图 ![图标](/img/icon.png) 在文字里。
`

// imageSite is the basic site with a brief showing a large PNG (static/img), a large
// JPEG next to the brief's URL (static/zh/law/charts/), and a small PNG. The large ones
// are wide, which is what gets them copies, and low: scaling costs by the pixel, and
// under the race detector full-height pictures made these tests most of the package's
// time.
func imageSite(t *testing.T) fstest.MapFS {
	fsys := siteFS(t, "basic.txtar")
	fsys["content/law/charts.zh.md"] = &fstest.MapFile{Data: []byte(imageBrief)}
	fsys["static/img/map.png"] = &fstest.MapFile{Data: encoded(t, 1000, 50, false)}
	fsys["static/zh/law/charts/photo.jpg"] = &fstest.MapFile{Data: encoded(t, 1300, 60, true)}
	fsys["static/img/icon.png"] = &fstest.MapFile{Data: encoded(t, 32, 24, false)}
	return fsys
}

var variants = []string{"img/map.480w.png", "img/map.800w.png",
	"zh/law/charts/photo.480w.jpg", "zh/law/charts/photo.800w.jpg", "zh/law/charts/photo.1200w.jpg"}

func TestImages(t *testing.T) {
	cache := filepath.Join(t.TempDir(), ".cache", "briefs", "images")
	mem, _, err := buildSite(t, imageSite(t), build.Options{ImageCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "zh/law/charts/index.html",
		`<figure><img src="/img/map.png" alt="一张地图" width="1000" height="50" srcset="/img/map.480w.png 480w, /img/map.800w.png 800w, /img/map.png 1000w" sizes="(max-width: 40rem) 100vw, 40rem" loading="lazy" decoding="async"><figcaption>淄博市地图</figcaption></figure>`,
		`<figure><img src="photo.jpg" alt="一张照片" width="1300" height="60" srcset="photo.480w.jpg 480w, photo.800w.jpg 800w, photo.1200w.jpg 1200w, photo.jpg 1300w"`,
		`<figcaption>会场</figcaption>`,
		`<img src="/img/icon.png" alt="图标" width="32" height="24" loading="lazy" decoding="async">`)
	for _, v := range variants {
		data, ok := mem.Get(v)
		if !ok {
			t.Fatalf("%s not written; wrote %v", v, mem.Names())
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
		if err != nil || !strings.Contains(v, "."+strconv.Itoa(cfg.Width)+"w.") {
			t.Errorf("%s: %v, %d px wide", v, err, cfg.Width)
		}
	}
	if _, ok := mem.Get("img/icon.480w.png"); ok {
		t.Error("a small image got copies")
	}
	cached, _ := filepath.Glob(filepath.Join(cache, "*"))
	if len(cached) != len(variants) {
		t.Errorf("cache holds %v, want %d files", cached, len(variants))
	}
	sameImages(t, mem, build.Options{ImageCache: t.TempDir()}, "a build with an empty cache")
	sameImages(t, mem, build.Options{}, "a build without a cache")
	cacheUsed(t, mem, cache, cached)
}

// cacheUsed builds again with the same cache: no copy is made anew (the cache's files
// keep their times), and what the cache holds is what is written.
func cacheUsed(t *testing.T, first *output.Memory, cache string, cached []string) {
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, f := range cached {
		os.Chtimes(f, old, old)
	}
	sameImages(t, first, build.Options{ImageCache: cache}, "a build with the cache")
	for _, f := range cached {
		if info, err := os.Stat(f); err != nil || !info.ModTime().Equal(old) {
			t.Errorf("%s was written again", f)
		}
	}
	for _, f := range cached {
		os.WriteFile(f, []byte("from the cache"), 0o644)
	}
	mem, _, err := buildSite(t, imageSite(t), build.Options{ImageCache: cache})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range variants {
		if data, _ := mem.Get(v); string(data) != "from the cache" {
			t.Errorf("%s was made anew, not taken from the cache", v)
		}
	}
}

// sameImages builds the image site with opts and checks its copies are byte for byte
// those of want.
func sameImages(t *testing.T, want *output.Memory, opts build.Options, what string) {
	t.Helper()
	mem, _, err := buildSite(t, imageSite(t), opts)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range variants {
		a, _ := want.Get(v)
		b, _ := mem.Get(v)
		if !bytes.Equal(a, b) || len(a) == 0 {
			t.Errorf("%s: %s differs from the first build's", what, v)
		}
	}
}

// TestMissingImage: an image without a file is an error where it is written.
func TestMissingImage(t *testing.T) {
	fsys := imageSite(t)
	delete(fsys, "static/zh/law/charts/photo.jpg")
	fsys["content/law/charts.en.md"] = &fstest.MapFile{Data: []byte("+++\ntitle = \"Charts\"\ndate = 2024-03-01\n+++\nText.\n\nSee ![a map](../map.png).\n")}
	_, _, err := buildSite(t, fsys, build.Options{})
	if err == nil {
		t.Fatal("build succeeded")
	}
	for _, want := range []string{
		"content/law/charts.en.md:7:7: image ../map.png leads nowhere: no file static/en/law/map.png; put the image there, or fix the path",
		"content/law/charts.zh.md:9:1: image photo.jpg leads nowhere: no file static/zh/law/charts/photo.jpg",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error lacks %q:\n%v", want, err)
		}
	}
}

// TestUpdateImage: in the dev server, an edit that shows a new image writes its copies,
// as a full build would.
func TestUpdateImage(t *testing.T) {
	dir := t.TempDir()
	for p, f := range imageSite(t) {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, f.Data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "static/img/wide.png"), encoded(t, 900, 10, false), 0o644)
	opts := build.Options{Site: os.DirFS(dir), Theme: briefs.Theme, Now: now, ImageCache: filepath.Join(dir, ".cache")}
	sess := build.NewLive(opts)
	mem := output.NewMemory()
	if _, err := sess.Build(mem); err != nil {
		t.Fatal(err)
	}
	edit(t, dir, "content/law/zibo.zh.md", "第一句话。", "第一句话。\n\n![宽图](/img/wide.png)\n")
	ch, err := sess.Update([]string{"content/law/zibo.zh.md"}, mem)
	if err != nil {
		t.Fatal(err)
	}
	if !contains1(ch.Written, "img/wide.480w.png") || !contains1(ch.Written, "img/wide.800w.png") {
		t.Errorf("copies not written: %v", ch.Written)
	}
	sameAsFullBuild(t, "image added", opts, mem)
}

// TestImagesRelativeURLs: with relativeURLs, the copies in srcset are relative too, so
// the site opened from disk shows them.
func TestImagesRelativeURLs(t *testing.T) {
	fsys := imageSite(t)
	fsys["site.toml"].Data = append([]byte("relativeURLs = true\n"), fsys["site.toml"].Data...)
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	contains(t, mem, "zh/law/charts/index.html",
		`<img src="../../../img/map.png" alt="一张地图" width="1000" height="50" srcset="../../../img/map.480w.png 480w, ../../../img/map.800w.png 800w, ../../../img/map.png 1000w"`,
		`srcset="photo.480w.jpg 480w, photo.800w.jpg 800w, photo.1200w.jpg 1200w, photo.jpg 1300w"`)
}

package images

import (
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"image"
	_ "image/gif" // sizes of GIF images
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	_ "golang.org/x/image/webp" // sizes of WebP images

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/pool"
)

// Widths are the widths of the variants of a large image, narrowest first.
var Widths = []int{480, 800, 1200}

// Threshold is the width above which a PNG or JPEG gets variants.
const Threshold = 800

// MaxPixels bounds the images briefs decodes to scale, so that a huge (or hostile)
// file cannot exhaust memory: 50 megapixels is an 8660×5773 photograph.
const MaxPixels = 50_000_000

// Options configure a Library.
type Options struct {
	// Open reads a file below static/ by its slash-separated name ("img/map.png"),
	// with an error matching fs.ErrNotExist when there is none.
	Open func(name string) ([]byte, error)
	// Cache is the folder that keeps variants between builds; "" keeps none.
	Cache string
}

// Image is an image a page shows.
type Image struct {
	// Name is the file's name below static/.
	Name string
	// Width and Height are its size in pixels.
	Width, Height int
	// Format is "png", "jpeg", "gif" or "webp".
	Format string
	// Variants are its narrower copies, narrowest first; none for small images.
	Variants []Variant
}

// Variant is a narrower copy of an image, written next to it.
type Variant struct {
	Width, Height int
	// Name is the copy's name in the output ("img/map.480w.png").
	Name string
}

// Library reads images for one build. It is safe for concurrent use.
type Library struct {
	opts    Options
	mu      sync.Mutex
	entries map[string]*entry
	encodes atomic.Int64
}

type entry struct {
	once sync.Once
	img  Image
	sum  [sha256.Size]byte
	err  error
}

// New makes a library that reads images with opts.Open.
func New(opts Options) *Library {
	return &Library{opts: opts, entries: map[string]*entry{}}
}

// ErrNotFound is returned by Lookup for an image that has no file.
var ErrNotFound = errors.New("image not found")

// Lookup reads the image at name below static/ once, however many pages show it, and
// remembers it for Write.
func (l *Library) Lookup(name string) (Image, error) {
	l.mu.Lock()
	e := l.entries[name]
	if e == nil {
		e = &entry{}
		l.entries[name] = e
	}
	l.mu.Unlock()
	e.once.Do(func() { e.img, e.sum, e.err = l.read(name) })
	return e.img, e.err
}

func (l *Library) read(name string) (Image, [sha256.Size]byte, error) {
	data, err := l.opts.Open(name)
	if errors.Is(err, fs.ErrNotExist) {
		return Image{}, [32]byte{}, ErrNotFound
	}
	if err != nil {
		return Image{}, [32]byte{}, fmt.Errorf("cannot read: %v", err)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, [32]byte{}, fmt.Errorf("cannot read its size (%v); save it as PNG, JPEG, GIF or WebP", err)
	}
	img := Image{Name: name, Width: cfg.Width, Height: cfg.Height, Format: format}
	if (format == "png" || format == "jpeg") && cfg.Width > Threshold {
		if cfg.Width*cfg.Height > MaxPixels {
			return Image{}, [32]byte{}, fmt.Errorf("is %d×%d pixels, more than briefs scales (%d megapixels); make it smaller", cfg.Width, cfg.Height, MaxPixels/1_000_000)
		}
		img.Variants = variants(name, cfg.Width, cfg.Height)
	}
	return img, sha256.Sum256(data), nil
}

// variants names the copies of an image of size w×h.
func variants(name string, w, h int) []Variant {
	ext := path.Ext(name)
	var out []Variant
	for _, vw := range Widths {
		if vw >= w {
			break
		}
		vh := max(1, (h*vw+w/2)/w)
		out = append(out, Variant{Width: vw, Height: vh, Name: fmt.Sprintf("%s.%dw%s", strings.TrimSuffix(name, ext), vw, ext)})
	}
	return out
}

// Writer receives the variants: the build's output, or the dev server's memory.
type Writer interface {
	WriteFile(name string, data []byte) error
}

// Write writes the variants of every image looked up, taken from the cache or made
// anew, one image per core at a time (w must be safe for concurrent use, as the
// build's writers are). The dev server calls it after every update, which then costs
// a read of each cached variant. It returns the problems in image name order, each
// naming its image.
func (l *Library) Write(w Writer) []error {
	l.mu.Lock()
	names := slices.Sorted(maps.Keys(l.entries))
	l.mu.Unlock()
	errs := make([]error, len(names))
	pool.Each(len(names), func(i int) { errs[i] = l.writeImage(names[i], w) })
	return slices.DeleteFunc(errs, func(err error) bool { return err == nil })
}

func (l *Library) writeImage(name string, w Writer) error {
	img, err := l.Lookup(name)
	if err != nil || len(img.Variants) == 0 {
		return nil // reported where the image is shown
	}
	l.mu.Lock()
	e := l.entries[name]
	l.mu.Unlock()
	sc := &scaler{lib: l, name: name, format: img.Format}
	for _, v := range img.Variants {
		data, err := l.variant(sc, e.sum, v)
		if err != nil {
			return diag.At("static/"+name, 0, 0, "cannot make its %d px copy: %v", v.Width, err)
		}
		if err := w.WriteFile(v.Name, data); err != nil {
			return err
		}
	}
	return nil
}

// Encodes counts the variants this library has scaled and encoded, rather than
// taken from the cache.
func (l *Library) Encodes() int { return int(l.encodes.Load()) }

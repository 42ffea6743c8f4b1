package images

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"

	"golang.org/x/image/draw"
)

// jpegQuality is the quality of JPEG variants: visually lossless for photographs at
// about a third of the size of quality 100.
const jpegQuality = 85

// scaler decodes an image's original once, when its first variant is not cached.
type scaler struct {
	lib    *Library
	name   string
	format string
	src    image.Image
}

// variant returns the bytes of v: from the cache when it holds them, made and
// cached otherwise.
func (l *Library) variant(sc *scaler, sum [32]byte, v Variant) ([]byte, error) {
	file := ""
	if l.opts.Cache != "" {
		file = filepath.Join(l.opts.Cache, fmt.Sprintf("%s-%d.%s", hex.EncodeToString(sum[:]), v.Width, sc.format))
		if data, err := os.ReadFile(file); err == nil {
			return data, nil
		}
	}
	data, err := sc.encode(v)
	if err != nil {
		return nil, err
	}
	l.encodes.Add(1)
	if file != "" {
		if err := writeCache(file, data); err != nil {
			return nil, err
		}
	}
	return data, nil
}

// encode scales the original to v's size and encodes it in the original's format.
func (sc *scaler) encode(v Variant) ([]byte, error) {
	if sc.src == nil {
		data, err := sc.lib.opts.Open(sc.name)
		if err != nil {
			return nil, err
		}
		if sc.src, _, err = image.Decode(bytes.NewReader(data)); err != nil {
			return nil, err
		}
	}
	rect := image.Rect(0, 0, v.Width, v.Height)
	var buf bytes.Buffer
	var err error
	if sc.format == "jpeg" {
		dst := image.NewRGBA(rect)
		draw.CatmullRom.Scale(dst, rect, sc.src, sc.src.Bounds(), draw.Src, nil)
		err = jpeg.Encode(&buf, dst, &jpeg.Options{Quality: jpegQuality})
	} else {
		dst := image.NewNRGBA(rect)
		draw.CatmullRom.Scale(dst, rect, sc.src, sc.src.Bounds(), draw.Src, nil)
		err = png.Encode(&buf, dst)
	}
	return buf.Bytes(), err
}

// writeCache stores a variant whole or not at all: a build stopped halfway, or two
// builds at once, never leave a cut file that a later build would serve.
func writeCache(file string, data []byte) error {
	dir := filepath.Dir(file)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("cannot make the image cache folder: %v", err)
	}
	tmp, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return fmt.Errorf("cannot write to the image cache: %v", err)
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Chmod(0o644) // as the other files briefs writes
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("cannot write to the image cache: %v", err)
	}
	return nil
}

// Package images reads the size of the images that briefs show and makes narrower
// copies of large ones, so that a page can reserve each image's space before it loads
// (width and height) and a phone can fetch a copy that fits it (srcset).
//
// # Sizes
//
// Every local image a page shows is read once per build: its width and height come
// from the file's header (image.DecodeConfig), for PNG, JPEG, GIF and WebP.
//
// # Variants
//
// A PNG or JPEG wider than Threshold pixels gets copies at the Widths narrower than
// itself, written next to it in the output: static/img/map.png, 2000 px wide, gives
// img/map.480w.png, img/map.800w.png and img/map.1200w.png. GIF (often animated) and
// WebP (no encoder in Go) are served as they are. Scaling uses Catmull-Rom
// (golang.org/x/image/draw); the same file always gives the same bytes.
//
// # Cache
//
// Scaling and encoding are the slow part, so each variant is kept in a cache folder,
// named by the SHA-256 of the original's bytes and the width:
// <cache>/<sha256>-<width>.<ext>. An unchanged image is read, hashed and copied on
// the next build, never decoded again; a changed image has a new hash. The folder is
// created only when a variant is first made, belongs to briefs alone, and may be
// deleted at any time. It is the one place besides package output that briefs writes.
package images

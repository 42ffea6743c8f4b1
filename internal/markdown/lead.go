package markdown

import (
	"bytes"
	"unicode/utf8"
)

// leadWindow is how far past its start Lead looks for the paragraph break that ends the
// opening; a body with none there is cut at a line end instead, so that one huge
// paragraph is not parsed twice.
const leadWindow = 64 << 10

// leadEnd is where the opening that Lead reads ends: at the first paragraph break after
// a generous length*16 bytes (summaries are a few sentences), or at a line end when no
// break comes soon after. Cutting the opening of an opening gives the same cut, so a
// lean load's prefix (content.LoadLean) and the whole body give one summary.
func leadEnd(src []byte, length int) int {
	want := length * 16
	if len(src) <= want {
		return len(src)
	}
	window := src[want:min(len(src), want+leadWindow+2)]
	if i := bytes.Index(window, []byte("\n\n")); i >= 0 {
		return want + i
	}
	if len(src) <= want+leadWindow {
		return len(src)
	}
	if i := bytes.LastIndexByte(src[want:want+leadWindow], '\n'); i >= 0 {
		return want + i
	}
	end := want + leadWindow
	for end > want && !utf8.RuneStart(src[end]) {
		end--
	}
	return end
}

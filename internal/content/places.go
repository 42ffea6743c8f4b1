package content

import (
	"bytes"
	"strings"
)

// KeyPos is where a top-level front matter key (as briefs spells it: "aliases",
// "publishDate"; any spelling Hugo reads is found) is written, as a line and column
// of the file; 1, 1 when it is not there. It reads the front matter again: it serves
// messages, which are few.
func (f *File) KeyPos(key string) (line, col int) {
	doc, name, first := f.reread(key)
	if name == "" {
		return 1, 1
	}
	line, col = doc.places.key(name)
	return placeIn(line, col, first)
}

// ItemPos is where value is written in the list of key (a tag, an alias), or the
// key's place when it cannot be told.
func (f *File) ItemPos(key, value string) (line, col int) {
	doc, name, first := f.reread(key)
	if name == "" {
		return 1, 1
	}
	if items, ok := doc.vals[name].([]any); ok {
		for i, item := range items {
			if s, _ := item.(string); strings.TrimSpace(s) == value {
				line, col = doc.places.item(name, i, s)
				return placeIn(line, col, first)
			}
		}
	}
	line, col = doc.places.value(name)
	return placeIn(line, col, first)
}

func placeIn(line, col, first int) (int, int) {
	if line == 0 {
		return 1, 1
	}
	return line + first - 1, col
}

// reread decodes the file's front matter again, and finds how key is written in it.
func (f *File) reread(key string) (doc frontDoc, name string, firstLine int) {
	if f == nil || f.BodyOffset > len(f.Src) {
		return frontDoc{}, "", 0
	}
	format, front, first, _, err := split(f.Path, bytes.TrimPrefix(f.Src[:f.BodyOffset], []byte(BOM)))
	if err != nil {
		return frontDoc{}, "", 0
	}
	doc, derr := decode(f.Path, format, front, first)
	if derr != nil {
		return frontDoc{}, "", 0
	}
	canon := keyNames[strings.ToLower(key)]
	for _, k := range doc.keys {
		if k == key || canon != "" && keyNames[strings.ToLower(k)] == canon {
			return doc, k, first
		}
	}
	return frontDoc{}, "", 0
}

// Value is the value of a top-level front matter key as written, before briefs reads
// it (empty tags still there, say), or nil; for briefs check, which warns about what
// the build quietly accepts.
func (f *File) Value(key string) any {
	doc, name, _ := f.reread(key)
	if name == "" {
		return nil
	}
	return doc.vals[name]
}

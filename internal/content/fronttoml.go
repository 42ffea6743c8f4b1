package content

import (
	"bytes"
	"strconv"

	"github.com/BurntSushi/toml"

	"github.com/briefs/briefs/internal/diag"
)

// decodeTOML reads front matter between +++ lines: flat front matter itself
// (decodeFlatTOML), the rest with BurntSushi/toml. The decoder gives no positions for
// values, so tomlPlaces finds them by scanning the text, which is done only for the
// few keys a message needs.
func decodeTOML(file string, front []byte) (frontDoc, *diag.Error) {
	if doc, ok := decodeFlatTOML(front); ok {
		return doc, nil
	}
	return decodeTOMLDecoder(file, front)
}

// decodeTOMLDecoder reads any TOML front matter with BurntSushi/toml.
func decodeTOMLDecoder(file string, front []byte) (frontDoc, *diag.Error) {
	var raw map[string]any
	md, err := toml.Decode(string(front), &raw)
	if err != nil {
		return frontDoc{}, diag.FromTOML(file, front, 2, err)
	}
	doc := frontDoc{vals: raw, places: &tomlPlaces{front: front}}
	seen := map[string]bool{}
	for _, key := range md.Keys() {
		if name := key[0]; !seen[name] {
			seen[name] = true // a table's keys follow the table: one entry for it
			doc.keys = append(doc.keys, name)
		}
	}
	return doc, nil
}

// tomlPlaces finds keys, values and list items in TOML text.
type tomlPlaces struct {
	front []byte
	// last is where the item search of a list stopped, so that equal items are placed
	// one after the other.
	lastKey  string
	lastItem int
	lastOff  int
}

func (t *tomlPlaces) key(name string) (int, int) { return diag.TOMLKeyPos(t.front, []string{name}) }

func (t *tomlPlaces) value(name string) (int, int) {
	off := diag.TOMLValueOffset(t.front, []string{name})
	if off < 0 {
		return t.key(name)
	}
	return diag.LineCol(t.front, off)
}

func (t *tomlPlaces) item(name string, i int, text string) (int, int) {
	from := diag.TOMLValueOffset(t.front, []string{name})
	if from < 0 {
		return t.key(name)
	}
	if t.lastKey == name && t.lastItem < i {
		from = t.lastOff + 1
	}
	for _, q := range []string{strconv.Quote(text), "'" + text + "'"} {
		if j := bytes.Index(t.front[from:], []byte(q)); j >= 0 {
			from += j
			break
		}
	}
	t.lastKey, t.lastItem, t.lastOff = name, i, from
	return diag.LineCol(t.front, from)
}

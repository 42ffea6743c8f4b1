package content

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// splitJSON finds JSON front matter as Hugo does: an object starting at the file's
// first byte, up to its matching }, strings skipped. The body starts on the next line.
func splitJSON(file string, src []byte) (front, body []byte, err *diag.Error) {
	depth, inString := 0, false
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case inString && c == '\\':
			i++
		case c == '"':
			inString = !inString
		case inString:
		case c == '{':
			depth++
		case c == '}':
			if depth--; depth == 0 {
				rest := src[i+1:]
				if line, after, found := bytes.Cut(rest, []byte{'\n'}); found && len(bytes.TrimSpace(line)) == 0 {
					rest = after
				}
				return src[:i+1], rest, nil
			}
		}
	}
	return nil, nil, diag.At(file, 1, 1, "JSON front matter is not closed: the { on line 1 has no matching }")
}

// decodeJSON reads a JSON front matter object, keeping where each top-level key,
// value and list item starts.
func decodeJSON(file string, front []byte) (frontDoc, *diag.Error) {
	places := &jsonPlaces{front: front, keys: map[string]int{}, values: map[string]int{}, items: map[string][]int{}}
	doc := frontDoc{vals: map[string]any{}, places: places}
	d := &jsonReader{dec: json.NewDecoder(bytes.NewReader(front)), src: front}
	d.dec.UseNumber()
	if err := d.object(func(key string, keyAt int) error {
		valueAt := d.next()
		var items []int
		v, err := d.value(1, func(at int) { items = append(items, at) })
		if err != nil {
			return err
		}
		if _, seen := doc.vals[key]; seen {
			return d.errorAt(keyAt, "key %q is given twice; keep one", key)
		}
		doc.keys = append(doc.keys, key)
		doc.vals[key] = v
		places.keys[key], places.values[key], places.items[key] = keyAt, valueAt, items
		return nil
	}); err != nil {
		return frontDoc{}, d.place(file, err)
	}
	return doc, nil
}

// jsonReader reads JSON tokens, knowing the offset of each.
type jsonReader struct {
	dec *json.Decoder
	src []byte
}

// placedError is a problem at an offset of the JSON text.
type placedError struct {
	off int
	msg string
}

func (e *placedError) Error() string { return e.msg }

func (d *jsonReader) errorAt(off int, format string, args ...any) error {
	return &placedError{off: off, msg: "JSON: " + fmt.Sprintf(format, args...)}
}

// next is the offset of the next token: after spaces, and the : or , before it.
func (d *jsonReader) next() int {
	off := int(d.dec.InputOffset())
	for off < len(d.src) && strings.IndexByte(" \t\r\n:,", d.src[off]) >= 0 {
		off++
	}
	return off
}

// object reads an object, calling each for every key with the key's offset; each
// reads the value.
func (d *jsonReader) object(each func(key string, at int) error) error {
	at := d.next()
	tok, err := d.dec.Token()
	if err != nil {
		return err
	}
	if tok != json.Delim('{') {
		return d.errorAt(at, "front matter must be an object: { \"title\": \"…\" }")
	}
	for d.dec.More() {
		keyAt := d.next()
		tok, err := d.dec.Token()
		if err != nil {
			return err
		}
		if err := each(tok.(string), keyAt); err != nil {
			return err
		}
	}
	_, err = d.dec.Token()
	return err
}

// value reads one value, nested depth deep, in the TOML decoder's types; item, when
// not nil, is told where each item of a list starts.
func (d *jsonReader) value(depth int, item func(int)) (any, error) {
	at := d.next()
	if depth > maxNesting {
		return nil, d.errorAt(at, "lists and objects nested more than %d deep; flatten the value", maxNesting)
	}
	tok, err := d.dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		if t == '[' {
			return d.array(depth, item)
		}
		return d.table(depth)
	case json.Number:
		return d.number(t, at)
	}
	return tok, nil // string, bool or nil
}

// array reads the items of a list, after its [.
func (d *jsonReader) array(depth int, item func(int)) (any, error) {
	out := []any{}
	for d.dec.More() {
		if item != nil {
			item(d.next())
		}
		v, err := d.value(depth+1, nil)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	_, err := d.dec.Token()
	return out, err
}

// table reads the keys and values of an object nested in the front matter, after its {.
func (d *jsonReader) table(depth int) (any, error) {
	out := map[string]any{}
	for d.dec.More() {
		tok, err := d.dec.Token()
		if err != nil {
			return nil, err
		}
		v, err := d.value(depth+1, nil)
		if err != nil {
			return nil, err
		}
		out[tok.(string)] = v
	}
	_, err := d.dec.Token()
	return out, err
}

// number is a JSON number as the TOML decoder has it: an int64 when it is a whole
// number in range, else a float64.
func (d *jsonReader) number(n json.Number, at int) (any, error) {
	if i, err := n.Int64(); err == nil {
		return i, nil
	}
	f, err := n.Float64()
	if err != nil {
		return nil, d.errorAt(at, "number %s is out of range", n)
	}
	return f, nil
}

// place turns a decoding error into a placed problem.
func (d *jsonReader) place(file string, err error) *diag.Error {
	off, msg := len(d.src), "JSON: "+err.Error()
	var pe *placedError
	var se *json.SyntaxError
	switch {
	case errors.As(err, &pe):
		off, msg = pe.off, pe.msg
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		msg = "JSON: the object ends too early; close every {, [ and \""
	}
	line, col := diag.LineCol(d.src, off)
	return diag.At(file, line, col, "%s", msg)
}

// jsonPlaces are the offsets of the top-level keys, their values and list items.
type jsonPlaces struct {
	front        []byte
	keys, values map[string]int
	items        map[string][]int
}

func (j *jsonPlaces) at(off int, ok bool) (int, int) {
	if !ok {
		return 0, 0
	}
	return diag.LineCol(j.front, off)
}

func (j *jsonPlaces) key(name string) (int, int) { off, ok := j.keys[name]; return j.at(off, ok) }

func (j *jsonPlaces) value(name string) (int, int) { off, ok := j.values[name]; return j.at(off, ok) }

func (j *jsonPlaces) item(name string, i int, _ string) (int, int) {
	if items := j.items[name]; i < len(items) {
		return j.at(items[i], true)
	}
	return j.value(name)
}

package diag

import (
	"bytes"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

var tomlLineRE = regexp.MustCompile(`^toml: line (\d+)(?: \(last key "[^"]*"\))?: `)

// FromTOML turns an error from the TOML decoder into a placed Error. src is the TOML text
// that was decoded and firstLine the line of the whole file on which that text starts
// (front matter starts on line 2, after the opening +++), so that the reported line is
// the one the editor sees.
func FromTOML(file string, src []byte, firstLine int, err error) *Error {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		line, col := pe.Position.Line, pe.Position.Col
		if pe.Position.Start > 0 || line > 0 {
			line, col = LineCol(src, pe.Position.Start)
		}
		msg := pe.Message
		if pe.LastKey != "" && !strings.Contains(msg, pe.LastKey) {
			msg = "key " + strconv.Quote(pe.LastKey) + ": " + msg
		}
		return &Error{File: file, Line: line + firstLine - 1, Col: col, Msg: "TOML: " + msg, Err: err}
	}
	msg := err.Error()
	line := 0
	if m := tomlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = msg[len(m[0]):]
	}
	msg = strings.TrimPrefix(msg, "toml: ")
	e := &Error{File: file, Msg: "TOML: " + msg, Err: err}
	if line > 0 {
		e.Line, e.Col = line+firstLine-1, 1
	}
	return e
}

// TOMLValueOffset returns the byte offset in src of the value given to the key at path:
// the first character after "key =", so that "tags must be a list" points at what to
// change. For a table written as a header ([params]) it is the header's key. It returns
// -1 when the key cannot be found.
func TOMLValueOffset(src []byte, path []string) int {
	line, col := TOMLKeyPos(src, path)
	if line == 0 {
		return -1
	}
	start := 0
	for range line - 1 {
		start += bytes.IndexByte(src[start:], '\n') + 1
	}
	text := src[start:]
	if end := bytes.IndexByte(text, '\n'); end >= 0 {
		text = text[:end]
	}
	key := 0 // byte offset of the col-th character
	for range col - 1 {
		_, size := utf8.DecodeRune(text[key:])
		key += size
	}
	if bytes.HasPrefix(bytes.TrimLeft(text, " \t"), []byte("[")) {
		return start + key
	}
	eq := bytes.IndexByte(text[key:], '=')
	if eq < 0 {
		return start + key
	}
	v := key + eq + 1
	for v < len(text) && (text[v] == ' ' || text[v] == '\t') {
		v++
	}
	return start + v
}

package diag

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

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

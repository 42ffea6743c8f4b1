package chart

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// table is a chart's data as written: a header naming the columns and rows of
// cells, each cell with the byte offset it was read from, for errors.
type table struct {
	header []cell
	rows   [][]cell
}

// cell is one field of the data, trimmed, at a byte offset of the data's source.
type cell struct {
	text string
	off  int
}

// readCSV reads comma-separated values: a header line, then one line a row. A field
// may be quoted ("a, b"), with "" for a quote; blank lines are skipped. Every row must
// have as many fields as the header.
func readCSV(src []byte) (*table, error) {
	src = bytes.TrimPrefix(src, []byte("\uFEFF"))
	t := &table{}
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := strings.TrimRight(string(src[off:off+end]), "\r")
		if strings.TrimSpace(line) != "" {
			row, err := splitCSVLine(line, off)
			if err != nil {
				return nil, err
			}
			if t.header == nil {
				t.header = row
			} else if len(row) != len(t.header) {
				return nil, &Error{Offset: off, Msg: fmt.Sprintf("this row has %d fields, but the header has %d (%s); give every row one field per column", len(row), len(t.header), names(t.header))}
			} else {
				t.rows = append(t.rows, row)
			}
		}
		off += end + 1
	}
	return t, t.check()
}

// splitCSVLine splits one line of CSV at commas outside quotes; base is the line's
// offset in the source.
func splitCSVLine(line string, base int) ([]cell, error) {
	var row []cell
	for i := 0; ; {
		start := i
		for i < len(line) && line[i] == ' ' {
			i++
		}
		var c cell
		if i < len(line) && line[i] == '"' {
			var b strings.Builder
			j := i + 1
			for ; j < len(line); j++ {
				if line[j] == '"' {
					if j+1 < len(line) && line[j+1] == '"' {
						b.WriteByte('"')
						j++
						continue
					}
					break
				}
				b.WriteByte(line[j])
			}
			if j >= len(line) {
				return nil, &Error{Offset: base + i, Msg: "this quoted field has no closing quote; end it with \" on the same line"}
			}
			c = cell{text: strings.TrimSpace(b.String()), off: base + i}
			i = j + 1
			for i < len(line) && line[i] == ' ' {
				i++
			}
			if i < len(line) && line[i] != ',' {
				return nil, &Error{Offset: base + i, Msg: "text after a quoted field; put a comma between fields"}
			}
		} else {
			j := strings.IndexByte(line[i:], ',')
			if j < 0 {
				j = len(line) - i
			}
			c = cell{text: strings.TrimSpace(line[i : i+j]), off: base + i}
			i += j
		}
		if c.text == "" {
			c.off = base + start
		}
		row = append(row, c)
		if i >= len(line) {
			return row, nil
		}
		i++ // the comma
	}
}

// check reports a table without data, or a header with an empty or repeated name.
func (t *table) check() error {
	if t.header == nil {
		return &Error{Offset: 0, Msg: "the chart has no data; write a header line (label,value) and a line for each bar or point"}
	}
	seen := map[string]bool{}
	for _, h := range t.header {
		if h.text == "" {
			return &Error{Offset: h.off, Msg: "a column has no name in the header; name every column"}
		}
		if seen[h.text] {
			return &Error{Offset: h.off, Msg: fmt.Sprintf("column %q is named twice in the header; give each column its own name", h.text)}
		}
		seen[h.text] = true
	}
	if len(t.header) < 2 {
		return &Error{Offset: t.header[0].off, Msg: "the data needs a column of labels and at least one column of values, as in: label,value"}
	}
	if len(t.rows) == 0 {
		return &Error{Offset: t.header[0].off, Msg: "the data has a header but no rows; add a line for each bar or point"}
	}
	return nil
}

func names(cells []cell) string {
	s := make([]string, len(cells))
	for i, c := range cells {
		s[i] = c.text
	}
	return strings.Join(s, ",")
}

// tomlData is the TOML form of a chart's data: the column names, then the rows.
//
//	columns = ["label", "value"]
//	rows = [
//	  ["止付冻结", 7.9],
//	  ["返还", 0.2235],
//	]
type tomlData struct {
	Columns []string `toml:"columns"`
	Rows    [][]any  `toml:"rows"`
}

// readTOML reads data in TOML. Cells are strings or numbers; a number is taken as
// TOML wrote it (7.9, not 7.900000000000000355), so it stays exact.
func readTOML(src []byte) (*table, error) {
	var d tomlData
	md, err := toml.Decode(string(src), &d)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{Offset: pe.Position.Start, Msg: "TOML: " + pe.Message}
		}
		return nil, &Error{Offset: 0, Msg: "TOML: " + strings.TrimPrefix(err.Error(), "toml: ")}
	}
	if und := md.Undecoded(); len(und) > 0 {
		return nil, &Error{Offset: keyOffset(src, und[0].String()), Msg: fmt.Sprintf("unknown key %q; chart data in TOML has columns = [...] and rows = [[...], ...]", und[0].String())}
	}
	t := &table{}
	colOff := keyOffset(src, "columns")
	for _, c := range d.Columns {
		t.header = append(t.header, cell{text: strings.TrimSpace(c), off: colOff})
	}
	rowOffs := rowOffsets(src, keyOffset(src, "rows"))
	for i, r := range d.Rows {
		off := 0
		if i < len(rowOffs) {
			off = rowOffs[i]
		}
		if len(r) != len(t.header) {
			return nil, &Error{Offset: off, Msg: fmt.Sprintf("this row has %d cells, but columns names %d (%s); give every row one cell per column", len(r), len(t.header), names(t.header))}
		}
		row := make([]cell, len(r))
		for j, v := range r {
			s, ok := tomlCell(v)
			if !ok {
				return nil, &Error{Offset: off, Msg: fmt.Sprintf("cell %d of this row is a %T; write a string or a number", j+1, v)}
			}
			row[j] = cell{text: strings.TrimSpace(s), off: off}
		}
		t.rows = append(t.rows, row)
	}
	return t, t.check()
}

func tomlCell(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int64:
		return strconv.FormatInt(v, 10), true
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64), true
	}
	return "", false
}

// keyOffset finds where a top-level key is written, or 0.
func keyOffset(src []byte, key string) int {
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		line := src[off : off+end]
		trimmed := bytes.TrimLeft(line, " \t")
		if rest, ok := bytes.CutPrefix(trimmed, []byte(key)); ok && bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte("=")) {
			return off + len(line) - len(trimmed)
		}
		off += end + 1
	}
	return 0
}

// rowOffsets finds where each row of the array after the key at off starts: the
// opening bracket of each inner array, skipping strings and comments.
func rowOffsets(src []byte, off int) []int {
	var out []int
	depth := 0
	for i := off; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch r {
		case '"', '\'':
			j := i + 1
			for j < len(src) && src[j] != byte(r) && src[j] != '\n' {
				if src[j] == '\\' && r == '"' {
					j++
				}
				j++
			}
			i = j + 1
			continue
		case '#':
			for i < len(src) && src[i] != '\n' {
				i++
			}
			continue
		case '[':
			depth++
			if depth == 2 {
				out = append(out, i)
			}
		case ']':
			depth--
			if depth == 0 {
				return out
			}
		}
		i += size
	}
	return out
}

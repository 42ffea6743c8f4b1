package content

import (
	"bytes"
	"fmt"
	"iter"
	"strconv"
	"time"

	"github.com/briefs/briefs/internal/diag"
)

// Stamp returns the whole text of f, as it is on disk, with translationOf set to hash in
// its front matter: the line is replaced where there is one, or added at the end of the
// top-level keys (before a [params] table, which would otherwise take it in). Everything
// else is kept byte for byte: a byte order mark, CRLF line ends (the new line gets the
// file's own), comments, spacing. The result is read back, so that a front matter the
// line scan misreads is an error and never a wrong file.
func Stamp(f *File, hash string) ([]byte, error) {
	if f.Body == nil || f.BodyOffset > len(f.Src) {
		return nil, fmt.Errorf("%s: the file's text was let go; read it again to stamp it", f.Path)
	}
	front := f.Src[:f.BodyOffset]
	first, _, _ := bytes.Cut(front, []byte{'\n'})
	nl := "\n"
	if bytes.HasSuffix(first, []byte{'\r'}) {
		nl = "\r\n"
	}
	line := "translationOf = " + strconv.Quote(hash)
	if f.Front.Format == YAML {
		line = "translationOf: " + strconv.Quote(hash)
	} else if f.Front.Format != TOML {
		return nil, fmt.Errorf("%s: briefs stamp writes TOML and YAML front matter; add translationOf %q to this file's front matter by hand", f.Path, hash)
	}
	start, end, ok := stampPlace(front, len(first)+1, f.Front.Format)
	if !ok {
		return nil, fmt.Errorf("%s: no front matter to stamp", f.Path)
	}
	var out bytes.Buffer
	if f.bom {
		out.WriteString(BOM)
	}
	out.Write(front[:start])
	out.WriteString(line)
	if start == end { // a new line
		out.WriteString(nl)
	}
	out.Write(front[end:])
	out.Write(f.Body)
	if err := checkStamp(f.Path, out.Bytes(), hash); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// stampPlace finds where the translationOf line goes in front, scanning the lines from
// offset from: the text of an existing top-level translationOf line (its indentation and
// line end excluded), or an empty span at the start of the first table header (TOML) or
// of the closing +++ or --- line. ok is false when there is neither.
func stampPlace(front []byte, from int, format Format) (start, end int, ok bool) {
	if format == YAML {
		return yamlStampPlace(front, from)
	}
	for off, text := range linesFrom(front, from) {
		trimmed := bytes.TrimLeft(text, " \t")
		switch {
		case bytes.HasPrefix(trimmed, []byte("[")), string(bytes.TrimRight(trimmed, " \t")) == "+++":
			return off, off, true
		case isKey(trimmed, "translationOf"):
			return off + len(text) - len(trimmed), off + len(text), true
		}
	}
	return 0, 0, false
}

// yamlStampPlace is stampPlace for YAML: a translationOf line that is not indented, or
// the closing --- line.
func yamlStampPlace(front []byte, from int) (start, end int, ok bool) {
	for off, text := range linesFrom(front, from) {
		switch rest, isKey := bytes.CutPrefix(text, []byte("translationOf")); {
		case string(bytes.TrimRight(text, " \t")) == "---":
			return off, off, true
		case isKey && bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte(":")):
			return off, off + len(text), true
		}
	}
	return 0, 0, false
}

// linesFrom yields the lines of b from offset from: each line's offset and its text,
// without its line end (\n or \r\n).
func linesFrom(b []byte, from int) iter.Seq2[int, []byte] {
	return func(yield func(int, []byte) bool) {
		for off := from; off < len(b); {
			text, next := b[off:], len(b)
			if i := bytes.IndexByte(text, '\n'); i >= 0 {
				text, next = text[:i], off+i+1
			}
			if !yield(off, bytes.TrimRight(text, "\r")) {
				return
			}
			off = next
		}
	}
}

// isKey reports whether a line sets the bare key name.
func isKey(line []byte, name string) bool {
	rest, ok := bytes.CutPrefix(line, []byte(name))
	return ok && bytes.HasPrefix(bytes.TrimLeft(rest, " \t"), []byte("="))
}

// checkStamp reads the stamped text back: it must have front matter whose top-level
// translationOf is hash.
func checkStamp(file string, src []byte, hash string) error {
	format, front, firstLine, _, perr := split(file, bytes.TrimPrefix(src, []byte(BOM)))
	if perr != nil {
		return perr
	}
	var errs diag.List
	if f, ok := parseFront(file, format, front, firstLine, time.UTC, &errs); !ok || f.TranslationOf != hash {
		return fmt.Errorf("%s: cannot place translationOf in this front matter; add translationOf = %q to it by hand", file, hash)
	}
	return nil
}

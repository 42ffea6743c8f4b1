package diag

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// LineCol turns a byte offset in src into a 1-based line and a 1-based column counted in
// characters. Goldmark and the TOML decoder speak in bytes; people count characters.
func LineCol(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// Excerpt returns up to radius lines either side of line, for showing a problem in context.
func Excerpt(src []byte, line, radius int) []ContextLine {
	if line < 1 {
		return nil
	}
	var out []ContextLine
	n := 1
	for rest := src; len(rest) > 0 && n <= line+radius; n++ {
		text, after, _ := bytes.Cut(rest, []byte{'\n'})
		if n >= line-radius {
			out = append(out, ContextLine{Line: n, Text: strings.TrimRight(string(text), "\r")})
		}
		rest = after
	}
	return out
}

// TOMLKeyPos finds where the key at path (such as ["languages", "en", "tittle"]) is
// written in a TOML document, so that "unknown key" errors can point at it. The TOML
// decoder records key positions but does not export them; this scan understands table
// headers, dotted keys and quoted keys, which covers the files people write. It returns
// 0, 0 when the key cannot be found.
func TOMLKeyPos(src []byte, path []string) (line, col int) {
	if len(path) == 0 {
		return 0, 0
	}
	var table []string
	lines := strings.Split(string(src), "\n")
	for i, raw := range lines {
		text := strings.TrimLeft(raw, " \t")
		indent := utf8.RuneCountInString(raw[:len(raw)-len(text)])
		if strings.HasPrefix(text, "[") {
			table = headerPath(text)
			if k := matchPrefix(table, path); k == len(path) {
				return i + 1, indent + headerKeyCol(text, path[len(path)-1])
			}
			continue
		}
		keys, ok := lineKeys(text)
		if !ok {
			continue
		}
		full := append(append([]string{}, table...), keys...)
		if matchPrefix(full, path) >= len(path) && len(table) < len(path) {
			return i + 1, indent + 1
		}
	}
	return 0, 0
}

// matchPrefix reports how many leading elements of path equal those of have, provided
// have is a prefix of path or path a prefix of have; otherwise 0. Array-of-table indexes
// are not tracked, so a key in any [[entry]] matches.
func matchPrefix(have, path []string) int {
	n := min(len(have), len(path))
	for i := 0; i < n; i++ {
		if have[i] != path[i] {
			return 0
		}
	}
	return n
}

func headerKeyCol(text, key string) int {
	if i := strings.LastIndex(text, key); i >= 0 {
		return utf8.RuneCountInString(text[:i]) + 1
	}
	return 1
}

// headerPath reads "[a.b]" or "[[a.b]]" into its key path.
func headerPath(text string) []string {
	text = strings.TrimLeft(text, "[")
	if i := strings.Index(text, "]"); i >= 0 {
		text = text[:i]
	}
	keys, _ := splitKeys(text)
	return keys
}

// lineKeys reads the dotted key before "=" on a key/value line.
func lineKeys(text string) ([]string, bool) {
	if text == "" || text[0] == '#' {
		return nil, false
	}
	eq := strings.IndexByte(text, '=')
	if eq <= 0 {
		return nil, false
	}
	return splitKeys(text[:eq])
}

// splitKeys splits a TOML dotted key, honouring quotes.
func splitKeys(s string) ([]string, bool) {
	var keys []string
	var cur strings.Builder
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0 && c == quote:
			quote = 0
		case quote != 0:
			cur.WriteByte(c)
		case c == '"' || c == '\'':
			quote = c
		case c == '.':
			keys = append(keys, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(c)
		}
	}
	keys = append(keys, strings.TrimSpace(cur.String()))
	return keys, quote == 0
}

// InvalidUTF8 returns the byte offset of the first invalid UTF-8 sequence in src, or
// -1 when src is valid.
func InvalidUTF8(src []byte) int {
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

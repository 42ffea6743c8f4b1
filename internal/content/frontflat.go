package content

import (
	"bytes"
	"strconv"
	"time"
	"unicode/utf8"
)

// Most TOML front matter is a flat list of key = value lines: texts, lists of texts,
// booleans, whole numbers and dates with an offset. decodeFlatTOML reads those without
// the TOML decoder, which went through a channel for every token and reflection for
// every value: a sixth of reading the content. It gives the values the decoder gives
// (the same Go types; dates from the same time.ParseInLocation call), and declines
// everything else, which the decoder then reads: tables, dotted or quoted keys,
// comments, escapes, multi-line strings, floats, local dates and times, numbers with
// underscores or bases, lists of anything but texts or over several lines, a key given
// twice, and every error. FuzzFlatTOML holds it to the decoder.

// decodeFlatTOML decodes front when it is flat TOML; ok is false when it is not.
func decodeFlatTOML(front []byte) (doc frontDoc, ok bool) {
	vals := make(map[string]any, 12)
	keys := make([]string, 0, 12)
	for rest := front; len(rest) > 0; {
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
			line = bytes.TrimSuffix(line, []byte{'\r'}) // CRLF; a lone CR is refused below
		} else {
			rest = nil
		}
		line = skipSpace(line)
		if len(line) == 0 {
			continue
		}
		key, after := bareKey(line)
		if key == "" || len(after) == 0 || after[0] != '=' {
			return frontDoc{}, false
		}
		v, after, ok := flatValue(skipSpace(after[1:]))
		if !ok || len(skipSpace(after)) > 0 {
			return frontDoc{}, false
		}
		if _, dup := vals[key]; dup {
			return frontDoc{}, false
		}
		vals[key] = v
		keys = append(keys, key)
	}
	return frontDoc{keys: keys, vals: vals, places: &tomlPlaces{front: front}}, true
}

// skipSpace skips TOML's whitespace, spaces and tabs.
func skipSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	return b
}

// bareKey reads a bare key (letters, digits, '_' and '-') and the spaces after it.
func bareKey(line []byte) (string, []byte) {
	n := 0
	for n < len(line) && isBareKeyByte(line[n]) {
		n++
	}
	return string(line[:n]), skipSpace(line[n:])
}

func isBareKeyByte(c byte) bool {
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-'
}

// flatValue reads a value at the start of b, and returns what follows it.
func flatValue(b []byte) (any, []byte, bool) {
	if len(b) == 0 {
		return nil, nil, false
	}
	switch c := b[0]; {
	case c == '"' || c == '\'':
		s, rest, ok := flatString(b)
		return s, rest, ok
	case c == '[':
		return flatList(b[1:])
	case bytes.HasPrefix(b, []byte("true")):
		return true, b[4:], true
	case bytes.HasPrefix(b, []byte("false")):
		return false, b[5:], true
	case c >= '0' && c <= '9' || c == '-':
		return flatNumberOrDate(b)
	}
	return nil, nil, false
}

// flatString reads a one-line string, "…" without escapes or '…', and returns what
// follows it. A string with a control character other than tab is declined (the
// decoder refuses it), as is a multi-line one.
func flatString(b []byte) (string, []byte, bool) {
	quote := b[0]
	if len(b) >= 3 && b[1] == quote && b[2] == quote {
		return "", nil, false
	}
	ascii := true
	for i := 1; i < len(b); i++ {
		switch c := b[i]; {
		case c == quote:
			if !ascii && !utf8.Valid(b[1:i]) {
				return "", nil, false
			}
			return string(b[1:i]), b[i+1:], true
		case c == '\\' && quote == '"', c < ' ' && c != '\t', c == 0x7f:
			return "", nil, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", nil, false
}

// flatList reads a one-line list of strings after its '[', as []any, and returns what
// follows its ']'. A comma may follow the last item.
func flatList(b []byte) (any, []byte, bool) {
	list := make([]any, 0, 4)
	for {
		b = skipSpace(b)
		if len(b) > 0 && b[0] == ']' {
			return list, b[1:], true
		}
		if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
			return nil, nil, false
		}
		s, rest, ok := flatString(b)
		if !ok {
			return nil, nil, false
		}
		list = append(list, s)
		b = skipSpace(rest)
		switch {
		case len(b) > 0 && b[0] == ',':
			b = b[1:]
		case len(b) > 0 && b[0] == ']':
			return list, b[1:], true
		default:
			return nil, nil, false
		}
	}
}

// flatNumberOrDate reads a whole number in decimal without '+' or leading zeros, of
// at most 18 digits (so it fits in an int64), as int64, or a date and time with an
// offset (RFC 3339: 2024-03-15T11:29:00+08:00, or Z), as the decoder's time.Time.
func flatNumberOrDate(b []byte) (any, []byte, bool) {
	n := 0
	for n < len(b) && (b[n] >= '0' && b[n] <= '9' || b[n] == '-' && n == 0) {
		n++
	}
	if n < len(b) && b[n] == '-' && n == 4 {
		return flatDate(b)
	}
	digits := b[:n]
	if digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) == 0 || len(digits) > 18 || digits[0] == '0' && (len(digits) > 1 || b[0] == '-') {
		return nil, nil, false
	}
	if n < len(b) && b[n] != ' ' && b[n] != '\t' {
		return nil, nil, false // a float, a date, underscores, another base
	}
	v, err := strconv.ParseInt(string(b[:n]), 10, 64)
	return v, b[n:], err == nil
}

// flatDate reads dddd-dd-ddTdd:dd:dd, optional fractional seconds, and Z or an offset
// ±dd:dd, as the decoder does: time.ParseInLocation(time.RFC3339Nano, it, time.Local),
// its first layout. Anything else (a local date, lower-case t or z, a space for T) is
// declined.
func flatDate(b []byte) (any, []byte, bool) {
	const shape = "dddd-dd-ddTdd:dd:dd"
	if len(b) < len(shape) {
		return nil, nil, false
	}
	for i := range len(shape) {
		if c := b[i]; shape[i] == 'd' && (c < '0' || c > '9') || shape[i] != 'd' && c != shape[i] {
			return nil, nil, false
		}
	}
	n := len(shape)
	if n < len(b) && b[n] == '.' {
		n++
		start := n
		for n < len(b) && b[n] >= '0' && b[n] <= '9' {
			n++
		}
		if n == start {
			return nil, nil, false
		}
	}
	switch {
	case n < len(b) && b[n] == 'Z':
		n++
	case n+6 <= len(b) && (b[n] == '+' || b[n] == '-') && isDigits(b[n+1:n+3]) && b[n+3] == ':' && isDigits(b[n+4:n+6]):
		n += 6
	default:
		return nil, nil, false
	}
	t, err := time.ParseInLocation(time.RFC3339Nano, string(b[:n]), time.Local)
	return t, b[n:], err == nil
}

func isDigits(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

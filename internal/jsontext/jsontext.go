// Package jsontext writes Go strings as JSON strings exactly as encoding/json does,
// straight into the caller's buffer. The search index's result records and a brief's
// schema.org JSON-LD write thousands of strings per build; through json.Marshal's
// reflection, each with a copy, they were a measurable share of a build's allocations.
package jsontext

import "unicode/utf8"

// AppendString appends s to b as a JSON string, the bytes json.Marshal writes for it:
// '<', '>' and '&' escaped (so that it is safe inside a script element), control
// characters as \n, \u001f and the like, U+2028 and U+2029 escaped, and invalid UTF-8
// as U+FFFD. A three-byte character from U+3000 to U+CFFF (all of CJK) is stepped over
// without decoding it, as it needs no escape.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		if c >= 0xE3 && c <= 0xEC && i+2 < len(s) && s[i+1]&0xC0 == 0x80 && s[i+2]&0xC0 == 0x80 {
			i += 3 // U+3000-U+CFFF: valid, and neither U+2028 nor U+2029
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	return append(append(b, s[start:]...), '"')
}

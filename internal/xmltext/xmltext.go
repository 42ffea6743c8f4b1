// Package xmltext escapes text for XML exactly as encoding/xml does (xml.EscapeText),
// but straight into the caller's buffer. The feeds and the sitemap write thousands of
// titles, summaries and addresses per build; through encoding/xml's reflection, with a
// copy of each string and a buffered writer per feed, they were a tenth of a build's
// allocations.
package xmltext

import (
	"bytes"
	"unicode/utf8"
)

// Escape writes s to b with the characters XML reserves, the white space an attribute
// would lose (tab, newline, carriage return), and characters XML cannot hold (written
// as U+FFFD) escaped: the bytes xml.EscapeText writes, for text and attributes alike.
func Escape(b *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= utf8.RuneSelf {
			r, width := utf8.DecodeRuneInString(s[i:])
			i += width
			if inRange(r) && (r != utf8.RuneError || width > 1) {
				continue
			}
			b.WriteString(s[last : i-width])
			b.WriteString("\uFFFD")
			last = i
			continue
		}
		i++
		esc := ""
		switch c {
		case '"':
			esc = "&#34;"
		case '\'':
			esc = "&#39;"
		case '&':
			esc = "&amp;"
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '\t':
			esc = "&#x9;"
		case '\n':
			esc = "&#xA;"
		case '\r':
			esc = "&#xD;"
		default:
			if c >= 0x20 {
				continue
			}
			esc = "\uFFFD" // a control character XML cannot hold
		}
		b.WriteString(s[last : i-1])
		b.WriteString(esc)
		last = i
	}
	b.WriteString(s[last:])
}

// inRange reports whether XML 1.0 allows the character r (of U+0080 and above).
func inRange(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

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
		esc := escapes[c]
		if esc == "" {
			continue
		}
		b.WriteString(s[last : i-1])
		b.WriteString(esc)
		last = i
	}
	b.WriteString(s[last:])
}

// escapes are the replacements of ASCII bytes, "" for those kept: a table lookup a
// byte, where a switch cost several comparisons.
var escapes = func() (t [utf8.RuneSelf]string) {
	for c := range 0x20 {
		t[c] = "\uFFFD" // a control character XML cannot hold
	}
	t['"'], t['\''], t['&'], t['<'], t['>'] = "&#34;", "&#39;", "&amp;", "&lt;", "&gt;"
	t['\t'], t['\n'], t['\r'] = "&#x9;", "&#xA;", "&#xD;"
	return t
}()

// inRange reports whether XML 1.0 allows the character r (of U+0080 and above).
func inRange(r rune) bool {
	return r <= 0xD7FF || r >= 0xE000 && r <= 0xFFFD || r >= 0x10000 && r <= 0x10FFFF
}

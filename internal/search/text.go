package search

import (
	"html"
	"strings"
	"unicode/utf8"
)

// isBlockTag reports whether the element named name ends a run of text: the
// text on either side does not join into one word or phrase. Inline tags
// (strong, a, data, mark) do not, so that 营<strong>商</strong> still reads
// 营商. A switch, not a map: no hash for each of a page's tags.
func isBlockTag(name string) bool {
	switch name {
	case "p", "div", "br", "li", "ul", "ol", "dt", "dd",
		"h1", "h2", "h3", "h4", "h5", "h6", "td", "th",
		"tr", "table", "blockquote", "pre", "figure", "figcaption",
		"section", "article", "aside", "header", "footer", "hr":
		return true
	}
	return false
}

// PlainText returns the text an HTML fragment shows, with tags removed and
// character references decoded. Block elements are separated by a newline;
// script and style contents are dropped.
func PlainText(s string) string {
	var b strings.Builder
	b.Grow(len(s)) // the text is shorter than its HTML: one allocation
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			b.WriteString(html.UnescapeString(s))
			break
		}
		b.WriteString(html.UnescapeString(s[:lt]))
		s = s[lt:]
		gt := strings.IndexByte(s, '>')
		if gt < 0 {
			break // a broken tag: nothing after it is text
		}
		closing, name := s[1] == '/', tagName(s[1:gt])
		s = s[gt+1:]
		if !closing && (name == "script" || name == "style") {
			if end := strings.Index(s, "</"+name); end >= 0 {
				s = s[end:]
			} else {
				s = ""
			}
			continue
		}
		if isBlockTag(name) {
			b.WriteByte('\n')
		}
	}
	return strings.TrimSpace(b.String())
}

// tagName is the lower-case name of the tag whose inside is t ("/p", "a href=…").
// It reads the name byte by byte and lower-cases only a name with a capital
// or a non-ASCII byte: a page's HTML has a tag every few words, and
// strings.IndexAny and strings.ToLower on each took about a twentieth of the
// index's instructions.
func tagName(t string) string {
	if t != "" && t[0] == '/' {
		t = t[1:]
	}
	lower := true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c == ' ' || c == '\t' || c == '\n' || c == '/' {
			t = t[:i]
			break
		}
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			lower = false
		}
	}
	if lower {
		return t
	}
	return strings.ToLower(t)
}

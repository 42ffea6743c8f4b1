package search

import (
	"html"
	"strings"
)

// blockTags end a run of text: the text on either side does not join into
// one word or phrase. Inline tags (strong, a, data, mark) do not, so that
// 营<strong>商</strong> still reads 营商.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "li": true, "ul": true, "ol": true, "dt": true, "dd": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "td": true, "th": true,
	"tr": true, "table": true, "blockquote": true, "pre": true, "figure": true, "figcaption": true,
	"section": true, "article": true, "aside": true, "header": true, "footer": true, "hr": true,
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
		if blockTags[name] {
			b.WriteByte('\n')
		}
	}
	return strings.TrimSpace(b.String())
}

// tagName is the lower-case name of the tag whose inside is t ("/p", "a href=…").
func tagName(t string) string {
	t = strings.TrimPrefix(t, "/")
	end := strings.IndexAny(t, " \t\n/")
	if end >= 0 {
		t = t[:end]
	}
	return strings.ToLower(t)
}

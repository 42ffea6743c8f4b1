package build

import (
	"html"
	"strings"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/markdown"
)

// An .html content file's body is the page's content as written, as in Hugo: it is
// the site's own HTML, not Markdown, so it is neither parsed nor escaped. Its summary
// is cut from its text, tags left out.

// renderFile renders a content file's body for its page (mp: what the body's
// shortcodes know of it), with a summary of length units (none when 0): Markdown
// through md, HTML as it is.
func renderFile(md *markdown.Markdown, f *content.File, mp *markdown.Page, length int, cjk bool) (markdown.Result, string) {
	if !f.IsHTML() {
		return md.RenderChecked(f.Body, mp, length) // content.Read checked its UTF-8
	}
	summary := ""
	if length > 0 {
		summary = markdown.Summarize(htmlText(string(f.Body)), length, cjk)
	}
	return markdown.Result{HTML: string(f.Body)}, summary
}

// summaryOf is the summary of a body's opening (Markdown or HTML, as the file is).
func summaryOf(md *markdown.Markdown, f *content.File, lead []byte, length int, cjk bool) string {
	if f.IsHTML() {
		return markdown.Summarize(htmlText(string(lead)), length, cjk)
	}
	return md.Summary(lead, length)
}

// htmlText is the text of HTML: tags, comments, scripts and styles left out, entities
// decoded, runs of space made one.
func htmlText(s string) string {
	var b strings.Builder
	for len(s) > 0 {
		i := strings.IndexByte(s, '<')
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		b.WriteByte(' ')
		s = s[i:]
		end := ">"
		lower := strings.ToLower(s[:min(len(s), 8)])
		switch {
		case strings.HasPrefix(lower, "<!--"):
			end = "-->"
		case strings.HasPrefix(lower, "<script"):
			end = "</script>"
		case strings.HasPrefix(lower, "<style"):
			end = "</style>"
		}
		j := strings.IndexByte(s, '>')
		if end != ">" {
			j = strings.Index(strings.ToLower(s), end)
		}
		if j < 0 {
			break
		}
		s = s[j+len(end):]
	}
	return strings.Join(strings.Fields(html.UnescapeString(b.String())), " ")
}

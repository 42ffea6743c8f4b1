// Package feed writes RSS 2.0 feeds: one for each language's home page, each section
// and each tag, at index.xml in the page's folder as Hugo does, so feed readers and
// aggregators can follow the whole site, one topic, or one tag.
//
// A feed lists the newest briefs first (site.toml feedSize, default 20), with absolute
// links, RFC 822 dates, the language's locale, and an Atom self link, as the RSS
// Advisory Board's profile recommends.
//
// Text is escaped for where it lands. Titles and categories are plain text in RSS,
// so they are only XML-escaped. A description is HTML to feed readers, and ours are
// plain text (a summary or description the page shows as text), so a description is
// HTML-escaped and then XML-escaped: a reader shows "<img src=x>" in a summary as
// those characters, never as an image. The summaries' entities were decoded once, when
// the Markdown was read, as the page decodes them.
package feed

import (
	"bytes"
	"encoding/xml"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/xmltext"
)

// Has reports whether a page has a feed: lists do, unless their outputs leave rss out
// (site.Page.HasFeed); briefs and the tags index do not.
func Has(p *site.Page) bool { return p.HasFeed() }

// Path is the site path of a page's feed.
func Path(p *site.Page) string { return p.Path + "index.xml" }

// Render returns the feed of page p. title is the channel's title as the page's
// heading shows it (a tag page's "Tag: x"). It writes, byte for byte, what
// encoding/xml's MarshalIndent wrote from the structure of the feed (indented by two
// spaces, empty elements closed by an end tag; TestRenderMatchesMarshal keeps the
// two the same), without its reflection and copies: a site has a feed per section and
// tag, hundreds of them.
func Render(cfg *config.Site, p *site.Page, title string) []byte {
	briefs := p.Pages[:min(cfg.FeedSize, len(p.Pages))]
	var b bytes.Buffer
	b.Grow(1024 + 1024*len(briefs))
	b.WriteString(xml.Header)
	b.WriteString(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">` + "\n  <channel>")
	element(&b, "\n    ", "title", title)
	element(&b, "\n    ", "link", cfg.AbsURL(p.Path))
	b.WriteString("\n    <atom:link href=\"")
	xmltext.Escape(&b, cfg.AbsURL(Path(p)))
	b.WriteString(`" rel="self" type="application/rss+xml"></atom:link>`)
	desc := p.Description
	if desc == "" {
		desc = title
	}
	element(&b, "\n    ", "description", escapeHTML(desc))
	element(&b, "\n    ", "language", p.Lang.Locale)
	b.WriteString("\n    <generator>briefs</generator>")
	if len(briefs) > 0 {
		optional(&b, "\n    ", "lastBuildDate", rfc822(briefs[0].Lastmod))
	}
	for _, q := range briefs {
		writeItem(&b, cfg, q)
	}
	b.WriteString("\n  </channel>\n</rss>\n")
	return b.Bytes()
}

// writeItem writes a brief's <item>.
func writeItem(b *bytes.Buffer, cfg *config.Site, q *site.Page) {
	const in = "\n      "
	link := cfg.AbsURL(q.Path)
	b.WriteString("\n    <item>")
	element(b, in, "title", q.Title)
	element(b, in, "link", link)
	b.WriteString(in + `<guid isPermaLink="true">`)
	xmltext.Escape(b, link)
	b.WriteString("</guid>")
	optional(b, in, "pubDate", rfc822(q.Date))
	optional(b, in, "description", escapeHTML(q.Summary))
	for _, t := range q.Tags {
		element(b, in, "category", t.Title)
	}
	b.WriteString("\n    </item>")
}

// element writes <name>text</name>, after indent.
func element(b *bytes.Buffer, indent, name, text string) {
	b.WriteString(indent)
	b.WriteByte('<')
	b.WriteString(name)
	b.WriteByte('>')
	xmltext.Escape(b, text)
	b.WriteString("</")
	b.WriteString(name)
	b.WriteByte('>')
}

// optional writes the element when its text is not empty, as omitempty did.
func optional(b *bytes.Buffer, indent, name, text string) {
	if text != "" {
		element(b, indent, name, text)
	}
}

// escapeHTML makes plain text into HTML that shows it. Text in an element needs only
// &, < and > escaped; leaving quotes alone keeps "it's" from becoming "it&amp;#39;s"
// in every feed.
var escapeHTML = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace

// rfc822 writes a date as RSS wants it, with a numeric zone.
// rfc822 formats a date for RSS; "" (no element) for a page without one.
func rfc822(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return strings.TrimSpace(t.Format(time.RFC1123Z))
}

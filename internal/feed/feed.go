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
	"encoding/xml"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/site"
)

// Has reports whether a page has a feed: lists do, unless their outputs leave rss out
// (site.Page.HasFeed); briefs and the tags index do not.
func Has(p *site.Page) bool { return p.HasFeed() }

// Path is the site path of a page's feed.
func Path(p *site.Page) string { return p.Path + "index.xml" }

type rss struct {
	XMLName xml.Name `xml:"rss"`
	Version string   `xml:"version,attr"`
	Atom    string   `xml:"xmlns:atom,attr"`
	Channel channel  `xml:"channel"`
}

type channel struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	Self        atomLink `xml:"atom:link"`
	Description string   `xml:"description"`
	Language    string   `xml:"language"`
	Generator   string   `xml:"generator"`
	LastBuild   string   `xml:"lastBuildDate,omitempty"`
	Items       []item   `xml:"item"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
}

type item struct {
	Title       string   `xml:"title"`
	Link        string   `xml:"link"`
	GUID        guid     `xml:"guid"`
	PubDate     string   `xml:"pubDate,omitempty"`
	Description string   `xml:"description,omitempty"`
	Categories  []string `xml:"category"`
}

type guid struct {
	Value       string `xml:",chardata"`
	IsPermaLink bool   `xml:"isPermaLink,attr"`
}

// Render returns the feed of page p. title is the channel's title as the page's
// heading shows it (a tag page's "Tag: x").
func Render(cfg *config.Site, p *site.Page, title string) []byte {
	ch := channel{Title: title, Link: cfg.AbsURL(p.Path), Description: escapeHTML(p.Description),
		Language: p.Lang.Locale, Generator: "briefs",
		Self: atomLink{Href: cfg.AbsURL(Path(p)), Rel: "self", Type: "application/rss+xml"}}
	if ch.Description == "" {
		ch.Description = escapeHTML(title)
	}
	briefs := p.Pages[:min(cfg.FeedSize, len(p.Pages))]
	if len(briefs) > 0 {
		ch.LastBuild = rfc822(briefs[0].Lastmod)
	}
	for _, b := range briefs {
		it := item{Title: b.Title, Link: cfg.AbsURL(b.Path), GUID: guid{cfg.AbsURL(b.Path), true},
			PubDate: rfc822(b.Date), Description: escapeHTML(b.Summary)}
		for _, t := range b.Tags {
			it.Categories = append(it.Categories, t.Title)
		}
		ch.Items = append(ch.Items, it)
	}
	out, _ := xml.MarshalIndent(rss{Version: "2.0", Atom: "http://www.w3.org/2005/Atom", Channel: ch}, "", "  ")
	return []byte(xml.Header + string(out) + "\n")
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

package feed

import (
	"encoding/xml"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/site"
)

// The feed as encoding/xml wrote it from a structure, before Render wrote it by
// hand: the reference TestRenderMatchesMarshal holds Render to.

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

func marshalled(cfg *config.Site, p *site.Page, title string) []byte {
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

// TestRenderMatchesMarshal checks that Render writes what encoding/xml did: lists
// with no briefs, briefs without dates, summaries or tags, and text XML must escape.
func TestRenderMatchesMarshal(t *testing.T) {
	cfg, err := config.Read(fstest.MapFS{"site.toml": {Data: []byte("baseURL = \"https://example.org/a&b/\"\nfeedSize = 3\n" +
		"[languages.en]\ntitle = \"Briefs\"\nlocale = \"en-GB\"\n")}})
	if err != nil {
		t.Fatal(err)
	}
	lang := cfg.Languages["en"]
	hostile := "Tom & Jerry's \"<b>\"\t\n\r\x00\xff 中文 ]]> &amp;"
	when := time.Date(2025, 12, 25, 19, 53, 0, 0, time.FixedZone("", 8*3600))
	tag := &site.Page{Title: hostile, Path: "en/tags/x/"}
	full := &site.Page{Lang: lang, Title: hostile, Summary: hostile, Path: "en/p/full/", Date: when, Lastmod: when, Tags: []*site.Page{tag, {Title: "plain"}}}
	bare := &site.Page{Lang: lang, Path: "en/p/bare/"}
	for i, p := range []*site.Page{
		{Lang: lang, Path: "en/"},
		{Lang: lang, Path: "en/p/", Description: hostile, Pages: []*site.Page{full, bare}},
		{Lang: lang, Path: "en/p/", Pages: []*site.Page{bare, full}},
		{Lang: lang, Path: "en/p/", Pages: []*site.Page{full, full, full, full, bare}},
	} {
		for _, title := range []string{"", "Policy Briefs", hostile} {
			got, want := Render(cfg, p, title), marshalled(cfg, p, title)
			if string(got) != string(want) {
				t.Errorf("case %d, title %q:\n%s\nwant\n%s", i, title, got, want)
			}
		}
	}
}

// Package sitemap writes /sitemap.xml and /robots.txt, so that search engines find
// every page of every language and know which pages are translations of each other.
//
// Each page is listed with its lastmod and, when it has translations, an
// <xhtml:link rel="alternate" hreflang="…"> for every language version (itself
// included) and one for x-default (the default language's version), as Google
// documents for multilingual sites. A site of more than 50,000 URLs, the protocol's
// limit per file, gets numbered sitemaps (sitemap-1.xml, …) under a sitemap index.
package sitemap

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"fmt"
	"hash/maphash"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/site"
)

// MaxURLs is the sitemaps.org limit of URLs in one file.
const MaxURLs = 50000

// The files Files writes whatever the size of the site: the sitemap (an index of
// the parts sitemap-1.xml, sitemap-2.xml… when it has more than max URLs) and
// robots.txt, which names it.
const (
	SitemapFile = "sitemap.xml"
	RobotsFile  = "robots.txt"
)

// File is one file to write.
type File struct {
	Name string
	Data []byte
}

// Files returns the sitemap files and robots.txt for the site.
func Files(st *site.Site, max int) []File {
	cfg := st.Config
	var entries [][]byte
	for _, p := range st.Pages {
		if !p.Rendered() || p.Kind == site.KindSearch {
			continue // a search page, built in or a content page's, has nothing to index
		}
		for n := 1; n <= st.Pagers(p); n++ {
			entries = append(entries, entry(cfg, p, n))
		}
	}
	var files []File
	if len(entries) <= max {
		files = append(files, File{SitemapFile, urlset(entries)})
	} else {
		var index bytes.Buffer
		index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i := 0; i*max < len(entries); i++ {
			name := fmt.Sprintf("sitemap-%d.xml", i+1)
			files = append(files, File{name, urlset(entries[i*max : min((i+1)*max, len(entries))])})
			fmt.Fprintf(&index, "  <sitemap><loc>%s</loc></sitemap>\n", escape(cfg.AbsURL(name)))
		}
		index.WriteString("</sitemapindex>\n")
		files = append(files, File{SitemapFile, index.Bytes()})
	}
	robots := fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", cfg.AbsURL(SitemapFile))
	return append(files, File{RobotsFile, []byte(robots)})
}

func urlset(entries [][]byte) []byte {
	var b bytes.Buffer
	b.WriteString(xml.Header)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	for _, e := range entries {
		b.Write(e)
	}
	b.WriteString("</urlset>\n")
	return b.Bytes()
}

// entry is one <url>; only the first page of a list carries alternates, since later
// pages of a list have no fixed counterpart in another language.
func entry(cfg *config.Site, p *site.Page, n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "  <url>\n    <loc>%s</loc>\n", escape(cfg.AbsURL(site.PagerPath(p, n))))
	if !p.Lastmod.IsZero() || !p.Date.IsZero() {
		fmt.Fprintf(&b, "    <lastmod>%s</lastmod>\n", lastmod(p).Format(time.RFC3339))
	}
	if n == 1 && len(p.Translations) > 0 {
		all := append([]*site.Page{p}, p.Translations...)
		for _, q := range all {
			fmt.Fprintf(&b, "    <xhtml:link rel=\"alternate\" hreflang=\"%s\" href=\"%s\"/>\n", escape(q.Lang.Locale), escape(cfg.AbsURL(q.Path)))
		}
		for _, q := range all {
			if q.Lang.Code == cfg.DefaultLanguage {
				fmt.Fprintf(&b, "    <xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"%s\"/>\n", escape(cfg.AbsURL(q.Path)))
			}
		}
	}
	b.WriteString("  </url>\n")
	return b.Bytes()
}

// Fingerprint hashes everything the sitemap is made of: each page's addresses, dates
// and translations. The dev server writes the sitemap again only when it changes, not
// on every edit of a title, which at 10,000 pairs took most of such an update's time.
func Fingerprint(st *site.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(seed)
	w := func(s string) { h.WriteString(s); h.WriteByte(0) }
	num := func(n int64) {
		var b [8]byte
		binary.LittleEndian.PutUint64(b[:], uint64(n))
		h.Write(b[:])
	}
	w(st.Config.BaseURL)
	w(st.Config.DefaultLanguage)
	for _, p := range st.Pages {
		w(p.Path)
		num(int64(st.Pagers(p)))
		lm := lastmod(p)
		num(lm.UnixNano())
		w(lm.Location().String())
		for _, q := range p.Translations {
			w(q.Lang.Code)
			w(q.Lang.Locale)
			w(q.Path)
		}
		w(p.Lang.Locale)
	}
	return h.Sum64()
}

// seed keys Fingerprint; fingerprints are only compared within one process.
var seed = maphash.MakeSeed()

func lastmod(p *site.Page) time.Time {
	if p.Lastmod.After(p.Date) {
		return p.Lastmod
	}
	return p.Date
}

func escape(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

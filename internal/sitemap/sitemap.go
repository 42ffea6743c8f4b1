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
	"github.com/briefs/briefs/internal/pool"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/xmltext"
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

// Files returns the sitemap files and robots.txt for the site. The entries are
// written on all cores, a run of pages into a buffer each, and the sitemap files are
// cut from them: at 10,000 pairs the entries are 6 MB of text, which took one core
// while the other waited for the claims made after them.
func Files(st *site.Site, max int) []File {
	cfg := st.Config
	parts := make([]entries, (len(st.Pages)+pagesPerPart-1)/pagesPerPart)
	pool.Each(len(parts), func(i int) {
		parts[i].write(st, st.Pages[i*pagesPerPart:min(len(st.Pages), (i+1)*pagesPerPart)])
	})
	var body bytes.Buffer
	var ends []int // where each entry ends in body
	for _, part := range parts {
		for _, end := range part.ends {
			ends = append(ends, body.Len()+end)
		}
		body.Write(part.body.Bytes())
	}
	var files []File
	if n := partFiles(len(ends), max); n == 0 {
		files = append(files, File{SitemapFile, urlset(body.Bytes())})
	} else {
		var index bytes.Buffer
		index.WriteString(xml.Header + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
		for i, lo := 0, 0; i < n; i++ {
			hi := ends[min((i+1)*max, len(ends))-1]
			name := partName(i)
			files = append(files, File{name, urlset(body.Bytes()[lo:hi])})
			lo = hi
			index.WriteString("  <sitemap><loc>")
			xmltext.Escape(&index, cfg.AbsURL(name))
			index.WriteString("</loc></sitemap>\n")
		}
		index.WriteString("</sitemapindex>\n")
		files = append(files, File{SitemapFile, index.Bytes()})
	}
	robots := fmt.Sprintf("User-agent: *\nAllow: /\n\nSitemap: %s\n", cfg.AbsURL(SitemapFile))
	return append(files, File{RobotsFile, []byte(robots)})
}

// Names are the names of the files Files returns, in its order, counted without
// writing them: a build claims the names before it renders the pages, and writes the
// sitemap while it renders them.
func Names(st *site.Site, max int) []string {
	urls := 0
	for _, p := range st.Pages {
		if listed(p) {
			urls += st.Pagers(p)
		}
	}
	var names []string
	for i := range partFiles(urls, max) {
		names = append(names, partName(i))
	}
	return append(names, SitemapFile, RobotsFile)
}

// partFiles is how many sitemap files of at most max URLs list urls URLs under an
// index: none when one sitemap holds them all.
func partFiles(urls, max int) int {
	if urls <= max {
		return 0
	}
	return (urls + max - 1) / max
}

// partName is the name of the i-th sitemap file under the index, from 0.
func partName(i int) string { return fmt.Sprintf("sitemap-%d.xml", i+1) }

// listed reports whether the sitemap lists page p: a search page, built in or a
// content page's, has nothing to index.
func listed(p *site.Page) bool { return p.Rendered() && p.Kind != site.KindSearch }

// pagesPerPart is how many pages' entries Files writes into one buffer.
const pagesPerPart = 512

// entries are the sitemap entries of a run of pages: their text, and where each ends.
type entries struct {
	body bytes.Buffer
	ends []int
}

func (e *entries) write(st *site.Site, pages []*site.Page) {
	for _, p := range pages {
		if !listed(p) {
			continue
		}
		for n := 1; n <= st.Pagers(p); n++ {
			writeEntry(&e.body, st.Config, p, n)
			e.ends = append(e.ends, e.body.Len())
		}
	}
}

// urlsetStart and urlsetEnd enclose the entries of a sitemap file.
const (
	urlsetStart = xml.Header + `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n"
	urlsetEnd   = "</urlset>\n"
)

// urlset is a sitemap file of the entries.
func urlset(entries []byte) []byte {
	b := make([]byte, 0, len(urlsetStart)+len(entries)+len(urlsetEnd))
	return append(append(append(b, urlsetStart...), entries...), urlsetEnd...)
}

// writeEntry writes one <url>; only the first page of a list carries alternates,
// since later pages of a list have no fixed counterpart in another language.
func writeEntry(b *bytes.Buffer, cfg *config.Site, p *site.Page, n int) {
	b.WriteString("  <url>\n    <loc>")
	xmltext.Escape(b, cfg.AbsURL(site.PagerPath(p, n)))
	b.WriteString("</loc>\n")
	if !p.Lastmod.IsZero() || !p.Date.IsZero() {
		var date [64]byte
		b.WriteString("    <lastmod>")
		b.Write(lastmod(p).AppendFormat(date[:0], time.RFC3339))
		b.WriteString("</lastmod>\n")
	}
	if n == 1 && len(p.Translations) > 0 {
		all := append([]*site.Page{p}, p.Translations...)
		for _, q := range all {
			alternate(b, q.Lang.Locale, cfg.AbsURL(q.Path))
		}
		for _, q := range all {
			if q.Lang.Code == cfg.DefaultLanguage {
				alternate(b, "x-default", cfg.AbsURL(q.Path))
			}
		}
	}
	b.WriteString("  </url>\n")
}

// alternate writes the link to a page's version in the language hreflang.
func alternate(b *bytes.Buffer, hreflang, href string) {
	b.WriteString(`    <xhtml:link rel="alternate" hreflang="`)
	xmltext.Escape(b, hreflang)
	b.WriteString(`" href="`)
	xmltext.Escape(b, href)
	b.WriteString("\"/>\n")
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

package sitemap

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/site"
)

// reference is Files as it was written with fmt and xml.EscapeText, an entry per
// buffer, before it wrote into one: the bytes TestFilesMatchReference holds Files to.
func reference(st *site.Site, max int) []File {
	cfg := st.Config
	escape := func(s string) string {
		var b bytes.Buffer
		xml.EscapeText(&b, []byte(s))
		return b.String()
	}
	var entries [][]byte
	for _, p := range st.Pages {
		if !p.Rendered() || p.Kind == site.KindSearch {
			continue
		}
		for n := 1; n <= st.Pagers(p); n++ {
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
			entries = append(entries, b.Bytes())
		}
	}
	urlset := func(entries [][]byte) []byte {
		var b bytes.Buffer
		b.WriteString(xml.Header)
		b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
		for _, e := range entries {
			b.Write(e)
		}
		b.WriteString("</urlset>\n")
		return b.Bytes()
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

// TestFilesMatchReference checks Files against the reference, whole and cut into
// parts of every size from one URL up, on a site with translations, untranslated
// briefs, briefs without dates, and a base URL XML must escape.
func TestFilesMatchReference(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/a&b'/\"\n[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	brief := func(name, lang string, day int) *content.File {
		f := &content.File{Path: "content/s/" + name + "." + lang + ".md", Section: "s", Name: name, Lang: lang, Front: content.Front{Title: name}}
		if day > 0 {
			f.Front.Date = time.Date(2024, 1, day, 0, 0, 0, 0, time.FixedZone("", 8*3600))
		}
		return f
	}
	fs := []*content.File{brief("a", "zh", 1), brief("b", "zh", 2), brief("a", "en", 3), brief("c", "en", 0), brief("d", "zh", 5)}
	var errs diag.List
	st := site.New(cfg, fs, site.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	for _, max := range []int{1, 2, 3, 5, 8, MaxURLs} {
		got, want := Files(st, max), reference(st, max)
		if len(got) != len(want) {
			t.Fatalf("max %d: %d files, want %d", max, len(got), len(want))
		}
		for i := range got {
			if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Errorf("max %d: file %d is %s:\n%s\nwant %s:\n%s", max, i, got[i].Name, got[i].Data, want[i].Name, want[i].Data)
			}
		}
		checkNames(t, st, max, got)
	}
}

// checkNames checks that Names counts the names of files, which Files(st, max) wrote.
func checkNames(t *testing.T, st *site.Site, max int, files []File) {
	t.Helper()
	var want []string
	for _, f := range files {
		want = append(want, f.Name)
	}
	if got := Names(st, max); !slices.Equal(got, want) {
		t.Errorf("max %d: Names = %q, Files wrote %q", max, got, want)
	}
}

// TestFilesInParts: a site of more pages than one part of Files takes, whose entries
// are written on several cores, gets the reference's files, whole and cut.
func TestFilesInParts(t *testing.T) {
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/\"\n[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	var fs []*content.File
	for i := range 3 * pagesPerPart {
		name := fmt.Sprintf("b%04d", i)
		for _, lang := range []string{"zh", "en"}[:1+i%2] {
			fs = append(fs, &content.File{Path: "content/s/" + name + "." + lang + ".md", Section: "s", Name: name, Lang: lang,
				Front: content.Front{Title: name, Date: time.Date(2024, 1, 1+i%28, 0, 0, 0, 0, time.UTC)}})
		}
	}
	var errs diag.List
	st := site.New(cfg, fs, site.Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, &errs)
	if err := errs.Err(); err != nil {
		t.Fatal(err)
	}
	if len(st.Pages) <= 2*pagesPerPart {
		t.Fatalf("%d pages: too few for three parts", len(st.Pages))
	}
	for _, max := range []int{pagesPerPart - 1, MaxURLs} {
		got, want := Files(st, max), reference(st, max)
		if len(got) != len(want) {
			t.Fatalf("max %d: %d files, want %d", max, len(got), len(want))
		}
		for i := range got {
			if got[i].Name != want[i].Name || !bytes.Equal(got[i].Data, want[i].Data) {
				t.Errorf("max %d: file %d is %s, want %s, or their bytes differ", max, i, got[i].Name, want[i].Name)
			}
		}
		checkNames(t, st, max, got)
	}
}

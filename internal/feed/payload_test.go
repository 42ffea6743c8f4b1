package feed_test

import (
	"bufio"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/search"
)

// TestPayloadsStayText builds a site with hostile text (testdata/payloads.txt) in every
// field that reaches a page, the JSON-LD, a feed or the sitemap: title, summary,
// description, tags, source, editor, and a body's first paragraph, as text and in a
// code span. Each output is parsed as a browser or a feed reader would, and the text
// must come out as text: no element or attribute from a payload, JSON-LD that parses
// and gives the strings back, feeds whose descriptions, read as HTML, hold no tag and
// show what the page shows. (Slugs accept only letters, digits, '-', '_' and '.', so no
// payload reaches a URL but through a tag, which TagSlug strips.) The search index's
// page list parses and gives the titles back; search.js escapes what it shows.
func TestPayloadsStayText(t *testing.T) {
	payloads := readPayloads(t)
	hostile := buildPayloadSite(t, payloads)
	benign := make([]string, len(payloads))
	for i := range benign {
		benign[i] = fmt.Sprintf("plain text %d", i)
	}
	vocab := markupOf(buildPayloadSite(t, benign))
	for _, name := range hostile.Names() {
		data, _ := hostile.Get(name)
		switch {
		case strings.HasSuffix(name, ".html"):
			checkMarkup(t, name, tokenize(string(data)), vocab)
		case strings.HasSuffix(name, "index.xml"):
			checkFeed(t, name, data, hostile)
		case strings.HasPrefix(name, "sitemap"):
			checkSitemap(t, name, data)
		}
	}
	for i, p := range payloads {
		checkBrief(t, hostile, i, p)
	}
	checkSearchTitles(t, hostile, payloads)
}

// checkSearchTitles checks that the English search index lists every payload title
// as it is: each page's record, [url, title, ...], in the files index.json names.
func checkSearchTitles(t *testing.T, mem *output.Memory, payloads []string) {
	data, ok := mem.Get("search/en/index.json")
	if !ok {
		t.Fatal("no search/en/index.json")
	}
	var e search.Entry
	if err := json.Unmarshal(data, &e); err != nil {
		t.Fatalf("search/en/index.json: %v", err)
	}
	var titles []string
	for i := 0; i*e.PerRecord < e.Count; i++ {
		name := fmt.Sprintf("search/en/%s/%s", e.Dir, search.RecordFile(i))
		data, _ := mem.Get(name)
		var recs [][]any
		if err := json.Unmarshal(data, &recs); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, r := range recs {
			if title, ok := r[1].(string); ok {
				titles = append(titles, title)
			}
		}
	}
	for i, p := range payloads {
		if !slices.Contains(titles, strings.TrimSpace(p)) && !slices.Contains(titles, p) {
			t.Errorf("payload %d: title %q not in the search index", i, p)
		}
	}
}

func readPayloads(t *testing.T) []string {
	f, err := os.Open("testdata/payloads.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var list []string
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		s, err := strconv.Unquote(line)
		if err != nil {
			t.Fatalf("testdata/payloads.txt:%d: %v", n, err)
		}
		list = append(list, s)
	}
	return list
}

// buildPayloadSite builds a bilingual site with one pair of briefs per payload: the
// English one carries it in its title, description, tag, source, editor and body, the
// Chinese one in its title and front-matter summary.
func buildPayloadSite(t *testing.T, payloads []string) *output.Memory {
	t.Helper()
	site := fstest.MapFS{
		"site.toml": {Data: []byte("baseURL = \"https://example.org/\"\ndefaultLanguage = \"en\"\npageSize = 1000\nfeedSize = 1000\nsearch = true\n" +
			"[languages.en]\ntitle = \"Briefs\"\n[languages.zh]\ntitle = \"简报\"\n")},
		"content/p/_index.en.md": {Data: []byte("+++\ntitle = " + tomlString(payloads[0]) + "\ndescription = " + tomlString(payloads[1]) + "\n+++\n")},
	}
	for i, p := range payloads {
		q := tomlString(p)
		tag := tomlString(fmt.Sprintf("t%02d %s", i, p))
		site[fmt.Sprintf("content/p/b%02d.en.md", i)] = &fstest.MapFile{Data: []byte("+++\ntitle = " + q +
			"\ndate = 2024-01-01\ndescription = " + q + "\ntags = [" + tag + "]\nsource = " + q + "\neditor = " + q +
			"\n+++\nText " + p + " and code `` " + p + " `` end.\n\nSecond paragraph.\n")}
		site[fmt.Sprintf("content/p/b%02d.zh.md", i)] = &fstest.MapFile{Data: []byte("+++\ntitle = " + q +
			"\ndate = 2024-01-01\nsummary = " + q + "\ntags = [" + tag + "]\n+++\n正文。\n")}
	}
	mem := output.NewMemory()
	if _, err := build.Run(build.Options{Site: site, Theme: briefs.Theme}, mem); err != nil {
		t.Fatal(err)
	}
	return mem
}

// tomlString writes s as a TOML basic string.
func tomlString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || r == 0x2028 || r == 0x2029:
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String() + `"`
}

// markupOf collects every element and element/attribute pair the site's pages use.
func markupOf(mem *output.Memory) map[string]bool {
	vocab := map[string]bool{}
	for _, name := range mem.Names() {
		if strings.HasSuffix(name, ".html") {
			data, _ := mem.Get(name)
			for _, tok := range tokenize(string(data)) {
				if tok.kind == startTag {
					vocab[tok.name] = true
					for _, a := range tok.attrs {
						vocab[tok.name+" "+a.name] = true
					}
				}
			}
		}
	}
	return vocab
}

// urlAttrs are the attributes whose value a browser follows as a URL.
var urlAttrs = map[string]bool{"href": true, "src": true, "action": true, "formaction": true, "poster": true, "data": true}

// checkMarkup fails on any element or attribute the benign site does not have, any
// event handler or javascript: URL, and any script but the theme's: JSON-LD, and the
// root page's choice of language.
func checkMarkup(t *testing.T, name string, toks []token, vocab map[string]bool) {
	t.Helper()
	for _, tok := range toks {
		if tok.kind != startTag {
			continue
		}
		if !vocab[tok.name] {
			t.Errorf("%s: element <%s> from a payload", name, tok.name)
		}
		for _, a := range tok.attrs {
			v := strings.ToLower(strings.TrimSpace(a.value))
			if !vocab[tok.name+" "+a.name] || strings.HasPrefix(a.name, "on") || urlAttrs[a.name] && strings.HasPrefix(v, "javascript:") {
				t.Errorf("%s: <%s %s=%q> from a payload", name, tok.name, a.name, a.value)
			}
		}
		search := strings.HasSuffix(name, "/search/index.html") && tok.attr("src") == "/js/search.js"
		if tok.name == "script" && tok.attr("type") != "application/ld+json" && name != "index.html" && !search {
			t.Errorf("%s: a script from a payload", name)
		}
	}
}

// checkBrief checks that payload i shows as itself on its pages, in their metadata
// and JSON-LD, and that the summary lists and feeds show is what the page shows.
func checkBrief(t *testing.T, mem *output.Memory, i int, p string) {
	t.Helper()
	name := fmt.Sprintf("en/p/b%02d/index.html", i)
	data, ok := mem.Get(name)
	if !ok {
		t.Fatalf("no %s", name)
	}
	toks := tokenize(string(data))
	for what, got := range map[string]string{
		"h1":             textOf(toks, "h1", "", ""),
		"meta":           attrOf(toks, "meta", "name", "description", "content"),
		"og:title":       attrOf(toks, "meta", "property", "og:title", "content"),
		"og:description": attrOf(toks, "meta", "property", "og:description", "content"),
		"article:tag":    strings.TrimPrefix(attrOf(toks, "meta", "property", "article:tag", "content"), fmt.Sprintf("t%02d ", i)),
	} {
		if got != p {
			t.Errorf("%s: %s shows %q, want %q", name, what, got, p)
		}
	}
	if title := textOf(toks, "title", "", ""); !strings.Contains(title, p) {
		t.Errorf("%s: <title> %q lacks %q", name, title, p)
	}
	var ld struct {
		Headline, Description, IsBasedOn string
		Editor                           struct{ Name string }
	}
	if err := json.Unmarshal([]byte(textOf(toks, "script", "type", "application/ld+json")), &ld); err != nil {
		t.Errorf("%s: JSON-LD: %v", name, err)
	} else if ld.Headline != p || ld.Description != p || ld.IsBasedOn != p || ld.Editor.Name != p {
		t.Errorf("%s: JSON-LD %+v, want %q throughout", name, ld, p)
	}
	body := strings.Join(strings.Fields(textOf(toks, "div", "class", "content")), " ")
	list := summaries(mem, "en/p/index.html")
	if got := strings.Join(strings.Fields(list["/en/p/"+fmt.Sprintf("b%02d/", i)]), " "); got != body {
		t.Errorf("%s: the list's summary is %q, the page shows %q", name, got, body)
	}
	if got := summaries(mem, "zh/p/index.html")[fmt.Sprintf("/zh/p/b%02d/", i)]; got != p {
		t.Errorf("zh/p/b%02d: the list's summary is %q, want %q", i, got, p)
	}
}

// summaries maps each brief linked from a list page to the summary shown with it.
func summaries(mem *output.Memory, name string) map[string]string {
	data, _ := mem.Get(name)
	toks := tokenize(string(data))
	out := map[string]string{}
	href := ""
	for i, tok := range toks {
		if tok.kind == startTag && tok.name == "h3" && toks[i+1].name == "a" {
			href = toks[i+1].attr("href")
		}
		if tok.kind == startTag && tok.name == "p" && tok.attr("class") == "summary" {
			out[href] = textOf(toks[i:], "p", "", "")
		}
	}
	return out
}

type rssFeed struct {
	Channel struct {
		Description string `xml:"description"`
		Items       []struct {
			Title       string   `xml:"title"`
			Link        string   `xml:"link"`
			Description string   `xml:"description"`
			Categories  []string `xml:"category"`
		} `xml:"item"`
	} `xml:"channel"`
}

// checkFeed parses a feed as XML. Each title and category, plain text, must be the
// page's heading and tag; each description, read as HTML, must hold no tag and show
// what the page's list shows.
func checkFeed(t *testing.T, name string, data []byte, mem *output.Memory) {
	t.Helper()
	var f rssFeed
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	if err := d.Decode(&f); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	descs := []string{f.Channel.Description}
	for _, it := range f.Channel.Items {
		descs = append(descs, it.Description)
		page, _ := mem.Get(strings.TrimPrefix(it.Link, "https://example.org/") + "index.html")
		toks := tokenize(string(page))
		if h1 := textOf(toks, "h1", "", ""); it.Title != h1 {
			t.Errorf("%s: the title is %q, the page's %q", name, it.Title, h1)
		}
		tag := attrOf(toks, "meta", "property", "article:tag", "content")
		if len(it.Categories) != 1 || it.Categories[0] != tag {
			t.Errorf("%s: the categories are %q, the page's tag %q", name, it.Categories, tag)
		}
	}
	for _, desc := range descs {
		if strings.ContainsAny(desc, "<>") {
			t.Errorf("%s: the description, read as HTML, has markup: %q", name, desc)
		}
	}
	if name != "en/p/index.xml" && name != "zh/p/index.xml" {
		return
	}
	list := summaries(mem, strings.TrimSuffix(name, "xml")+"html")
	for _, it := range f.Channel.Items {
		path := strings.TrimPrefix(it.Link, "https://example.org")
		if got, want := html.UnescapeString(it.Description), list[path]; got != want {
			t.Errorf("%s: %s: the description shows %q, the list %q", name, path, got, want)
		}
	}
}

// urlChars are the characters a URL may hold as it is (RFC 3986).
var urlChars = regexp.MustCompile(`^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+$`)

func checkSitemap(t *testing.T, name string, data []byte) {
	t.Helper()
	var sm struct {
		URLs []struct {
			Loc   string `xml:"loc"`
			Links []struct {
				Href string `xml:"href,attr"`
			} `xml:"link"`
		} `xml:"url"`
	}
	d := xml.NewDecoder(strings.NewReader(string(data)))
	d.Strict = true
	if err := d.Decode(&sm); err != nil {
		t.Errorf("%s: %v", name, err)
		return
	}
	for _, u := range sm.URLs {
		for _, l := range append([]string{u.Loc}, hrefs(u.Links)...) {
			if !urlChars.MatchString(l) {
				t.Errorf("%s: %q is not a clean URL", name, l)
			}
		}
	}
}

func hrefs(links []struct {
	Href string `xml:"href,attr"`
}) []string {
	var out []string
	for _, l := range links {
		out = append(out, l.Href)
	}
	return out
}

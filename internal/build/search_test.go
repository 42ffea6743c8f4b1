package build_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/search"
)

// searchEntry reads a language's search/<lang>/index.json and its page list.
func searchEntry(t *testing.T, mem *output.Memory, lang string) (search.Entry, []string) {
	t.Helper()
	var e search.Entry
	if err := json.Unmarshal([]byte(file(t, mem, "search/"+lang+"/index.json")), &e); err != nil {
		t.Fatal(err)
	}
	var urls []string
	for i := range e.Count {
		var recs [][]any
		if err := json.Unmarshal([]byte(file(t, mem, fmt.Sprintf("search/%s/%s/%s", lang, e.Dir, search.RecordFile(i/e.PerRecord)))), &recs); err != nil {
			t.Fatal(err)
		}
		urls = append(urls, recs[i%e.PerRecord][0].(string))
	}
	return e, urls
}

func TestSearchIndex(t *testing.T) {
	mem := mustBuild(t, "basic.txtar", build.Options{})
	e, urls := searchEntry(t, mem, "zh")
	if e.Count != len(urls) || !strings.Contains(strings.Join(urls, " "), "zh/law/zibo/") {
		t.Errorf("zh index lists %v (count %d)", urls, e.Count)
	}
	for k := range e.Shards {
		file(t, mem, fmt.Sprintf("search/zh/%s/%s", e.Dir, search.ShardFile(k))) // every file the entry names is there
	}
	file(t, mem, "search/zh/"+e.Dir+"/lengths.bin")
	file(t, mem, "search/zh/"+e.Dir+"/facets.json")
	contains(t, mem, "zh/search/index.html", `<input id="search-q" type="search" name="q"`, `src="/js/search.js"`, `<noscript>`)
	contains(t, mem, "en/index.html", `<form class="site-search" role="search" action="/en/search/" method="get">`)
}

// A brief with search = false stays out of the index; site.toml's search = false
// leaves out the index, the search pages and the header box, which are there
// when site.toml does not say.
func TestSearchOff(t *testing.T) {
	fsys := siteFS(t, "basic.txtar")
	page := fsys["content/law/only-zh.md"]
	page.Data = []byte(strings.Replace(string(page.Data), "+++\n", "+++\nsearch = false\n", 1))
	mem, _, err := buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, urls := searchEntry(t, mem, "zh"); strings.Contains(strings.Join(urls, " "), "only-zh") {
		t.Errorf("a brief with search = false is indexed: %v", urls)
	}
	conf := fsys["site.toml"]
	conf.Data = []byte(strings.Replace(string(conf.Data), "search = true\n", "search = false\n", 1))
	mem, _, err = buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range mem.Names() {
		if strings.HasPrefix(name, "search/") || strings.HasSuffix(name, "/search/index.html") {
			t.Errorf("search = false, but %s was written", name)
		}
	}
	lacks(t, mem, "zh/index.html", `class="site-search"`)
	// Without the key, search is on.
	conf.Data = []byte(strings.Replace(string(conf.Data), "search = false\n", "", 1))
	mem, _, err = buildSite(t, fsys, build.Options{})
	if err != nil {
		t.Fatal(err)
	}
	searchEntry(t, mem, "zh")
	contains(t, mem, "zh/index.html", `class="site-search"`)
}

package render_test

import (
	"html"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/render"
)

// buildLanguages builds testdata/languages.txtar with its languages L1 and L2 named
// l1 and l2, drafts included so that the draft badge shows too.
func buildLanguages(t *testing.T, l1, l2, extraTOML string) (*output.Memory, *build.Result) {
	t.Helper()
	ar, err := txtar.ParseFile(filepath.Join("testdata", "languages.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	rename := strings.NewReplacer(".L1.", "."+l1+".", ".L2.", "."+l2+".")
	fsys := fstest.MapFS{}
	for _, f := range ar.Files {
		data := f.Data
		if f.Name == "site.toml" {
			toml := strings.NewReplacer("languages.L1", "languages."+l1, "languages.L2", "languages."+l2).Replace(string(data))
			data = []byte(toml + extraTOML)
		}
		fsys[rename.Replace(f.Name)] = &fstest.MapFile{Data: data}
	}
	mem := output.NewMemory()
	res, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme, Drafts: true,
		Now: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)}, mem)
	if err != nil {
		t.Fatalf("%s+%s: %v", l1, l2, err)
	}
	return mem, res
}

var (
	// hidden is what people do not read: scripts, styles, URLs and paths.
	hidden    = regexp.MustCompile(`(?s)<(script|style)\b.*?</(script|style)>|[a-z]+://[^\s"<]*|"/[^"]*"`)
	markup    = regexp.MustCompile(`<[^>]*>`)
	readAttrs = regexp.MustCompile(`\s(?:aria-label|title|alt|content|placeholder)="([^"]*)"`)
	words     = regexp.MustCompile(`[A-Za-z]+`)
)

// rawKeys lists the theme string keys that a page shows: in its text or in an
// attribute people read, as a whole text ("home", "← prevPage") or, for keys that
// are no English word of the theme's own strings ("skipToContent"), anywhere in it.
func rawKeys(page string, keys, anywhere map[string]bool) []string {
	page = hidden.ReplaceAllString(page, " ")
	var texts []string
	for _, tag := range markup.FindAllString(page, -1) {
		for _, m := range readAttrs.FindAllStringSubmatch(tag, -1) {
			texts = append(texts, m[1])
		}
	}
	texts = append(texts, markup.Split(page, -1)...)
	var found []string
	for _, text := range texts {
		text = html.UnescapeString(text)
		if whole := strings.Trim(text, " \n\t:：·←→|"); keys[whole] {
			found = append(found, whole)
		}
		for _, w := range words.FindAllString(text, -1) {
			if anywhere[w] {
				found = append(found, w)
			}
		}
	}
	return found
}

// themeKeys returns every key of the theme's words, and those that can be looked for
// anywhere in a text: the keys that are not a word of any built-in string
// ("language" is one, in "Choose a language") or of the test site's content.
func themeKeys() (keys, anywhere map[string]bool) {
	keys, anywhere = map[string]bool{}, map[string]bool{}
	common := map[string]bool{}
	for _, table := range render.BuiltinStrings {
		for key, s := range table {
			keys[key] = true
			for _, w := range words.FindAllString(s, -1) {
				common[w] = true
			}
		}
	}
	for key := range keys {
		if !common[key] {
			anywhere[key] = true
		}
	}
	return keys, anywhere
}

// TestNoRawKeys builds a site with each pair of languages and checks that no page,
// feed or sitemap shows a theme string's key or a fmt complaint (%!), that lang and
// hreflang carry canonical locales, and which warnings the build gives.
func TestNoRawKeys(t *testing.T) {
	tests := []struct {
		l1, l2, locale1, locale2, og string
		warnings                     bool // L1 has no built-in words
	}{
		{"zh-cn", "en-us", "zh-CN", "en-US", "zh_CN", false},
		{"zh-hans", "en", "zh-Hans", "en", "zh_CN", false},
		{"zh", "en", "zh-CN", "en", "zh_CN", false},
		{"zh-tw", "en-gb", "zh-TW", "en-GB", "zh_TW", false},
		{"zh-hant", "en", "zh-Hant", "en", "zh_TW", false},
		{"fr", "en", "fr", "en", "fr_FR", true},
	}
	keys, anywhere := themeKeys()
	if len(anywhere) < 20 {
		t.Fatalf("only %d keys to look for anywhere: %v", len(anywhere), anywhere)
	}
	for _, tt := range tests {
		mem, res := buildLanguages(t, tt.l1, tt.l2, "")
		pages := 0
		for _, name := range mem.Names() {
			if !strings.HasSuffix(name, ".html") && !strings.HasSuffix(name, ".xml") {
				continue
			}
			pages++
			b, _ := mem.Get(name)
			page := string(b)
			if found := rawKeys(page, keys, anywhere); len(found) > 0 {
				t.Errorf("%s+%s: %s shows the keys %v", tt.l1, tt.l2, name, found)
			}
			if strings.Contains(page, "%!") {
				t.Errorf("%s+%s: %s has a fmt complaint: %s", tt.l1, tt.l2, name, page)
			}
			for _, m := range regexp.MustCompile(`(?:lang|hreflang)="([^"]*)"`).FindAllStringSubmatch(page, -1) {
				if m[1] != tt.locale1 && m[1] != tt.locale2 && m[1] != "x-default" {
					t.Errorf("%s+%s: %s has %s", tt.l1, tt.l2, name, m[0])
				}
			}
		}
		home, _ := mem.Get(tt.l1 + "/index.html")
		if want := `<meta property="og:locale" content="` + tt.og + `">`; !strings.Contains(string(home), want) {
			t.Errorf("%s+%s: home page lacks %s", tt.l1, tt.l2, want)
		}
		if pages < 30 {
			t.Errorf("%s+%s: only %d pages", tt.l1, tt.l2, pages)
		}
		checkWarnings(t, tt.l1, res, tt.warnings)
	}
}

// checkWarnings checks that a language with built-in words gets no warning, and one
// without gets one that names every key its pages show, at its table in site.toml.
func checkWarnings(t *testing.T, l1 string, res *build.Result, want bool) {
	t.Helper()
	var got []string
	for _, w := range res.Warnings {
		got = append(got, w.Error())
	}
	if !want {
		if len(got) > 0 {
			t.Errorf("%s: warnings:\n%s", l1, strings.Join(got, "\n"))
		}
		return
	}
	prefix := "site.toml:5:12: warning: " + l1 + " has no theme strings for "
	if len(got) != 1 || !strings.HasPrefix(got[0], prefix) || !strings.Contains(got[0], "which show them in en instead: allBriefs, allTags, ") ||
		!strings.Contains(got[0], ", home, ") || !strings.HasSuffix(got[0], "; add them under [languages."+l1+".strings] (see README, The theme's words)") {
		t.Errorf("%s: want one warning naming every key, got:\n%s", l1, strings.Join(got, "\n"))
	}
}

// TestFiguresByBaseLanguage checks that numbers, dates and plurals follow the base
// language: Chinese notation on zh-cn and zh-hans pages, English on en-us ones.
func TestFiguresByBaseLanguage(t *testing.T) {
	for _, codes := range [][2]string{{"zh-cn", "en-us"}, {"zh-hans", "en"}, {"zh-tw", "en-gb"}} {
		mem, _ := buildLanguages(t, codes[0], codes[1], "")
		zh, _ := mem.Get(codes[0] + "/law/a/index.html")
		en, _ := mem.Get(codes[1] + "/law/a/index.html")
		for _, want := range []string{">7.9亿元<", ">4112起<", ">12345<", "2024年3月15日"} {
			if !strings.Contains(string(zh), want) {
				t.Errorf("%s page lacks %s", codes[0], want)
			}
		}
		for _, want := range []string{">790 million yuan<", ">4,112 cases<", ">12,345<", "15 March 2024"} {
			if !strings.Contains(string(en), want) {
				t.Errorf("%s page lacks %s", codes[1], want)
			}
		}
		list, _ := mem.Get(codes[1] + "/law/courts/index.html")
		if !strings.Contains(string(list), "1 brief") {
			t.Errorf("%s: no English singular in the section list:\n%s", codes[1], list)
		}
	}
}

// TestSiteStringsFirst checks that a language's own strings in site.toml come before
// the built-in ones, and that French words given in site.toml leave no warning.
func TestSiteStringsFirst(t *testing.T) {
	var fr strings.Builder
	fr.WriteString("\n[languages.L1.strings]\n")
	for _, key := range slices.Sorted(maps.Keys(render.BuiltinStrings["en"])) {
		fr.WriteString(key + " = \"" + strings.ReplaceAll(render.BuiltinStrings["en"][key], "%s", "%[1]s") + " (fr)\"\n")
	}
	toml := strings.Replace(fr.String(), "L1", "fr", 1)
	toml += "[languages.en.strings]\nhome = \"Start\"\n"
	mem, res := buildLanguages(t, "fr", "en", toml)
	if len(res.Warnings) > 0 {
		t.Errorf("warnings: %v", res.Warnings)
	}
	page, _ := mem.Get("fr/law/a/index.html")
	for _, want := range []string{">Home (fr)<", "Skip to content (fr)"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("fr page lacks %s", want)
		}
	}
	page, _ = mem.Get("en/law/a/index.html")
	if !strings.Contains(string(page), ">Start<") {
		t.Errorf("en page lacks its own home")
	}
}

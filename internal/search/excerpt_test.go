package search

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// ziboText is the start of the example site's English brief on Zibo as the
// index reads it: a long opening, then long sentences with figures before
// the one a reader searches for (7.9亿元, 790 million yuan).
const ziboText = `In 2023, "Zibo barbecue" took Chinese social media by storm, and visitors poured into this old industrial city in Shandong. The crowds lifted consumer spending, but they also brought pressure on public order, public safety and the handling of disputes. Zibo's political-legal system (its police, courts, procuratorate and justice bureau) did not treat the attention as a passing moment of fame. It treated it as a test of governance, using legal thinking and legal methods to balance development with security, so that residents' sense of safety would rise along with the city's popularity.

Holding the Line on Public Safety

With visitor numbers peaking, Zibo made stability its first priority and worked on three fronts at once:

Street-level policing: Under the "Qijian 2023" campaign and a summer "100-day operation", the city kept a daily police presence of more than 6,800 people around its barbecue venues, and no public-order incident of significant impact occurred all year.

Hazard checks: A special campaign focused on major accident hazards, with law-enforcement inspections of 643 companies in key sectors.

Fighting telecom fraud: Police solved 4,112 cases of telecom and online fraud, arrested 4,810 people suspected of involvement, stopped or froze 790 million yuan in suspect accounts and returned 22.35 million yuan to victims, among the strongest results in the province.
`

func TestExcerptText(t *testing.T) {
	long := strings.Repeat("营商环境持续优化，", 60) // an opening of more than maxOpening runes
	for _, c := range []struct {
		name, text string
		has        []string // in the excerpt's text
		once       string   // there once only
	}{
		{"short text whole", "止付冻结涉案资金7.9亿元。", []string{"止付冻结涉案资金7.9亿元。"}, ""},
		// The figure after long sentences with figures was left out (the
		// example site's Zibo brief showed no <mark> for 7.9亿元).
		{"later figure kept", ziboText, []string{"stopped or froze 790 million yuan in suspect accounts", "6,800 people", "643 companies"}, ""},
		{"clause, not sentence", long + "全年破获电信网络诈骗案件4112起，抓获犯罪嫌疑人4810名，止付冻结涉案资金7.9亿元，为受骗群众追回2235万元。",
			[]string{" … 止付冻结涉案资金7.9亿元 … ", "4112起", "2235万元"}, ""},
		{"a figure once", long + "资金7.9亿元。" + strings.Repeat("另有资金7.9亿元。", 5) + "追回2235万元。", []string{"追回2235万元"}, "7.9亿元"},
		{"full-width digits", long + "共计３０００人。", []string{"共计３０００人"}, ""},
		{"not in a word", long + "G20 summit. Fines of 12 million yuan.", []string{"Fines of 12 million yuan"}, "G20"},
	} {
		got := excerptText(c.text)
		for _, want := range c.has {
			if !strings.Contains(got, want) {
				t.Errorf("%s: excerpt text lacks %q:\n%s", c.name, want, got)
			}
		}
		if c.once != "" && strings.Count(got, c.once) > 1 {
			t.Errorf("%s: %q more than once:\n%s", c.name, c.once, got)
		}
		if n := len([]rune(got)); n > maxText+3 {
			t.Errorf("%s: %d runes, more than %d", c.name, n, maxText)
		}
	}
}

// searchHarness runs search.js in node on the index files below a folder, as
// scripts/search-bytes.js does, and prints each result's excerpt, one a line.
const searchHarness = `
const fs = require("fs"), path = require("path"), vm = require("vm");
const [script, dir, lang, query] = process.argv.slice(2);
const fetch = async (url) => {
  const data = fs.readFileSync(path.join(dir, new URL(url).pathname));
  return { ok: true, json: async () => JSON.parse(data), arrayBuffer: async () => data.buffer.slice(data.byteOffset, data.byteOffset + data.length) };
};
const ctx = { document: { currentScript: { src: "http://site/js/search.js" }, getElementById: () => null, documentElement: { lang } },
  location: { href: "http://site/" }, URL, TextEncoder, TextDecoder, Intl, fetch };
ctx.window = ctx;
vm.runInNewContext(fs.readFileSync(script, "utf8"), ctx);
ctx.briefsSearch(query, { lang }).then((rs) => rs.forEach((r) => console.log(r.url + " " + r.excerpt.replace(/\n/g, " "))));
`

// runSearchJS writes ix's files as search/<lang> of a folder and runs
// search.js on them in node for query: each result's URL and excerpt, a line
// each.
func runSearchJS(t *testing.T, node string, ix *Index, lang, query string) string {
	t.Helper()
	dir := t.TempDir()
	for _, f := range ix.Files("search/" + lang) {
		name := filepath.Join(dir, f.Name)
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	harness := filepath.Join(dir, "harness.js")
	if err := os.WriteFile(harness, []byte(searchHarness), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(node, harness, "../../static/js/search.js", dir, lang, query).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	return string(out)
}

// TestExcerptMarksFigure searches the index of the Zibo brief with
// search.js in node for 7.9亿元: the English brief says 790 million yuan,
// after long sentences with other figures, and its excerpt must mark it.
func TestExcerptMarksFigure(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	tok := newTestTokenizer()
	ix := Build(tok, []*Page{tok.Prepare(Doc{URL: "en/safety/zibo/", Title: "Zibo: safety and the rule of law", Text: ziboText})})
	got := runSearchJS(t, node, ix, "en", "7.9亿元")
	if !strings.Contains(got, "en/safety/zibo/") || !strings.Contains(got, "<mark>790 million yuan</mark>") {
		t.Errorf("7.9亿元 found %q; want the Zibo brief with <mark>790 million yuan</mark>", got)
	}
	checkWholeWords(t, ziboText, got)
}

// checkWholeWords fails when an excerpt (each line of out, after its URL) begins
// or ends inside a word of text, whether search.js cut it there (and showed
// "…") or the record's text was cut there.
func checkWholeWords(t *testing.T, text, out string) {
	t.Helper()
	tags := regexp.MustCompile(`<[^>]*>`)
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		_, excerpt, _ := strings.Cut(line, " ")
		excerpt = strings.Trim(tags.ReplaceAllString(excerpt, ""), "… ")
		if w := regexp.MustCompile(`^[A-Za-z0-9]+`).FindString(excerpt); w != "" && !regexp.MustCompile(`(^|[^A-Za-z0-9])`+regexp.QuoteMeta(w)).MatchString(text) {
			t.Errorf("excerpt %q begins inside a word (%q)", excerpt, w)
		}
		if w := regexp.MustCompile(`[A-Za-z0-9]+$`).FindString(excerpt); w != "" && !regexp.MustCompile(regexp.QuoteMeta(w)+`([^A-Za-z0-9]|$)`).MatchString(text) {
			t.Errorf("excerpt %q ends inside a word (%q)", excerpt, w)
		}
	}
}

// TestClipWords: a cut goes back to the start of the word it would split, and
// keeps a cut inside the only word.
func TestClipWords(t *testing.T) {
	cases := []struct {
		s    string
		n    int
		want string
	}{
		{"accounts and returned", 16, "accounts and"},
		{"accounts and returned", 13, "accounts and"},
		{"accounts and returned", 12, "accounts and"},
		{"accounts and returned", 40, "accounts and returned"},
		{"supercalifragilistic", 5, "super"},
		{"冻结涉案资金7.9亿元并返还", 8, "冻结涉案资金"},
		{"冻结涉案资金7.9亿元并返还", 7, "冻结涉案资金"},
		{"追回22,350元", 5, "追回"},
		{"at 7. 9 more", 5, "at 7."},
		{"froze 790 million", 8, "froze"},
	}
	for _, c := range cases {
		if got := clipWords(c.s, c.n); got != c.want {
			t.Errorf("clipWords(%q, %d) = %q, want %q", c.s, c.n, got, c.want)
		}
	}
}

// TestExcerptShownText: a brief found by its section or tag shows its opening in
// its record, not the "source section date tags" lines the index also reads, while
// those lines are still searched.
func TestExcerptShownText(t *testing.T) {
	shown := "轻微违法首违不罚，清单列明适用情形。\n"
	d := Doc{URL: "/a/", Title: "首违不罚", Section: "营商环境",
		Text: shown + "briefs 示例站\n营商环境\n2023-11-20\n法治\n", Shown: len(shown)}
	tok := newTestTokenizer()
	p := tok.Prepare(d)
	rec := string(p.rec)
	if !strings.Contains(rec, "轻微违法首违不罚") || strings.Contains(rec, "示例站") || strings.Contains(rec, "2023-11-20\\n") {
		t.Errorf("record %s: want the shown text only", rec)
	}
	ix := Build(tok, []*Page{p})
	if res := ix.Search("营商环境", Filters{}); len(res) != 1 {
		t.Errorf("search by section: %d results, want 1", len(res))
	}
	for _, tt := range []struct {
		d    Doc
		want string
	}{
		{Doc{Text: "a\nb\n", Shown: 2}, "a\n"},
		{Doc{Text: "a\nb\n"}, "a\nb\n"},     // no shown part: all of it
		{Doc{Text: "a\n", Shown: 9}, "a\n"}, // out of range: all of it
		{Doc{Text: "", Shown: 0}, ""},
	} {
		if got := tt.d.excerptSource(); got != tt.want {
			t.Errorf("excerptSource(%+v) = %q, want %q", tt.d, got, tt.want)
		}
	}
}

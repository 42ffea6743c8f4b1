package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/figures"
)

// harness loads search.js in node with just enough of a browser around it, and
// prints the index and query terms of each input string as JSON.
const harness = `
const fs = require("fs"), vm = require("vm");
const [script, inputs, units] = process.argv.slice(2).map(f => fs.readFileSync(f, "utf8"));
const ctx = { document: { currentScript: null, getElementById: () => null, documentElement: { lang: "en" } },
  location: { href: "http://localhost/" }, URL, TextEncoder, TextDecoder, Intl };
ctx.window = ctx;
vm.runInNewContext(script, ctx);
const u = JSON.parse(units), pos = ts => ts.map(t => t.term + "@" + t.pos);
const out = JSON.parse(inputs).map(s => [pos(ctx.briefsSearch.tokenize(s, false, u)), pos(ctx.briefsSearch.tokenize(s, true, u))]);
process.stdout.write(JSON.stringify(out));
`

// tokenizerInputs are strings that exercise every rule, and then random mixes
// of their pieces.
func tokenizerInputs() []string {
	in := []string{
		"营商环境", "诈", "Fraud cases rose", "policies, raising; reported!", "GDP增长5.2%", "Go语言",
		"7.9亿元", "790 million yuan", "2235万", "22.35 million", "more than 48,000 people", "6800余名",
		"80余万人", "8219万余元", "91.36 percent", "1,23", "1,234,5678", "３０００人", "ＦＲＡＵＤ　Ｃａｓｅｓ",
		"«hello» — world…", "bad\xffbyte", "5G and G20", "3个", "", "ひらがなカタカナ한국어", "naïve café",
		"1.5 million cases", "4112起", "0.50%", "007", "12 companies", "5 a1", "٣ arabic digits", "x² ½",
		"covid-19", "2024年3月15日", "1万亿元", "3 thousand", "3thousand", "x,123", "A.B.", "ŞİŞLİ", "ΣΟΦΟΣ", "ǅ",
	}
	pieces := []string{"营", "商", "环境", "7", ".", "9", "亿", "万", "元", " ", "million", "yuan", ",", "000",
		"%", "余", "Cases", "ｆｕｌｌ", "ing", "é", "\u0301", "人", "people", "-", "１２"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		in = append(in, b.String())
	}
	return in
}

// TestTokenizerMatchesJS runs search.js's tokenizer on the same strings as the Go
// one: the browser must read a query exactly as the index was written.
func TestTokenizerMatchesJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	dir := t.TempDir()
	units := figures.DefaultUnits().Words()
	inputs := tokenizerInputs()
	files := map[string]any{"inputs.json": inputs, "units.json": units}
	for name, v := range files {
		data, _ := json.Marshal(v)
		os.WriteFile(filepath.Join(dir, name), data, 0o644)
	}
	os.WriteFile(filepath.Join(dir, "harness.js"), []byte(harness), 0o644)
	out, err := exec.Command(node, filepath.Join(dir, "harness.js"), "../../static/js/search.js",
		filepath.Join(dir, "inputs.json"), filepath.Join(dir, "units.json")).Output()
	if err != nil {
		t.Fatalf("node: %v", err)
	}
	var got [][2][]string
	if err := json.Unmarshal(out, &got); err != nil {
		t.Fatalf("node output: %v", err)
	}
	tk := NewTokenizer(units)
	for i, s := range inputs {
		for mode, toks := range [][]Token{tk.Index(s), tk.Query(s)} {
			want := []string{}
			for _, tok := range toks {
				want = append(want, fmt.Sprintf("%s@%d", tok.Term, tok.Pos))
			}
			if js := got[i][mode]; !slices.Equal(js, want) && !(len(js) == 0 && len(want) == 0) {
				t.Errorf("%q (mode %d): JS %q, Go %q", s, mode, js, want)
			}
		}
	}
}

// TestRankingMatchesJS runs search.js in node on the index of
// TestRankingPhrase's pages and the example corpus: the same results in the
// same order as Search, the phrase bonus from bridging pairs included.
func TestRankingMatchesJS(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		t.Skip("node is not installed")
	}
	docs := append(slices.Clone(corpus), phraseDocs...)
	ix := New(newTestTokenizer(), docs)
	for _, q := range []string{"营商环境", "营商环境 企业", "环境营商", "营商环", "环境", "fraud cases", "7.9亿元", "营 商", "2235", "22.35"} {
		var want []string
		for _, r := range ix.Search(q, Filters{}) {
			want = append(want, r.Doc.URL)
		}
		var got []string
		for line := range strings.Lines(runSearchJS(t, node, ix, "zh", q)) {
			got = append(got, strings.TrimPrefix(strings.Fields(line)[0], "http://site/")) // the URLs made absolute
		}
		if !slices.Equal(got, want[:min(len(want), 10)]) {
			t.Errorf("%q: search.js %v, Search %v", q, got, want)
		}
	}
}

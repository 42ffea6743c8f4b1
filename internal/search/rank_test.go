package search

import (
	"bytes"
	"slices"
	"testing"
)

var corpus = []Doc{
	{URL: "/zh/a/", Title: "优化营商环境十条措施", Text: "本市出台措施，持续优化营商环境，减免企业税费7.9亿元。"},
	{URL: "/zh/b/", Title: "电信诈骗案件通报", Text: "今年破获电信网络诈骗案件4112起，挽回损失2235万元。营商也受影响。"},
	{URL: "/zh/c/", Title: "环境保护督察", Text: "督察组检查了商业环境和生态环境，发现问题。"},
	{URL: "/en/a/", Title: "Ten measures for a better business environment", Text: "The city cut taxes and fees for companies by 790 million yuan."},
	{URL: "/en/b/", Title: "Telecom fraud cases", Text: "Police solved 4,112 telecom fraud cases this year and recovered 22.35 million yuan."},
	{URL: "/en/c/", Title: "Environmental inspection", Text: "Inspectors looked at fraud risks in the business environment."},
}

func TestRanking(t *testing.T) {
	ix := New(newTestTokenizer(), corpus)
	for _, c := range []struct {
		q    string
		want []string // the top results, in order
	}{
		{"营商环境", []string{"/zh/a/"}},         // the phrase, not 营商 and 环境 apart
		{"环境", []string{"/zh/c/", "/zh/a/"}}, // twice in the body and in the title
		{"诈骗", []string{"/zh/b/"}},
		{"fraud", []string{"/en/b/", "/en/c/"}}, // in the title first
		{"business environment", []string{"/en/a/", "/en/c/"}},
		{"7.9亿元", []string{"/en/a/", "/zh/a/"}}, // either notation finds both
		{"790 million yuan", []string{"/en/a/", "/zh/a/"}},
		{"2235万", []string{"/en/b/", "/zh/b/"}},
		{"4112", []string{"/en/b/", "/zh/b/"}},
		{"4112起", []string{"/zh/b/"}},    // the English brief has no unit next to it
		{"2235", []string{"/zh/b/"}},     // the digits 2235万元 shows, not its value
		{"22.35", []string{"/en/b/"}},    // and those of 22.35 million
		{"挽回损失2235", []string{"/zh/b/"}}, // a phrase cut before the scale word
		{"nothing here", nil},
	} {
		checkFirst(t, ix, c.q, c.want)
	}
}

func TestFilesDeterministic(t *testing.T) {
	a := New(newTestTokenizer(), corpus).Files("search/zh")
	rev := slices.Clone(corpus)
	slices.Reverse(rev)
	b := New(newTestTokenizer(), rev).Files("search/zh")
	if len(a) != len(b) {
		t.Fatalf("%d files, then %d", len(a), len(b))
	}
	for i := range a {
		if a[i].Name != b[i].Name || !bytes.Equal(a[i].Data, b[i].Data) {
			t.Errorf("file %d differs: %s, %s", i, a[i].Name, b[i].Name)
		}
	}
}

// phraseDocs have the pairs of 营商环境 together or apart.
var phraseDocs = []Doc{
	{URL: "/a/", Title: "通报", Text: "营商很重要，环境也重要。营商和环境，营商与环境。"},
	{URL: "/b/", Title: "通报", Text: "本市持续优化营商环境，各区也在努力改善本地的各项条件和服务。"},
	{URL: "/c/", Title: "通报", Text: "环境营商，环境营商。"}, // the pairs the other way round
	{URL: "/d/", Title: "通报", Text: "优化营商环境企业满意。营商环境。"},
}

// TestRankingPhrase: CJK pairs keep no positions, so the phrase bonus comes
// from the pairs that bridge a query's pairs (商环 of 营商环境). A page with
// the phrase ranks above pages with its pairs apart, even when those have
// them more often and are shorter.
func TestRankingPhrase(t *testing.T) {
	ix := New(newTestTokenizer(), phraseDocs)
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"营商环境", []string{"/d/", "/b/"}},
		{"营商环境 企业", []string{"/d/"}},
		{"商环", []string{"/d/", "/b/"}}, // twice in a shorter page
	} {
		checkFirst(t, ix, c.q, c.want)
	}
}

// TestBridge lists the bridging pairs of queries' terms.
func TestBridge(t *testing.T) {
	tok := newTestTokenizer()
	for _, c := range []struct {
		q    string
		want []string // per term after the first: its bridge, or "" for none
	}{
		{"营商环境", []string{"商环"}},
		{"营商环境 企业", []string{"商环", "境企"}},
		{"营商环", []string{""}},      // 营商, 商环 overlap
		{"营 商", []string{"营商"}},    // single characters
		{"营商 fraud", []string{""}}, // a word keeps positions
		{"7.9亿元 企业", []string{""}}, // so does a figure
	} {
		q := tok.Query(c.q)
		var got []string
		for i := 1; i < len(q); i++ {
			br, _ := bridge(q, i)
			got = append(got, br)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q (%v): bridges %q, want %q", c.q, q, got, c.want)
		}
	}
}

// checkFirst checks that the first results of query q in ix are the pages at
// URLs want, in order (none when want is empty).
func checkFirst(t *testing.T, ix *Index, q string, want []string) {
	t.Helper()
	var got []string
	for _, r := range ix.Search(q, Filters{}) {
		got = append(got, r.Doc.URL)
	}
	if len(got) > len(want) {
		got = got[:len(want)]
	}
	if !slices.Equal(got, want) {
		t.Errorf("Search(%q) = %v, want %v first", q, got, want)
	}
}

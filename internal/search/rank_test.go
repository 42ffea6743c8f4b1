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
		{"4112起", []string{"/zh/b/"}}, // the English brief has no unit next to it
		{"nothing here", nil},
	} {
		var got []string
		for _, r := range ix.Search(c.q, Filters{}) {
			got = append(got, r.Doc.URL)
		}
		if len(got) > len(c.want) {
			got = got[:len(c.want)]
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("Search(%q) = %v, want %v first", c.q, got, c.want)
		}
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

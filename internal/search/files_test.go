package search

import (
	"encoding/json"
	"testing"
)

// recordCases are strings json.Marshal escapes in every way it does.
var recordCases = []string{"", "plain", "营商环境“优化”。《条例》", `a "quoted" \ back`, "<b>&amp;</b>", "tab\tnew\nline\rcr\bbs\ffeed\x00\x1f\x7f",
	"bad \xff utf-8 \xe4\xb8", "\u2028 and \u2029", "\xed\xa0\x80 surrogate", "\xe0\x80\x80 overlong", "emoji 😀", "ｆｕｌｌ　width", "\xe3\x80"}

// TestRecordMatchesMarshal checks record, written by hand, against
// json.Marshal of the same values.
func TestRecordMatchesMarshal(t *testing.T) {
	for _, s := range recordCases {
		checkRecord(t, s)
	}
}

func FuzzRecord(f *testing.F) {
	for _, s := range recordCases {
		f.Add(s)
	}
	f.Fuzz(checkRecord)
}

func checkRecord(t *testing.T, s string) {
	for _, tags := range [][]string{nil, {s}, {"a", s}} {
		p := &Page{Doc: Doc{URL: s, Title: "T " + s, Section: s, Date: "2024-01-01", Tags: tags}}
		want, _ := json.Marshal([]any{p.URL, p.Title, p.Section, p.Date, append([]string{}, tags...), s})
		if got := p.record(s); string(got) != string(want) {
			t.Errorf("record of %q, tags %q:\n%s\nwant\n%s", s, tags, got, want)
		}
	}
}

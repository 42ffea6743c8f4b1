package render

import (
	"encoding/json"
	"testing"
)

// TestSchemaJSON checks that schemaArticle.appendJSON writes what json.Marshal
// writes, with and without the optional fields, and for text JSON must escape.
func TestSchemaJSON(t *testing.T) {
	hostile := "</script><b>\"Tom\" & 'Jerry'\\ \x00\x01\b\f\n\r\t\x1f\x7f \u2028\u2029 \xff\xfe 中文 \U0001F600"
	ref := &schemaRef{Type: "NewsArticle", Headline: hostile, InLanguage: "en", URL: "https://example.org/en/a/?x=1&y=<2>"}
	for i, a := range []schemaArticle{
		{},
		{Context: "https://schema.org", Type: "NewsArticle", Author: &schemaThing{"Organization", hostile}, Publisher: &schemaThing{"Organization", "P"},
			Description: hostile, Headline: hostile, InLanguage: "zh-CN", MainEntityOfPage: "https://example.org/zh/a/", URL: "https://example.org/zh/a/"},
		{Author: &schemaThing{"Organization", "A"}, DateModified: "2024-01-02T00:00:00+08:00", DatePublished: "2024-01-01T00:00:00+08:00",
			Editor: &schemaThing{"Person", hostile}, IsBasedOn: hostile, TranslationOfWork: ref},
		{WorkTranslation: []*schemaRef{ref}},
		{WorkTranslation: []*schemaRef{ref, ref, {}}},
	} {
		want, err := json.Marshal(a)
		if err != nil {
			t.Fatal(err)
		}
		if got := a.appendJSON(nil); string(got) != string(want) {
			t.Errorf("case %d:\n%s\nwant\n%s", i, got, want)
		}
	}
}

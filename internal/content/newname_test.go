package content

import (
	"strings"
	"testing"
)

func TestParseNewName(t *testing.T) {
	cfg := testConfig(t) // zh, en
	tests := []struct {
		arg  string
		want NewName
		err  string
	}{
		{arg: "law/my-brief", want: NewName{"law", "my-brief", ""}},
		{arg: "law/courts/x", want: NewName{"law/courts", "x", ""}},
		{arg: "content/law/z", want: NewName{"law", "z", ""}},
		{arg: "./content/law/z", want: NewName{"law", "z", ""}},
		{arg: "law/x.md", want: NewName{"law", "x", ""}},
		{arg: "law/x.en.md", want: NewName{"law", "x", "en"}},
		{arg: "content/law/x.zh.md", want: NewName{"law", "x", "zh"}},
		{arg: `law\x`, want: NewName{"law", "x", ""}},
		{arg: "law/report.2024.md", want: NewName{"law", "report.2024", ""}},
		{arg: "law/淄博", want: NewName{"law", "淄博", ""}},
		{arg: "law/x.fr.md", err: `"law/x.fr.md": unknown language .fr; the site's languages are zh, en`},
		{arg: "/law/x", err: "is an absolute path"},
		{arg: "/etc/x", err: "is an absolute path"},
		{arg: `C:\law\x`, err: "is an absolute path"},
		{arg: "../x", err: `"../x": ".." is not allowed`},
		{arg: "law/../x", err: `".." is not allowed`},
		{arg: "law/../../x", err: `".." is not allowed`},
		{arg: "content/../x", err: `".." is not allowed`},
		{arg: "law/./x", err: `"." is not allowed`},
		{arg: "law//x", err: "has an empty folder name"},
		{arg: "law/x/", err: "has an empty folder name"},
		{arg: "", err: "name the brief, as in law/my-brief"},
		{arg: "law/.md", err: "has an empty folder name"},
		{arg: "my-brief", err: "give a section and a slug"},
		{arg: "content/x.en.md", err: "give a section and a slug"},
		{arg: "tags/x", err: "content/tags holds only the tags index's _index files"},
		{arg: "law/_index", err: "_index is the section's own page"},
		{arg: "law/.hidden", err: `".hidden" cannot be a URL segment`},
		{arg: "law/has space", err: `"has space" cannot be a URL segment`},
		{arg: "law/a\xffb", err: `"law/a\xffb" is not valid UTF-8`},
	}
	for _, tt := range tests {
		got, err := ParseNewName(cfg, tt.arg)
		switch {
		case tt.err == "" && (err != nil || got != tt.want):
			t.Errorf("%q: got %+v, %v; want %+v", tt.arg, got, err, tt.want)
		case tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)):
			t.Errorf("%q: got %+v, %v; want error %q", tt.arg, got, err, tt.err)
		}
	}
}

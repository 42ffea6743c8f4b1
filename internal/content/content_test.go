package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

func testConfig(t testing.TB) *config.Site {
	t.Helper()
	cfg, err := config.Load("site.toml", []byte("timeZone = \"Asia/Shanghai\"\n[languages.zh]\n[languages.en]\n"))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

func TestCheckSlug(t *testing.T) {
	tests := []struct {
		slug string
		ok   bool
	}{
		{"zibo-2024", true},
		{"淄博法治", true},
		{"a_b.c", true},
		{"", false},
		{"../x", false},
		{"a/b", false},
		{`a\b`, false},
		{".hidden", false},
		{"..", false},
		{"has space", false},
		{"q?x", false},
		{"hash#", false},
		{"per%20cent", false},
		{"<script>", false},
		{strings.Repeat("a", 201), false},
	}
	for _, tt := range tests {
		if err := CheckSlug(tt.slug); (err == nil) != tt.ok {
			t.Errorf("CheckSlug(%q) = %v, want ok=%v", tt.slug, err, tt.ok)
		}
	}
}

func TestCheckFrontSlug(t *testing.T) {
	tests := []struct {
		slug string
		ok   bool
	}{
		{"zibo-2024", true},
		{"My Title", true}, // Hugo makes it my-title
		{"C++ & Go", true},
		{"淄博 法治", true},
		{"", false},
		{"  ", false},
		{"../x", false},
		{"/abs", false},
		{"a/b", false},
		{`a\b`, false},
		{".hidden", false},
		{"..", false},
		{"a\x00b", false},
		{"tab\there", false},
		{"?!", false},
		{strings.Repeat("a", 201), false},
	}
	for _, tt := range tests {
		if err := CheckFrontSlug(tt.slug); (err == nil) != tt.ok {
			t.Errorf("CheckFrontSlug(%q) = %v, want ok=%v", tt.slug, err, tt.ok)
		}
	}
}

func TestCheckAlias(t *testing.T) {
	tests := []struct {
		alias string
		ok    bool
	}{
		{"/old/brief/", true},
		{"/old/brief.html", true},
		{"old-name", true}, // relative to the page's folder, as in Hugo
		{"../up/", true},
		{"./x", true},
		{"/", false},
		{"", false},
		{"/a/../../etc/", false}, // ".." only in a relative alias
		{"https://example.org/x/", false},
		{"//example.org/x/", false},
		{"a b/", false},
	}
	for _, tt := range tests {
		if err := CheckAlias(tt.alias); (err == nil) != tt.ok {
			t.Errorf("CheckAlias(%q) = %v, want ok=%v", tt.alias, err, tt.ok)
		}
	}
}

func TestPlace(t *testing.T) {
	tests := []struct {
		path, section, name, lang string
	}{
		{"content/law/zibo.zh.md", "law", "zibo", "zh"},
		{"content/law/zibo.en.md", "law", "zibo", "en"},
		{"content/law/zibo.md", "law", "zibo", "zh"},
		{"content/law/courts/x.en.md", "law/courts", "x", "en"},
		{"content/_index.en.md", "", "_index", "en"},
		{"content/law/report.2024.md", "law", "report.2024", "zh"},
	}
	cfg := testConfig(t)
	for _, tt := range tests {
		var errs diag.List
		f := &File{Path: tt.path}
		ok := f.place(cfg, &errs)
		if !ok || f.Section != tt.section || f.Name != tt.name || f.Lang != tt.lang {
			t.Errorf("%s: got %q %q %q (%v), want %q %q %q", tt.path, f.Section, f.Name, f.Lang, errs.Error(), tt.section, tt.name, tt.lang)
		}
	}
}

func TestDates(t *testing.T) {
	cfg := testConfig(t)
	tests := []struct {
		date string
		want string
	}{
		{`2024-03-15T11:29:00+08:00`, "2024-03-15T11:29:00+08:00"},
		{`2024-03-15T11:29:00Z`, "2024-03-15T11:29:00Z"},
		{`2024-03-15T11:29:00`, "2024-03-15T11:29:00+08:00"}, // local: site zone
		{`2024-03-15`, "2024-03-15T00:00:00+08:00"},
		{`"2024-03-15 11:29"`, "2024-03-15T11:29:00+08:00"},
		{`"2024-03-15"`, "2024-03-15T00:00:00+08:00"},
	}
	for _, tt := range tests {
		files := load(t, cfg, "+++\ntitle = \"T\"\ndate = "+tt.date+"\n+++\n")
		if len(files) != 1 {
			t.Fatalf("%s: not loaded", tt.date)
		}
		if got := files[0].Front.Date.Format(time.RFC3339); got != tt.want {
			t.Errorf("date = %s: got %s, want %s", tt.date, got, tt.want)
		}
	}
}

func TestBodyOffset(t *testing.T) {
	cfg := testConfig(t)
	src := "\ufeff+++\r\ntitle = \"T\"\r\ndate = 2024-01-01\r\n+++\r\nBody line.\n"
	files := load(t, cfg, src)
	if len(files) != 1 {
		t.Fatal("CRLF file with BOM not loaded")
	}
	f := files[0]
	if string(f.Body) != "Body line.\n" {
		t.Errorf("body %q", f.Body)
	}
	if line, _ := diag.LineCol(f.Src, f.BodyOffset); line != 5 {
		t.Errorf("body starts on line %d, want 5", line)
	}
}

func TestProblems(t *testing.T) {
	cfg := testConfig(t)
	tests := []struct{ src, want string }{
		{"\xff\xfe", "content/law/x.zh.md:1:1: invalid UTF-8"},
		{"+++\ntitle = \"ok\xffno\"\n+++\n", "content/law/x.zh.md:2:12: invalid UTF-8"},
		{"\ufeff+++\xff\n", "content/law/x.zh.md:1:4: invalid UTF-8"}, // the BOM is not a column
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\n", "front matter is not closed"},
		{"+++\ntitle = 3\ndate = 2024-01-01\n+++\n", "x.zh.md:2:9: title is text in quotes: write title = \"3\"\n"},
		{"+++\ntitle = \"  \"\ndate = 2024-01-01\n+++\n", "x.zh.md:2:9: title is empty"},
		{"+++\ntitle = \"T\"\ndate = 12:00:00\n+++\n", "x.zh.md:3:8: date: a time without a date; write date = 2024-03-15T12:00:00"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\n[params]\nx = 1\n+++\n", ""},
		// A value of the wrong type: what the key takes, at the value.
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = \"x\"\n+++\n", "x.zh.md:4:8: tags is a list: write tags = [\"x\"]"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = \"法治, 平安\"\n+++\n", "tags is a list: write tags = [\"法治\", \"平安\"]"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\ntags = [1, \"b\"]\n+++\n", "x.zh.md:4:8: tags is a list of texts in quotes: write tags = [\"1\", \"b\"]"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\naliases = \"/old/\"\n+++\n", "x.zh.md:4:11: aliases is a list: write aliases = [\"/old/\"]"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\ncheckIgnore = 7\n+++\n", "x.zh.md:4:15: checkIgnore is a list: write checkIgnore = [\"7\"]"},
		{"+++\ntitle = \"T\"\ndate = \"yesterday\"\n+++\n", `x.zh.md:3:8: date: "yesterday" is not a date; write date = 2024-03-15, 2024-03-15T11:29:00, 2024-03-15T11:29:00+08:00 or "2024-03-15 11:29"`},
		{"+++\ntitle = \"T\"\ndate = 20240101\n+++\n", "x.zh.md:3:8: date: 20240101 is not a date; write date = 2024-03-15,"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nlastmod = true\n+++\n", "x.zh.md:4:11: lastmod: true is not a date; write lastmod = 2024-03-15,"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\ndraft = \"yes\"\n+++\n", "x.zh.md:4:9: draft is true or false, without quotes: write draft = true"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\ndraft = \"no\"\n+++\n", "write draft = false"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nweight = \"3\"\n+++\n", "x.zh.md:4:10: weight is a whole number, without quotes: write weight = 3"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nweight = 2.6\n+++\n", "write weight = 3"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nsummary = [\"S.\"]\n+++\n", "x.zh.md:4:11: summary is text in quotes: write summary = \"S.\""},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nparams = 3\n+++\n", "x.zh.md:4:10: params is a table: write [params] on a line of its own"},
		// Dates that contradict each other.
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\npublishDate = 2024-03-01\nexpiryDate = 2024-01-01\n+++\n",
			"x.zh.md:5:14: expiryDate 2024-01-01 is before publishDate 2024-03-01, so this brief would never be published; move expiryDate later or remove it"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nexpiryDate = \"2024-03-01 09:00\"\npublishDate = \"2024-03-01 10:30\"\n+++\n",
			"x.zh.md:4:14: expiryDate 2024-03-01 09:00 is before publishDate 2024-03-01 10:30"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\npublishDate = 2024-03-01\nexpiryDate = 2024-03-01\n+++\n", ""},
		// Keys are read regardless of case, as Hugo does; twice is once too many.
		{"+++\nTitle = \"T\"\nDATE = 2024-01-01\npublishdate = 2024-01-01\nTags = \"x\"\n+++\n", "x.zh.md:5:8: tags is a list: write tags = [\"x\"]\n"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nTitle = \"U\"\n+++\n", "x.zh.md:4:1: `Title` sets title again, after `title` (keys are read regardless of case); keep one"},
		{"+++\ntitle = \"T\"\npublishDate = 2024-01-01\npubdate = 2024-01-01\n+++\n", "x.zh.md:4:1: `pubdate` sets publishDate again, after `publishDate` (as in Hugo, both name it); keep one"},
		// Paths out of the site.
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nslug = \"../x\"\n+++\n", "x.zh.md:4:8: slug \"../x\": climbs out of the page's folder"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nslug = \"a/b\"\n+++\n", "x.zh.md:4:8: slug \"a/b\": contains a slash"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nslug = \"..\"\n+++\n", "x.zh.md:4:8: slug \"..\": climbs out"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nslug = \"\"\n+++\n", "x.zh.md:4:8: slug \"\": empty"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\naliases = [\"/ok/\", \"https://example.org/x/\"]\n+++\n", "x.zh.md:4:20: aliases: \"https://example.org/x/\" is a full URL"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nslug = \"a\\u0007b\"\n+++\n", "x.zh.md:4:8: slug \"a\\ab\": control character"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\nslug = \"?!\"\n+++\n", "x.zh.md:4:8: slug \"?!\": nothing of it can be kept"},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\naliases = [\"/a/../../etc/\"]\n+++\n", "x.zh.md:4:12: aliases: \"/a/../../etc/\" segment \"..\""},
		{"+++\ntitle = \"T\"\ndate = 2024-01-01\naliases = ['/a\\b/']\n+++\n", "x.zh.md:4:12: aliases: \"/a\\\\b/\" segment \"a\\\\b\": contains a slash"},
	}
	for _, tt := range tests {
		var errs diag.List
		Load(fstest.MapFS{"content/law/x.zh.md": {Data: []byte(tt.src)}}, cfg, &errs)
		got := errs.Error()
		if tt.want == "" && got != "" || !strings.Contains(got+"\n", tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

func TestHugeFile(t *testing.T) {
	var errs diag.List
	big := "+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\n" + strings.Repeat("x", MaxFileSize)
	Load(fstest.MapFS{"content/law/x.zh.md": {Data: []byte(big)}}, testConfig(t), &errs)
	if !strings.Contains(errs.Error(), "may be at most 8 MiB") {
		t.Errorf("got %v", errs.Error())
	}
}

func load(t testing.TB, cfg *config.Site, src string) []*File {
	var errs diag.List
	files := Load(fstest.MapFS{"content/law/x.zh.md": {Data: []byte(src)}}, cfg, &errs)
	if err := errs.Err(); err != nil {
		t.Logf("problems: %v", err)
	}
	return files
}

// FuzzParse feeds arbitrary bytes as a content file: reading it must never panic, and a
// file that is rejected must come with at least one placed problem.
func FuzzParse(f *testing.F) {
	f.Add("+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nBody")
	f.Add("+++\ntitle = \"淄博\"\ndate = \"2024-03-15 11:29\"\ntags = [\"法治\"]\nslug = \"../x\"\n[params]\na = 1\n+++\n")
	f.Add("+++\r\ntitle='x'\r\n+++")
	f.Add("---\n")
	f.Add("+++\n[[a]]\n[a.b]\n\"q.k\" = 1\n+++")
	f.Add("---\ntitle: 淄博\ndate: 2024-03-15\ntags: [法治, \"\"]\ndraft: yes\nmenu:\n  main:\n    weight: 1\n---\nBody")
	f.Add("---\na: &a [x, *a]\nb: {<<: *a}\n? [k]\n: v\ntitle: !!str 12\n---\n")
	f.Add("---\ntitle: |\n  lit\nbuild: {render: never}\nresources: [{src: a}]\n---\n")
	f.Add("{\"title\": \"T\", \"tags\": [\"a\", 1], \"params\": {\"x\": [[1]]}}\nBody")
	f.Add("{\"title\": \"T\\\"}\", \"date\": \"\"}")
	f.Add("# no front matter\n")
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, src string) {
		var errs diag.List
		files := Load(fstest.MapFS{"content/law/x.zh.md": {Data: []byte(src)}}, cfg, &errs)
		if len(files) == 0 && len(errs.Errors()) == 0 {
			t.Fatalf("file rejected without a problem: %q", src)
		}
		for _, e := range errs.Errors() {
			if e.File == "" || e.Line < 1 || e.Col < 1 {
				t.Fatalf("problem without a place: %v", e)
			}
		}
	})
}

// TestNotUTF8Names checks that a file or folder whose name is not UTF-8 (which os.DirFS
// cannot open: "invalid argument") is named, escaped, with what to do.
func TestNotUTF8Names(t *testing.T) {
	dir := t.TempDir()
	brief := []byte("+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\n")
	for _, p := range []string{"content/law/bad\xffname.zh.md", "content/l\xfex/a.zh.md", "content/law/ok.zh.md"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, brief, 0o644); err != nil {
			t.Skipf("this file system refuses the name: %v", err)
		}
	}
	var errs diag.List
	files := Load(os.DirFS(dir), testConfig(t), &errs)
	want := `content/l\xfex: folder name is not valid UTF-8 (shown escaped); rename the folder, nothing in it was read
content/law/bad\xffname.zh.md: file name is not valid UTF-8 (shown escaped); rename the file`
	if got := errs.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if len(files) != 1 || files[0].Path != "content/law/ok.zh.md" {
		t.Errorf("files %v", files)
	}
}

// TestKeysAnyCase checks that front matter keys are read regardless of case, as Hugo
// and the decoder briefs used before read them.
func TestKeysAnyCase(t *testing.T) {
	files := load(t, testConfig(t), "+++\nTitle = \"T\"\nDate = 2024-01-01\npublishdate = 2024-02-01\nSLUG = \"s\"\n[Params]\nx = 1\n+++\n")
	if len(files) != 1 {
		t.Fatal("not loaded")
	}
	f := files[0].Front
	if f.Title != "T" || f.Date.IsZero() || f.PublishDate.Month() != 2 || f.Slug != "s" || f.Params["x"] != int64(1) {
		t.Errorf("front %+v", f)
	}
}

// TestManyBadEntries checks that a list of many bad entries is reported in bounded time
// and words: finding each entry's place is a scan of the front matter.
func TestManyBadEntries(t *testing.T) {
	src := "+++\ntitle = \"T\"\ndate = 2024-01-01\naliases = [" + strings.Repeat(`"x\\y", `, 200000) + "]\n+++\n"
	// The same bad entry twice is two problems, at two places.
	twice := "+++\ntitle = \"T\"\ndate = 2024-01-01\naliases = [\"x y\", \"/ok/\", \"x y\"]\n+++\n"
	var errs2 diag.List
	Load(fstest.MapFS{"content/law/x.zh.md": {Data: []byte(twice)}}, testConfig(t), &errs2)
	if got := errs2.Error(); !strings.Contains(got, "x.zh.md:4:12: aliases") || !strings.Contains(got, "x.zh.md:4:27: aliases") {
		t.Errorf("twice:\n%s", got)
	}
	var errs diag.List
	Load(fstest.MapFS{"content/law/x.zh.md": {Data: []byte(src)}}, testConfig(t), &errs)
	got := errs.Errors()
	if len(got) != maxUnknown+1 || !strings.Contains(got[0].Error(), "x.zh.md:4:11: aliases: more entries like these") ||
		!strings.Contains(got[maxUnknown].Error(), "x.zh.md:4:84: aliases") {
		t.Errorf("%d problems, first %v", len(got), got[0])
	}
}

// TestFieldsListed keeps the key list that suggestions use in step with the decoders.
func TestFieldsListed(t *testing.T) {
	if len(fieldOrder) != len(fields) || len(keyNames) != len(fields)+len(otherNames) {
		t.Fatalf("%d keys listed, %d decoders, %d spellings", len(fieldOrder), len(fields), len(keyNames))
	}
	for _, k := range fieldOrder {
		if fields[k] == nil {
			t.Errorf("%s is listed but has no decoder", k)
		}
	}
}

package content

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/diag"
)

// TestStamp checks that stamping changes the translationOf line and nothing else: the
// byte order mark and the file's line ends are kept.
func TestStamp(t *testing.T) {
	const h = `translationOf = "sha256:new"`
	tests := []struct{ name, src, want string }{
		{"LF", "+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nBody\n",
			"+++\ntitle = \"T\"\ndate = 2024-01-01\n" + h + "\n+++\nBody\n"},
		{"CRLF", "+++\r\ntitle = \"T\"\r\ndate = 2024-01-01\r\n+++\r\nBody\r\n\r\nMore\r\n",
			"+++\r\ntitle = \"T\"\r\ndate = 2024-01-01\r\n" + h + "\r\n+++\r\nBody\r\n\r\nMore\r\n"},
		{"BOM", "\ufeff+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nBody\n",
			"\ufeff+++\ntitle = \"T\"\ndate = 2024-01-01\n" + h + "\n+++\nBody\n"},
		{"BOM and CRLF, replaced", "\ufeff+++\r\ntitle = \"T\"\r\ntranslationOf = \"sha256:old\"\r\ndate = 2024-01-01\r\n+++  \r\nBody",
			"\ufeff+++\r\ntitle = \"T\"\r\n" + h + "\r\ndate = 2024-01-01\r\n+++  \r\nBody"},
		{"indented, replaced", "+++\ntitle = \"T\"\ndate = 2024-01-01\n  translationOf='old'\n+++\n",
			"+++\ntitle = \"T\"\ndate = 2024-01-01\n  " + h + "\n+++\n"},
		{"before [params]", "+++\ntitle = \"T\"\ndate = 2024-01-01\n[params]\ntranslationOf = \"mine\"\n+++\nBody\n",
			"+++\ntitle = \"T\"\ndate = 2024-01-01\n" + h + "\n[params]\ntranslationOf = \"mine\"\n+++\nBody\n"},
		{"empty body", "+++\ntitle = \"T\"\ndate = 2024-01-01\n+++",
			"+++\ntitle = \"T\"\ndate = 2024-01-01\n" + h + "\n+++"},
		{"YAML", "---\ntitle: T\ntags:\n  - a\n---\nBody\n",
			"---\ntitle: T\ntags:\n  - a\ntranslationOf: \"sha256:new\"\n---\nBody\n"},
		{"YAML, replaced, CRLF", "---\r\ntitle: T\r\ntranslationOf: old\r\nparams:\r\n  translationOf: mine\r\n---\r\nBody",
			"---\r\ntitle: T\r\ntranslationOf: \"sha256:new\"\r\nparams:\r\n  translationOf: mine\r\n---\r\nBody"},
	}
	cfg := testConfig(t)
	for _, tt := range tests {
		var errs diag.List
		f := Read(fstest.MapFS{"content/law/x.en.md": {Data: []byte(tt.src)}}, "content/law/x.en.md", cfg, &errs)
		if f == nil {
			t.Fatalf("%s: not read: %v", tt.name, errs.Error())
		}
		got, err := Stamp(f, "sha256:new")
		if err != nil || string(got) != tt.want {
			t.Errorf("%s: got %q (%v)\nwant %q", tt.name, got, err, tt.want)
		}
	}
}

// TestStampRefuses checks that a front matter the line scan would misread is an error,
// not a wrong file.
func TestStampRefuses(t *testing.T) {
	src := "+++\ntitle = \"T\"\ndate = 2024-01-01\nsummary = \"\"\"\n[not a table]\n\"\"\"\n+++\n"
	var errs diag.List
	f := Read(fstest.MapFS{"content/law/x.en.md": {Data: []byte(src)}}, "content/law/x.en.md", testConfig(t), &errs)
	if f == nil {
		t.Fatal(errs.Error())
	}
	if got, err := Stamp(f, "sha256:new"); err == nil {
		t.Errorf("stamped a misread front matter:\n%s", got)
	}
	f.Release()
	if _, err := Stamp(f, "sha256:new"); err == nil {
		t.Error("stamped a released file, whose body is gone")
	}
}

// FuzzStamp checks that a stamped file reads back with the new translationOf, the same
// body and the same title, or that Stamp refuses.
func FuzzStamp(f *testing.F) {
	f.Add("+++\ntitle = \"T\"\ndate = 2024-01-01\n+++\nBody\n")
	f.Add("\ufeff+++\r\ntitle = \"T\"\r\ndate = 2024-01-01\r\ntranslationOf = \"x\"\r\n[params]\r\na = 1\r\n+++\r\nBody")
	f.Add("+++\ntitle = '''\n[x]\n'''\ndate = 2024-01-01\n+++\n")
	cfg := testConfig(f)
	f.Fuzz(func(t *testing.T, src string) {
		var errs diag.List
		fsys := fstest.MapFS{"content/law/x.en.md": {Data: []byte(src)}}
		file := Read(fsys, "content/law/x.en.md", cfg, &errs)
		if file == nil {
			return
		}
		out, err := Stamp(file, "sha256:new")
		if err != nil {
			return
		}
		fsys["content/law/x.en.md"] = &fstest.MapFile{Data: out}
		again := Read(fsys, "content/law/x.en.md", cfg, &errs)
		if again == nil {
			t.Fatalf("stamped file does not read: %v\n%q", errs.Error(), out)
		}
		if again.Front.TranslationOf != "sha256:new" || string(again.Body) != string(file.Body) || again.Front.Title != file.Front.Title {
			t.Fatalf("stamp changed more than translationOf:\n%q\n%q", src, out)
		}
	})
}

// TestStampJSON checks that JSON front matter, which briefs does not rewrite, gets a
// message saying what to add.
func TestStampJSON(t *testing.T) {
	var errs diag.List
	f := Read(fstest.MapFS{"content/law/x.en.md": {Data: []byte("{\"title\": \"T\"}\nBody\n")}}, "content/law/x.en.md", testConfig(t), &errs)
	if f == nil {
		t.Fatal(errs.Error())
	}
	if _, err := Stamp(f, "sha256:new"); err == nil || !strings.Contains(err.Error(), `add translationOf "sha256:new"`) {
		t.Errorf("got %v", err)
	}
}

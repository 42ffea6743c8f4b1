package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStampKeepsBytes checks that "briefs stamp" rewrites only the translationOf line:
// a BOM and CRLF line ends stay, the file keeps its mode, and no temporary file is left.
func TestStampKeepsBytes(t *testing.T) {
	zh := "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n正文。\n"
	tests := []struct{ name, en string }{
		{"LF", "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nBody.\n"},
		{"CRLF", "+++\r\ntitle = \"A\"\r\ndate = 2024-01-01\r\n+++\r\nBody.\r\n"},
		{"BOM", "\ufeff+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nBody.\n"},
		{"BOM and CRLF", "\ufeff+++\r\ntitle = \"A\"\r\ndate = 2024-01-01\r\ntranslationOf = \"sha256:old\"\r\n+++\r\nBody.\r\n"},
	}
	for _, tt := range tests {
		dir := writeSite(t, map[string]string{"site.toml": "[languages.zh]\n[languages.en]\n", "content/law/x.zh.md": zh})
		en := filepath.Join(dir, "content/law/x.en.md")
		if err := os.WriteFile(en, []byte(tt.en), 0o600); err != nil {
			t.Fatal(err)
		}
		if code, _, errOut := runCmd("stamp", "-s", dir, en); code != exitOK {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errOut)
		}
		got, _ := os.ReadFile(en)
		nl := "\n"
		if strings.Contains(tt.en, "\r\n") {
			nl = "\r\n"
		}
		// Take out the stamped line: what is left is the file as it was.
		i := strings.Index(string(got), "translationOf = \"sha256:")
		if i < 0 {
			t.Fatalf("%s: not stamped:\n%q", tt.name, got)
		}
		j := i + strings.Index(string(got[i:]), nl) + len(nl)
		was := strings.Replace(tt.en, "translationOf = \"sha256:old\""+nl, "", 1)
		if rest := string(got[:i]) + string(got[j:]); rest != was {
			t.Errorf("%s: besides the stamp, got %q, want %q", tt.name, rest, was)
		}
		if info, err := os.Stat(en); err != nil || info.Mode().Perm() != 0o600 {
			t.Errorf("%s: mode %v, want -rw-------", tt.name, info.Mode())
		}
		entries, _ := os.ReadDir(filepath.Dir(en))
		if len(entries) != 2 {
			t.Errorf("%s: left behind: %v", tt.name, entries)
		}
		if _, out, _ := runCmd("check", "-s", dir); strings.Contains(out, "changed after") {
			t.Errorf("%s: still outdated after stamp:\n%s", tt.name, out)
		}
	}
}

// TestStampRefusesBrokenFile checks that a translation whose front matter is not closed
// is reported and left as it is.
func TestStampRefusesBrokenFile(t *testing.T) {
	broken := "+++\r\ntitle = \"A\"\r\ndate = 2024-01-01\r\nBody.\r\n"
	dir := writeSite(t, map[string]string{
		"site.toml":           "[languages.zh]\n[languages.en]\n",
		"content/law/x.zh.md": "+++\ntitle = \"甲\"\ndate = 2024-01-01\n+++\n正文。\n",
		"content/law/x.en.md": broken,
	})
	en := filepath.Join(dir, "content/law/x.en.md")
	code, _, errOut := runCmd("stamp", "-s", dir, en)
	if code != exitContent || !strings.Contains(errOut, "x.en.md:1:1: front matter is not closed") {
		t.Errorf("exit %d: %s", code, errOut)
	}
	if got, _ := os.ReadFile(en); string(got) != broken {
		t.Errorf("file changed: %q", got)
	}
	if entries, _ := os.ReadDir(filepath.Dir(en)); len(entries) != 2 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestCommandsNameThemselvesWhenStopped checks that check and stamp, stopped by a
// problem in the site, close with their own words rather than a build's.
func TestCommandsNameThemselvesWhenStopped(t *testing.T) {
	dir := writeSite(t, map[string]string{
		"site.toml":           "[languages.klingon]\n[languages.en]\n",
		"content/law/x.en.md": "+++\ntitle = \"A\"\ndate = 2024-01-01\n+++\nBody.\n",
	})
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "-s", dir}, "check stopped: 1 problem; fix these first, then run briefs check again\n"},
		{[]string{"stamp", "-s", dir, filepath.Join(dir, "content/law/x.en.md")}, "stamp stopped: 1 problem; no file was stamped\n"},
		{[]string{"build", "-s", dir, "-o", filepath.Join(dir, "public")}, "build failed: 1 problem; nothing was written\n"},
	} {
		code, _, errOut := runCmd(tt.args...)
		if code != exitContent || !strings.Contains(errOut, `language "klingon"`) || !strings.HasSuffix(errOut, tt.want) {
			t.Errorf("%s: exit %d:\n%s\nwant it to end with %q", tt.args[0], code, errOut, tt.want)
		}
	}
}

package markdown

import (
	"bytes"
	"testing"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
)

var linkifySeeds = []string{
	"see www.example.org and https://example.org/a?b=1.",
	"mail a.b@example.org, not a@b or @x.",
	"(http://x.org/a_(b)) *https://y.org* _ftp://z.org_ ~www.w.org~",
	"http:no ftp:// www. hTTp://x.org WWW.example.org",
	"a@b.c-d a@b.c_ " + string(bytes.Repeat([]byte("x"), 64)) + "@example.org " + string(bytes.Repeat([]byte("y"), 65)) + "@example.org",
	"中文 https://example.org/路径 和 www.例子.中国，邮件 王@例子.中国。",
	"[www.example.org](https://x.org) ![a@b.org](c.png) `http://code.org`",
	"line one\nwww.example.org\n* item http://x.org\n> quote a@b.org",
}

// FuzzLinkify: the quick refusal in front of goldmark's linkify parser changes no
// output; goldmark with its own Linkify writes the same HTML for any text.
func FuzzLinkify(f *testing.F) {
	for _, s := range linkifySeeds {
		f.Add(s)
	}
	ours := goldmark.New(goldmark.WithExtensions(linkify{}))
	theirs := goldmark.New(goldmark.WithExtensions(extension.Linkify))
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		var a, b bytes.Buffer
		errA := ours.Convert([]byte(src), &a)
		errB := theirs.Convert([]byte(src), &b)
		if a.String() != b.String() || (errA == nil) != (errB == nil) {
			t.Errorf("%q:\nwith the refusal %q (%v)\ngoldmark's       %q (%v)", src, a.String(), errA, b.String(), errB)
		}
	})
}

func TestMayLink(t *testing.T) {
	for _, tt := range []struct {
		line string
		want bool
	}{
		{" word and more", false},
		{" http://x", true},
		{"*https:", true},
		{"(ftp:", true},
		{"_www.", true},
		{"www.x", true},
		{" a@b", true},
		{" " + string(bytes.Repeat([]byte("x"), 64)) + "@", true},
		{" " + string(bytes.Repeat([]byte("x"), 65)) + "@", false},
		{" ", false},
		{"", false},
		{" HTTP://x", false},
	} {
		if got := mayLink([]byte(tt.line)); got != tt.want {
			t.Errorf("mayLink(%q) = %v, want %v", tt.line, got, tt.want)
		}
	}
}

package render

import (
	"bytes"
	"strings"
	"testing"
)

// The escapers as they were written before they went by tables and runs: the
// references TestEscapers and FuzzEscapers hold them to. TestCompiledMatches
// compares the pages they write with html/template's.

func escHTMLRef(w *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var rep string
		switch s[i] {
		case 0:
			rep = "\uFFFD"
		case '"':
			rep = "&#34;"
		case '&':
			rep = "&amp;"
		case '\'':
			rep = "&#39;"
		case '+':
			rep = "&#43;"
		case '<':
			rep = "&lt;"
		case '>':
			rep = "&gt;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

func escURLBytesRef(w *bytes.Buffer, s string, norm bool) {
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '.', c == '_', c == '~':
			w.WriteByte(c)
			continue
		case norm && c == '&':
			w.WriteString("&amp;")
			continue
		case norm && c == '+':
			w.WriteString("&#43;")
			continue
		case norm && strings.IndexByte("!#$*,/:;=?@[]", c) >= 0:
			w.WriteByte(c)
			continue
		case norm && c == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			w.WriteByte(c)
			continue
		}
		w.WriteByte('%')
		w.WriteByte(hex[c>>4])
		w.WriteByte(hex[c&0xf])
	}
}

var escaperCases = []string{"", "plain", "a&b+c<d>e\"f'g\x00h", "/zh/law/一/?q=a b&c=%41%zz%4", "javascript:alert(1)", "%", "%4", "%41", "~-._!#$*,/:;=?@[]", "\xff\x80 中文"}

func TestEscapers(t *testing.T) {
	for _, s := range escaperCases {
		checkEscapers(t, s)
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escaperCases {
		f.Add(s)
	}
	f.Fuzz(checkEscapers)
}

func checkEscapers(t *testing.T, s string) {
	var got, want bytes.Buffer
	escHTML(&got, s)
	escHTMLRef(&want, s)
	if got.String() != want.String() {
		t.Errorf("escHTML(%q) = %q, want %q", s, got.String(), want.String())
	}
	for _, norm := range []bool{false, true} {
		got.Reset()
		want.Reset()
		escURLBytes(&got, s, norm)
		escURLBytesRef(&want, s, norm)
		if got.String() != want.String() {
			t.Errorf("escURLBytes(%q, %v) = %q, want %q", s, norm, got.String(), want.String())
		}
	}
}

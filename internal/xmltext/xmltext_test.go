package xmltext

import (
	"bytes"
	"encoding/xml"
	"testing"
)

// reference is what encoding/xml writes for s.
func reference(s string) string {
	var b bytes.Buffer
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func TestEscape(t *testing.T) {
	for _, s := range []string{
		"", "plain", "Tom & Jerry's \"<b>\"", "a\tb\nc\rd", "\x00\x01\x1f\x7f", "中文，标点。",
		"\xff\xfe bad bytes", "\uFFFD kept", "\ud7ff\ue000\ufffe\uffff", "\U00010000\U0010FFFF",
		"<script>alert(1)</script>", "&amp; already", "end with &",
	} {
		var b bytes.Buffer
		Escape(&b, s)
		if got, want := b.String(), reference(s); got != want {
			t.Errorf("Escape(%q) = %q, want %q", s, got, want)
		}
	}
}

func FuzzEscape(f *testing.F) {
	f.Add("Tom & Jerry's \"<b>\"\t\n\r\x00\xff中")
	f.Fuzz(func(t *testing.T, s string) {
		var b bytes.Buffer
		Escape(&b, s)
		if got, want := b.String(), reference(s); got != want {
			t.Errorf("Escape(%q) = %q, want %q", s, got, want)
		}
	})
}

package jsontext

import (
	"encoding/json"
	"testing"
)

func TestAppendString(t *testing.T) {
	for _, s := range []string{
		"", "plain", "营商环境", "</script>", `"quoted" \ back`, "a&b<c>d",
		"\x00\x01\b\f\n\r\t\x1f", "line\u2028sep\u2029", "bad \xff utf-8 \xe4\xb8",
		"7.9亿元 (790 million yuan)", "\u3000全角\uff11", "\ud7ff\ue000\U0001f600",
		"\xe3\x80", "\xed\xa0\x80", // a cut three-byte character; a surrogate
	} {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendStringAppends(t *testing.T) {
	if got := string(AppendString([]byte("x:"), "y")); got != `x:"y"` {
		t.Errorf("got %s, want x:\"y\"", got)
	}
}

func FuzzAppendString(f *testing.F) {
	f.Add("</script>\"\\\x00\b\u2028\xff中")
	f.Add("营商环境7.9亿元")
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := AppendString(nil, s); string(got) != string(want) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	})
}

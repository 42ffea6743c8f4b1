package markdown

import (
	"math/rand/v2"
	"strconv"
	"testing"
	"unicode"
)

// slowIDs is the plain search for a free suffix, from 1 each time: headingIDs must give
// exactly its IDs.
type slowIDs map[string]bool

func (s slowIDs) generate(text string) string {
	base := Anchor(text)
	id := base
	for i := 1; s[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
	}
	s[id] = true
	return id
}

func TestHeadingIDs(t *testing.T) {
	tests := []struct {
		name string
		ops  []string // "=x" puts an explicit ID x; anything else is a heading's text
		want []string // the generated IDs, in order
	}{
		{"repeats", []string{"同名", "同名", "同名"}, []string{"同名", "同名-1", "同名-2"}},
		{"explicit id in the way", []string{"=a-1", "a", "a", "a"}, []string{"a", "a-2", "a-3"}},
		{"heading that looks like a suffix", []string{"a", "a 1", "a", "a"}, []string{"a", "a-1", "a-2", "a-3"}},
		{"suffix of a suffix", []string{"a-1", "a", "a", "a-1"}, []string{"a-1", "a", "a-2", "a-1-1"}},
		{"explicit id after the search passed it", []string{"a", "a", "=a-5", "a", "a"}, []string{"a", "a-1", "a-2", "a-3"}},
		{"empty headings", []string{"", "!", ""}, []string{"section", "section-1", "section-2"}},
	}
	for _, tt := range tests {
		ids := newHeadingIDs()
		var got []string
		for _, op := range tt.ops {
			if len(op) > 0 && op[0] == '=' {
				ids.Put([]byte(op[1:]))
			} else {
				got = append(got, string(ids.Generate([]byte(op), 0)))
			}
		}
		if len(got) != len(tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
				break
			}
		}
	}
}

// TestHeadingIDsAsBefore checks random mixes of headings and explicit IDs, many of
// which look like suffixed ones, against the plain search.
func TestHeadingIDsAsBefore(t *testing.T) {
	texts := []string{"a", "a 1", "a-2", "a 1 1", "b", "", "a-10", "A"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		ids, slow := newHeadingIDs(), slowIDs{}
		for step := range 60 {
			text := texts[r.IntN(len(texts))]
			if r.IntN(4) == 0 {
				id := Anchor(text) + "-" + strconv.Itoa(r.IntN(5))
				ids.Put([]byte(id))
				slow[id] = true
				continue
			}
			if got, want := string(ids.Generate([]byte(text), 0)), slow.generate(text); got != want {
				t.Fatalf("step %d, heading %q: got %q, want %q", step, text, got, want)
			}
		}
	}
}

// plainAnchor is Anchor through Unicode's tables for every rune, as it was written
// first: appendAnchor's shortcuts must give exactly its anchors.
func plainAnchor(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			out = append(out, unicode.ToLower(r))
		case unicode.IsSpace(r):
			out = append(out, '-')
		}
	}
	if len(out) == 0 {
		return "section"
	}
	return string(out)
}

// TestAnchorEveryRune compares Anchor with plainAnchor on every rune, alone and
// between letters, and on invalid UTF-8.
func TestAnchorEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, s := range []string{string(r), "a" + string(r) + "文"} {
			if got, want := Anchor(s), plainAnchor(s); got != want {
				t.Fatalf("Anchor(%q) = %q, want %q", s, got, want)
			}
		}
	}
	for _, s := range []string{"\xff", "a\xe4\xb8b", "\xe4\xb8\xad\xe4", "", " ", "A B\tC"} {
		if got, want := Anchor(s), plainAnchor(s); got != want {
			t.Errorf("Anchor(%q) = %q, want %q", s, got, want)
		}
	}
}

// FuzzAnchor holds Anchor, and Generate's first ID, to plainAnchor on any text.
func FuzzAnchor(f *testing.F) {
	for _, s := range []string{"Rule of Law, 2023", "以法促安——全警全力", "İSTANBUL ǅ", "\xff\xfe a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want := plainAnchor(s)
		if got := Anchor(s); got != want {
			t.Fatalf("Anchor(%q) = %q, want %q", s, got, want)
		}
		if got := string(newHeadingIDs().Generate([]byte(s), 0)); got != want {
			t.Fatalf("Generate(%q) = %q, want %q", s, got, want)
		}
	})
}

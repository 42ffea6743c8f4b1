package diag

import (
	"errors"
	"testing"
)

func TestLineCol(t *testing.T) {
	src := []byte("ab\n淄博c\n\nx")
	tests := []struct{ off, line, col int }{
		{0, 1, 1}, {2, 1, 3}, {3, 2, 1}, {6, 2, 2}, {9, 2, 3}, {11, 3, 1}, {12, 4, 1}, {99, 4, 2}, {-1, 1, 1},
	}
	for _, tt := range tests {
		if l, c := LineCol(src, tt.off); l != tt.line || c != tt.col {
			t.Errorf("LineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}

func TestTOMLKeyPos(t *testing.T) {
	src := []byte(`title = "x"
# tittle = "comment"
  tittle = "typo"
"quoted.key" = 1
a.b.c = 2

[languages.zh]
label = "中文"

[languages.en]
label = "English"
  [languages.en.strings]
  source = "Origin"
`)
	tests := []struct {
		path      []string
		line, col int
	}{
		{[]string{"title"}, 1, 1},
		{[]string{"tittle"}, 3, 3},
		{[]string{"quoted.key"}, 4, 1},
		{[]string{"a", "b", "c"}, 5, 1},
		{[]string{"a"}, 5, 1},
		{[]string{"languages", "zh"}, 7, 12},
		{[]string{"languages", "zh", "label"}, 8, 1},
		{[]string{"languages", "en", "label"}, 11, 1},
		{[]string{"languages", "en", "strings", "source"}, 13, 3},
		{[]string{"nope"}, 0, 0},
	}
	for _, tt := range tests {
		if l, c := TOMLKeyPos(src, tt.path); l != tt.line || c != tt.col {
			t.Errorf("TOMLKeyPos(%v) = %d:%d, want %d:%d", tt.path, l, c, tt.line, tt.col)
		}
	}
}

func TestListSortedAndJoined(t *testing.T) {
	var l List
	l.Add(At("b.md", 2, 1, "second"), At("a.md", 9, 1, "first"), Warn("a.md", 1, 1, "careful"), nil)
	l.Add(errors.Join(At("b.md", 1, 5, "joined"), errors.New("placeless")))
	l.Add(At("a.md", 9, 1, "first")) // exact duplicates are reported once
	want := "placeless\na.md:9:1: first\nb.md:1:5: joined\nb.md:2:1: second"
	if got := l.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if w := l.Warnings(); len(w) != 1 || w[0].Error() != "a.md:1:1: warning: careful" {
		t.Errorf("warnings %v", w)
	}
	var e *Error
	if !errors.As(l.Err(), &e) {
		t.Error("errors.As cannot find an *Error in the list")
	}
}

func TestExcerpt(t *testing.T) {
	got := Excerpt([]byte("1\n2\n3\n4\n5"), 3, 1)
	if len(got) != 3 || got[0].Line != 2 || got[2].Text != "4" {
		t.Errorf("excerpt %+v", got)
	}
}

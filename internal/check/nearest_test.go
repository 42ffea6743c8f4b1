package check

import (
	"testing"

	"github.com/briefs/briefs/internal/figures"
)

func figureOf(t *testing.T, raw string, soft bool) *figure {
	t.Helper()
	if soft {
		return &figure{raw: raw, fig: figures.Figure{Value: figures.NewDecimal(10)}, soft: true}
	}
	f, err := figures.Parse(raw, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	return &figure{raw: raw, fig: f}
}

// TestNearestOfSameKind checks that the figure offered as nearest is a count for a
// count, money for money and a percentage for a percentage, and written in digits
// when one is: not 十大 (ten) for 24,817 people.
func TestNearestOfSameKind(t *testing.T) {
	tests := []struct {
		x     string
		other []string // ~ marks a number written in words, worth ten
		want  string
	}{
		{"24,817 people", []string{"~十大", "7.9亿元", "91.36%", "18668件"}, "18668件"},
		{"24,817 people", []string{"~十大", "7.9亿元", "91.36%"}, "十大"},
		{"79 million yuan", []string{"4112起", "7.9亿元", "91.36%"}, "7.9亿元"},
		{"93.16%", []string{"4112起", "7.9亿元", "91.36%", "20.07%"}, "91.36%"},
		{"93.16%", []string{"4112起", "7.9亿元"}, ""},
	}
	for _, tt := range tests {
		var other []*figure
		for _, raw := range tt.other {
			soft := raw[0] == '~'
			if soft {
				raw = raw[1:]
			}
			other = append(other, figureOf(t, raw, soft))
		}
		got := ""
		if y := nearest(candidates([]*figure{figureOf(t, tt.x, false)})[0], candidates(other)); y != nil {
			got = y.raw
		}
		if got != tt.want {
			t.Errorf("nearest to %s among %v: got %q, want %q", tt.x, tt.other, got, tt.want)
		}
	}
}

package render

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// TestItemsSameAsRegexp checks the scanner against the regular expression it replaced,
// on random mixes of the pieces that could confuse it.
func TestItemsSameAsRegexp(t *testing.T) {
	re := regexp.MustCompile(`<h2 id="([^"]*)">(.*?)</h2>|<data value="([^"]*)">(.*?)</data>`)
	parts := []string{`<h2 id="`, `<data value="`, `">`, `</h2>`, `</data>`, `"`, "\n", "a", "<", ">", "中", `<h2 id="x">`, `<data value="1">`}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 50000; n++ {
		var b strings.Builder
		for k := rng.IntN(12); k > 0; k-- {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		s := b.String()
		var want []item
		for _, m := range re.FindAllStringSubmatchIndex(s, -1) {
			if m[2] >= 0 {
				want = append(want, item{attr: s[m[2]:m[3]], inner: s[m[4]:m[5]]})
			} else {
				want = append(want, item{figure: true, attr: s[m[6]:m[7]], inner: s[m[8]:m[9]]})
			}
		}
		got := items(s)
		if len(got) != len(want) {
			t.Fatalf("%q: got %v, want %v", s, got, want)
		}
		for i := range got {
			if got[i] != want[i] {
				t.Fatalf("%q: got %v, want %v", s, got, want)
			}
		}
	}
}

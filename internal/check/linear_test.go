package check

import (
	"fmt"
	"runtime"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// TestTimeGrowsLinearly doubles adversarial bodies and checks that the time of a check
// at most about doubles. The scanner once lowercased the whole text before every
// number: 8,000 figures on one line took 24.6 s, and 200,000 num shortcodes over 120 s.
// The inputs are big enough that timing noise is small next to them; each size is
// timed five times in processor time, keeping the fastest; and a ratio above the bound
// is measured again up to twice before the test fails, since a loaded machine can slow
// one series of runs, while a quadratic cost (4x) shows in every one.
func TestTimeGrowsLinearly(t *testing.T) {
	if testing.Short() {
		t.Skip("times whole checks")
	}
	tests := []struct {
		name, zh, en string
		n            int
	}{
		{"figures on one line", "破获案件4112起,冻结资金7.9亿元,下降20.07%，", "4,112 cases, 790 million yuan, down 20.07%, ", 8000},
		{"num shortcodes", `{{< num "2235万元" >}}、`, `{{< num "2235万元" >}}, `, 20000},
		{"words with digits", "G20峰会、5G网络、v1.2.3版、127.0.0.1、COVID-19、第3次、2024-03-15，",
			"G20, 5G, v1.2.3, 127.0.0.1, COVID-19, No. 3, a1b2c3, 2024-03-15, Go 1.26, ", 8000},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			smallSite, largeSite := timedSite(tt.zh, tt.en, tt.n), timedSite(tt.zh, tt.en, 2*tt.n)
			var msgs []string
			for range 3 {
				small, large := fastest(t, smallSite, largeSite)
				ratio := float64(large) / float64(small)
				if ratio <= 2.5 {
					return
				}
				msgs = append(msgs, fmt.Sprintf("%.1fx (%v, then %v)", ratio, small, large))
			}
			t.Errorf("doubling the input took %s the time; want at most 2.5x", strings.Join(msgs, ", then "))
		})
	}
}

// timedSite is a brief and its translation, each one line of n repetitions.
func timedSite(zh, en string, n int) fstest.MapFS {
	page := func(title, body string) *fstest.MapFile {
		return &fstest.MapFile{Data: fmt.Appendf(nil, "+++\ntitle = %q\ndate = 2024-03-15\nsummary = \"s\"\n+++\n%s\n", title, body)}
	}
	return fstest.MapFS{
		"site.toml":           {Data: []byte("defaultLanguage = \"zh\"\n[languages.zh]\n[languages.en]\n")},
		"content/law/x.zh.md": page("甲", strings.Repeat(zh, n)),
		"content/law/x.en.md": page("A", strings.Repeat(en, n)),
	}
}

// fastest runs a check on each site five times, taking turns so that both meet the
// same load, and returns the shortest processor time of each; every run starts from a
// collected heap.
func fastest(t *testing.T, small, large fstest.MapFS) (time.Duration, time.Duration) {
	best := [2]time.Duration{1<<63 - 1, 1<<63 - 1}
	for range 5 {
		for i, fsys := range []fstest.MapFS{small, large} {
			runtime.GC()
			start := cpuTime()
			run(t, fsys)
			best[i] = min(best[i], cpuTime()-start)
		}
	}
	return best[0], best[1]
}

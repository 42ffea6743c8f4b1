package check

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/figures"
)

// FuzzScan reads any text in both languages: no panic, and every figure lies inside
// the text, in order, at rune boundaries.
func FuzzScan(f *testing.F) {
	for _, s := range []string{"1万2千8百80亿美元", "3亿7500万个", "1千零50亿", "0.1个百分点", "from54trillion",
		"[1]31346.8", "13億多人口", "1680亿人民币", "1.39万亿斤", "30-percent", "6%-7%", "一百零五项", "廿五项",
		"RMB12 billion", "43.39 million mu (about 2.89 million hectares)", "35岁", "1、6.5%", "covered.1"} {
		f.Add(s)
	}
	units := figures.DefaultUnits()
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return
		}
		for _, cjk := range []bool{true, false} {
			sc := scanner{units: units, cjk: cjk}
			if cjk {
				text = simplified(text)
			}
			last := 0
			for fd := range sc.scan(text) {
				if fd.start < last || fd.end > len(text) || fd.start > fd.end || !utf8.ValidString(text[fd.start:fd.end]) {
					t.Fatalf("%q: figure %q at %d:%d out of place (last end %d)", text, fd.raw, fd.start, fd.end, last)
				}
				if !strings.Contains(text, strings.TrimSpace(fd.raw)) {
					t.Fatalf("%q: raw %q is not in the text", text, fd.raw)
				}
				last = fd.end
			}
		}
	})
}

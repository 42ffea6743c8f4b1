package testcorpus

import (
	"testing"

	"github.com/briefs/briefs/internal/figures"
)

func TestProbe(t *testing.T) {
	for _, s := range []string{"7.9亿元", "约7.9亿元", "近3.25亿元", "超120亿元", "2235万元", "82.19万元", "8219万余元", "约8219万元", "4112起", "约4100起", "近3000件", "超500名", "356人", "451家", "12项", "91.36%", "12.5%", "0.35亿元", "1亿元", "3亿元", "超2万元"} {
		f, err := figures.Parse(s, "", nil)
		if err != nil {
			t.Errorf("%s: %v", s, err)
			continue
		}
		zh, _ := figures.Format(f, "zh", nil)
		en, err := figures.Format(f, "en", nil)
		t.Logf("%-12s zh=%-12s en=%s %v", s, zh, en, err)
	}
}

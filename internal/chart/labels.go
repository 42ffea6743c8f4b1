package chart

import (
	"math/big"
	"strings"
	"time"
	"unicode"

	"github.com/briefs/briefs/internal/figures"
)

// tickLabel writes a tick's exact decimal in the page's digits (1,000 in English).
func (c *Chart) tickLabel(dec string) string {
	d, err := figures.ParseDecimal(dec)
	if err != nil {
		return dec
	}
	return figures.FormatNumber(d, c.lang)
}

// totalDisplay writes the sum of a row's values like the values themselves, exactly:
// added as decimals, never as floats.
func (c *Chart) totalDisplay(r int) string {
	sum := new(big.Rat)
	for _, s := range c.series {
		v, _ := new(big.Rat).SetString(s.points[r].fig.Value.String())
		sum.Add(sum, v)
	}
	txt := strings.TrimRight(strings.TrimRight(sum.FloatString(14), "0"), ".")
	first := c.series[0].points[r].fig
	d, err := figures.ParseDecimal(txt)
	if err != nil {
		return txt
	}
	out, err := figures.Format(figures.Figure{Value: d, Unit: first.Unit, Word: first.Word, Percent: first.Percent}, c.lang, c.units)
	if err != nil {
		return txt
	}
	return out
}

// when reads a label as a date: 2023, 2023-06 or 2023-06-30. A line chart whose
// labels are all dates spaces its points by time.
func when(s string) (time.Time, string, bool) {
	for _, layout := range []string{"2006", "2006-01", "2006-01-02"} {
		if len(s) == len(layout) {
			if t, err := time.Parse(layout, s); err == nil {
				return t, layout, true
			}
		}
	}
	return time.Time{}, "", false
}

// displayLabel writes a date label in the page's language (2023年6月, Jun 2023); any
// other label as written.
func (c *Chart) displayLabel(s string) string {
	t, layout, ok := when(s)
	if !ok {
		return s
	}
	zh := strings.HasPrefix(c.lang, "zh")
	switch {
	case layout == "2006" && zh:
		return t.Format("2006年")
	case layout == "2006-01" && zh:
		return t.Format("2006年1月")
	case layout == "2006-01-02" && zh:
		return t.Format("2006年1月2日")
	case layout == "2006-01":
		return t.Format("Jan 2006")
	case layout == "2006-01-02":
		return t.Format("2 Jan 2006")
	}
	return s
}

// wrap breaks s into lines of at most width: at spaces, or between any two Han
// characters. A word longer than the width gets a line of its own.
func wrap(s string, width, size float64) []string {
	var lines []string
	var cur []rune
	var lastBreak int = -1
	for _, r := range s {
		cur = append(cur, r)
		if r == ' ' || unicode.Is(unicode.Han, r) {
			lastBreak = len(cur) - 1
		}
		if textWidth(string(cur), size) > width && lastBreak > 0 {
			cut := lastBreak
			if cur[cut] != ' ' && cut == len(cur)-1 {
				cut = len(cur) - 1 // break before this Han character
			} else if cur[cut] != ' ' {
				cut++
			}
			lines = append(lines, strings.TrimSpace(string(cur[:cut])))
			cur = append([]rune(nil), cur[cut:]...)
			lastBreak = -1
			for i, r := range cur {
				if r == ' ' || unicode.Is(unicode.Han, r) {
					lastBreak = i
				}
			}
		}
	}
	if t := strings.TrimSpace(string(cur)); t != "" {
		lines = append(lines, t)
	}
	return lines
}

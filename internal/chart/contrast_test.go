package chart

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPaletteContrast reads the chart colours from the default theme's stylesheet and
// checks each has at least 3:1 contrast with the page (WCAG 1.4.11, non-text
// contrast) in the light and the dark scheme, and that the colours written into the
// SVG, for readers without the stylesheet, are the light scheme's.
func TestPaletteContrast(t *testing.T) {
	css, err := os.ReadFile("../../static/css/site.css")
	if err != nil {
		t.Fatal(err)
	}
	light, dark := schemes(string(css))
	for k, v := range dark {
		light["dark-"+k] = v
	}
	for _, scheme := range []string{"", "dark-"} {
		paper := light[scheme+"paper"]
		for i := 1; i <= len(palette); i++ {
			name := fmt.Sprintf("%schart-%d", scheme, i)
			checkContrast(t, name, light[name], paper)
		}
		checkContrast(t, scheme+"chart-dim", light[scheme+"chart-dim"], paper)
	}
	for i, c := range palette {
		if got := light[fmt.Sprintf("chart-%d", i+1)]; !strings.EqualFold(got, c) {
			t.Errorf("palette[%d] = %s, but the stylesheet's --chart-%d is %s", i, c, i+1, got)
		}
	}
	if !strings.EqualFold(light["chart-dim"], dimColour) {
		t.Errorf("dimColour = %s, but the stylesheet's --chart-dim is %s", dimColour, light["chart-dim"])
	}
}

func checkContrast(t *testing.T, name, fg, bg string) {
	t.Helper()
	if fg == "" || bg == "" {
		t.Errorf("%s: no colour (%q on %q)", name, fg, bg)
		return
	}
	if r := contrast(fg, bg); r < 3 {
		t.Errorf("%s %s on %s: contrast %.2f:1, want at least 3:1", name, fg, bg, r)
	}
}

// schemes splits the stylesheet's colours into the light scheme's (outside any dark
// block) and the dark scheme's (inside @media (prefers-color-scheme: dark) blocks).
func schemes(css string) (light, dark map[string]string) {
	const open = "@media (prefers-color-scheme: dark)"
	var lightCSS, darkCSS strings.Builder
	for {
		i := strings.Index(css, open)
		if i < 0 {
			lightCSS.WriteString(css)
			break
		}
		lightCSS.WriteString(css[:i])
		depth, j := 0, i
		for ; j < len(css); j++ {
			if css[j] == '{' {
				depth++
			} else if css[j] == '}' {
				if depth--; depth == 0 {
					break
				}
			}
		}
		darkCSS.WriteString(css[i:j])
		css = css[min(j+1, len(css)):]
	}
	return vars(lightCSS.String()), vars(darkCSS.String())
}

var varRE = regexp.MustCompile(`--([\w-]+):\s*(#[0-9a-fA-F]{6})`)

// vars reads the custom properties set to #rrggbb colours in css.
func vars(css string) map[string]string {
	m := map[string]string{}
	for _, v := range varRE.FindAllStringSubmatch(css, -1) {
		m[v[1]] = v[2]
	}
	return m
}

// contrast is WCAG 2's contrast ratio of two #rrggbb colours.
func contrast(a, b string) float64 {
	la, lb := luminance(a), luminance(b)
	return (math.Max(la, lb) + 0.05) / (math.Min(la, lb) + 0.05)
}

func luminance(hex string) float64 {
	var l float64
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		n, _ := strconv.ParseUint(hex[1+2*i:3+2*i], 16, 8)
		c := float64(n) / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

func TestContrastFormula(t *testing.T) {
	if r := contrast("#000000", "#ffffff"); math.Abs(r-21) > 0.01 {
		t.Errorf("black on white: %.2f, want 21", r)
	}
	if r := contrast("#767676", "#ffffff"); math.Abs(r-4.54) > 0.01 {
		t.Errorf("#767676 on white: %.2f, want 4.54", r)
	}
}

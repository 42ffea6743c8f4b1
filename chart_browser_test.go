package briefs_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// The charts' browser test opens the example brief with a bar and a line chart (the
// chart shortcode) in both languages, at 1280 and 390 px, light and dark, and checks
// what a reader gets: axe-core finds no problem in the charts, their text can be
// selected and copied, it is set in the page's font, no two labels overlap and none
// leaves the chart, and the bars take the scheme's palette. BRIEFS_SCREENSHOTS=dir
// saves a picture of each chart, to look at.
func TestChartsInBrowser(t *testing.T) {
	axe, srv, c := openExample(t)
	shots := os.Getenv("BRIEFS_SCREENSHOTS")
	for _, vp := range viewports {
		setViewport(t, c, vp)
		for _, lang := range []string{"zh", "en"} {
			name := vp.name + " " + lang
			c.open(t, srv.URL+"/"+lang+"/safety/zibo-safety-rule-of-law-2023/")
			c.injectOnce(t, string(axe))
			checkChartAxe(t, c, name)
			for _, id := range []string{"chart-1", "chart-2"} {
				checkChartText(t, c, name+" #"+id, id)
				checkChartColours(t, c, name+" #"+id, id, vp.dark)
				if shots != "" {
					c.elementShot(t, "#"+id, filepath.Join(shots, fmt.Sprintf("chart-%s-%s-%s.png", lang, id, vp.name)))
				}
			}
		}
	}
}

// checkChartAxe runs axe-core on the charts alone: WCAG 2.1 A and AA and best practice.
func checkChartAxe(t *testing.T, c *devtools, name string) {
	t.Helper()
	js := `axe.run({include: [".chart"]}, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}})
		.then(r => JSON.stringify({passes: r.passes.length, violations: r.violations.map(v => v.id + ": " + v.help + " at " + v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", "))}))`
	var res struct {
		Passes     int
		Violations []string
	}
	if err := json.Unmarshal([]byte(c.evalString(t, js, true)), &res); err != nil {
		t.Fatalf("%s: axe: %v", name, err)
	}
	if res.Passes == 0 {
		t.Errorf("%s: axe checked nothing in the charts", name)
	}
	for _, v := range res.Violations {
		t.Errorf("%s: axe: %s", name, v)
	}
}

// checkChartText selects each text of the chart as a reader would (a range over it)
// and reads the selection back; checks the text's font is the page's, and that no
// two texts overlap and none sticks out of the chart.
func checkChartText(t *testing.T, c *devtools, name, id string) {
	t.Helper()
	js := `(() => {
		const svg = document.querySelector("#` + id + ` svg"), box = svg.getBoundingClientRect();
		const texts = [...svg.querySelectorAll("text")], out = {n: texts.length, problems: []};
		const bodyFont = getComputedStyle(document.body).fontFamily;
		const rects = texts.map(x => x.getBoundingClientRect());
		texts.forEach((x, i) => {
			const sel = getSelection(); sel.removeAllRanges();
			const r = document.createRange(); r.selectNodeContents(x); sel.addRange(r);
			if (sel.toString() !== x.textContent) out.problems.push("cannot select " + x.textContent + ": got " + JSON.stringify(sel.toString()));
			if (getComputedStyle(x).userSelect === "none") out.problems.push("user-select: none on " + x.textContent);
			if (getComputedStyle(x).fontFamily !== bodyFont) out.problems.push("font of " + x.textContent + " is " + getComputedStyle(x).fontFamily);
			const a = rects[i];
			if (a.left < box.left - 1 || a.right > box.right + 1 || a.top < box.top - 1 || a.bottom > box.bottom + 1)
				out.problems.push("outside the chart: " + x.textContent);
			for (let j = i + 1; j < texts.length; j++) {
				const b = rects[j];
				if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
					out.problems.push("overlap: " + x.textContent + " / " + texts[j].textContent);
			}
		});
		getSelection().removeAllRanges();
		return JSON.stringify(out);
	})()`
	var res struct {
		N        int
		Problems []string
	}
	if err := json.Unmarshal([]byte(c.evalString(t, js, false)), &res); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if res.N < 4 {
		t.Errorf("%s: only %d texts in the chart", name, res.N)
	}
	for _, p := range res.Problems {
		t.Errorf("%s: %s", name, p)
	}
}

// checkChartColours checks the first series is drawn in the scheme's first colour.
func checkChartColours(t *testing.T, c *devtools, name, id string, dark bool) {
	t.Helper()
	want := "rgb(0, 114, 178)" // #0072b2
	if dark {
		want = "rgb(86, 180, 233)" // #56b4e9
	}
	got := c.evalString(t, `getComputedStyle(document.querySelector("#`+id+` svg .chart-s1")).fill`, false)
	if got != want {
		t.Errorf("%s: first series is %s, want %s", name, got, want)
	}
}

// elementShot saves a picture of the element sel, scrolled into view.
func (c *devtools) elementShot(t *testing.T, sel, file string) {
	t.Helper()
	rect := c.evalString(t, `(() => { const e = document.querySelector(`+jsString(sel)+`); e.scrollIntoView(); const r = e.getBoundingClientRect();
		return JSON.stringify({x: r.left + scrollX, y: r.top + scrollY, width: r.width, height: r.height, scale: 1}); })()`, false)
	var clip map[string]float64
	if err := json.Unmarshal([]byte(rect), &clip); err != nil {
		t.Fatal(err)
	}
	var shot struct{ Data string }
	c.call(t, "Page.captureScreenshot", map[string]any{"format": "png", "clip": clip, "captureBeyondViewport": true}, &shot)
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Fatal(err)
	}
}

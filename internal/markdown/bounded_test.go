//go:build unix

package markdown

import (
	"fmt"
	"math"
	"runtime"
	"runtime/debug"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The bounded tests check that rendering time grows in proportion to the input for the
// shapes a hostile or broken file can take: doubling the input may at most about double
// the time. They compare ratios, not absolute times, so they hold on a slow, loaded
// machine: each time is the best of three, of enough repetitions to take tens of
// milliseconds, and a ratio that fails is measured again before the test gives up.

// boundedShapes make inputs of about n units of each shape.
var boundedShapes = []struct {
	name string
	gen  func(n int) string
}{
	{"same-name headings", func(n int) string { return strings.Repeat("## 同名\n\n", n) }},
	{"empty headings", func(n int) string { return strings.Repeat("#\n", n) }},
	{"headings against explicit ids", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "## x {#x-%d}\n\n## x\n\n", i)
		}
		return b.String()
	}},
	{"unclosed links", func(n int) string { return strings.Repeat("[a](", n) }},
	{"links", func(n int) string { return strings.Repeat("[a](/b) ", n) }},
	{"open link titles", func(n int) string { return strings.Repeat("[a](b \"\n", n) }},
	{"bracketed words", func(n int) string { return strings.Repeat("[a]", n) }},
	{"open brackets", func(n int) string { return strings.Repeat("[", n) + "a<" }},
	{"deep list", func(n int) string { return strings.Repeat("- ", n) + "x\n" }},
	{"nested quotes", func(n int) string { return strings.Repeat(">", n) + " x\n" }},
	{"quotes in lists", func(n int) string { return strings.Repeat("> - ", n) + "x\n" }},
	{"num shortcodes", func(n int) string { return strings.Repeat(`{{< num "7.9亿元" >}} `, n) }},
	{"unclosed shortcodes", func(n int) string { return strings.Repeat("{{< ", n) }},
	{"unclosed shortcodes with names", func(n int) string { return strings.Repeat("{{< x a=1 ", n) }},
	{"unclosed quotes", func(n int) string { return strings.Repeat(`{{< x "a `, n) + ">}}" }},
	{"unclosed raw strings", func(n int) string { return strings.Repeat("{{< x \x60a ", n) + ">}}" }},
	{"unclosed shortcode comments", func(n int) string { return strings.Repeat("{{</* x ", n) }},
	{"shortcode comments", func(n int) string { return strings.Repeat("{{</* x */>}} ", n) }},
	{"paired shortcodes", func(n int) string { return strings.Repeat("{{< details >}}\n*x*\n{{< /details >}}\n\n", n) }},
	{"nested shortcodes", func(n int) string {
		return strings.Repeat("{{< details >}}\n", n) + "x\n" + strings.Repeat("{{< /details >}}\n", n)
	}},
	{"nested markdown shortcodes", func(n int) string {
		return strings.Repeat("{{% details %}}\n", n) + "*x*\n" + strings.Repeat("{{% /details %}}\n", n)
	}},
	{"unclosed paired shortcodes", func(n int) string { return strings.Repeat("{{< details >}} a ", n) }},
	{"markdown shortcodes", func(n int) string { return strings.Repeat("{{% details %}}\n- x\n{{% /details %}}\n", n) }},
	{"closing tags alone", func(n int) string { return strings.Repeat("{{< /x >}}", n) }},
	{"multi-line calls", func(n int) string { return strings.Repeat("{{< highlight\n  go\n>}}\nx\n{{< /highlight >}}\n", n) }},
	{"numbered code lines", func(n int) string {
		return "```go {linenos=true,hl_lines=[1,\"2-999999999\"]}\n" + strings.Repeat("x <y>\n", n) + "```\n"
	}},
	{"highlighted line ranges", func(n int) string {
		return "{{< highlight go \"hl_lines=" + strings.Repeat("1-999999999 ", n) + "\" >}}\nx\ny\n{{< /highlight >}}\n"
	}},
	{"unknown shortcodes", func(n int) string { return strings.Repeat("{{< nope 1 >}} ", n) }},
	{"refs in links", func(n int) string { return strings.Repeat(`[a]({{< relref "x" >}}) `, n) }},
	{"long line", func(n int) string { return strings.Repeat("长句 word ", n) }},
	{"footnotes", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "x[^%d] ", i)
		}
		b.WriteString("\n\n")
		for i := range n {
			fmt.Fprintf(&b, "[^%d]: y\n", i)
		}
		return b.String()
	}},
	{"reference links", func(n int) string {
		var b strings.Builder
		for i := range n {
			fmt.Fprintf(&b, "[a][r%d] ", i)
		}
		b.WriteString("\n\n")
		for i := range n {
			fmt.Fprintf(&b, "[r%d]: /u%d\n", i, i)
		}
		return b.String()
	}},
	{"emphasis openers", func(n int) string { return strings.Repeat("*a", n) }},
	{"emphasis in Chinese", func(n int) string { return strings.Repeat("中*文", n) }},
	{"backticks", func(n int) string { return strings.Repeat("`a", n) }},
	{"autolink openers", func(n int) string { return strings.Repeat("<a", n) }},
	{"autolinks", func(n int) string { return strings.Repeat("<http://a.b/c> ", n) }},
	{"table columns", func(n int) string {
		return strings.Repeat("|a", n) + "\n" + strings.Repeat("|-", n) + "\n" + strings.Repeat("|a", n) + "\n"
	}},
	{"table rows", func(n int) string { return "|a|b|\n|-|-|\n" + strings.Repeat("|a|b|\n", n) }},
}

// maxGrowth is how many times longer twice an input may take. Quadratic work takes
// 4 times as long; linear work measured here took up to 2.5 times on an idle machine
// once the larger input no longer fits the caches (nested shortcodes, which read their
// content again at each of up to 16 levels, about 2.4), and 2.7 in a CI run with the
// other packages' tests beside it, which failed a bound of 2.5.
const maxGrowth = 3.0

func TestBoundedGrowth(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	md := New(Options{Lang: "zh", CJK: true})
	for _, sh := range boundedShapes {
		t.Run(sh.name, func(t *testing.T) {
			ratio, n, d := growth(md, sh.gen)
			for try := 0; ratio > maxGrowth && try < 2; try++ {
				ratio, n, d = growth(md, sh.gen)
			}
			t.Logf("n=%d: %v, doubled: %.2fx", n, d, ratio)
			if ratio > maxGrowth {
				t.Errorf("doubling the input from %d units took %.1f times as long (%v); want at most %v", n, ratio, d, maxGrowth)
			}
		})
	}
}

// growth picks a size and a number of repetitions that take at least 50 ms, and returns
// how many times longer twice the input takes.
func growth(md *Markdown, gen func(n int) string) (ratio float64, n int, base time.Duration) {
	n, reps := 250, 1
	small := []byte(gen(n))
	for base = timeRender(md, small, reps); base < 50*time.Millisecond; base = timeRender(md, small, reps) {
		if len(small) < 1<<18 {
			n *= 2
			small = []byte(gen(n))
		} else {
			reps *= 2
		}
	}
	// Small and large inputs take turns, so that both see the machine as it is at the
	// time: on a loaded machine a burst of other work slows everything, CPU time too
	// (shared caches, a core's other thread), and measuring all the small runs before
	// all the large ones could put the burst on one side only.
	large := []byte(gen(2 * n))
	double := time.Duration(math.MaxInt64)
	for range 5 {
		base = min(base, timeRender(md, small, reps))
		double = min(double, timeRender(md, large, reps))
	}
	return float64(double) / float64(base), n, base
}

// timeRender returns the CPU time reps renderings take. CPU time varies far less than
// wall time on a machine shared with other work. The collector is off while a rendering
// runs and collects between them, so that its own pace, which changes in steps with the
// heap's size, does not make a ratio jump.
func timeRender(md *Markdown, src []byte, reps int) time.Duration {
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	var total time.Duration
	for range reps {
		runtime.GC()
		start := cpuTime()
		md.Render(src)
		total += cpuTime() - start
	}
	return total
}

func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// TestFuzzSizedHeadings renders headings of one name, the shape that stalled FuzzRender's
// workers at the fuzzer's input size (2,000 headings in 4 KB took a quarter of a second
// in each language, more under load), against as many headings of different names: the
// first may take at most 2.5 times as long (it was 13.8 times, quadratic). A ratio over
// that is measured again, three tries in all, since a loaded machine can slow one run.
func TestFuzzSizedHeadings(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	const n = 600
	var same, distinct, explicit, explicitDistinct strings.Builder
	for i := range n {
		same.WriteString("# 同名\n")
		fmt.Fprintf(&distinct, "# %04d\n", i)
	}
	for i := range n / 2 {
		fmt.Fprintf(&explicit, "# 同名 {#同名-%d}\n# 同名\n", i+1)
		fmt.Fprintf(&explicitDistinct, "# x%d {#y%d}\n# z%d\n", i, i, i)
	}
	md := New(Options{Lang: "zh", CJK: true})
	for _, pair := range [][2]string{{same.String(), distinct.String()}, {explicit.String(), explicitDistinct.String()}} {
		hostile, normal := []byte(pair[0]), []byte(pair[1])
		var ratio float64
		for range 3 {
			base := min(timeRender(md, normal, 20), timeRender(md, normal, 20))
			d := min(timeRender(md, hostile, 20), timeRender(md, hostile, 20))
			if ratio = float64(d) / float64(base); ratio <= 2.5 {
				break
			}
		}
		if ratio > 2.5 {
			t.Errorf("%.20q…: %.1f times as long as headings of different names; want at most 2.5", hostile, ratio)
		}
	}
}

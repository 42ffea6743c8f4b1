package markdown

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/yuin/goldmark/util"
)

// The checks before parsing skip the lines, or the bodies, that cannot hold what they
// count ("](" for link targets, "]:" for reference definitions), and the bytes of a
// line that change no target's cost. These tests hold them to the plain scans they
// replaced, kept here: every line read, every byte of it.

// plainLinkScan is checkLinkScan reading every line.
func plainLinkScan(src []byte) *Problem {
	total := 0
	var para struct{ lines, titles, first int }
	endPara := func() *Problem {
		if total += para.titles * para.lines; total > MaxLinkScan {
			return &Problem{Offset: para.first, Msg: "titles"}
		}
		para.lines, para.titles = 0, 0
		return nil
	}
	for start, end := 0, 0; start < len(src); start = end + 1 {
		if end = bytes.IndexByte(src[start:], '\n'); end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if len(bytes.TrimSpace(src[start:end])) == 0 {
			if p := endPara(); p != nil {
				return p
			}
			continue
		}
		para.lines++
		for _, t := range plainLinkTargets(src, start, end) {
			if t.title && para.titles == 0 {
				para.first = t.at
			}
			if t.title {
				para.titles++
			}
			if total += t.cost; total > MaxLinkScan {
				return &Problem{Offset: t.at, Msg: "targets"}
			}
		}
	}
	return endPara()
}

// plainLinkTargets is linkTargets reading every byte of the line.
func plainLinkTargets(src []byte, start, end int) []linkTarget {
	var (
		targets []linkTarget
		parens  []int // open '(' not yet closed, as indexes into targets, or -1
		spaces  []int // targets waiting for a space
		angles  []int // targets in <…>, waiting for the '>'
	)
	settle := func(list []int, at, next int) []int {
		if len(list) == 0 {
			return list
		}
		title := titleFollows(src, next)
		for _, k := range list {
			if t := &targets[k]; t.cost < 0 {
				t.cost, t.title = at-t.at, title
			}
		}
		return list[:0]
	}
	for i := start; i < end; i++ {
		c := src[i]
		switch {
		case c == '\\' && i+1 < end && util.IsPunct(src[i+1]):
			i++
		case c == ']' && i+1 < end && src[i+1] == '(':
			targets = append(targets, linkTarget{at: i, cost: -1})
			if i+2 < end && src[i+2] == '<' {
				angles = append(angles, len(targets)-1)
				i += 2
				continue
			}
			parens = append(parens, len(targets)-1)
			spaces = append(spaces, len(targets)-1)
			i++
		case c == '(':
			parens = append(parens, -1)
		case c == ')' && len(parens) > 0:
			if k := parens[len(parens)-1]; k >= 0 && targets[k].cost < 0 {
				targets[k].cost = i - targets[k].at
			}
			parens = parens[:len(parens)-1]
		case c == '>':
			angles = settle(angles, i, i+1)
		case util.IsSpace(c):
			spaces = settle(spaces, i, i)
		}
	}
	settle(spaces, end, end)
	settle(angles, end, end)
	return targets
}

// plainRefRuns is checkRefRuns reading every line.
func plainRefRuns(src []byte) *Problem {
	run := 0
	for start := 0; start < len(src); {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		if isRefDef(bytes.TrimLeft(src[start:end], " \t>")) {
			if run++; run > MaxRefRun {
				return &Problem{Offset: start, Msg: "refs"}
			}
		} else {
			run = 0
		}
		start = end + 1
	}
	return nil
}

// offsets is where the problems of the two scans are, -1 for none: their messages differ.
func offsets(p, q *Problem) [2]int {
	at := func(p *Problem) int {
		if p == nil {
			return -1
		}
		return p.Offset
	}
	return [2]int{at(p), at(q)}
}

func shapeSeeds() []string {
	title := strings.Repeat("[a](b \"\n", 5000)
	return []string{
		"", "plain text\n\nno links at all\n", "[a](/b) and [c](d \"t\")\n",
		"x\n\n" + strings.Repeat("[a](", 10_000), "intro\n\n" + title,
		"intro\n\n" + strings.Repeat("x\n", 50) + title, strings.Repeat("[a](/b) ", 100) + "\n\n" + title,
		"\\](x (a](b c\n", "[x]: /u\n[y]: /v\n> [z]: /w\n", strings.Repeat("[r]: /u\n", MaxRefRun+1),
		"x\n" + strings.Repeat("[r]: /u\n", MaxRefRun) + "y\n" + strings.Repeat("[r]: /u\n", MaxRefRun),
	}
}

// TestShapesMatchPlainScans compares the checks with the plain scans on bodies at and
// past the limits.
func TestShapesMatchPlainScans(t *testing.T) {
	for i, src := range shapeSeeds() {
		if a := offsets(checkLinkScan([]byte(src)), plainLinkScan([]byte(src))); a[0] != a[1] {
			t.Errorf("seed %d: link scan problem at %d, the plain scan's at %d", i, a[0], a[1])
		}
		if a := offsets(checkRefRuns([]byte(src)), plainRefRuns([]byte(src))); a[0] != a[1] {
			t.Errorf("seed %d: reference run problem at %d, the plain scan's at %d", i, a[0], a[1])
		}
	}
}

// FuzzShapes holds the checks to the plain scans on any body.
//
//	go test -run '^$' -fuzz '^FuzzShapes$' -fuzztime 30s ./internal/markdown/
func FuzzShapes(f *testing.F) {
	for _, s := range shapeSeeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		for _, c := range []struct {
			name        string
			check, want func([]byte) *Problem
		}{{"link scan", checkLinkScan, plainLinkScan}, {"reference runs", checkRefRuns, plainRefRuns}} {
			got, want := c.check([]byte(src)), c.want([]byte(src))
			if (got == nil) != (want == nil) || got != nil && got.Offset != want.Offset {
				t.Fatalf("%s: %s, the plain scan: %s", c.name, describe(got), describe(want))
			}
		}
	})
}

func describe(p *Problem) string {
	if p == nil {
		return "no problem"
	}
	return fmt.Sprintf("problem at %d", p.Offset)
}

// FuzzLinkTargets holds linkTargets to the plain scan of every byte, on any line.
func FuzzLinkTargets(f *testing.F) {
	for _, s := range []string{"a](b) c](d e", "(x](y) z](<w> v", `\](a \\](b) (c](d "t")`, "((a](b)) ](", "](x y](z)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		src := []byte(line)
		got, want := linkTargets(src, 0, len(src)), plainLinkTargets(src, 0, len(src))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: %+v, the plain scan: %+v", line, got, want)
		}
	})
}

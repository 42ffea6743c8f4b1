package check

import (
	"math"
	"strings"

	"github.com/briefs/briefs/internal/figures"
)

// A vague figure (上亿, 数千万, "hundreds of millions", "tens of millions") names an
// order of magnitude, not a value: it is a range. It matches another vague figure whose
// range overlaps its own (数千万 / "tens of millions"), or an exact figure inside its
// range (3.2亿 / "hundreds of millions"), and nothing else: 3.2亿 is not "tens of
// millions". Unlike other numbers in words it is reported when nothing matches it,
// since a wrong order of magnitude is the error check exists for.

// span is the range a vague figure names: lo <= value < hi.
type span struct{ lo, hi float64 }

// zhVagueScales are the scale words after 数, 几 or 上, longest first.
var zhVagueScales = []struct {
	word  string
	scale float64
}{{"万亿", 1e12}, {"千亿", 1e11}, {"百亿", 1e10}, {"十亿", 1e9}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5},
	{"亿", 1e8}, {"万", 1e4}, {"千", 1e3}}

// enVagueWords are the English phrases of an order of magnitude with their ranges,
// longest first, so that "hundreds of millions" is not read as "millions".
var enVagueWords = []struct {
	words string
	span  span
}{
	{"hundreds of billions", span{1e11, 1e12}}, {"tens of billions", span{1e10, 1e11}},
	{"hundreds of millions", span{1e8, 1e9}}, {"tens of millions", span{1e7, 1e8}},
	{"hundreds of thousands", span{1e5, 1e6}}, {"tens of thousands", span{1e4, 1e5}},
	{"a few millions", span{1e6, 1e7}}, {"a few million", span{1e6, 1e7}}, {"several million", span{1e6, 1e7}},
	{"a few billion", span{1e9, 1e10}}, {"several billion", span{1e9, 1e10}},
	{"billions", span{1e9, 1e12}}, {"millions", span{1e6, 1e8}}, {"thousands", span{1e3, 1e5}},
}

// vagueAt reads a vague figure at i, or reports false.
func (sc scanner) vagueAt(text string, i int) (found, bool) {
	mk := func(n int, s span) (found, bool) {
		return found{start: i, end: i + n, raw: text[i : i+n], fig: figures.Figure{Value: figures.NewDecimal(int64(s.lo))}, soft: true, vague: &s}, true
	}
	if sc.cjk {
		r := text[i:]
		lead := strings.HasPrefix(r, "数") || strings.HasPrefix(r, "几") || strings.HasPrefix(r, "上") && !strings.HasSuffix(text[:i], "以")
		if !lead {
			return found{}, false
		}
		for _, w := range zhVagueScales {
			if strings.HasPrefix(r[len("数"):], w.word) {
				s := span{w.scale, 10 * w.scale}
				if strings.HasPrefix(r, "上") {
					s.hi = math.Inf(1)
				}
				return mk(len("数")+len(w.word), s)
			}
		}
		return found{}, false
	}
	if i > 0 && isWordByte(text[i-1]) {
		return found{}, false
	}
	for _, w := range enVagueWords {
		n := len(w.words)
		if hasPrefixFold(text[i:], w.words) && (len(text) == i+n || !isWordByte(text[i+n])) {
			return mk(n, w.span)
		}
	}
	return found{}, false
}

// holds reports whether a vague figure's range takes y: another range that overlaps
// it, or an exact count or sum inside it.
func (s span) holds(y *figure) bool {
	if y.vague != nil {
		return s.lo < y.vague.hi && y.vague.lo < s.hi
	}
	if y.soft || claimKind(y) != count {
		return false
	}
	v := precisionOf(y).value
	return s.lo <= v && v < s.hi
}

// pairVague pairs the vague figures of each side with a figure of the other that
// their ranges take, vague ones first.
func pairVague(a, b []*figure) {
	for _, vagueOnly := range []bool{true, false} {
		for _, xs := range [][2][]*figure{{a, b}, {b, a}} {
			for _, x := range xs[0] {
				if x.vague == nil || x.matched {
					continue
				}
				for _, y := range xs[1] {
					if !y.matched && (y.vague != nil || !vagueOnly) && x.vague.holds(y) {
						x.matched, y.matched = true, true
						break
					}
				}
			}
		}
	}
}

package markdown

import (
	"bytes"
	"fmt"
	"reflect"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Limits on the shapes of a body. Goldmark's time grows with the square of some shapes
// (a list nested 2,000 deep takes a minute, 100,000 unclosed "[a](" four), so a hostile
// or broken file could stall a build or the dev server. The limits lie far above any
// real brief; a body that crosses one gets a Problem where it does, and is not published.
const (
	// MaxListDepth is how deep lists may nest.
	MaxListDepth = 100
	// MaxQuoteDepth is how deep blockquotes may nest.
	MaxQuoteDepth = 100
	// MaxLinkScan bounds how many bytes goldmark may read looking for the ends of link
	// targets, "](…)": a target left open makes it read on to the next space or the end
	// of the line, each time, so many of them on a long line take quadratic time. Closed
	// targets cost their own length; a title, one step per line of its paragraph.
	MaxLinkScan = 16 << 20
	// MaxFootnoteWork bounds footnote definitions times footnote references ("[^…]"):
	// goldmark looks each reference up among all the definitions, one by one.
	MaxFootnoteWork = 10_000_000
	// MaxRefRun is how many link reference definitions ("[x]: /url") may follow one
	// another: goldmark copies the rest of the run for each one it takes out.
	MaxRefRun = 1000
)

// checkShapes runs the limits that must be checked before goldmark parses a body, in
// one read each; a Problem stops the parse.
func checkShapes(src []byte) *Problem {
	for _, check := range []func([]byte) *Problem{checkLinkScan, checkFootnotes, checkRefRuns} {
		if p := check(src); p != nil {
			return p
		}
	}
	return nil
}

// newParser is goldmark's default parser with lists and blockquotes nested at most
// MaxListDepth and MaxQuoteDepth deep. Goldmark's block parsers are of unexported
// types, so their wrappers replace them in the default list by type.
func newParser() parser.Parser {
	bounded := map[reflect.Type]parser.BlockParser{
		reflect.TypeOf(parser.NewListParser()):       nestingLimit{parser.NewListParser(), ast.KindList, MaxListDepth, "lists", "flatten the list"},
		reflect.TypeOf(parser.NewBlockquoteParser()): nestingLimit{parser.NewBlockquoteParser(), ast.KindBlockquote, MaxQuoteDepth, "blockquotes", "remove some > markers"},
	}
	blocks := parser.DefaultBlockParsers()
	for i, b := range blocks {
		if p, ok := bounded[reflect.TypeOf(b.Value)]; ok {
			blocks[i] = util.Prioritized(p, b.Priority)
		}
	}
	return parser.NewParser(parser.WithBlockParsers(blocks...),
		parser.WithInlineParsers(parser.DefaultInlineParsers()...),
		parser.WithParagraphTransformers(parser.DefaultParagraphTransformers()...))
}

// nestingLimit is a block parser that opens no block nested deeper than max in blocks
// of its kind: the line is then read as text, and the body gets one Problem.
type nestingLimit struct {
	parser.BlockParser
	kind ast.NodeKind
	max  int
	what string // "lists"
	fix  string // what to do about it
}

var nestingKey = parser.NewContextKey() // the kinds already reported, a map

// Open opens what the wrapped parser opens, unless that would nest too deep: then it
// puts the reader back, so that the line is read as text.
func (l nestingLimit) Open(parent ast.Node, r text.Reader, pc parser.Context) (ast.Node, parser.State) {
	depth := 0
	for n := parent; n != nil && depth < l.max; n = n.Parent() {
		if n.Kind() == l.kind {
			depth++
		}
	}
	if depth < l.max {
		return l.BlockParser.Open(parent, r, pc)
	}
	line, pos := r.Position()
	node, state := l.BlockParser.Open(parent, r, pc)
	if node == nil {
		return node, state
	}
	r.SetPosition(line, pos)
	reported := pc.ComputeIfAbsent(nestingKey, func() any { return map[ast.NodeKind]bool{} }).(map[ast.NodeKind]bool)
	if !reported[l.kind] {
		reported[l.kind] = true
		_, seg := r.PeekLine()
		addProblem(pc, Problem{Offset: seg.Start, Msg: fmt.Sprintf("%s nested more than %d deep; briefs allows at most %d: %s", l.what, l.max, l.max, l.fix)})
	}
	return nil, parser.NoChildren
}

// checkLinkScan returns a Problem at the link target where reading the targets' ends
// would pass MaxLinkScan bytes, or nil. It reads each line once, the way goldmark reads
// a target (backslash escapes, nested parentheses, up to a space or the line's end), and
// adds up what goldmark would read for each "](". A target followed by a title costs,
// besides, a step for every line of its paragraph: goldmark looks the title up that way.
//
// Most bodies have no titles: then only the lines that hold a "](" are read, and the
// cost is their targets' alone. A body with a title, or past the limit, is read again
// line by line (checkLinkLines), for the paragraphs' lengths and the place of the problem.
func checkLinkScan(src []byte) *Problem {
	total := 0
	for i := 0; ; {
		k := bytes.Index(src[i:], linkOpen)
		if k < 0 {
			return nil
		}
		at := i + k
		start := bytes.LastIndexByte(src[:at], '\n') + 1
		end := len(src)
		if e := bytes.IndexByte(src[at:], '\n'); e >= 0 {
			end = at + e
		}
		for _, t := range linkTargets(src, start, end) {
			if total += t.cost; t.title || total > MaxLinkScan {
				return checkLinkLines(src)
			}
		}
		i = end
	}
}

// checkLinkLines is checkLinkScan reading every line, counting the lines of each paragraph.
func checkLinkLines(src []byte) *Problem {
	total := 0
	var para struct{ lines, titles, first int } // the paragraph being read: its lines, titles and first title
	endPara := func() *Problem {
		if total += para.titles * para.lines; total > MaxLinkScan {
			return &Problem{Offset: para.first, Msg: fmt.Sprintf(`too many link titles ("](url "title")") in a paragraph of %d lines: reading them would take too long; briefs allows at most %d MiB of reading per body: put blank lines between its lines`, para.lines, MaxLinkScan>>20)}
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
		for _, t := range linkTargets(src, start, end) {
			if t.title && para.titles == 0 {
				para.first = t.at
			}
			if t.title {
				para.titles++
			}
			if total += t.cost; total > MaxLinkScan {
				return &Problem{Offset: t.at, Msg: fmt.Sprintf(`too many link targets left open ("](" without its ")"): reading them would take too long; briefs allows at most %d MiB of reading per body: close them, or write \] for a bracket that starts no link`, MaxLinkScan>>20)}
			}
		}
	}
	return endPara()
}

// linkOpen starts a link target.
var linkOpen = []byte("](")

// linkTarget is a "](" at byte at, how many bytes goldmark reads for its target, and
// whether a title may follow it.
type linkTarget struct {
	at, cost int
	title    bool
}

// linkTargets finds the link targets of the line src[start:end] and what reading each
// costs: up to its closing parenthesis, or the first space, or the end of the line
// (for a target in <…>, up to the '>' or the end of the line).
//
// While no target waits for its end, what comes before the next "](" changes no
// target's cost: the parentheses opened there lie below it on the stack, and only
// a space or '>' after a target settles it. So the scan jumps to the next "](", or
// rather to the backslashes before it, which may escape its ']'.
func linkTargets(src []byte, start, end int) []linkTarget {
	var (
		targets []linkTarget
		parens  []int // open '(' not yet closed, as indexes into targets, or -1
		spaces  []int // targets waiting for a space
		angles  []int // targets in <…>, waiting for the '>'
		waiting int   // targets whose cost is not known yet
	)
	settle := func(list []int, at, next int) []int {
		if len(list) == 0 {
			return list
		}
		title := titleFollows(src, next)
		for _, k := range list {
			if t := &targets[k]; t.cost < 0 {
				t.cost, t.title = at-t.at, title
				waiting--
			}
		}
		return list[:0]
	}
	for i := start; i < end; i++ {
		if waiting == 0 {
			k := bytes.Index(src[i:end], linkOpen)
			if k < 0 {
				break
			}
			j := i + k
			for j > i && src[j-1] == '\\' {
				j--
			}
			i = j
		}
		c := src[i]
		switch {
		case c == '\\' && i+1 < end && util.IsPunct(src[i+1]):
			i++
		case c == ']' && i+1 < end && src[i+1] == '(':
			targets = append(targets, linkTarget{at: i, cost: -1})
			waiting++
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
				waiting--
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

// titleFollows reports whether a link title may start after spaces from src[i]: goldmark
// then looks for its end, across the lines of the paragraph.
func titleFollows(src []byte, i int) bool {
	for i < len(src) && util.IsSpace(src[i]) {
		i++
	}
	return i < len(src) && (src[i] == '"' || src[i] == '\'' || src[i] == '(')
}

// checkFootnotes returns a Problem where footnote definitions times references would
// pass MaxFootnoteWork, or nil. A definition is a "[^label]:", a reference any other
// "[^"; the count is an upper bound of goldmark's work, however they are ordered.
func checkFootnotes(src []byte) *Problem {
	defs, refs := 0, 0
	for i := 0; ; i++ {
		k := bytes.Index(src[i:], []byte("[^"))
		if k < 0 {
			return nil
		}
		i += k
		if isFootnoteDef(src[i:]) {
			defs++
		} else {
			refs++
		}
		if defs*refs > MaxFootnoteWork {
			return &Problem{Offset: i, Msg: fmt.Sprintf("too many footnotes: matching %d references to %d definitions by here would take too long; briefs allows references × definitions up to %d per body: split the brief", refs, defs, MaxFootnoteWork)}
		}
	}
}

// isFootnoteDef reports whether s, which starts with "[^", starts a footnote definition.
func isFootnoteDef(s []byte) bool {
	end := bytes.IndexAny(s[2:], "]\n")
	return end >= 0 && s[2+end] == ']' && 2+end+1 < len(s) && s[2+end+1] == ':'
}

// isRefDef reports whether a line starts with "[label]:" (and not "[^label]:", a
// footnote).
func isRefDef(line []byte) bool {
	label := bytes.IndexByte(line, ']')
	return len(line) > 1 && line[0] == '[' && line[1] != '^' && label > 0 && label+1 < len(line) && line[label+1] == ':'
}

// checkRefRuns returns a Problem at the link reference definition that makes a run of
// them longer than MaxRefRun, or nil. A definition is a line that starts, after spaces
// and '>' markers, with "[label]:"; a line of anything else ends the run.
//
// A definition holds "]:", so a body without one, as most are, costs one search.
func checkRefRuns(src []byte) *Problem {
	if !bytes.Contains(src, []byte("]:")) {
		return nil
	}
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
				return &Problem{Offset: start, Msg: fmt.Sprintf("more than %d link reference definitions ([x]: /url) in a row; briefs allows at most %d: put a blank line between groups of them", MaxRefRun, MaxRefRun)}
			}
		} else {
			run = 0
		}
		start = end + 1
	}
	return nil
}

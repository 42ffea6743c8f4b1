package check

import (
	"bytes"
	"slices"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/content"
)

// lines turns byte offsets of one file into line:col, as diag.LineCol does, but in
// time that does not grow with the file for every offset: line starts are found by
// binary search, and a column is counted on from the last one asked for when the
// offsets come in order on one line (a line holding thousands of figures).
type lines struct {
	src     []byte
	starts  []int        // byte offset of each line's start
	marked  map[int]bool // lines holding ignoreMark
	lastOff int
	lastCol int
}

func newLines(src []byte) *lines {
	l := &lines{src: src, starts: []int{0}, marked: map[int]bool{}, lastOff: -1}
	for i, b := range src {
		if b == '\n' {
			l.starts = append(l.starts, i+1)
		}
	}
	for rest, base := src, 0; ; {
		k := bytes.Index(rest, []byte(ignoreMark))
		if k < 0 {
			break
		}
		line, _ := l.lineOf(base + k)
		l.marked[line] = true
		base += k + len(ignoreMark)
		rest = src[base:]
	}
	return l
}

// lineOf returns the 1-based line of off and the offset where that line starts.
func (l *lines) lineOf(off int) (int, int) {
	off = min(max(off, 0), len(l.src))
	n, found := slices.BinarySearch(l.starts, off)
	if !found {
		n-- // off is inside line n-1 (0-based)
	}
	return n + 1, l.starts[n]
}

// pos returns the 1-based line and column (in characters) of a byte offset at the
// start of a character, as the offsets of figures, links and headings are.
func (l *lines) pos(off int) (line, col int) {
	off = min(max(off, 0), len(l.src))
	line, start := l.lineOf(off)
	if l.lastOff >= start && l.lastOff <= off {
		col = l.lastCol + utf8.RuneCount(l.src[l.lastOff:off])
	} else {
		col = utf8.RuneCount(l.src[start:off]) + 1
	}
	l.lastOff, l.lastCol = off, col
	return line, col
}

// linesOf returns the line index of a file, built on first use.
func (c *checker) linesOf(f *content.File) *lines {
	l := c.lines[f]
	if l == nil {
		l = newLines(f.Src)
		c.lines[f] = l
	}
	return l
}

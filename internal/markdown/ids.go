package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading anchors the way GitHub and Hugo do (lowercase, spaces to '-',
// punctuation dropped) but keeps letters of every script, so Chinese headings get
// readable anchors (#以法促安) instead of empty or numbered ones.
//
// A repeated heading gets the first free "-1", "-2", … suffix. next remembers, per base
// ID, where the search for a free suffix resumes, so ten thousand headings of one name
// cost ten thousand steps, not fifty million: a suffix below next was taken when next
// passed it, and taken IDs stay taken, so resuming gives the same ID as searching from 1.
type headingIDs struct {
	used map[string]bool
	next map[string]int
}

func newHeadingIDs() *headingIDs {
	return &headingIDs{used: map[string]bool{}, next: map[string]int{}}
}

// Generate returns a unique ID for a heading's text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Anchor(string(value))
	id := base
	if h.used[id] {
		i := max(h.next[base], 1)
		for id = base + "-" + strconv.Itoa(i); h.used[id]; id = base + "-" + strconv.Itoa(i) {
			i++
		}
		h.next[base] = i + 1
	}
	h.used[id] = true
	return []byte(id)
}

// Put records an ID given explicitly, so generated ones do not collide with it.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// Anchor turns heading text into an anchor: "Rule of Law, 2023" becomes
// "rule-of-law-2023" and "以法促安——全警全力" becomes "以法促安全警全力".
func Anchor(s string) string {
	out := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			out = append(out, unicode.ToLower(r))
		case unicode.IsSpace(r):
			out = append(out, '-')
		}
	}
	if len(out) == 0 {
		return "section"
	}
	return string(out)
}

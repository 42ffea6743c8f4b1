package markdown

import (
	"strconv"
	"unicode"

	"github.com/yuin/goldmark/ast"
)

// headingIDs makes heading anchors the way GitHub and Hugo do (lowercase, spaces to '-',
// punctuation dropped) but keeps letters of every script, so Chinese headings get
// readable anchors (#以法促安) instead of empty or numbered ones.
type headingIDs struct {
	used map[string]bool
}

func newHeadingIDs() *headingIDs { return &headingIDs{used: map[string]bool{}} }

// Generate returns a unique ID for a heading's text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Anchor(string(value))
	id := base
	for i := 1; h.used[id]; i++ {
		id = base + "-" + strconv.Itoa(i)
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

package markdown

import (
	"strconv"
	"unicode"
	"unicode/utf8"

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
	id := appendAnchor(make([]byte, 0, len(value)), value)
	if !h.used[string(id)] {
		h.used[string(id)] = true
		return id
	}
	base := string(id)
	i := max(h.next[base], 1)
	for id = []byte(base + "-" + strconv.Itoa(i)); h.used[string(id)]; id = []byte(base + "-" + strconv.Itoa(i)) {
		i++
	}
	h.next[base] = i + 1
	h.used[string(id)] = true
	return id
}

// Put records an ID given explicitly, so generated ones do not collide with it.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }

// Anchor turns heading text into an anchor: "Rule of Law, 2023" becomes
// "rule-of-law-2023" and "以法促安——全警全力" becomes "以法促安全警全力".
func Anchor(s string) string { return string(appendAnchor(nil, []byte(s))) }

// appendAnchor appends the anchor of heading text s to dst: letters and digits
// lowercased, '_' and '-' kept, spaces made '-', the rest dropped; "section" when
// nothing is kept. ASCII and the CJK Unified Ideographs, nearly all of a brief's
// headings, are told apart without Unicode's tables (ids_test.go checks every rune).
func appendAnchor(dst, s []byte) []byte {
	start := len(dst)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case c >= 'A' && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			case c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '_', c == '-':
				dst = append(dst, c)
			case c == ' ', c >= '\t' && c <= '\r':
				dst = append(dst, '-')
			}
			continue
		}
		r, n := utf8.DecodeRune(s[i:])
		switch {
		case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs: letters, no case
			dst = append(dst, s[i:i+n]...)
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = utf8.AppendRune(dst, unicode.ToLower(r))
		case unicode.IsSpace(r):
			dst = append(dst, '-')
		}
		i += n
	}
	if len(dst) == start {
		return append(dst, "section"...)
	}
	return dst
}

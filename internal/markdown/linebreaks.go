package markdown

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"
)

// A line break inside a paragraph (a soft line break) is a space in English, but
// nothing in Chinese or Japanese, which do not put spaces between words: "第一行\n第二行"
// reads 第一行第二行. The rule here is the simple one, the same for every language: the
// break is dropped only when the characters on both sides are East Asian wide (see
// isWide); everywhere else it stays a line break, which browsers show as a space.
// So "goal.\nIn" keeps its space, and so do "使用 Go\n语言" and "GDP\n增长".
//
// goldmark's own option for this (CJK's EastAsianLineBreaks) is not used: its CSS3
// draft mode also drops a break next to any punctuation, gluing "goal.In" in English,
// and it looks only at plain text on both sides, so a break before a link or emphasis
// vanishes ("this<a>link</a>"). This renderer looks at the visible characters on each
// side, through links, emphasis, code spans and shortcodes.

// softBreaks renders text nodes with the soft line-break rule above.
type softBreaks struct{ w html.Writer }

// Extend makes m render text with softBreaks, in place of goldmark's renderer.
func (softBreaks) Extend(m goldmark.Markdown) {
	r := softBreaks{w: html.NewWriter(html.WithEscapedSpace())}
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(r, 100)))
}

// RegisterFuncs implements renderer.NodeRenderer.
func (r softBreaks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindText, r.renderText)
}

func (r softBreaks) renderText(w util.BufWriter, src []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	n := node.(*ast.Text)
	switch text := n.Segment.Value(src); {
	case isPlain(text):
		_, _ = w.Write(text)
	case n.IsRaw():
		r.w.RawWrite(w, text)
	default:
		r.w.Write(w, text)
	}
	switch {
	case n.HardLineBreak():
		_, _ = w.WriteString("<br>\n")
	case n.SoftLineBreak() && keepsBreak(n, src):
		_ = w.WriteByte('\n')
	}
	return ast.WalkContinue, nil
}

// notPlain are the bytes goldmark's html.Writer does anything with but copy: the
// ones it escapes (NUL, ", &, <, >), and the backslash of an escape ("\*").
const notPlain = "\x00\"&<>\\"

// isPlain reports whether goldmark's html.Writer would write text as it is, in Write
// and RawWrite alike; most text of a body is, and is then copied whole instead of a
// byte at a time. One bytes.IndexByte per byte of notPlain reads the text 16 or 32
// bytes at a time, where bytes.IndexAny would read it one byte at a time.
func isPlain(text []byte) bool {
	for i := range len(notPlain) {
		if bytes.IndexByte(text, notPlain[i]) >= 0 {
			return false
		}
	}
	return true
}

// keepsBreak reports whether the soft line break that ends t shows as a space: always,
// unless the visible characters on both sides of it are East Asian wide.
func keepsBreak(t *ast.Text, src []byte) bool {
	return !isWide(sideRune(t, src, false)) || !isWide(sideRune(t, src, true))
}

// isWide reports whether r is an East Asian wide character: Han, kana, Hangul, CJK
// punctuation (。「」) and full-width forms (，！).
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x3000 && r <= 0x30FF, // CJK punctuation, hiragana, katakana
		r >= 0x3100 && r <= 0x31FF, // bopomofo, Hangul compatibility jamo, katakana extensions
		r >= 0xFE30 && r <= 0xFE4F, // CJK compatibility forms
		r >= 0xFF00 && r <= 0xFFEF: // half-width and full-width forms
		return true
	}
	return unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana)
}

// maxLookThrough bounds how many quotation marks, dashes and ellipses sideRune looks
// through to find the character that decides a break.
const maxLookThrough = 8

// sideRune returns the visible character that decides the break after t: the last one
// before it, or with after the first one after it, within the paragraph. Quotation
// marks, dashes and ellipses are looked through, because their width depends on the
// font: in "推动“平安+法治”\n成为", the closing quote belongs to the Chinese before it.
// It returns 0 when there is no such character, as at the start of a paragraph.
func sideRune(t *ast.Text, src []byte, after bool) rune {
	var found rune
	steps := 0
	visit := func(s []byte) bool {
		for len(s) > 0 && steps < maxLookThrough {
			var r rune
			var size int
			if after {
				r, size = utf8.DecodeRune(s)
				s = s[size:]
			} else {
				r, size = utf8.DecodeLastRune(s)
				s = s[:len(s)-size]
			}
			found, steps = r, steps+1
			if !isLookThrough(r) {
				return true
			}
		}
		return steps >= maxLookThrough
	}
	if !after && visit(t.Segment.Value(src)) {
		return found
	}
	for n := ast.Node(t); n != nil && n.Type() == ast.TypeInline; n = n.Parent() {
		for s := sibling(n, after); s != nil; s = sibling(s, after) {
			if walkText(s, src, after, visit) {
				return found
			}
		}
	}
	return found
}

// isLookThrough reports whether r is punctuation that takes the width of its
// neighbours: curly quotes, dashes, ellipsis and the middle dot.
func isLookThrough(r rune) bool {
	switch r {
	case '“', '”', '‘', '’', '—', '–', '…', '·':
		return true
	}
	return false
}

func sibling(n ast.Node, after bool) ast.Node {
	if after {
		return n.NextSibling()
	}
	return n.PreviousSibling()
}

// walkText feeds the visible text of inline node n to visit, forwards or backwards,
// until visit returns true; it reports whether it did.
func walkText(n ast.Node, src []byte, after bool, visit func([]byte) bool) bool {
	switch n := n.(type) {
	case *ast.Text:
		return visit(n.Segment.Value(src))
	case *ast.String:
		return visit(n.Value)
	case *Num:
		return visit([]byte(n.Display))
	case *ast.AutoLink:
		return visit(n.Label(src))
	}
	c := n.FirstChild()
	if !after {
		c = n.LastChild()
	}
	for ; c != nil; c = sibling(c, after) {
		if walkText(c, src, after, visit) {
			return true
		}
	}
	return false
}

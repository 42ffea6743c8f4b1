package markdown

import (
	"bufio"
	"bytes"
	stdhtml "html"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/renderer/html"
)

// textWriter decodes text as the page shows it: entities (&lt;) resolved, backslash
// escapes removed.
var textWriter = html.NewWriter(html.WithEscapedSpace())

// plain is where plainText writes: HTML-escaped text, unescaped once at the end.
// They are reused, as every page needs one.
type plain struct {
	buf   bytes.Buffer
	w     *bufio.Writer
	src   []byte
	space bool // a space is due before the next text
	// html is whether inline HTML is markup on the page (the site's unsafe = true),
	// and so no text of the summary; otherwise the page shows it as text, and so does
	// the summary.
	html bool
}

var plains = sync.Pool{New: func() any {
	p := new(plain)
	p.w = bufio.NewWriter(&p.buf)
	return p
}}

// plainText collects the text of the body's paragraphs and lists, in order, with
// figures as the page shows them, until it has about limit bytes. Blocks are joined
// by a space, and line breaks follow the rule of linebreaks.go, so no two words are
// glued together. The text is decoded: "&lt;" in the source is "<" here, to be
// escaped once, by the template that shows it.
func plainText(doc ast.Node, src []byte, limit int, html bool) string {
	p := plains.Get().(*plain)
	defer plains.Put(p)
	p.buf.Reset()
	p.w.Reset(&p.buf)
	p.src, p.space, p.html = src, false, html
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if p.buf.Len()+p.w.Buffered() >= limit {
			return ast.WalkStop, nil
		}
		return p.visit(n, entering), nil
	})
	_ = p.w.Flush()
	p.src = nil
	return strings.TrimSpace(stdhtml.UnescapeString(p.buf.String()))
}

// visit adds what one node shows as text.
func (p *plain) visit(n ast.Node, entering bool) ast.WalkStatus {
	switch n := n.(type) {
	case *ast.Heading, *ast.FencedCodeBlock, *ast.CodeBlock, *east.Table,
		*east.FootnoteList, *ast.HTMLBlock, *east.FootnoteLink:
		return ast.WalkSkipChildren
	case *ast.RawHTML:
		if entering && !p.html {
			p.writeRawHTML(n)
		}
		return ast.WalkSkipChildren
	case *ast.Paragraph, *ast.TextBlock:
		p.space = p.space || !entering
	case *ast.Text:
		if entering {
			p.write(n.Segment.Value(p.src), n.IsRaw())
			p.space = n.HardLineBreak() || n.SoftLineBreak() && keepsBreak(n, p.src)
		}
	case *ast.String:
		if entering {
			p.write(n.Value, n.IsRaw() || n.IsCode())
		}
	case *Num:
		if entering {
			p.write([]byte(n.Display), true)
		}
	}
	return ast.WalkContinue
}

// write adds text, raw or to be decoded, after the space due, if any.
func (p *plain) write(s []byte, raw bool) {
	if p.space && p.buf.Len()+p.w.Buffered() > 0 {
		_ = p.w.WriteByte(' ')
	}
	p.space = false
	if raw {
		textWriter.RawWrite(p.w, s)
	} else {
		textWriter.Write(p.w, s)
	}
}

// writeRawHTML adds inline HTML as a safe page shows it (escapedHTML): as text,
// comments left out.
func (p *plain) writeRawHTML(n *ast.RawHTML) {
	var raw []byte
	for i := range n.Segments.Len() {
		seg := n.Segments.At(i)
		raw = append(raw, seg.Value(p.src)...)
	}
	if !bytes.HasPrefix(raw, []byte("<!--")) {
		p.write(raw, true)
	}
}

// LeadFactor is how many bytes of source Lead reads per summary unit (then up to a
// paragraph break): enough for summaries, which are a few sentences, with room for
// markup. A lean load keeps as much of each body.
const LeadFactor = 16

// Lead returns the plain text of a body's opening, enough for a summary of length
// units, without rendering the whole body: a one-shot build renders each body only
// when it writes its page, and needs summaries before that, for the lists.
//
// It reads LeadFactor×length bytes, then up to the next paragraph break, the last
// line break, or a character, at most twice as much in all, so a body of one long
// line costs no more than any other. The cut depends only on those first bytes:
// content.LoadLean keeps at least them, and the opening it keeps gives the same text.
func (m *Markdown) Lead(src []byte, length int) string {
	text, _ := m.lead(src, length)
	return text
}

// lead is Lead, and reports whether the opening was cut inside a paragraph, so the
// text stops short of its end.
func (m *Markdown) lead(src []byte, length int) (plain string, more bool) {
	want := length * LeadFactor
	cut, more := leadCut(src, want)
	src = src[:cut]
	if !utf8.Valid(src) {
		return "", false
	}
	defer func() { _ = recover() }() // a problem here is reported by the full render
	if x := m.expand(src, &Page{}, 0, true); x != nil {
		src = x.out // shortcodes show nothing in a summary, but the content of {{% %}}
	}
	doc, _, stop := m.parse(src, "", "")
	if stop != nil {
		return "", false // over a limit: the full render reports it
	}
	return plainText(doc, src, 2*want, m.opts.Unsafe), more
}

// leadCut returns where Lead cuts src: after want bytes, at the next paragraph break
// within another want bytes, else at the last line break or space there, else at the
// last character that fits; more reports a cut inside a paragraph.
func leadCut(src []byte, want int) (cut int, more bool) {
	if len(src) <= want {
		return len(src), false
	}
	if i := bytes.Index(src[want:min(len(src), 2*want)], []byte("\n\n")); i >= 0 {
		return want + i, false
	}
	if len(src) <= 2*want {
		return len(src), false
	}
	// Up to and including byte 2×want: LoadLean may have cut right before it.
	window := src[want : 2*want+1]
	if i := bytes.LastIndexByte(window, '\n'); i >= 0 {
		return want + i, !atParagraphBreak(src, want+i)
	}
	if i := bytes.LastIndexByte(window, ' '); i >= 0 {
		return want + i, true
	}
	cut = 2 * want
	for cut > want && !utf8.RuneStart(src[cut]) {
		cut--
	}
	return cut, true
}

// atParagraphBreak reports whether the line break at i is part of a blank line.
func atParagraphBreak(src []byte, i int) bool {
	return i > 0 && src[i-1] == '\n' || i+1 < len(src) && src[i+1] == '\n'
}

package markdown

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"
)

// maxText bounds the plain text kept per page: summaries and descriptions need the
// opening paragraphs only, and a bound keeps memory proportional to the page count.
const maxText = 4000

// plainText collects the text of the body's paragraphs and lists, in order, with
// figures as the page shows them.
func plainText(doc ast.Node, src []byte, opts Options) string {
	var b strings.Builder
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if b.Len() >= maxText {
			return ast.WalkStop, nil
		}
		switch n.Kind() {
		case ast.KindHeading, ast.KindFencedCodeBlock, ast.KindCodeBlock, east.KindTable,
			east.KindFootnoteList, ast.KindHTMLBlock, ast.KindRawHTML:
			return ast.WalkSkipChildren, nil
		case ast.KindParagraph, ast.KindTextBlock:
			if !entering && b.Len() > 0 && !opts.CJK {
				b.WriteString(" ")
			}
		case ast.KindText:
			if entering {
				t := n.(*ast.Text)
				b.Write(t.Segment.Value(src))
				if t.SoftLineBreak() && !opts.CJK {
					b.WriteByte(' ')
				}
			}
		case ast.KindString:
			if entering {
				b.Write(n.(*ast.String).Value)
			}
		case KindShortcode:
			if entering {
				b.WriteString(n.(*Shortcode).Display)
			}
		case east.KindFootnoteLink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// Summarize cuts text at the first sentence end after length units: characters for
// CJK text, words otherwise. Text shorter than that is returned whole.
func Summarize(text string, length int, cjk bool) string {
	count, inWord := 0, false
	for i, r := range text {
		if cjk {
			if !unicode.IsSpace(r) {
				count++
			}
		} else if isSpace := unicode.IsSpace(r); isSpace && inWord {
			inWord = false
		} else if !isSpace && !inWord {
			inWord, count = true, count+1
		}
		if count >= length && isSentenceEnd(text, i, r) {
			return strings.TrimSpace(text[:i+utf8.RuneLen(r)])
		}
	}
	return strings.TrimSpace(text)
}

// isSentenceEnd reports whether r at i ends a sentence: a Chinese full stop, or a Latin
// one followed by a space or the end (so "7.9" and "e.g." inside words do not count).
func isSentenceEnd(text string, i int, r rune) bool {
	switch r {
	case '。', '！', '？':
		return true
	case '.', '!', '?':
		rest := text[i+1:]
		return rest == "" || rest[0] == ' ' || rest[0] == '\n'
	}
	return false
}

// Lead returns the plain text of a body's opening, enough for a summary of length
// units, without rendering the whole body: a one-shot build renders each body only
// when it writes its page, and needs summaries before that, for the lists.
func (m *Markdown) Lead(src []byte, length int) string {
	src = src[:leadEnd(src, length)]
	if !utf8.Valid(src) {
		return ""
	}
	defer func() { _ = recover() }() // a problem here is reported by the full render
	doc, _, stop := m.parse(src)
	if stop != nil {
		return ""
	}
	return plainText(doc, src, m.opts)
}

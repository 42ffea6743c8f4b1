package markdown

import (
	"bytes"
	"html"
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	east "github.com/yuin/goldmark/extension/ast"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
)

// Inspection is what quality checks need to know of a body: its prose with positions,
// its figures, its links and the anchors it defines. Code is left out: numbers in code
// are not figures, and links in code are not links.
type Inspection struct {
	// Texts are runs of prose, each a contiguous part of the source. A run goes on
	// across a soft line break, whose line end and indentation read as spaces (so that
	// offsets stay those of the source, and "790 million" and "yuan" on two lines are
	// still one figure).
	Texts []Span
	// Figures are the num shortcodes, evaluated, and the values of charts.
	Figures []FigureSpan
	// Links are links and images.
	Links []Link
	// Anchors are the heading IDs, as the rendered page has them.
	Anchors []string
	// Headings are the headings' levels and places, in order.
	Headings []Heading
	// Problems are what Render reports for the same body (a bad shortcode), so that a
	// check finds what would make a build fail.
	Problems []Problem
	// Elsewhere are the problems in files the body reads, as Result has them.
	Elsewhere []*diag.Error

	softBreak bool // the last text ended a line inside its paragraph
}

// Heading is a heading's level (1 for #) at a byte offset of the source.
type Heading struct {
	Offset int
	Level  int
}

// Span is prose at a byte offset of the source.
type Span struct {
	Offset int
	Text   string
}

// FigureSpan is a num shortcode at a byte offset of the source.
type FigureSpan struct {
	Offset int
	Source string
	Figure figures.Figure
}

// Link is a link or image and where it is written.
type Link struct {
	Offset  int
	Dest    string
	IsImage bool
	// Alt is an image's alternative text.
	Alt string
	// Shortcode marks a target a shortcode wrote ([x]({{< relref "zibo" >}})): the
	// shortcode checked it.
	Shortcode bool
}

// Inspect parses a body without rendering it. A body over one of the limits (see
// MaxListDepth) gives an Inspection with that one Problem, as building it would.
func (m *Markdown) Inspect(src []byte) Inspection {
	return m.InspectPage(src, &Page{})
}

// InspectFile is Inspect for a body read from file (see RenderFile), whose charts
// may read data next to it.
func (m *Markdown) InspectFile(src []byte, file string) Inspection {
	return m.InspectPage(src, &Page{File: file})
}

// InspectPage is Inspect for the body of a page: its shortcodes run as they would
// for the page (a ref that leads nowhere is a Problem), and a link written with ref
// or relref has the URL they give. Its charts read data next to its File.
func (m *Markdown) InspectPage(src []byte, page *Page) Inspection {
	var in Inspection
	if !utf8.Valid(src) {
		in.Problems = []Problem{{Offset: diag.InvalidUTF8(src), Msg: "invalid UTF-8; save the file as UTF-8"}}
		return in
	}
	x := m.expand(src, page, 0, false)
	body := x.body(src)
	doc, pc, stop := m.parseExpanded(body, "", page.File, x)
	if stop != nil {
		stop.Offset = x.source(stop.Offset)
		in.Problems = append(x.problems(), *stop)
		return in
	}
	in.walk(doc, body)
	if p, ok := pc.Get(problemsKey).(*[]Problem); ok {
		in.Problems = append(in.Problems, *p...)
	}
	in.Elsewhere = elsewhere(pc)
	in.place(x)
	return in
}

// walk reads a parsed body.
func (in *Inspection) walk(doc ast.Node, src []byte) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.CodeSpan, *ast.FencedCodeBlock, *ast.CodeBlock, *ast.HTMLBlock, *ast.RawHTML, *ast.AutoLink:
			return ast.WalkSkipChildren, nil
		case *ast.Text:
			in.addText(src, n.Segment.Start, string(n.Segment.Value(src)))
			in.softBreak = n.SoftLineBreak()
		case *Num:
			if n.Figure != nil {
				in.Figures = append(in.Figures, FigureSpan{Offset: n.Offset, Source: n.Display, Figure: *n.Figure})
			}
			in.Texts = append(in.Texts, Span{Offset: -1}) // a figure breaks the prose
		case *Chart:
			in.Figures = append(in.Figures, n.Values...) // a chart's values are figures too
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			in.Links = append(in.Links, Link{Offset: linkOffset(n, src), Dest: string(n.Destination)})
		case *Picture:
			in.Links = append(in.Links, Link{Offset: n.Offset, Dest: n.Src, IsImage: true, Alt: n.Alt})
		case *Figure:
			if n.Link != "" {
				in.Links = append(in.Links, Link{Offset: n.Picture.Offset, Dest: n.Link})
			}
		case *ast.Heading:
			off := 0
			if n.Lines().Len() > 0 {
				off = n.Lines().At(0).Start
			}
			in.Headings = append(in.Headings, Heading{Offset: off, Level: n.Level})
			if id, ok := n.AttributeString("id"); ok {
				if b, ok := id.([]byte); ok {
					in.Anchors = append(in.Anchors, string(b))
				}
			}
		case *east.FootnoteLink, *east.FootnoteBacklink:
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	in.Texts = mergeable(in.Texts)
}

// addText appends prose, joining it to the previous run when the source is contiguous
// (goldmark splits text at characters that might start markup) or only a soft line
// break lies between them.
func (in *Inspection) addText(src []byte, off int, s string) {
	if k := len(in.Texts); k > 0 {
		last := &in.Texts[k-1]
		end := last.Offset + len(last.Text)
		switch {
		case last.Offset < 0:
		case end == off:
			last.Text += s
			return
		case in.softBreak && end < off && len(bytes.TrimSpace(src[end:off])) == 0:
			last.Text += strings.Repeat(" ", off-end) + s
			return
		}
	}
	in.Texts = append(in.Texts, Span{Offset: off, Text: s})
}

func mergeable(spans []Span) []Span {
	out := spans[:0]
	for _, s := range spans {
		if s.Offset >= 0 && strings.TrimSpace(s.Text) != "" {
			out = append(out, s)
		}
	}
	return out
}

// linkOffset finds where a link's text starts, for pointing at it.
func linkOffset(n ast.Node, src []byte) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			return t.Segment.Start
		}
	}
	if p := n.Parent(); p != nil && p.Lines().Len() > 0 {
		return p.Lines().At(0).Start
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

func plainChildren(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// place moves what walk found in the body written again (see expand) back to where
// it is written in the source: offsets, prose without placeholders, and link targets
// that are calls (ref, relref) with what the calls give.
func (in *Inspection) place(x *expansion) {
	if x == nil {
		return
	}
	for i := range in.Texts {
		t := &in.Texts[i]
		if strings.Contains(t.Text, x.prefix) {
			t.Text = x.blank(t.Text)
		}
		t.Offset = x.source(t.Offset)
	}
	for i := range in.Figures {
		in.Figures[i].Offset = x.source(in.Figures[i].Offset)
	}
	for i := range in.Links {
		l := &in.Links[i]
		l.Offset = x.source(l.Offset)
		if strings.Contains(l.Dest, x.prefix) {
			l.Dest, l.Shortcode = html.UnescapeString(x.replace(l.Dest)), true
		}
	}
	for i := range in.Headings {
		in.Headings[i].Offset = x.source(in.Headings[i].Offset)
	}
	for i := range in.Problems {
		in.Problems[i].Offset = x.source(in.Problems[i].Offset)
	}
	in.Problems = append(x.problems(), in.Problems...)
}

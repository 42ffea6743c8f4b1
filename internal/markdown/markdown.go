// Package markdown turns the body of a brief into HTML with goldmark, plus the plain text
// that summaries are cut from.
//
// On top of CommonMark it enables GitHub tables and strikethrough, autolinks, task lists,
// footnotes, and a line-break rule of its own (linebreaks.go: a line break between two
// Chinese characters is dropped, any other one is a space). Headings get IDs that keep
// Chinese characters, so "## 以法促安" can be linked as #以法促安. Raw HTML is escaped, so it shows as text, unless the site sets
// [markup] unsafe = true; HTML comments are dropped either way.
//
// One shortcode is built in, in Hugo's syntax: {{< num "7.9亿元" >}} renders a figure in
// the page's language (see package figures). {{</* num "1" */>}} writes the shortcode
// itself, for documentation. {{< chart … >}} on a line of its own, with its data up to
// {{< /chart >}} or in a file, draws a chart (chart.go, package chart); its values are
// figures too, for briefs check.
package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"sync"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
	"github.com/briefs/briefs/internal/images"
)

// Options configure a Markdown renderer for one language.
type Options struct {
	// Lang is the language code figures are written in ("zh", "en").
	Lang string
	// CJK selects Chinese, Japanese or Korean text rules (line breaks, summary length).
	CJK bool
	// Unsafe lets raw HTML through instead of escaping it.
	Unsafe bool
	// Units are the units figures may use.
	Units *figures.Units
	// Images reads the size of the images bodies show; nil leaves images without
	// width and height, as briefs check reads bodies.
	Images *images.Library
	// Files is the site folder, which charts read their data= files from; nil
	// allows only data written in the shortcode's inner block.
	Files fs.FS
}

// Markdown renders the bodies of one language. It is safe for concurrent use.
type Markdown struct {
	opts Options
	md   goldmark.Markdown
	pool sync.Pool
}

// Problem is something wrong in the Markdown, at a byte offset of the rendered source.
type Problem struct {
	Offset int
	Msg    string
}

// Result is a rendered body.
type Result struct {
	// HTML is a string, as pages hold it (template.HTML): one copy out of the
	// renderer's buffer, not two.
	HTML string
	// Problems are errors such as a bad figure; a body with problems must not be published.
	Problems []Problem
	// Elsewhere are errors in the files a body reads (a chart's data file), placed in
	// those files; they stop a build as Problems do.
	Elsewhere []*diag.Error
}

var problemsKey = parser.NewContextKey()

// New makes a renderer for one language.
func New(opts Options) *Markdown {
	if opts.Units == nil {
		opts.Units = figures.DefaultUnits()
	}
	htmlOpts := []renderer.Option{}
	if opts.Unsafe {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := goldmark.New(
		goldmark.WithParser(newParser()),
		goldmark.WithExtensions(
			extension.GFM,
			extension.Footnote,
			extension.NewCJK(extension.WithEscapedSpace()),
			softBreaks{},
			&shortcodes{opts: opts},
			&pictures{opts: opts},
			&charts{opts: opts},
		),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
		goldmark.WithRendererOptions(htmlOpts...),
	)
	if !opts.Unsafe {
		md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(escapedHTML{}, 100)))
	}
	return &Markdown{opts: opts, md: md}
}

// Render converts one body. Problems are reported with offsets into src.
//
// src must be valid UTF-8 (package content checks it): goldmark's CJK line-break code
// indexes out of range on some invalid input, so such input is refused here, and any
// other panic inside goldmark becomes a Problem rather than a crashed build.
func (m *Markdown) Render(src []byte) Result {
	res, _ := m.render(src, "/", "", 0)
	return res
}

// RenderWithSummary is Render and Summary(src, length) together. When the opening a
// summary reads is the whole body, as it is for most, the body is parsed once for both.
func (m *Markdown) RenderWithSummary(src []byte, length int) (Result, string) {
	return m.render(src, "/", "", length)
}

// RenderPage is RenderWithSummary for the body of the page at path ("zh/law/zibo/",
// as site.Page.Path): an image named relative to the page, ![…](map.png), is the file
// static/zh/law/zibo/map.png. A length of 0 makes no summary.
func (m *Markdown) RenderPage(src []byte, path string, length int) (Result, string) {
	return m.render(src, path, "", length)
}

// RenderFile is RenderPage for a body read from file, the content file's path in the
// site folder ("content/law/zibo.zh.md"): a chart's data="x.csv" is read next to it.
func (m *Markdown) RenderFile(src []byte, file, path string, length int) (Result, string) {
	return m.render(src, path, file, length)
}

func (m *Markdown) render(src []byte, page, file string, length int) (res Result, summary string) {
	if !utf8.Valid(src) {
		return Result{Problems: []Problem{{Offset: diag.InvalidUTF8(src), Msg: "invalid UTF-8; save the file as UTF-8"}}}, ""
	}
	defer func() {
		if r := recover(); r != nil {
			res = Result{Problems: []Problem{{Msg: fmt.Sprintf("the Markdown renderer failed on this file (%v); please report it with the file", r)}}}
		}
	}()
	doc, pc, stop := m.parse(src, page, file)
	if stop != nil {
		return Result{Problems: []Problem{*stop}}, ""
	}
	if length > 0 {
		summary = m.summaryOf(doc, src, length)
	}
	buf, _ := m.pool.Get().(*bytes.Buffer)
	if buf == nil {
		buf = new(bytes.Buffer)
	}
	buf.Reset()
	if err := m.md.Renderer().Render(buf, src, doc); err != nil {
		res.Problems = append(res.Problems, Problem{Msg: "cannot render Markdown: " + err.Error()})
	}
	res.HTML = buf.String()
	m.pool.Put(buf)
	if p, ok := pc.Get(problemsKey).(*[]Problem); ok {
		res.Problems = append(res.Problems, *p...)
	}
	res.Elsewhere = elsewhere(pc)
	return res, summary
}

// parse reads a body of the page at path into goldmark's tree, unless one of the
// limits checked before parsing (see MaxLinkScan) stops it: then it returns that Problem.
// A path of "" reads no image files: summaries and inspections show no images. file is
// the content file's path, which charts read data next to; "" if there is none.
func (m *Markdown) parse(src []byte, path, file string) (ast.Node, parser.Context, *Problem) {
	if p := checkShapes(src); p != nil {
		return nil, nil, p
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	if path != "" {
		pc.Set(pageKey, path)
	}
	if file != "" {
		pc.Set(fileKey, file)
	}
	return m.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc)), pc, nil
}

var elsewhereKey = parser.NewContextKey()

// addElsewhere records a problem in another file than the body.
func addElsewhere(pc parser.Context, e *diag.Error) {
	list := pc.ComputeIfAbsent(elsewhereKey, func() any { return new([]*diag.Error) }).(*[]*diag.Error)
	*list = append(*list, e)
}

func elsewhere(pc parser.Context) []*diag.Error {
	if l, ok := pc.Get(elsewhereKey).(*[]*diag.Error); ok {
		return *l
	}
	return nil
}

func addProblem(pc parser.Context, p Problem) {
	list := pc.ComputeIfAbsent(problemsKey, func() any { return new([]Problem) }).(*[]Problem)
	*list = append(*list, p)
}

// escapedHTML shows raw HTML as text, so a pasted <script> or a stray <div> can neither
// run nor break the page's layout; comments (<!-- check:ignore -->) are dropped.
type escapedHTML struct{}

func (escapedHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			segs := n.(*ast.RawHTML).Segments
			var raw []byte
			for i := range segs.Len() {
				seg := segs.At(i)
				raw = append(raw, seg.Value(src)...)
			}
			if !bytes.HasPrefix(raw, []byte("<!--")) {
				_, _ = w.Write(util.EscapeHTML(raw))
			}
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(ast.KindHTMLBlock, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		b := n.(*ast.HTMLBlock)
		var raw []byte
		for i := range b.Lines().Len() {
			line := b.Lines().At(i)
			raw = append(raw, line.Value(src)...)
		}
		if b.HasClosure() {
			raw = append(raw, b.ClosureLine.Value(src)...)
		}
		if b.HTMLBlockType == ast.HTMLBlockType2 {
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString("<p>")
		_, _ = w.Write(util.EscapeHTML(bytes.TrimRight(raw, "\n")))
		_, _ = w.WriteString("</p>\n")
		return ast.WalkContinue, nil
	})
}

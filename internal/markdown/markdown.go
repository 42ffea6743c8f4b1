// Package markdown turns the body of a brief into HTML with goldmark, plus the plain text
// that summaries are cut from.
//
// On top of CommonMark it enables GitHub tables and strikethrough, autolinks, task lists,
// footnotes, and a line-break rule of its own (linebreaks.go: a line break between two
// Chinese characters is dropped, any other one is a space). Headings get IDs that keep
// Chinese characters, so "## 以法促安" can be linked as #以法促安. Raw HTML is escaped, so it shows as text, unless the site sets
// [markup] unsafe = true; HTML comments are dropped either way.
//
// Shortcodes are Hugo's: expand.go runs them before goldmark reads a body (built-ins in
// builtins.go, a site's own through the Shortcode interface), except briefs' own, which
// goldmark's parsers read where they stand so that they take part in the page's tree:
// {{< num "7.9亿元" >}} renders a figure in the page's language (see package figures),
// and {{< chart … >}} on a line of its own, with its data up to {{< /chart >}} or in a
// file, draws a chart (chart.go, package chart); its values are figures too, for briefs
// check. {{</* num "1" */>}} writes the shortcode itself, for documentation.
package markdown

import (
	"bufio"
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

	"github.com/briefs/briefs/internal/config"
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
	// Shortcodes are the site's own shortcodes, by name (package render reads them
	// from layouts/shortcodes/); they replace built-ins of the same name.
	Shortcodes map[string]Shortcode
	// InlineShortcodes makes the shortcode a body defines, {{< x.inline >}}template
	// {{< /x.inline >}} (Hugo's enableInlineShortcodes); nil leaves such calls out,
	// with a warning (inline.go).
	InlineShortcodes InlineFunc
	// Highlight are the site's code block options (Hugo's [markup.highlight]) that
	// apply without a highlighter: line numbers and highlighted lines.
	Highlight config.Highlight
}

// Markdown renders the bodies of one language. It is safe for concurrent use.
type Markdown struct {
	opts Options
	md   goldmark.Markdown
}

// Problem is something wrong in the Markdown, at a byte offset of the rendered source.
type Problem struct {
	Offset int
	Msg    string
	// Shortcode names the unknown shortcode this problem is about, or is "": a build
	// reports each unknown name once, with its count and files.
	Shortcode string
	// Warning marks a problem that does not stop the build (a template's warnf, a
	// theme's shortcode that degraded). Degraded names the degraded shortcode: its
	// calls are reported once, as unknown ones are.
	Warning  bool
	Degraded string
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
	// Shortcodes reports that the body ran shortcodes other than num and figure: its
	// HTML may change when other pages do (a ref's URL), though its text did not.
	Shortcodes bool
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
			linkify{}, // extension.GFM's four, its Linkify with a quick refusal
			extension.Table,
			extension.Strikethrough,
			extension.TaskList,
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
	md.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(codeBlocks{site: opts.Highlight}, 100)))
	return &Markdown{opts: opts, md: md}
}

// Render converts one body. Problems are reported with offsets into src.
//
// src must be valid UTF-8 (package content checks it): goldmark's CJK line-break code
// indexes out of range on some invalid input, so such input is refused here, and any
// other panic inside goldmark becomes a Problem rather than a crashed build.
func (m *Markdown) Render(src []byte) Result {
	res, _ := m.render(src, &Page{Path: "/"}, 0)
	return res
}

// RenderWithSummary is Render and Summary(src, length) together. When the opening a
// summary reads is the whole body, as it is for most, the body is parsed once for both.
func (m *Markdown) RenderWithSummary(src []byte, length int) (Result, string) {
	return m.render(src, &Page{Path: "/"}, length)
}

// RenderPage is RenderWithSummary for the body of a page. Its Path ("zh/law/zibo/", as
// site.Page.Path) places images: ![…](map.png) is the file static/zh/law/zibo/map.png;
// the rest is what its shortcodes see. A length of 0 makes no summary.
func (m *Markdown) RenderPage(src []byte, page *Page, length int) (Result, string) {
	if page == nil {
		page = &Page{Path: "/"}
	}
	return m.render(src, page, length)
}

// RenderFile is RenderPage for a body read from file, the content file's path in the
// site folder ("content/law/zibo.zh.md"), of the page at path, whose shortcodes know
// no more of it: a chart's data="x.csv" is read next to the file.
func (m *Markdown) RenderFile(src []byte, file, path string, length int) (Result, string) {
	return m.render(src, &Page{Path: path, File: file}, length)
}

// RenderChecked is RenderPage for a body its caller knows to be valid UTF-8, as a
// content file's body is (content.Read checked it, and Reload checks that the body it
// reads again is the same): the check, about a twentieth of a plain body's cost, is
// not made twice. A body that is not valid UTF-8 after all makes no crash, at worst a
// Problem where Render would report the invalid bytes.
func (m *Markdown) RenderChecked(src []byte, page *Page, length int) (Result, string) {
	if page == nil {
		page = &Page{Path: "/"}
	}
	return m.renderValid(src, page, length)
}

func (m *Markdown) render(src []byte, page *Page, length int) (Result, string) {
	if !utf8.Valid(src) {
		return Result{Problems: []Problem{{Offset: diag.InvalidUTF8(src), Msg: "invalid UTF-8; save the file as UTF-8"}}}, ""
	}
	return m.renderValid(src, page, length)
}

// renderValid is render of src known to be valid UTF-8.
func (m *Markdown) renderValid(src []byte, page *Page, length int) (res Result, summary string) {
	defer func() {
		if r := recover(); r != nil {
			res = Result{Problems: []Problem{{Msg: fmt.Sprintf("the Markdown renderer failed on this file (%v); please report it with the file", r)}}}
		}
	}()
	x := m.expand(src, page, 0, false)
	body := x.body(src)
	doc, pc, stop := m.parseExpanded(body, page.Path, page.File, x)
	if stop != nil {
		stop.Offset = x.source(stop.Offset)
		return Result{Problems: append(x.problems(), *stop)}, ""
	}
	if length > 0 && x != nil {
		summary = m.Summary(src, length) // the summary of the body as written
	} else if length > 0 {
		summary = m.summaryOf(doc, src, length)
	}
	fw := fragmentWriters.Get().(*fragmentWriter)
	fw.buf.Reset()
	fw.w.Reset(&fw.buf)
	err := m.md.Renderer().Render(fw.w, body, doc)
	res.HTML = x.replace(fw.buf.String())
	fragmentWriters.Put(fw)
	res.Problems, res.Shortcodes = x.problems(), x != nil
	if err != nil {
		res.Problems = append(res.Problems, Problem{Msg: "cannot render Markdown: " + err.Error()})
	}
	if p, ok := pc.Get(problemsKey).(*[]Problem); ok {
		for _, pr := range *p {
			pr.Offset = x.source(pr.Offset)
			res.Problems = append(res.Problems, pr)
		}
	}
	res.Elsewhere = elsewhere(pc)
	return res, summary
}

// fragmentWriter is a buffered writer, which goldmark writes into as it is rather than
// wrapping it in a new one (4 KiB a body): pages and the fragments shortcodes render
// take one from the pool.
type fragmentWriter struct {
	buf bytes.Buffer
	w   *bufio.Writer
}

var fragmentWriters = sync.Pool{New: func() any {
	fw := &fragmentWriter{}
	fw.w = bufio.NewWriter(&fw.buf)
	return fw
}}

// fragment renders Markdown that a shortcode renders as part of the page (markdownify),
// with its own shortcodes run. Its problems are at offsets of src.
func (m *Markdown) fragment(src []byte, page *Page, depth int) (string, []Problem) {
	if depth > maxFragmentDepth {
		return "", []Problem{{Msg: fmt.Sprintf("shortcodes render Markdown inside Markdown more than %d deep; briefs stops there: simplify the templates", maxFragmentDepth)}}
	}
	x := m.expand(src, page, depth, false)
	body := x.body(src)
	doc, pc, stop := m.parseExpanded(body, page.Path, page.File, x)
	if stop != nil {
		return "", []Problem{*stop}
	}
	fw := fragmentWriters.Get().(*fragmentWriter)
	defer fragmentWriters.Put(fw)
	fw.buf.Reset()
	fw.w.Reset(&fw.buf)
	err := m.md.Renderer().Render(fw.w, body, doc)
	if err == nil {
		err = fw.w.Flush()
	}
	if err != nil {
		return "", []Problem{{Msg: "cannot render Markdown: " + err.Error()}}
	}
	html := x.replace(fw.buf.String())
	probs := x.problems()
	if p, ok := pc.Get(problemsKey).(*[]Problem); ok {
		probs = append(probs, *p...)
	}
	return html, probs
}

// parseExpanded is parse of a body that expand wrote again (x != nil).
func (m *Markdown) parseExpanded(src []byte, path, file string, x *expansion) (ast.Node, parser.Context, *Problem) {
	if x == nil {
		return m.parse(src, path, file)
	}
	if p := checkShapes(src); p != nil {
		return nil, nil, p
	}
	pc := parser.NewContext(parser.WithIDs(newHeadingIDs()))
	pc.Set(expandedKey, true)
	if path != "" {
		pc.Set(pageKey, path)
	}
	if file != "" {
		pc.Set(fileKey, file)
	}
	return m.md.Parser().Parse(text.NewReader(src), parser.WithContext(pc)), pc, nil
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

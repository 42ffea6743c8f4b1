package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/briefs/briefs/internal/chart"
	"github.com/briefs/briefs/internal/diag"
)

// KindChart is the node kind of a chart.
var KindChart = ast.NewNodeKind("Chart")

// Chart is a {{< chart … >}} on lines of its own, drawn when its block closes (see
// package chart). Its data is the inner block, up to {{< /chart >}}, or the file its
// data= names. A chart that failed draws nothing; its problems are reported.
type Chart struct {
	ast.BaseBlock
	// Offset is where the shortcode starts in the source.
	Offset int
	// HTML is the drawn chart; Values its values, for briefs check, placed in the body.
	HTML   string
	Values []FigureSpan

	spec   *chart.Spec
	closed bool // {{< /chart >}} was read, or none was due
}

// Kind implements ast.Node.
func (n *Chart) Kind() ast.NodeKind { return KindChart }

// IsRaw implements ast.Node: the inner block is data, never parsed as Markdown.
func (n *Chart) IsRaw() bool { return true }

// Dump implements ast.Node.
func (n *Chart) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type charts struct{ opts Options }

// Extend adds the chart block parser and renderer.
func (c *charts) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithBlockParsers(util.Prioritized(&chartParser{opts: c.opts}, 90)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(chartRenderer{}, 50)))
}

var (
	fileKey  = parser.NewContextKey() // the content file's path, for data next to it
	chartKey = parser.NewContextKey() // how many charts the body has so far, for their IDs
)

type chartParser struct{ opts Options }

func (p *chartParser) Trigger() []byte { return []byte{'{'} }

// Open starts a chart at {{< chart … >}} alone on its line. With data= or a
// self-closing />}} it is complete; otherwise its data follows, up to {{< /chart >}}.
func (p *chartParser) Open(_ ast.Node, reader text.Reader, pc parser.Context) (ast.Node, parser.State) {
	line, seg := reader.PeekLine()
	trimmed := bytes.TrimSpace(line)
	inner, ok := bytes.CutPrefix(trimmed, []byte("{{<"))
	if !ok || !bytes.HasPrefix(bytes.TrimSpace(inner), []byte("chart")) {
		return nil, parser.NoChildren
	}
	inner, ok = bytes.CutSuffix(inner, []byte(">}}"))
	if !ok {
		return nil, parser.NoChildren // not alone on its line: the inline parser reports it
	}
	selfClosing := bytes.HasSuffix(inner, []byte("/"))
	inner = bytes.TrimSuffix(inner, []byte("/"))
	n := &Chart{Offset: seg.Start + bytes.Index(line, []byte("{{<"))}
	reader.AdvanceToEOL()
	args, err := splitArgs(string(inner), nil)
	if err == nil && (len(args) == 0 || args[0] != (arg{val: "chart"})) {
		return nil, parser.NoChildren // chartx: some other shortcode
	}
	var spec *chart.Spec
	if err == nil {
		spec, err = chart.ParseSpec(chartArgs(args))
	}
	if err != nil {
		addProblem(pc, Problem{Offset: n.Offset, Msg: err.Error()})
		n.closed = selfClosing
		return n, parser.NoChildren
	}
	n.spec = spec
	if selfClosing || spec.Data != "" || spec.Value != "" {
		n.closed = true
		return n, parser.Close
	}
	return n, parser.NoChildren
}

func chartArgs(args []arg) []chart.Arg {
	out := make([]chart.Arg, len(args))
	for i, a := range args {
		out[i] = chart.Arg{Key: a.key, Val: a.val}
	}
	return out
}

// Continue takes the lines of the inner block until the closing tag.
func (p *chartParser) Continue(node ast.Node, reader text.Reader, _ parser.Context) parser.State {
	n := node.(*Chart)
	if n.closed {
		return parser.Close
	}
	line, seg := reader.PeekLine()
	if isChartEnd(line) {
		n.closed = true
		reader.AdvanceToEOL()
		return parser.Close
	}
	n.Lines().Append(seg)
	reader.AdvanceToEOL()
	return parser.Continue | parser.NoChildren
}

// isChartEnd reads {{< /chart >}} alone on its line.
func isChartEnd(line []byte) bool {
	inner, ok := bytes.CutPrefix(bytes.TrimSpace(line), []byte("{{<"))
	if !ok {
		return false
	}
	inner, ok = bytes.CutSuffix(inner, []byte(">}}"))
	name, isClose := bytes.CutPrefix(bytes.TrimSpace(inner), []byte("/"))
	return ok && isClose && string(bytes.TrimSpace(name)) == "chart"
}

// Close draws the chart from its data.
func (p *chartParser) Close(node ast.Node, reader text.Reader, pc parser.Context) {
	n := node.(*Chart)
	if !n.closed {
		addProblem(pc, Problem{Offset: n.Offset, Msg: "chart has no closing {{< /chart >}}; end its data with {{< /chart >}} on a line of its own"})
		return
	}
	if n.spec == nil {
		return // its parameters were reported
	}
	src, offs, file, err := p.data(n, reader.Source(), pc)
	if err != nil {
		addProblem(pc, Problem{Offset: n.Offset, Msg: err.Error()})
		return
	}
	format := "csv"
	if file != "" {
		format, _ = n.spec.DataFormat()
	}
	c, err := chart.Build(n.spec, src, format, p.opts.Lang, p.opts.Units)
	var ce *chart.Error
	switch {
	case errors.As(err, &ce) && ce.Offset >= 0 && file != "":
		line, col := diag.LineCol(src, ce.Offset)
		addElsewhere(pc, diag.At(file, line, col, "chart: %s", ce.Msg))
		return
	case errors.As(err, &ce) && ce.Offset >= 0:
		addProblem(pc, Problem{Offset: offs.at(ce.Offset), Msg: "chart: " + ce.Msg})
		return
	case err != nil:
		addProblem(pc, Problem{Offset: n.Offset, Msg: err.Error()})
		return
	}
	count := pc.ComputeIfAbsent(chartKey, func() any { return new(int) }).(*int)
	*count++
	n.HTML = c.HTML("chart-" + strconv.Itoa(*count))
	for _, v := range c.Values() {
		off := n.Offset
		if file == "" && v.Offset >= 0 {
			off = offs.at(v.Offset)
		}
		n.Values = append(n.Values, FigureSpan{Offset: off, Source: v.Display, Figure: v.Figure})
	}
}

// lineStarts maps a byte offset of an inner block, its lines joined, back to the body.
type lineStarts []struct{ data, src int }

func (l lineStarts) at(off int) int {
	for i := len(l) - 1; i >= 0; i-- {
		if off >= l[i].data {
			return l[i].src + off - l[i].data
		}
	}
	return 0
}

// data returns the chart's data: its inner block, with where each line starts in
// the body, or the file data= names and that file's path.
func (p *chartParser) data(n *Chart, body []byte, pc parser.Context) ([]byte, lineStarts, string, error) {
	if n.spec.Data == "" {
		var b []byte
		var offs lineStarts
		for i := range n.Lines().Len() {
			seg := n.Lines().At(i)
			offs = append(offs, struct{ data, src int }{len(b), seg.Start})
			b = append(b, seg.Value(body)...)
		}
		return b, offs, "", nil
	}
	if _, err := n.spec.DataFormat(); err != nil {
		return nil, nil, "", err
	}
	file, _ := pc.Get(fileKey).(string)
	name, src, err := p.readData(n.spec.Data, file)
	return src, nil, name, err
}

// readData reads a data file: next to the content file (a page bundle's data, as in
// Hugo), else in the site's data/ folder; a name starting with / is from the site's root.
func (p *chartParser) readData(name, file string) (string, []byte, error) {
	var tries []string
	if rest, ok := strings.CutPrefix(name, "/"); ok {
		tries = []string{rest}
	} else {
		if file != "" {
			tries = append(tries, path.Join(path.Dir(file), name))
		}
		tries = append(tries, path.Join("data", name))
	}
	for _, t := range tries {
		if !fs.ValidPath(t) || p.opts.Files == nil {
			continue
		}
		src, err := fs.ReadFile(p.opts.Files, t)
		if err == nil {
			return t, src, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", nil, fmt.Errorf("chart: data=%q: %v", name, err)
		}
	}
	return "", nil, fmt.Errorf("chart: data=%q: no such file (looked for %s); put the file next to the brief or in data/", name, strings.Join(tries, " and "))
}

func (p *chartParser) CanInterruptParagraph() bool { return true }

func (p *chartParser) CanAcceptIndentedLine() bool { return false }

type chartRenderer struct{}

func (chartRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindChart, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(node.(*Chart).HTML)
		}
		return ast.WalkSkipChildren, nil
	})
}

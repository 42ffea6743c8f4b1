package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/briefs/briefs/internal/figures"
)

// KindShortcode is the node kind of an inline shortcode.
var KindShortcode = ast.NewNodeKind("Shortcode")

// Shortcode is a {{< num … >}} in the text, already evaluated: Display is what the page
// shows, Value what machines read. A shortcode that failed keeps its source as Display, and
// the failure is reported as a Problem; such a page is never published.
type Shortcode struct {
	ast.BaseInline
	Display string
	Value   string
	// Literal marks {{</* … */>}}: the shortcode's own source, shown as text.
	Literal bool
	// Offset is where the shortcode starts in the source; Figure what it evaluated to.
	Offset int
	Figure *figures.Figure
}

// Kind implements ast.Node.
func (n *Shortcode) Kind() ast.NodeKind { return KindShortcode }

// Dump implements ast.Node.
func (n *Shortcode) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Display": n.Display, "Value": n.Value}, nil)
}

type shortcodes struct{ opts Options }

// Extend adds the shortcode parser and renderer to goldmark.
func (s *shortcodes) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(&shortcodeParser{opts: s.opts}, 50)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(shortcodeRenderer{}, 50)))
}

type shortcodeParser struct{ opts Options }

func (p *shortcodeParser) Trigger() []byte { return []byte{'{'} }

func (p *shortcodeParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{<")) {
		return nil
	}
	if bytes.HasPrefix(line, []byte("{{</*")) {
		end := closing(line, seg, "*/>}}", pc)
		if end < 0 {
			addProblem(pc, Problem{Offset: seg.Start, Msg: "unclosed shortcode comment: end it with */>}}"})
			block.Advance(len("{{</*"))
			return &Shortcode{Display: "{{</*", Literal: true}
		}
		block.Advance(end + len("*/>}}"))
		return &Shortcode{Display: "{{<" + string(line[len("{{</*"):end]) + ">}}", Literal: true}
	}
	end := closing(line, seg, ">}}", pc)
	if end < 0 {
		addProblem(pc, Problem{Offset: seg.Start, Msg: `unclosed shortcode: end it with >}} on the same line, as in {{< num "7.9亿元" >}}`})
		block.Advance(len("{{<"))
		return &Shortcode{Display: "{{<"}
	}
	block.Advance(end + len(">}}"))
	if f := p.figure(string(line[len("{{<"):end]), seg.Start, pc); f != nil {
		return f
	}
	n := &Shortcode{Offset: seg.Start}
	if err := p.tag(n, string(line[len("{{<"):end]), pc); err != nil {
		// The page shows the shortcode as written; it is never published anyway.
		n.Display = string(line[:end+len(">}}")])
		addProblem(pc, Problem{Offset: seg.Start, Msg: err.Error()})
	}
	return n
}

// tag reads what is inside {{< … >}}: a closing tag, or a shortcode to run.
func (p *shortcodeParser) tag(n *Shortcode, inner string, pc parser.Context) error {
	if name, ok := strings.CutPrefix(strings.TrimSpace(inner), "/"); ok {
		return closeShortcode(pc, strings.TrimSpace(name))
	}
	var buf [4]arg // num takes two arguments at most: no allocation for them
	args, err := splitArgs(inner, buf[:0])
	if err != nil {
		return err
	}
	if len(args) > 0 && args[0].key == "" && args[0].val != "num" {
		openShortcode(pc, args[0].val)
	}
	return p.eval(n, args)
}

// figure reads {{< figure … >}}, or returns nil for any other shortcode. A figure
// with bad parameters is reported, and shows as nothing.
func (p *shortcodeParser) figure(inner string, offset int, pc parser.Context) ast.Node {
	args, err := splitArgs(inner, nil)
	if err != nil || len(args) == 0 || args[0] != (arg{val: "figure"}) {
		return nil
	}
	f, err := newFigure(args, offset)
	if err != nil {
		addProblem(pc, Problem{Offset: offset, Msg: err.Error()})
		return ast.NewText()
	}
	return f
}

var openKey = parser.NewContextKey()

// openShortcode records an unknown shortcode, already reported, so that its closing
// tag is taken as its end rather than reported again.
func openShortcode(pc parser.Context, name string) {
	open := pc.ComputeIfAbsent(openKey, func() any { return new([]string) }).(*[]string)
	*open = append(*open, name)
}

// closeShortcode reads a closing tag, {{< /name >}} or {{< / name >}} as in Hugo: it
// ends the last shortcode of that name still open, or is an error of its own.
func closeShortcode(pc parser.Context, name string) error {
	switch {
	case name == "":
		return fmt.Errorf("closing shortcode tag has no name; write {{< /name >}}")
	case strings.ContainsAny(name, " \t\""):
		return fmt.Errorf("closing shortcode tag {{< /%s >}} takes no arguments; write {{< /name >}}", name)
	case name == "num", name == "figure":
		return fmt.Errorf("%s has no closing tag; remove {{< /%s >}}", name, name)
	}
	if open, ok := pc.Get(openKey).(*[]string); ok {
		for i := len(*open) - 1; i >= 0; i-- {
			if (*open)[i] == name {
				*open = append((*open)[:i], (*open)[i+1:]...)
				return nil
			}
		}
	}
	return fmt.Errorf("closing tag {{< /%s >}} has no opening {{< %s >}} before it; remove it or add the opening tag", name, name)
}

var unclosedKey = parser.NewContextKey()

// closing finds closer in the rest of the line, or -1. Once it is missing from a line,
// it is missing for every later opener on that line too: remembering that keeps a line
// of many unclosed {{< linear rather than quadratic.
func closing(line []byte, seg text.Segment, closer string, pc parser.Context) int {
	missing, _ := pc.Get(unclosedKey).(map[string]int) // closer -> end of the line it is missing from
	if missing != nil && missing[closer] == seg.Stop {
		return -1
	}
	end := bytes.Index(line, []byte(closer))
	if end < 0 {
		if missing == nil {
			missing = map[string]int{}
			pc.Set(unclosedKey, missing)
		}
		missing[closer] = seg.Stop
	}
	return end
}

// eval runs the num shortcode (figure is read by figure).
func (p *shortcodeParser) eval(n *Shortcode, args []arg) error {
	if len(args) == 0 || args[0].key != "" {
		return fmt.Errorf(`shortcode has no name; write {{< num "7.9亿元" >}}`)
	}
	if args[0].val != "num" {
		if args[0].val == "chart" {
			return fmt.Errorf("chart: write {{< chart … >}} on a line of its own, with its data on the lines after it and {{< /chart >}} on a line of its own")
		}
		return fmt.Errorf("unknown shortcode %q; briefs has: num, figure, chart", args[0].val)
	}
	var value, unit string
	positional := 0
	for _, a := range args[1:] {
		switch a.key {
		case "":
			positional++
			value = a.val
		case "unit":
			unit = a.val
		default:
			return fmt.Errorf("num: unknown argument %s=; num takes a figure and unit=", a.key)
		}
	}
	if positional != 1 {
		return fmt.Errorf(`num takes one figure, as in {{< num "7.9亿元" >}} or {{< num 790000000 unit="yuan" >}}`)
	}
	f, err := figures.Parse(value, unit, p.opts.Units)
	if err != nil {
		return fmt.Errorf("num: %v", err)
	}
	out, err := figures.Format(f, p.opts.Lang, p.opts.Units)
	if err != nil {
		return fmt.Errorf("num: %v", err)
	}
	n.Display, n.Value, n.Figure = out, f.Value.String(), &f
	if f.Percent {
		n.Value += "%"
	}
	return nil
}

type arg struct{ key, val string }

// splitArgs reads `num "7.9亿元" unit="yuan"` into name and arguments, appended to args.
func splitArgs(s string, args []arg) ([]arg, error) {
	s = strings.TrimSpace(s)
	for s != "" {
		var a arg
		if i := strings.IndexAny(s, "= \t\""); i > 0 && s[i] == '=' {
			a.key, s = s[:i], s[i+1:]
		}
		val, rest, err := nextValue(s)
		if err != nil {
			return nil, err
		}
		a.val = val
		args = append(args, a)
		s = strings.TrimSpace(rest)
	}
	return args, nil
}

func nextValue(s string) (val, rest string, err error) {
	if strings.HasPrefix(s, `"`) {
		// Most values have no escapes: slice them instead of copying.
		if i := strings.IndexAny(s[1:], `"\`); i >= 0 && s[1+i] == '"' {
			return s[1 : 1+i], s[2+i:], nil
		}
		var b strings.Builder
		for i := 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				if i+1 < len(s) {
					i++
					b.WriteByte(s[i])
				}
			case '"':
				return b.String(), s[i+1:], nil
			default:
				b.WriteByte(s[i])
			}
		}
		return "", "", fmt.Errorf("shortcode argument %s has no closing quote", s)
	}
	if i := strings.IndexAny(s, " \t"); i >= 0 {
		return s[:i], s[i:], nil
	}
	return s, "", nil
}

type shortcodeRenderer struct{}

func (shortcodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindShortcode, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*Shortcode)
		if n.Value == "" {
			writeEscaped(w, n.Display)
			return ast.WalkContinue, nil
		}
		_, _ = w.WriteString(`<data value="`)
		writeEscaped(w, n.Value)
		_, _ = w.WriteString(`">`)
		writeEscaped(w, n.Display)
		_, _ = w.WriteString(`</data>`)
		return ast.WalkContinue, nil
	})
}

// writeEscaped writes s HTML-escaped. Figures almost never hold a character to
// escape, so they are written as they are, without the copies util.EscapeHTML needs.
func writeEscaped(w util.BufWriter, s string) {
	if !strings.ContainsAny(s, `<>&"`) {
		_, _ = w.WriteString(s)
		return
	}
	_, _ = w.Write(util.EscapeHTML([]byte(s)))
}

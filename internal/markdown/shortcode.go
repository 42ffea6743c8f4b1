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

// KindNum is the node kind of a num shortcode.
var KindNum = ast.NewNodeKind("Num")

// Num is a {{< num … >}} in the text, already evaluated: Display is what the page
// shows, Value what machines read. A shortcode that failed keeps its source as Display, and
// the failure is reported as a Problem; such a page is never published.
type Num struct {
	ast.BaseInline
	Display string
	Value   string
	// Offset is where the shortcode starts in the source; Figure what it evaluated to.
	Offset int
	Figure *figures.Figure
}

// Kind implements ast.Node.
func (n *Num) Kind() ast.NodeKind { return KindNum }

// Dump implements ast.Node.
func (n *Num) Dump(src []byte, level int) {
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

// Parse reads a one-line {{< num … >}} or {{< figure … >}}; expand (expand.go) has run
// every other shortcode and reported every tag it could not read, so anything else is
// text here.
func (p *shortcodeParser) Parse(_ ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, seg := block.PeekLine()
	if !bytes.HasPrefix(line, []byte("{{<")) || bytes.HasPrefix(line, []byte("{{</*")) {
		return nil
	}
	end := closing(line, seg, ">}}", pc)
	if end < 0 {
		return nil
	}
	inner := string(line[len("{{<"):end])
	if f := p.figure(inner, seg.Start, pc); f != nil {
		block.Advance(end + len(">}}"))
		return f
	}
	var buf [4]arg // num takes two arguments at most: no allocation for them
	args, err := splitArgs(inner, buf[:0])
	if err != nil && pc.Get(expandedKey) != nil {
		return nil // expand read the tags, and reported this one
	}
	if err == nil && (len(args) == 0 || args[0] != (arg{val: "num"})) {
		return nil
	}
	block.Advance(end + len(">}}"))
	n := &Num{Offset: seg.Start}
	if err == nil {
		err = p.eval(n, args)
	}
	if err != nil {
		// The page shows the shortcode as written; it is never published anyway.
		n.Display = string(line[:end+len(">}}")])
		addProblem(pc, Problem{Offset: seg.Start, Msg: err.Error()})
	}
	return n
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
	pc.Set(figuresKey, true)
	return f
}

// figuresKey is set when a body has a figure shortcode, which pictureTransformer places.
var figuresKey = parser.NewContextKey()

var unclosedKey = parser.NewContextKey()

// expandedKey is set when expand read the body's tags (and reported those it could
// not read); otherwise every tag is a one-line num or figure that Parse checks.
var expandedKey = parser.NewContextKey()

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
func (p *shortcodeParser) eval(n *Num, args []arg) error {
	if len(args) == 0 || args[0].key != "" {
		return fmt.Errorf(`shortcode has no name; write {{< num "7.9亿元" >}}`)
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
	reg.Register(KindNum, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		n := node.(*Num)
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

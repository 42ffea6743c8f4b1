package markdown

import (
	"fmt"
	"strconv"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// KindFigure is the node kind of a figure.
var KindFigure = ast.NewNodeKind("Figure")

// Figure is an image with a caption: {{< figure src="…" caption="…" >}}, or an image
// with a title alone in its paragraph. Its one child is its Picture.
type Figure struct {
	ast.BaseBlock
	Picture *Picture
	// Caption is shown under the image, after Title when both are given; both are
	// plain text. Link makes the image a link; Class is the figure's class.
	Caption, Title, Link, Class string
	// Target and Rel are the link's; Attr credits the image after the caption,
	// linked to AttrLink when given (Hugo's attr and attrlink).
	Target, Rel, Attr, AttrLink string
	// width and height are the size the author asked for; 0 keeps the file's.
	width, height int
}

// Kind implements ast.Node.
func (n *Figure) Kind() ast.NodeKind { return KindFigure }

// Dump implements ast.Node.
func (n *Figure) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Caption": n.Caption}, nil)
}

// figureArgs are the figure shortcode's parameters, Hugo's names.
const figureArgs = "src, alt, caption, title, link, target, rel, attr, attrlink, width, height, class"

// newFigure reads {{< figure … >}}; args[0] is its name. width and height replace
// what the file says, as in Hugo; one alone scales the other.
func newFigure(args []arg, offset int) (*Figure, error) {
	p := &Picture{Offset: offset}
	f := &Figure{Picture: p}
	var width, height string
	for _, a := range args[1:] {
		field := map[string]*string{"src": &p.Src, "alt": &p.Alt, "caption": &f.Caption, "title": &f.Title,
			"link": &f.Link, "class": &f.Class, "width": &width, "height": &height,
			"target": &f.Target, "rel": &f.Rel, "attr": &f.Attr, "attrlink": &f.AttrLink}[a.key]
		if field == nil {
			if a.key == "" {
				return nil, fmt.Errorf(`figure takes named parameters, as in {{< figure src="/img/map.png" alt="…" caption="…" >}}`)
			}
			return nil, fmt.Errorf("figure: unknown parameter %s=; figure takes %s", a.key, figureArgs)
		}
		*field = a.val
	}
	if p.Src == "" {
		return nil, fmt.Errorf(`figure has no src; write {{< figure src="/img/map.png" alt="…" >}}`)
	}
	f.AppendChild(f, p)
	return f, f.setSize(width, height)
}

// setSize records the width and height the author gave, applied once the file's
// size is known (renderFigure).
func (f *Figure) setSize(width, height string) error {
	for _, s := range []struct {
		name, val string
		dst       *int
	}{{"width", width, &f.width}, {"height", height, &f.height}} {
		if s.val == "" {
			continue
		}
		n, err := strconv.Atoi(s.val)
		if err != nil || n <= 0 {
			return fmt.Errorf("figure: %s=%q is not a number of pixels; write %s=\"640\"", s.name, s.val, s.name)
		}
		*s.dst = n
	}
	return nil
}

// size applies the author's width and height to the picture.
func (f *Figure) size() {
	p := f.Picture
	switch {
	case f.width > 0 && f.height > 0:
		p.Width, p.Height = f.width, f.height
	case f.width > 0 && p.Width > 0:
		p.Width, p.Height = f.width, max(1, (p.Height*f.width+p.Width/2)/p.Width)
	case f.height > 0 && p.Height > 0:
		p.Width, p.Height = max(1, (p.Width*f.height+p.Height/2)/p.Height), f.height
	}
}

func renderFigure(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	f := node.(*Figure)
	if entering {
		f.size()
		_, _ = w.WriteString("<figure")
		if f.Class != "" {
			_, _ = w.WriteString(` class="`)
			writeEscaped(w, f.Class)
			_, _ = w.WriteString(`"`)
		}
		_, _ = w.WriteString(">")
		if f.Link != "" {
			_, _ = w.WriteString(`<a href="`)
			_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(f.Link), true)))
			_, _ = w.WriteString(`"`)
			writeAttr(w, "target", f.Target)
			writeAttr(w, "rel", f.Rel)
			_, _ = w.WriteString(`>`)
		}
		return ast.WalkContinue, nil
	}
	if f.Link != "" {
		_, _ = w.WriteString("</a>")
	}
	if f.Title != "" || f.Caption != "" || f.Attr != "" {
		_, _ = w.WriteString("<figcaption>")
		if f.Title != "" {
			_, _ = w.WriteString(`<strong class="figure-title">`)
			writeEscaped(w, f.Title)
			_, _ = w.WriteString("</strong>")
			if f.Caption != "" {
				_, _ = w.WriteString(" ")
			}
		}
		writeEscaped(w, f.Caption)
		writeCredit(w, f)
		_, _ = w.WriteString("</figcaption>")
	}
	_, _ = w.WriteString("</figure>\n")
	return ast.WalkContinue, nil
}

func writeAttr(w util.BufWriter, name, val string) {
	if val != "" {
		_, _ = w.WriteString(" " + name + `="`)
		writeEscaped(w, val)
		_, _ = w.WriteString(`"`)
	}
}

// writeCredit writes the figure's attribution, linked when it has a link.
func writeCredit(w util.BufWriter, f *Figure) {
	if f.Attr == "" {
		return
	}
	if f.Title != "" || f.Caption != "" {
		_, _ = w.WriteString(" ")
	}
	_, _ = w.WriteString(`<span class="figure-credit">`)
	if f.AttrLink != "" {
		_, _ = w.WriteString(`<a href="`)
		_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(f.AttrLink), true)))
		_, _ = w.WriteString(`">`)
	}
	writeEscaped(w, f.Attr)
	if f.AttrLink != "" {
		_, _ = w.WriteString("</a>")
	}
	_, _ = w.WriteString("</span>")
}

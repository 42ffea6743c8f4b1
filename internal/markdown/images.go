package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"github.com/briefs/briefs/internal/images"
)

// KindPicture is the node kind of an image with its size read from its file.
var KindPicture = ast.NewNodeKind("Picture")

// Picture is an image, ![alt](src "title") or the image of a figure, with what its
// file says: the page reserves Width×Height before the image loads, and Srcset offers
// narrower copies of a large one. Width is 0 for an image briefs cannot read (one on
// another site).
type Picture struct {
	ast.BaseInline
	Src, Alt, Title string
	Width, Height   int
	Srcset          string
	// Offset is where the image is written in the source, for problems.
	Offset int
}

// Kind implements ast.Node.
func (n *Picture) Kind() ast.NodeKind { return KindPicture }

// Dump implements ast.Node.
func (n *Picture) Dump(src []byte, level int) {
	ast.DumpHelper(n, src, level, map[string]string{"Src": n.Src, "Width": strconv.Itoa(n.Width)}, nil)
}

// sizes tells the browser how wide an image shows, so that it picks a copy from the
// srcset before it has laid out the page: the reading column (--measure in site.css,
// 40rem) or the screen when that is narrower.
const sizes = "(max-width: 40rem) 100vw, 40rem"

type pictures struct{ opts Options }

// Extend adds the transformer that reads images' sizes, and their renderer.
func (p *pictures) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(&pictureTransformer{lib: p.opts.Images}, 100)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(pictureRenderer{}, 100)))
}

var pageKey = parser.NewContextKey()

type pictureTransformer struct{ lib *images.Library }

// Transform turns every image into a Picture, and every paragraph that holds only a
// figure, or only an image with a title, into a Figure. A body with no figure and no
// "![", as most are, has neither, and its tree is not walked.
func (t *pictureTransformer) Transform(doc *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	if pc.Get(figuresKey) == nil && !bytes.Contains(src, []byte("![")) {
		return
	}
	var imgs []*ast.Image
	var figs []*Figure
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Image:
			if entering {
				imgs = append(imgs, n)
			}
		case *Figure:
			if entering {
				figs = append(figs, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, img := range imgs {
		p := &Picture{Src: string(img.Destination), Title: string(img.Title), Alt: plainChildren(img, src), Offset: linkOffset(img, src)}
		t.resolve(p, pc)
		img.Parent().ReplaceChild(img.Parent(), img, p)
		if p.Title != "" && alone(p, src) {
			figs = append(figs, &Figure{Picture: p, Caption: p.Title})
		}
	}
	for _, f := range figs {
		t.place(f, src, pc)
	}
}

// place puts a figure where its paragraph was. A figure inside a line of text
// would make invalid HTML (a <figure> in a <p>), so that is a problem.
func (t *pictureTransformer) place(f *Figure, src []byte, pc parser.Context) {
	n := ast.Node(f)
	if f.Parent() == nil { // an image with a title: the figure is new
		n = f.Picture
		f.Picture.Title = ""
	} else {
		t.resolve(f.Picture, pc)
	}
	if !alone(n, src) {
		addProblem(pc, Problem{Offset: f.Picture.Offset, Msg: "figure: write the shortcode on a line of its own, with a blank line before and after it"})
		return
	}
	para := n.Parent()
	para.Parent().ReplaceChild(para.Parent(), para, f)
	if n == f.Picture {
		f.AppendChild(f, f.Picture)
	}
}

// alone reports whether n is the only thing in its paragraph, spaces aside.
func alone(n ast.Node, src []byte) bool {
	para, ok := n.Parent().(*ast.Paragraph)
	if !ok {
		return false
	}
	for c := para.FirstChild(); c != nil; c = c.NextSibling() {
		t, ok := c.(*ast.Text)
		if c != n && (!ok || len(bytes.TrimSpace(t.Segment.Value(src))) > 0) {
			return false
		}
	}
	return true
}

// resolve reads the size of a local image, and names its narrower copies.
func (t *pictureTransformer) resolve(p *Picture, pc parser.Context) {
	base, _ := pc.Get(pageKey).(string)
	u, err := url.Parse(p.Src)
	if t.lib == nil || base == "" || err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return // another site's image, or a bad URL, which briefs check reports
	}
	name := u.Path
	if !strings.HasPrefix(name, "/") {
		name = path.Join("/"+base, name)
	}
	name = strings.TrimPrefix(path.Clean(name), "/")
	img, err := t.lib.Lookup(name)
	switch {
	case errors.Is(err, images.ErrNotFound):
		addProblem(pc, Problem{Offset: p.Offset, Msg: fmt.Sprintf("image %s leads nowhere: no file static/%s; put the image there, or fix the path", p.Src, name)})
		return
	case err != nil:
		addProblem(pc, Problem{Offset: p.Offset, Msg: fmt.Sprintf("image %s: static/%s %v", p.Src, name, err)})
		return
	}
	p.Width, p.Height = img.Width, img.Height
	if len(img.Variants) > 0 {
		p.Srcset = srcset(u.EscapedPath(), img)
	}
}

// srcset lists an image's copies by width, each named next to the image as src names
// it, then the image itself.
func srcset(src string, img images.Image) string {
	ext := path.Ext(src)
	stem := strings.TrimSuffix(src, ext)
	var b strings.Builder
	for _, v := range img.Variants {
		fmt.Fprintf(&b, "%s.%dw%s %dw, ", stem, v.Width, ext, v.Width)
	}
	fmt.Fprintf(&b, "%s %dw", src, img.Width)
	return b.String()
}

type pictureRenderer struct{}

func (pictureRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(KindPicture, func(w util.BufWriter, _ []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			writePicture(w, node.(*Picture))
		}
		return ast.WalkSkipChildren, nil
	})
	reg.Register(KindFigure, renderFigure)
}

// writePicture writes an <img> that loads only when it comes near the screen, and
// whose space is kept while it loads.
func writePicture(w util.BufWriter, p *Picture) {
	_, _ = w.WriteString(`<img src="`)
	_, _ = w.Write(util.EscapeHTML(util.URLEscape([]byte(p.Src), true)))
	_, _ = w.WriteString(`" alt="`)
	writeEscaped(w, p.Alt)
	_, _ = w.WriteString(`"`)
	if p.Title != "" {
		_, _ = w.WriteString(` title="`)
		writeEscaped(w, p.Title)
		_, _ = w.WriteString(`"`)
	}
	if p.Width > 0 {
		fmt.Fprintf(w, ` width="%d" height="%d"`, p.Width, p.Height)
	}
	if p.Srcset != "" {
		_, _ = w.WriteString(` srcset="`)
		writeEscaped(w, p.Srcset)
		_, _ = w.WriteString(`" sizes="` + sizes + `"`)
	}
	_, _ = w.WriteString(` loading="lazy" decoding="async">`)
}

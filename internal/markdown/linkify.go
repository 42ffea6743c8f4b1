package markdown

import (
	"bytes"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// linkify is GFM's autolinks (www.example.org, https://…, a@b.org made links), as
// goldmark's extension.Linkify makes them, with a quick refusal in front: goldmark
// tries for a link at every space, and in English text a body has one every few
// bytes. Its parser makes a link only where the text after the space starts with
// http:, https:, ftp: or www., or has an @ within the 65 bytes an address's local
// part may take (util.FindEmailIndex); anywhere else linkify answers at once, with
// the nil goldmark's parser would have returned.
type linkify struct{}

// Extend adds the parser at the priority goldmark's Linkify has.
func (linkify) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(&linkifyParser{extension.NewLinkifyParser()}, 999)))
}

// linkifyParser is goldmark's linkify parser behind mayLink.
type linkifyParser struct{ parser.InlineParser }

func (p *linkifyParser) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if !mayLink(line) {
		return nil
	}
	return p.InlineParser.Parse(parent, block, pc)
}

// maxEmailLocal is the longest local part util.FindEmailIndex reads before its @.
const maxEmailLocal = 64

// mayLink reports whether goldmark's linkify parser could make a link of line, the
// rest of the line from one of its trigger characters (a space, *, _, ~ or the line's
// start, which it skips) on.
func mayLink(line []byte) bool {
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case ' ', '*', '_', '~', '(':
		line = line[1:]
	}
	if len(line) == 0 {
		return false
	}
	switch line[0] {
	case 'h', 'f', 'w':
		if bytes.HasPrefix(line, []byte("http:")) || bytes.HasPrefix(line, []byte("https:")) ||
			bytes.HasPrefix(line, []byte("ftp:")) || bytes.HasPrefix(line, []byte("www.")) {
			return true
		}
	}
	return bytes.IndexByte(line[:min(len(line), maxEmailLocal+1)], '@') >= 0
}

package markdown

import (
	"bytes"
	"strconv"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/util"

	"github.com/briefs/briefs/internal/config"
)

// briefs has no syntax highlighter (it would be a large dependency for little: code
// is rare in briefs). Of Hugo's highlighting options, those that need none are
// applied to fenced code blocks and to the highlight shortcode: line numbers
// (lineNos, linenostart) and highlighted lines (hl_lines), from the site's
// [markup.highlight] and from each block's own options (```go {linenos=true,
// hl_lines=[2,"4-5"]}). A block without them is written as goldmark writes it.

// codeOptions are the highlighting options of one code block.
type codeOptions struct {
	lineNos bool
	start   int    // the first line's number
	hl      string // hl_lines as written: "2 4-5", [2,"4-5"]
}

// siteCodeOptions are the site's defaults; fenced tells a fenced block from the
// highlight shortcode (codeFences = false leaves fenced blocks as they are).
func siteCodeOptions(h config.Highlight, fenced bool) codeOptions {
	if fenced && h.CodeFences != nil && !*h.CodeFences {
		return codeOptions{start: 1}
	}
	return codeOptions{lineNos: h.LineNos, start: max(h.LineNoStart, 1), hl: h.HlLines}
}

// apply reads Hugo's option list: "linenos=table,hl_lines=2 4-5,linenostart=10" (the
// highlight shortcode) or the inside of a fenced block's braces, "linenos=true
// hl_lines=[2,"4-5"]". Unknown options (style, anchorlinenos …) are left to a
// highlighter briefs does not have.
func (o *codeOptions) apply(s string) {
	for _, kv := range splitOptions(s) {
		k, v, _ := strings.Cut(kv, "=")
		v = strings.Trim(strings.TrimSpace(v), `"'`)
		switch strings.ToLower(strings.TrimSpace(k)) {
		case "linenos":
			o.lineNos = v == "true" || v == "table" || v == "inline"
		case "linenostart":
			if n, err := strconv.Atoi(v); err == nil && n >= 0 {
				o.start = n
			}
		case "hl_lines":
			o.hl = v
		}
	}
}

// splitOptions splits an option list into key=value items at commas and spaces
// outside brackets and quotes, a space only before another key.
func splitOptions(s string) []string {
	var out []string
	depth, quote, from := 0, rune(0), 0
	for i, r := range s {
		switch {
		case quote != 0:
			if r == quote {
				quote = 0
			}
		case r == '"' || r == '\'':
			quote = r
		case r == '[':
			depth++
		case r == ']':
			depth--
		case depth <= 0 && (r == ',' || r == ' '):
			if f := strings.TrimSpace(s[from:i]); f != "" {
				out = append(out, f)
			}
			from = i + 1
		}
	}
	if f := strings.TrimSpace(s[from:]); f != "" {
		out = append(out, f)
	}
	// A word without '=' goes on with the value before it: hl_lines=2 4-5 (joined
	// once, not word by word, which would be quadratic in a long list).
	var merged []string
	for i := 0; i < len(out); {
		j := i + 1
		for j < len(out) && !strings.Contains(out[j], "=") {
			j++
		}
		merged = append(merged, strings.Join(out[i:j], " "))
		i = j
	}
	return merged
}

// highlighted is the set of line numbers (as shown) from first to last that hl
// names: numbers and ranges ("4-5") apart by spaces, commas, brackets or quotes. A
// range is cut to the block's lines, so that hl_lines=1-999999999 costs no more than
// the block.
func (o codeOptions) highlighted(first, last int) map[int]bool {
	if o.hl == "" || last < first {
		return nil
	}
	set := map[int]bool{}
	for _, f := range strings.FieldsFunc(o.hl, func(r rune) bool { return strings.ContainsRune(" ,[]\"'", r) }) {
		a, b, isRange := strings.Cut(f, "-")
		lo, err1 := strconv.Atoi(a)
		hi, err2 := strconv.Atoi(b)
		if !isRange {
			hi, err2 = lo, err1
		}
		if err1 != nil || err2 != nil || hi < lo {
			continue
		}
		for n := max(lo, first); n <= min(hi, last); n++ {
			set[n] = true
		}
	}
	return set
}

// plain reports whether the options change nothing in a block of n lines.
func (o codeOptions) plain(n int) bool {
	return !o.lineNos && len(o.highlighted(o.start, o.start+n-1)) == 0
}

// writeCode writes a code block's lines with the options: each highlighted line in
// <mark>, each line's number in a span that is not selected with the code nor read
// aloud (styled inline, as Hugo's highlighter does by default, so that any theme
// shows it).
func writeCode(w util.BufWriter, lines [][]byte, o codeOptions) {
	last := o.start + len(lines) - 1
	hl := o.highlighted(o.start, last)
	width := len(strconv.Itoa(max(last, 0)))
	for i, line := range lines {
		n := o.start + i
		text := bytes.TrimRight(line, "\r\n")
		if hl[n] {
			w.WriteString("<mark>")
		}
		if o.lineNos {
			num := strconv.Itoa(n)
			w.WriteString(`<span class="ln" aria-hidden="true" style="-webkit-user-select:none;user-select:none;opacity:.6;margin-right:.8em">`)
			w.WriteString(strings.Repeat(" ", max(width-len(num), 0)) + num)
			w.WriteString("</span>")
		}
		w.Write(util.EscapeHTML(text))
		if hl[n] {
			w.WriteString("</mark>")
		}
		w.WriteByte('\n')
	}
}

// codeBlocks renders fenced code blocks with the site's options and their own.
type codeBlocks struct{ site config.Highlight }

func (c codeBlocks) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindFencedCodeBlock, c.render)
}

func (c codeBlocks) render(w util.BufWriter, source []byte, node ast.Node, entering bool) (ast.WalkStatus, error) {
	n := node.(*ast.FencedCodeBlock)
	if !entering {
		w.WriteString("</code></pre>\n")
		return ast.WalkContinue, nil
	}
	lang, attrs := []byte(nil), ""
	if n.Info != nil {
		info := n.Info.Segment.Value(source)
		lang = n.Language(source)
		if i := bytes.IndexByte(info, '{'); i >= 0 {
			attrs = strings.TrimSuffix(strings.TrimSpace(string(info[i+1:])), "}")
			if j := bytes.IndexByte(lang, '{'); j >= 0 {
				lang = lang[:j]
			}
		}
	}
	o := siteCodeOptions(c.site, true)
	if attrs != "" && (c.site.CodeFences == nil || *c.site.CodeFences) {
		o.apply(attrs)
	}
	w.WriteString("<pre><code")
	if len(lang) > 0 {
		w.WriteString(` class="language-`)
		html.DefaultWriter.Write(w, lang)
		w.WriteString(`"`)
	}
	w.WriteByte('>')
	lines := n.Lines()
	if o.plain(lines.Len()) {
		for i := range lines.Len() {
			seg := lines.At(i)
			html.DefaultWriter.RawWrite(w, seg.Value(source))
		}
		return ast.WalkContinue, nil
	}
	all := make([][]byte, lines.Len())
	for i := range all {
		seg := lines.At(i)
		all[i] = seg.Value(source)
	}
	writeCode(w, all, o)
	return ast.WalkContinue, nil
}

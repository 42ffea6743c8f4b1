package markdown

import (
	"bytes"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/util"
)

// Shortcodes run before goldmark reads a body, as in Hugo: a call with content, a call
// over several lines, or a {{% … %}} can hold whole Markdown blocks, which an inline
// parser never sees. expand reads the body's tags into a tree of calls (closing tags
// matched to their openings), runs each call, and writes the body again:
//
//   - a call whose output is HTML leaves a placeholder, a word of letters that
//     Markdown leaves alone (in text, code and link targets alike); the HTML replaces
//     it in the rendered page, and a placeholder alone in its paragraph takes the
//     paragraph's <p> with it;
//   - a call whose output is Markdown ({{% … %}} of a site template) leaves its output;
//   - num and figure stay as they are, one line each, for the inline parser
//     (shortcode.go), so that their figures and images take part in the page's tree;
//   - a chart stays as it is, from its tag to its closing tag, for the chart block
//     parser (chart.go), which reads its data and places its problems.
//
// The body written again keeps a map to the source, so that problems found in it are
// reported where the author wrote them.

// MaxShortcodeOutput bounds the HTML the shortcodes of one body write: a template that
// shows .Inner twice, called inside itself 40 deep, would write 2^40 copies.
const MaxShortcodeOutput = 64 << 20

// maxFragmentDepth bounds Markdown rendered inside shortcodes inside Markdown
// rendered inside shortcodes (markdownify of .Inner, nested).
const maxFragmentDepth = 16

// scNode is a part of a body: text (call == nil) or a call with its content.
type scNode struct {
	call       *tag
	start, end int // the text, or the call from its opening to its closing tag's end
	children   []scNode
}

// expansion is one body being written again.
type expansion struct {
	md      *Markdown
	src     []byte
	page    *Page
	depth   int
	summary bool // for a summary: calls show nothing, {{% %}} content stays

	out    []byte
	segs   []segment
	prefix string   // of placeholders, a word not in src
	html   []string // placeholder i's HTML
	probs  []Problem
	// overflow: the calls' HTML passed MaxShortcodeOutput, and was cut there.
	overflow bool
}

// segment maps out[exp:] back to src: byte for byte when verbatim, else to orig.
type segment struct {
	exp, orig int
	verbatim  bool
}

// placeholderWord starts every placeholder; it is made longer until src does not hold it.
const placeholderWord = "BRIEFSSHORTCODE"

// expand writes src again with its shortcodes run. It returns nil when src has no
// shortcode other than one-line num and figure calls: the body is then parsed as it is.
func (m *Markdown) expand(src []byte, page *Page, depth int, summary bool) *expansion {
	if page == nil {
		page = &Page{}
	}
	if m.onlyInline(src) {
		return nil
	}
	tags, errs := scanTags(src)
	x := &expansion{md: m, src: src, page: page, depth: depth, summary: summary}
	for _, e := range errs {
		x.problem(e.at, e.msg, "")
	}
	if len(errs) == 0 && x.plain(tags) {
		return nil
	}
	if page.Store == nil { // made before the first call runs, as it is only read by calls
		page.Store = map[string]any{}
	}
	x.prefix = placeholderWord
	for bytes.Contains(src, []byte(x.prefix)) {
		x.prefix += "Q"
	}
	x.out = make([]byte, 0, len(src)+len(src)/8)
	tree := x.tree(tags)
	x.write(tree, nil, true)
	return x
}

// onlyInline reports, without reading the tags' arguments, whether every tag of src
// is a one-line {{< num … >}} or {{< figure … >}} (briefs' bodies are mostly figures):
// the inline parser then reads and checks them all.
func (m *Markdown) onlyInline(src []byte) bool {
	if _, ok := m.opts.Shortcodes["num"]; ok {
		return false
	}
	if _, ok := m.opts.Shortcodes["figure"]; ok {
		return false
	}
	for i := 0; ; {
		k := bytes.Index(src[i:], []byte("{{"))
		if k < 0 {
			return true
		}
		i += k + 2
		if i >= len(src) || src[i] == '%' {
			return i >= len(src)
		}
		if src[i] != '<' {
			continue
		}
		rest := src[i+1:]
		end := bytes.Index(rest, []byte(">}}"))
		if end < 0 {
			return false
		}
		tag := bytes.TrimLeft(rest[:end], " \t")
		if !(bytes.HasPrefix(tag, []byte("num ")) || bytes.HasPrefix(tag, []byte("figure "))) ||
			bytes.ContainsAny(tag, "\n`{") || bytes.HasSuffix(tag, []byte("/")) {
			return false
		}
		i += 1 + end + 3
	}
}

// plain reports whether every tag is a one-line {{< num >}} or {{< figure >}} that the
// inline parser reads where it is.
func (x *expansion) plain(tags []tag) bool {
	for _, t := range tags {
		if x.passThrough(t) && x.alone(t) {
			continue
		}
		if !x.inline(t) || bytes.IndexByte(x.src[t.start:t.end], '\n') >= 0 {
			return false
		}
	}
	return true
}

// passThrough reports whether a tag is a chart's, opening or closing, which the
// chart block parser reads where it is, unless the site has a template named chart.
func (x *expansion) passThrough(t tag) bool {
	if t.literal || t.name != "chart" {
		return false
	}
	_, site := x.md.opts.Shortcodes[t.name]
	return !site
}

// alone reports whether nothing but spaces stands on the lines of t before and after it.
func (x *expansion) alone(t tag) bool {
	start := bytes.LastIndexByte(x.src[:t.start], '\n') + 1
	end := bytes.IndexByte(x.src[t.end:], '\n')
	if end < 0 {
		end = len(x.src) - t.end
	}
	return len(bytes.TrimSpace(x.src[start:t.start])) == 0 && len(bytes.TrimSpace(x.src[t.end:t.end+end])) == 0
}

// chartData reports whether a chart's tag names its data (data=), so that it has
// no inner block and no closing tag.
func chartData(t *tag) bool {
	for _, p := range t.params {
		if p.Name == "data" {
			return true
		}
	}
	return false
}

// inline reports whether a tag is one the inline parser reads: num or figure, called
// with {{< >}}, unless the site has a template of that name.
func (x *expansion) inline(t tag) bool {
	if t.literal || t.closing || (t.name != "num" && t.name != "figure") {
		return false
	}
	_, site := x.md.opts.Shortcodes[t.name]
	return !site
}

func (x *expansion) lookup(name string) Shortcode {
	if s, ok := x.md.opts.Shortcodes[name]; ok {
		return s
	}
	if strings.HasSuffix(name, inlineSuffix) {
		return inlineCall{}
	}
	return builtins[name]
}

func (x *expansion) problem(at int, msg, unknown string) {
	x.probs = append(x.probs, Problem{Offset: at, Msg: msg, Shortcode: unknown})
}

// frame is a call still open while the tree is read.
type frame struct {
	node  scNode
	text  int // where its next text starts
	inner bool
}

// tree matches closing tags to their openings. A call of a shortcode that takes no
// content is complete at its tag; an unknown shortcode's closing tag is taken quietly
// (the opening was reported); any other closing tag must close the last call open.
func (x *expansion) tree(tags []tag) []scNode {
	stack := []frame{{node: scNode{end: len(x.src)}, inner: true}}
	unknownOpen := map[string]int{}
	addText := func(upto int) {
		f := &stack[len(stack)-1]
		if upto > f.text {
			f.node.children = append(f.node.children, scNode{start: f.text, end: upto})
		}
		f.text = upto
	}
	for i := range tags {
		t := &tags[i]
		addText(t.start)
		top := &stack[len(stack)-1]
		switch {
		case t.closing:
			k := len(stack) - 1
			for k > 0 && stack[k].node.call.name != t.name {
				k--
			}
			if k == 0 {
				x.strayClose(t, unknownOpen)
				top.text = t.end
				continue
			}
			for len(stack)-1 > k { // calls left open inside the one closed
				x.unclosed(stack[len(stack)-1].node.call)
				stack = x.pop(stack, t.start)
			}
			stack = x.pop(stack, t.start)
			last := &stack[len(stack)-1]
			last.node.children[len(last.node.children)-1].end = t.end
			last.text = t.end
			continue
		case x.passThrough(*t) && !x.alone(*t):
			x.problem(t.start, "chart: write {{< chart … >}} on a line of its own, with its data on the lines after it and {{< /chart >}} on a line of its own", "")
			t.literal, t.lit = true, "" // shows nothing; the page is not published
		case x.passThrough(*t) && !t.selfClosing && !t.closing && !chartData(t):
			stack = append(stack, frame{node: scNode{call: t, start: t.start}, text: t.end, inner: true})
			continue
		case x.passThrough(*t):
		case !t.literal && !x.inline(*t) && x.lookup(t.name) == nil:
			unknownOpen[t.name]++
		case !t.literal && !t.selfClosing && x.lookup(t.name) != nil && x.lookup(t.name).Inner():
			stack = append(stack, frame{node: scNode{call: t, start: t.start}, text: t.end, inner: true})
			continue
		}
		top.node.children = append(top.node.children, scNode{call: t, start: t.start, end: t.end})
		top.text = t.end
	}
	for len(stack) > 1 {
		x.unclosed(stack[len(stack)-1].node.call)
		stack = x.pop(stack, len(x.src))
	}
	addText(len(x.src))
	return stack[0].node.children
}

// pop ends the innermost open call at end (where its closing tag starts) and adds it
// to its parent.
func (x *expansion) pop(stack []frame, end int) []frame {
	f := stack[len(stack)-1]
	if end > f.text {
		f.node.children = append(f.node.children, scNode{start: f.text, end: end})
	}
	f.node.end = end
	stack = stack[:len(stack)-1]
	parent := &stack[len(stack)-1]
	parent.node.children = append(parent.node.children, f.node)
	parent.text = end
	return stack
}

func (x *expansion) unclosed(t *tag) {
	if x.passThrough(*t) {
		return // the chart parser reports it
	}
	open, close := tagDelims(t)
	x.problem(t.start, fmt.Sprintf("shortcode %s has no closing tag: end its content with %s /%s %s, or write %s %s /%s", t.name, open, t.name, close, open, t.name, close), "")
}

func (x *expansion) strayClose(t *tag, unknownOpen map[string]int) {
	open, close := tagDelims(t)
	switch s := x.lookup(t.name); {
	case unknownOpen[t.name] > 0:
		unknownOpen[t.name]--
	case t.name == "num" || t.name == "figure" || (s != nil && !s.Inner()):
		x.problem(t.start, fmt.Sprintf("%s has no closing tag; remove %s /%s %s", t.name, open, t.name, close), "")
	default:
		x.problem(t.start, fmt.Sprintf("closing tag %s /%s %s has no opening %s %s %s before it; remove it or add the opening tag", open, t.name, close, open, t.name, close), "")
	}
}

func tagDelims(t *tag) (string, string) {
	if t.markdown {
		return "{{%", "%}}"
	}
	return "{{<", ">}}"
}

// write writes nodes into x.out (top) or returns them as a string (a call's content).
func (x *expansion) write(nodes []scNode, parent *Call, top bool) string {
	var b []byte
	ordinal := 0
	emit := func(s string, orig int, verbatim bool) {
		if top {
			x.segs = append(x.segs, segment{exp: len(x.out), orig: orig, verbatim: verbatim})
			x.out = append(x.out, s...)
		} else {
			b = append(b, s...)
		}
	}
	for _, n := range nodes {
		t := n.call
		switch {
		case t == nil:
			emit(string(x.src[n.start:n.end]), n.start, true)
		case x.passThrough(*t):
			emit(string(x.src[n.start:n.end]), n.start, true)
		case t.literal && x.summary:
		case t.literal:
			emit(x.placeholder(string(util.EscapeHTML([]byte(t.lit)))), t.start, false)
		case x.inline(*t):
			ordinal++
			emit(x.inlineCall(t), t.start, bytes.IndexByte(x.src[t.start:t.end], '\n') < 0)
		default:
			c := &Call{Name: t.name, Params: t.params, Markdown: t.markdown, Ordinal: ordinal, Parent: parent, Offset: t.start, Page: x.page, Store: map[string]any{}, x: x}
			ordinal++
			emit(x.run(c, n), t.start, false)
		}
	}
	return string(b)
}

// inlineCall writes a num or figure call on one line, as the inline parser reads it.
func (x *expansion) inlineCall(t *tag) string {
	if bytes.IndexByte(x.src[t.start:t.end], '\n') < 0 && !t.selfClosing {
		return string(x.src[t.start:t.end])
	}
	var b strings.Builder
	b.WriteString("{{< " + t.name)
	for _, p := range t.params {
		b.WriteByte(' ')
		if p.Name != "" {
			b.WriteString(p.Name + "=")
		}
		s := strings.ReplaceAll(fmt.Sprint(p.Value), `\`, `\\`)
		b.WriteString(`"` + strings.ReplaceAll(s, `"`, `\"`) + `"`)
	}
	b.WriteString(" >}}")
	return b.String()
}

// run runs one call and returns what stands in the body for it.
func (x *expansion) run(c *Call, n scNode) string {
	if len(n.children) > 0 {
		c.Inner = x.write(n.children, c, false)
		if c.Markdown && c.Parent != nil && !x.summary {
			// A {{% %}} call inside another call gets its content as HTML, as in Hugo
			// since 0.55: rendered as Markdown, without the <p> around it when it is
			// one line. Each level renders the levels inside it again, so the depth
			// is bounded, as for markdownify inside markdownify.
			if nestedDepth(c) > maxFragmentDepth {
				x.problem(c.Offset, fmt.Sprintf("{{%% %s %%}} is inside more than %d calls; briefs stops there: simplify the nesting", c.Name, maxFragmentDepth), "")
				return ""
			}
			c.Inner = c.RenderMarkdown(c.Inner, strings.Contains(c.Inner, "\n"))
		}
	}
	s := x.lookup(c.Name)
	switch {
	case x.summary && c.Markdown:
		return c.Inner
	case x.summary:
		return ""
	case s == nil:
		x.problem(c.Offset, x.unknownMsg(c.Name), c.Name)
		return ""
	}
	if _, ok := s.(inlineCall); ok {
		var err error
		if s, err = x.inlineShortcode(c, n); s == nil {
			if err != nil {
				x.problem(c.Offset, err.Error(), "")
			}
			return ""
		}
	}
	out, err := s.Render(c)
	var u *Unsupported
	if errors.As(err, &u) {
		x.probs = append(x.probs, Problem{Offset: c.Offset, Msg: u.Msg, Warning: true, Degraded: c.Name})
		out, err = u.Show, nil
	}
	if err != nil {
		x.problem(c.Offset, err.Error(), "")
		return ""
	}
	for _, w := range out.Warnings {
		x.probs = append(x.probs, Problem{Offset: c.Offset, Msg: fmt.Sprintf("shortcode %s: warnf: %s", c.Name, w), Warning: true})
	}
	if out.HTML != "" {
		return x.placeholder(out.HTML)
	}
	return out.Markdown
}

// nestedDepth counts the calls around c, up to one more than maxFragmentDepth.
func nestedDepth(c *Call) int {
	n := 0
	for p := c.Parent; p != nil && n <= maxFragmentDepth; p = p.Parent {
		n++
	}
	return n
}

func (x *expansion) unknownMsg(name string) string {
	var site []string
	for n := range x.md.opts.Shortcodes {
		site = append(site, n)
	}
	sort.Strings(site)
	msg := fmt.Sprintf("unknown shortcode %q; briefs has %s", name, strings.Join(Builtins(), ", "))
	if len(site) > 0 {
		msg += "; the site has " + strings.Join(site, ", ")
	}
	return msg + fmt.Sprintf(": add layouts/shortcodes/%s.html, or fix the name", name)
}

// placeholder returns the word that stands for html until the page is rendered.
func (x *expansion) placeholder(html string) string {
	x.html = append(x.html, html)
	return x.prefix + placeholderIndex(len(x.html)-1) + "X"
}

// placeholderIndex writes i in the letters a to j, so that no digit stands in the text
// that checks read for figures.
func placeholderIndex(i int) string {
	s := fmt.Sprint(i)
	b := []byte(s)
	for k := range b {
		b[k] = 'a' + (b[k] - '0')
	}
	return string(b)
}

// readPlaceholder reads the placeholder at s (which starts with the prefix): its index
// and length, or -1.
func (x *expansion) readPlaceholder(s string) (int, int) {
	i, n := len(x.prefix), 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'j' {
		n = n*10 + int(s[i]-'a')
		i++
		if n >= len(x.html) {
			return -1, 0
		}
	}
	if i == len(x.prefix) || i >= len(s) || s[i] != 'X' {
		return -1, 0
	}
	return n, i + 1
}

// replace puts the calls' HTML in place of their placeholders in the rendered page.
// A placeholder alone in a paragraph replaces the paragraph, as in Hugo.
func (x *expansion) replace(html string) string {
	if x == nil || len(x.html) == 0 || !strings.Contains(html, x.prefix) {
		return html
	}
	var b strings.Builder
	b.Grow(len(html))
	x.replaceInto(&b, html)
	return b.String()
}

// replaceInto writes html into b with its placeholders replaced. Calls inside calls
// are written into b in turn, not returned as strings: nested n deep, they would be
// copied n times.
func (x *expansion) replaceInto(b *strings.Builder, html string) {
	for {
		if b.Len() > MaxShortcodeOutput {
			if !x.overflow {
				x.overflow = true
				x.problem(0, fmt.Sprintf("the shortcodes of this body write more than %d MiB of HTML (a template that shows .Inner more than once, nested?); briefs stops there: simplify the calls", MaxShortcodeOutput>>20), "")
			}
			return
		}
		k := strings.Index(html, x.prefix)
		if k < 0 {
			b.WriteString(html)
			return
		}
		i, n := x.readPlaceholder(html[k:])
		if i < 0 {
			b.WriteString(html[:k+len(x.prefix)])
			html = html[k+len(x.prefix):]
			continue
		}
		before, after := html[:k], html[k+n:]
		if strings.HasSuffix(before, "<p>") && strings.HasPrefix(after, "</p>") {
			before, after = before[:len(before)-3], strings.TrimPrefix(after[4:], "\n")
		}
		b.WriteString(before)
		// A call's HTML holds the placeholders of the calls inside it, which come before it.
		x.replaceInto(b, x.html[i])
		html = after
	}
}

// source maps an offset of the body written again back to the source.
func (x *expansion) source(off int) int {
	if x == nil {
		return off
	}
	i := sort.Search(len(x.segs), func(i int) bool { return x.segs[i].exp > off }) - 1
	if i < 0 {
		return 0
	}
	s := x.segs[i]
	if !s.verbatim {
		return s.orig
	}
	return min(s.orig+off-s.exp, len(x.src))
}

// body is the Markdown goldmark reads: the body written again, or src itself.
func (x *expansion) body(src []byte) []byte {
	if x == nil {
		return src
	}
	return x.out
}

// problems are the problems of running the calls, or nil.
func (x *expansion) problems() []Problem {
	if x == nil {
		return nil
	}
	sort.SliceStable(x.probs, func(i, j int) bool { return x.probs[i].Offset < x.probs[j].Offset })
	return x.probs
}

// blank turns the placeholders in prose into spaces: the calls' HTML is not prose.
// The text keeps its length, so that the offsets in it stay true.
func (x *expansion) blank(s string) string {
	var b strings.Builder
	for {
		k := strings.Index(s, x.prefix)
		if k < 0 {
			b.WriteString(s)
			return b.String()
		}
		n := len(x.prefix)
		if i, m := x.readPlaceholder(s[k:]); i >= 0 {
			n = m
		}
		b.WriteString(s[:k] + strings.Repeat(" ", n))
		s = s[k+n:]
	}
}

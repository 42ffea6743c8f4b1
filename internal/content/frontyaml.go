package content

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/briefs/briefs/internal/diag"
)

// YAML front matter is read with github.com/goccy/go-yaml, the library Hugo reads it
// with since 0.152: YAML 1.2, so yes, no, on and off are text, not booleans. Its parser
// gives every node's line and column; the values are made from its syntax tree here,
// rather than by its decoder, so that each key and list item keeps its place, and so
// that aliases are counted as what they expand to.
const (
	// maxYAMLFront bounds YAML front matter: the parser takes up to a few seconds for
	// 256 KiB of keys on a loaded machine, and front matter is a few hundred bytes (a
	// pasted data file is the mistake).
	maxYAMLFront = 256 << 10
	// maxNesting bounds lists and tables inside each other; the parser's time grows
	// with the square of the depth of [ and {, and of "- - -" on one line (10,000
	// deep: 4 s), so both are checked before parsing.
	maxNesting = 64
	// maxValues bounds the values a front matter expands to once aliases are
	// followed: "billion laughs" (an alias of ten aliases of ten aliases …) would
	// otherwise make a page's .Params print gigabytes.
	maxValues = 100_000
)

// yamlAt makes a problem at a line and column of the front matter.
type yamlAt func(line, col int, format string, args ...any) *diag.Error

// decodeYAML reads front matter between --- lines in three steps: refuse what is too
// big or nested too deep to parse in good time (yamlLimits), parse it into its
// top-level pairs (yamlPairs), and make each pair's value (top), keeping the places of
// its key, its value and its list items.
func decodeYAML(file string, front []byte, firstLine int) (frontDoc, *diag.Error) {
	at := func(line, col int, format string, args ...any) *diag.Error {
		return diag.At(file, line+firstLine-1, col, format, args...)
	}
	if err := yamlLimits(front, at); err != nil {
		return frontDoc{}, err
	}
	pairs, err := yamlPairs(front, at)
	if err != nil {
		return frontDoc{}, err
	}
	places := &yamlPlaces{keys: map[string]token.Position{}, values: map[string]token.Position{}, items: map[string][]token.Position{}}
	doc := frontDoc{vals: map[string]any{}, places: places}
	r := &yamlReader{anchors: map[string]anchor{}}
	for _, pair := range pairs {
		name, v, err := r.top(pair, at)
		if err != nil {
			return frontDoc{}, err
		}
		doc.keys = append(doc.keys, name)
		doc.vals[name] = v
		places.add(name, pair)
	}
	return doc, nil
}

// yamlLimits refuses front matter the parser would take too long over: too big, or
// nested too deep.
func yamlLimits(front []byte, at yamlAt) *diag.Error {
	if len(front) > maxYAMLFront {
		return at(1, 1, "YAML front matter is %d KiB; it may be at most %d KiB: keep data in a data file, not in a page", len(front)>>10, maxYAMLFront>>10)
	}
	if off := yamlTooDeep(front); off >= 0 {
		line, col := diag.LineCol(front, off)
		return at(line, col, "YAML: lists and tables nested more than %d deep; flatten the value", maxNesting)
	}
	return nil
}

// yamlPairs parses front matter and returns its top-level key: value pairs; front
// matter that is empty, or only comments, has none.
func yamlPairs(front []byte, at yamlAt) ([]*ast.MappingValueNode, *diag.Error) {
	tree, err := parseYAML(front)
	if err != nil {
		return nil, yamlError(err, at)
	}
	var body ast.Node
	if len(tree.Docs) > 0 {
		body = tree.Docs[0].Body
	}
	switch n := body.(type) {
	case nil, *ast.CommentGroupNode, *ast.NullNode:
		return nil, nil
	case *ast.MappingNode:
		return n.Values, nil
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{n}, nil
	default:
		p := pos(n)
		return nil, at(p.Line, p.Column, "YAML front matter is key: value lines (title: …), not a %s", describe(n))
	}
}

// top reads a top-level pair: its key as text, and its value, plain scalars read as
// the text written for the keys whose values are text.
func (r *yamlReader) top(pair *ast.MappingValueNode, at yamlAt) (string, any, *diag.Error) {
	if _, merge := pair.Key.(*ast.MergeKeyNode); merge {
		p := pos(pair.Key)
		return "", nil, at(p.Line, p.Column, "YAML: a merge key (<<) at the top of front matter; write the keys out")
	}
	name, ok := keyText(pair.Key)
	if !ok {
		p := pos(pair.Key)
		return "", nil, at(p.Line, p.Column, "YAML: a key must be text, not a %s", describe(pair.Key))
	}
	v, _ := r.value(pair.Value, 1, textKeys[keyNames[strings.ToLower(name)]])
	if r.err != nil {
		return "", nil, at(r.err.pos.Line, r.err.pos.Column, "YAML: %s", r.err.msg)
	}
	return name, v, nil
}

// parseYAML parses YAML text; a panic inside the parser (a bug, on input nobody
// writes) becomes an error, so that one odd file cannot crash a build.
func parseYAML(src []byte) (tree *ast.File, err error) {
	defer func() {
		if r := recover(); r != nil {
			tree, err = nil, fmt.Errorf("the YAML parser failed on this front matter (%v); simplify it", r)
		}
	}()
	return parser.ParseBytes(src, 0)
}

// yamlError places an error of the YAML parser.
func yamlError(err error, at yamlAt) *diag.Error {
	var ye yaml.Error
	if errors.As(err, &ye) && ye.GetToken() != nil {
		p := ye.GetToken().Position
		return at(max(p.Line, 1), max(p.Column, 1), "YAML: %s", ye.GetMessage())
	}
	return at(1, 1, "YAML: %v", err)
}

// yamlReader makes values from YAML nodes, counting them, aliases at their full size.
type yamlReader struct {
	anchors map[string]anchor
	count   int
	err     *yamlProblem
}

type anchor struct {
	value any
	size  int
}

type yamlProblem struct {
	pos token.Position
	msg string
}

func (r *yamlReader) fail(n ast.Node, format string, args ...any) (any, int) {
	if r.err == nil {
		r.err = &yamlProblem{pos: pos(n), msg: fmt.Sprintf(format, args...)}
	}
	return nil, 0
}

// value makes the value of node n, nested depth deep, and its size in values. asText
// reads plain scalars as the text written (for keys whose values are text).
func (r *yamlReader) value(n ast.Node, depth int, asText bool) (any, int) {
	if r.err != nil {
		return nil, 0
	}
	if depth > maxNesting {
		return r.fail(n, "lists and tables nested more than %d deep; flatten the value", maxNesting)
	}
	if r.count++; r.count > maxValues {
		return r.fail(n, "more than %d values; keep data in a data file, not in a page", maxValues)
	}
	if v, ok := leaf(n, asText); ok {
		return v, 1
	}
	switch n := n.(type) {
	case *ast.TagNode:
		return r.value(n.Value, depth, asText)
	case *ast.AnchorNode:
		v, size := r.value(n.Value, depth, asText)
		r.anchors[n.Name.GetToken().Value] = anchor{value: v, size: size}
		return v, size
	case *ast.AliasNode:
		return r.alias(n)
	case *ast.SequenceNode:
		return r.sequence(n, depth, asText)
	case *ast.MappingNode:
		return r.mapping(n.Values, depth)
	case *ast.MappingValueNode:
		return r.mapping([]*ast.MappingValueNode{n}, depth)
	}
	return r.fail(n, "%s is not a value front matter can hold", describe(n))
}

// leaf is the value of a node that holds no other: nothing, text, a number or a
// boolean (the text written when asText), or a scalar tagged !!str; ok is false for
// any other node.
func leaf(n ast.Node, asText bool) (v any, ok bool) {
	switch n := n.(type) {
	case nil, *ast.NullNode, *ast.CommentGroupNode:
		return nil, true
	case *ast.StringNode:
		return n.Value, true
	case *ast.LiteralNode:
		return n.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode:
		if asText {
			return n.GetToken().Value, true
		}
		return scalar(n), true
	case *ast.TagNode:
		if _, isScalar := n.Value.(ast.ScalarNode); isScalar && n.Start != nil && n.Start.Value == "!!str" {
			return n.Value.GetToken().Value, true
		}
	}
	return nil, false
}

// alias is the value of the anchor an alias names, counted at its full size.
func (r *yamlReader) alias(n *ast.AliasNode) (any, int) {
	name := n.Value.GetToken().Value
	a, ok := r.anchors[name]
	if !ok {
		return r.fail(n, "alias *%s has no anchor &%s before it", name, name)
	}
	if r.count += a.size; r.count > maxValues {
		return r.fail(n, "aliases expand to more than %d values (an alias of aliases of aliases …); write the values out", maxValues)
	}
	return a.value, a.size
}

// sequence makes a list.
func (r *yamlReader) sequence(n *ast.SequenceNode, depth int, asText bool) (any, int) {
	out, size := make([]any, 0, len(n.Values)), 1
	for _, item := range n.Values {
		v, s := r.value(item, depth+1, asText)
		out, size = append(out, v), size+s
	}
	return out, size
}

// mapping makes a table; merge keys (<<: *base) add the keys of other tables that it
// does not set itself.
func (r *yamlReader) mapping(pairs []*ast.MappingValueNode, depth int) (any, int) {
	out, size := make(map[string]any, len(pairs)), 1
	var merged []map[string]any
	for _, pair := range pairs {
		v, s := r.value(pair.Value, depth+1, false)
		if r.err != nil {
			return nil, 0
		}
		size += s
		if _, merge := pair.Key.(*ast.MergeKeyNode); merge {
			switch m := v.(type) {
			case map[string]any:
				merged = append(merged, m)
			case []any:
				for _, x := range m {
					if mm, ok := x.(map[string]any); ok {
						merged = append(merged, mm)
					}
				}
			}
			continue
		}
		key, ok := keyText(pair.Key)
		if !ok {
			return r.fail(pair.Key, "a key must be text, not a %s", describe(pair.Key))
		}
		out[key] = v
	}
	for _, m := range merged {
		for k, v := range m {
			if _, set := out[k]; !set {
				out[k] = v
			}
		}
	}
	return out, size
}

// scalar is the value of a YAML number or boolean, in the TOML decoder's types.
func scalar(n ast.Node) any {
	switch n := n.(type) {
	case *ast.IntegerNode:
		switch x := n.Value.(type) {
		case int64:
			return x
		case uint64:
			if x <= math.MaxInt64 {
				return int64(x)
			}
			return float64(x)
		}
	case *ast.FloatNode:
		return n.Value
	case *ast.InfinityNode:
		return n.Value
	case *ast.NanNode:
		return math.NaN()
	case *ast.BoolNode:
		return n.Value
	}
	return n.GetToken().Value
}

// keyText is a key as text: a YAML key may be any scalar (1: x, true: y).
func keyText(n ast.Node) (string, bool) {
	switch k := n.(type) {
	case *ast.StringNode:
		return k.Value, true
	case *ast.MappingKeyNode:
		return keyText(k.Value)
	case *ast.TagNode:
		return keyText(k.Value)
	case ast.ScalarNode:
		return k.GetToken().Value, true
	}
	return "", false
}

// unwrap is the node under anchors and tags.
func unwrap(n ast.Node) ast.Node {
	for {
		switch x := n.(type) {
		case *ast.AnchorNode:
			n = x.Value
		case *ast.TagNode:
			n = x.Value
		default:
			return n
		}
	}
}

// pos is where a node starts.
func pos(n ast.Node) token.Position {
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 && !m.IsFlowStyle {
			return pos(m.Values[0].Key)
		}
	case *ast.MappingValueNode:
		return pos(m.Key)
	}
	if n == nil || n.GetToken() == nil {
		return token.Position{Line: 1, Column: 1}
	}
	return *n.GetToken().Position
}

// describe names a node's kind for messages.
func describe(n ast.Node) string {
	switch unwrap(n).(type) {
	case *ast.SequenceNode:
		return "list"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "table"
	}
	return "single value"
}

// yamlPlaces are the places of the top-level keys, their values and list items.
type yamlPlaces struct {
	keys, values map[string]token.Position
	items        map[string][]token.Position
}

func lc(p token.Position, ok bool) (int, int) {
	if !ok {
		return 0, 0
	}
	return p.Line, p.Column
}

// add records the places of a top-level pair: its key, its value and its list items.
func (y *yamlPlaces) add(name string, pair *ast.MappingValueNode) {
	y.keys[name], y.values[name] = pos(pair.Key), pos(pair.Value)
	if seq, ok := unwrap(pair.Value).(*ast.SequenceNode); ok {
		for _, item := range seq.Values {
			y.items[name] = append(y.items[name], pos(item))
		}
	}
}

func (y *yamlPlaces) key(name string) (int, int) { p, ok := y.keys[name]; return lc(p, ok) }

func (y *yamlPlaces) value(name string) (int, int) { p, ok := y.values[name]; return lc(p, ok) }

func (y *yamlPlaces) item(name string, i int, _ string) (int, int) {
	if items := y.items[name]; i < len(items) {
		return lc(items[i], true)
	}
	return y.value(name)
}

// yamlTooDeep returns the offset of the first [ or { nested more than maxNesting deep,
// or of a line that opens more than maxNesting lists or keys at once ("- - - x",
// "? ? x"), or -1. Quoted text and comments are skipped; a bracket inside plain text
// counts, which errs only for text with dozens of unclosed brackets.
func yamlTooDeep(src []byte) int {
	depth, lineStart := 0, true
	for i := 0; i < len(src); i++ {
		if lineStart {
			lineStart = false
			if j := compactNesting(src, i); j >= 0 {
				return j
			}
		}
		switch src[i] {
		case '\n':
			lineStart = true
		case '"', '\'':
			i = skipQuoted(src, i)
		case '#':
			i = skipComment(src, i)
		case '[', '{':
			if depth++; depth > maxNesting {
				return i
			}
		case ']', '}':
			depth = max(depth-1, 0)
		}
	}
	return -1
}

// skipQuoted returns the offset of the quote that closes the quoted text opening at i
// (len(src) or past it when none does), or i for an apostrophe inside plain text.
func skipQuoted(src []byte, i int) int {
	c := src[i]
	if i > 0 && !strings.ContainsRune(" \t\n[{,:", rune(src[i-1])) {
		return i // an apostrophe inside plain text
	}
	for i++; i < len(src) && src[i] != c; i++ {
		if c == '"' && src[i] == '\\' {
			i++
		}
	}
	return i
}

// skipComment returns the offset of the last byte of a comment starting at i, so that
// the line after it is read from its start, or i for a # inside plain text ("C#").
func skipComment(src []byte, i int) int {
	if i > 0 && src[i-1] != ' ' && src[i-1] != '\t' && src[i-1] != '\n' {
		return i
	}
	for i+1 < len(src) && src[i+1] != '\n' {
		i++
	}
	return i
}

// compactNesting returns the offset of the indicator past maxNesting in a run of block
// indicators ("- ", "? ") at the start of the line at offset i, or -1.
func compactNesting(src []byte, i int) int {
	n := 0
	for i < len(src) {
		switch {
		case src[i] == ' ' || src[i] == '\t':
			i++
		case (src[i] == '-' || src[i] == '?') && i+1 < len(src) && (src[i+1] == ' ' || src[i+1] == '\t'):
			if n++; n > maxNesting {
				return i
			}
			i += 2
		default:
			return -1
		}
	}
	return -1
}

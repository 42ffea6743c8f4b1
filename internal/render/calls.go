package render

import (
	"fmt"
	"html/template"
	"path"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/briefs/briefs/internal/diag"
)

// call is one place where a template calls another: {{template "x"}} (and so
// {{block}}), partial or partialCached.
type call struct {
	tree   *parse.Tree // the calling template
	node   parse.Node
	fn     string // "template", "partial" or "partialCached"
	callee string // "" when partial's name is not a quoted string
}

// partialFuncs are the template functions that execute another template by name.
var partialFuncs = []string{"partial", "partialCached"}

// checkCalls refuses, before anything is rendered, the calls between templates that
// could only fail when a page is rendered, or worse. Every partial must be named with
// a quoted string, every name must exist, and no partial may reach itself: each
// partial call starts a new execution, which text/template's own depth limit does not
// see, so a partial that reaches itself would recurse until the Go stack overflows and
// the process dies (in the dev server, the server with it). Recursion through
// {{template}} alone stays allowed, for trees, since text/template bounds it.
func (r *Renderer) checkCalls(t *template.Template) []error {
	var errs []error
	edges := map[string][]call{}
	var partials []call
	for _, c := range collectCalls(t) {
		switch {
		case c.callee == "":
			errs = append(errs, r.nodeError(c.tree, c.node, "%s needs the partial's name as a quoted string, such as \"partials/footer.html\"", c.fn))
		case t.Lookup(c.callee) == nil:
			if !r.broken[c.callee] { // already reported
				errs = append(errs, r.nodeError(c.tree, c.node, "%s", missingMessage(c)))
			}
		default:
			edges[c.tree.Name] = append(edges[c.tree.Name], c)
			if c.fn != "template" {
				partials = append(partials, c)
			}
		}
	}
	for _, c := range partials {
		if loop := findPath(edges, c.callee, c.tree.Name); loop != nil {
			chain := strings.Join(append([]string{c.tree.Name}, loop...), " → ")
			errs = append(errs, r.nodeError(c.tree, c.node, "%s %q leads back to %q (%s), which would never end; a partial may not reach itself (for recursion over a tree, use {{define}} and {{template}})",
				c.fn, c.callee, c.tree.Name, chain))
		}
	}
	return errs
}

// missingMessage says what was looked for when a call names no template.
func missingMessage(c call) string {
	if path.Ext(c.callee) != "" {
		return fmt.Sprintf("%s %q: no such layout; looked for layouts/%s in the site and in the default theme", c.fn, c.callee, c.callee)
	}
	return fmt.Sprintf("%s %q: no such template; looked for {{define %q}} in this layout, its partials and baseof.html", c.fn, c.callee, c.callee)
}

// findPath returns the template names on a path of calls from from to to (from
// excluded, to included), or nil when there is none.
func findPath(edges map[string][]call, from, to string) []string {
	parent := map[string]string{from: ""}
	queue := []string{from}
	for len(queue) > 0 {
		n := queue[0]
		queue = queue[1:]
		if n == to {
			var p []string
			for ; n != ""; n = parent[n] {
				p = append(p, n)
			}
			slices.Reverse(p)
			return p
		}
		for _, c := range edges[n] {
			if _, seen := parent[c.callee]; !seen {
				parent[c.callee] = n
				queue = append(queue, c.callee)
			}
		}
	}
	return nil
}

// collectCalls lists the calls in every template of t, in a fixed order.
func collectCalls(t *template.Template) []call {
	var calls []call
	tmpls := t.Templates()
	slices.SortFunc(tmpls, func(a, b *template.Template) int { return strings.Compare(a.Name(), b.Name()) })
	for _, tt := range tmpls {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		tree := tt.Tree
		walkNode(tt.Tree.Root, func(n parse.Node, fn, callee string) {
			calls = append(calls, call{tree: tree, node: n, fn: fn, callee: callee})
		})
	}
	return calls
}

// visitor is told of every call below a node.
type visitor func(n parse.Node, fn, callee string)

// walkNode visits the calls below n. It knows every kind of node that can hold a
// pipeline, so that no call escapes the checks: a partial reached only through a
// chained field ({{(partial "x" .).Y}}) or a parenthesised argument is still seen.
func walkNode(n parse.Node, visit visitor) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkNode(c, visit)
		}
	case *parse.TemplateNode:
		visit(n, "template", n.Name)
		walkNode(n.Pipe, visit)
	case *parse.ActionNode:
		walkNode(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkNode(c, visit)
		}
	case *parse.CommandNode:
		walkCommand(n, visit)
	case *parse.ChainNode:
		walkNode(n.Node, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit visitor) {
	walkNode(b.Pipe, visit)
	walkNode(b.List, visit)
	walkNode(b.ElseList, visit)
}

// walkCommand visits a partial call that starts the command, and the calls inside its
// arguments. The partial's name is its first argument, also when the command is a
// later stage of a pipeline ({{. | partial "x"}}), which appends the dot after it.
func walkCommand(c *parse.CommandNode, visit visitor) {
	if id, ok := c.Args[0].(*parse.IdentifierNode); ok && slices.Contains(partialFuncs, id.Ident) {
		callee := ""
		if len(c.Args) > 1 {
			if s, ok := c.Args[1].(*parse.StringNode); ok {
				callee = s.Text
			}
		}
		visit(id, id.Ident, callee)
	}
	for _, a := range c.Args {
		walkNode(a, visit)
	}
}

// nodeError places a problem at a template node: the layout file, line, and column
// in characters.
func (r *Renderer) nodeError(tree *parse.Tree, n parse.Node, format string, args ...any) *diag.Error {
	line, col := diag.LineCol(r.srcs[tree.ParseName], int(n.Position()))
	return r.at(tree.ParseName, line, col, "template: "+format, args...)
}

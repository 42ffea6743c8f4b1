package render

import (
	"bytes"
	"fmt"
	"html/template"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"text/template/parse"
)

// fragments caches the output of partialCached. A site with 10,000 briefs shows the
// same header, footer and list entries on tens of thousands of pages; executing them
// once per language instead of once per page takes about a third off the cost of the
// layouts. The cache holds one version of the site: a renderer for a new version
// (ForSite) starts it empty, so an edit in the dev server never shows a stale fragment.
type fragments struct {
	m atomic.Pointer[sync.Map] // tableKey -> *sync.Map of variant key -> template.HTML
}

// tableKey names the fragments of one partial in one language.
type tableKey struct{ lang, name string }

func newFragments() *fragments {
	f := &fragments{}
	f.reset()
	return f
}

func (f *fragments) reset() { f.m.Store(new(sync.Map)) }

// table returns the fragments of partial name in language lang.
func (f *fragments) table(lang, name string) *sync.Map {
	m := f.m.Load()
	k := tableKey{lang, name}
	if t, ok := m.Load(k); ok {
		return t.(*sync.Map)
	}
	t, _ := m.LoadOrStore(k, new(sync.Map))
	return t.(*sync.Map)
}

// partialCached executes the partial name with ctx as its dot the first time it is
// asked for in this language with these variants, and returns the same HTML every
// later time, whatever ctx is then: as in Hugo, the variants must name everything the
// output depends on. {{partialCached "partials/footer.html" .}} renders the footer
// once per language; {{partialCached "partials/brief-item.html" . .}} once per brief.
//
// Two pages rendered at once may both execute a partial that is not cached yet; they
// produce the same HTML, so output stays deterministic.
func (f *langFuncs) partialCached(name string, ctx any, variants ...any) (template.HTML, error) {
	table := f.frags.table(f.lang.Code, name)
	key := variantKey(variants)
	if h, ok := table.Load(key); ok {
		return h.(template.HTML), nil
	}
	if f.set == nil || f.set.Lookup(name) == nil {
		return "", fmt.Errorf("partialCached: no partial %q; name a file of layouts/partials, such as \"partials/footer.html\"", name)
	}
	var buf bytes.Buffer
	if err := f.set.ExecuteTemplate(&buf, name, ctx); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	table.Store(key, h)
	return h, nil
}

// noVariants is the key of a partial cached without variants.
type noVariants struct{}

// variantKey turns partialCached's variants into a map key. A single variant that
// can be a key (a page, a string, a number) is the key itself, which costs nothing to
// build or hash: that is how the default theme caches a brief's list entry. Others
// are written out: strings, numbers and booleans by value; pages, slices and maps by
// identity, which within one build is the same thing.
func variantKey(variants []any) any {
	switch len(variants) {
	case 0:
		return noVariants{}
	case 1:
		if variants[0] == nil {
			return noVariants{}
		}
		switch reflect.TypeOf(variants[0]).Kind() {
		case reflect.Pointer, reflect.String, reflect.Bool, reflect.Int, reflect.Int64, reflect.Uint64:
			return variants[0]
		}
	}
	var b strings.Builder
	for _, v := range variants {
		b.WriteByte(0)
		switch v := v.(type) {
		case nil:
			b.WriteString("nil")
		case string:
			b.WriteString("s")
			b.WriteString(v)
		case int:
			b.WriteString("i")
			b.WriteString(strconv.Itoa(v))
		case bool:
			b.WriteString(strconv.FormatBool(v))
		default:
			rv := reflect.ValueOf(v)
			switch rv.Kind() {
			case reflect.Pointer, reflect.Map, reflect.Slice, reflect.Func, reflect.Chan, reflect.UnsafePointer:
				fmt.Fprintf(&b, "%T@%x/%d", v, rv.Pointer(), lenOf(rv))
			default:
				fmt.Fprintf(&b, "%T=%v", v, v)
			}
		}
	}
	return joinedKey(b.String())
}

// joinedKey is the key of several variants, a type of its own so that it never
// equals the key of a single string variant.
type joinedKey string

// lenOf tells two slices that share a start apart.
func lenOf(v reflect.Value) int {
	if v.Kind() == reflect.Slice || v.Kind() == reflect.Map {
		return v.Len()
	}
	return 0
}

// checkCycles refuses layouts where partialCached can reach itself. Unlike
// {{template}}, whose depth text/template limits, a partial that caches itself would
// recurse until the Go stack overflows and the build crashes; so every partialCached
// must name its partial with a quoted string, and no partial it names may lead back
// to the template that calls it.
func (r *Renderer) checkCycles(t *template.Template) []error {
	edges := map[string][]string{}
	var errs []error
	cached := map[[2]string]string{} // caller, callee -> call site
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		walkCalls(tt.Tree.Root, func(n parse.Node, callee string, isCached bool) {
			if callee == "" {
				loc, _ := tt.Tree.ErrorContext(n)
				errs = append(errs, r.templateError(fmt.Errorf("template: %s: partialCached needs the partial's name as a quoted string, such as \"partials/footer.html\"", loc), ""))
				return
			}
			edges[tt.Name()] = append(edges[tt.Name()], callee)
			if isCached {
				loc, _ := tt.Tree.ErrorContext(n)
				cached[[2]string{tt.Name(), callee}] = loc
			}
		})
	}
	for e, loc := range cached {
		if reaches(edges, e[1], e[0]) {
			errs = append(errs, r.templateError(fmt.Errorf("template: %s: partialCached %q leads back to %q, which would never end; call the partial with {{template}} instead", loc, e[1], e[0]), ""))
		}
	}
	return errs
}

// walkCalls calls visit for every {{template "x"}} and every partialCached call
// below n; callee is "" when partialCached's first argument is not a quoted string.
func walkCalls(n parse.Node, visit func(n parse.Node, callee string, cached bool)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkCalls(c, visit)
		}
	case *parse.TemplateNode:
		visit(n, n.Name, false)
		walkPipe(n.Pipe, visit)
	case *parse.ActionNode:
		walkPipe(n.Pipe, visit)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, visit)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, visit)
	}
}

func walkBranch(b *parse.BranchNode, visit func(parse.Node, string, bool)) {
	walkPipe(b.Pipe, visit)
	walkCalls(b.List, visit)
	walkCalls(b.ElseList, visit)
}

func walkPipe(p *parse.PipeNode, visit func(parse.Node, string, bool)) {
	if p == nil {
		return
	}
	for _, c := range p.Cmds {
		for i, a := range c.Args {
			if id, ok := a.(*parse.IdentifierNode); ok && id.Ident == "partialCached" && i == 0 {
				callee := ""
				if len(c.Args) > 1 {
					if s, ok := c.Args[1].(*parse.StringNode); ok {
						callee = s.Text
					}
				}
				visit(c, callee, true)
			}
			if sub, ok := a.(*parse.PipeNode); ok {
				walkPipe(sub, visit)
			}
		}
	}
}

// reaches reports whether to can be reached from from along edges.
func reaches(edges map[string][]string, from, to string) bool {
	seen := map[string]bool{}
	stack := []string{from}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n == to {
			return true
		}
		if seen[n] {
			continue
		}
		seen[n] = true
		stack = append(stack, edges[n]...)
	}
	return false
}

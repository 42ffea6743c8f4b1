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

	"github.com/briefs/briefs/internal/site"
)

// fragments caches the output of partialCached. A site with 10,000 briefs shows the
// same header, footer and list entries on tens of thousands of pages; executing them
// once per language instead of once per page takes about a third off the cost of the
// layouts. The cache holds one version of the site: a renderer for a new version
// (ForSite) starts it empty, so an edit in the dev server never shows a stale fragment.
type fragments struct {
	m     atomic.Pointer[sync.Map] // tableKey -> *sync.Map of variant key -> template.HTML
	pages atomic.Pointer[sync.Map] // tableKey -> *pageFragments
}

// tableKey names the fragments of one partial in one language.
type tableKey struct{ lang, name string }

func newFragments() *fragments {
	f := &fragments{}
	f.reset()
	return f
}

func (f *fragments) reset() {
	f.m.Store(new(sync.Map))
	f.pages.Store(new(sync.Map))
}

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
// once per language; {{partialCached "partials/brief-item.html" . .Page}} once per brief.
//
// Two pages rendered at once may both execute a partial that is not cached yet, each
// with its own dot; only the first result is stored, and both return the stored one,
// so every page shows the same fragment whichever page rendered it.
func (f *langFuncs) partialCached(name string, ctx any, variants ...any) (template.HTML, error) {
	if len(variants) == 1 {
		if p, ok := variants[0].(*site.Page); ok && p != nil && p.At() >= 0 {
			return f.partialCachedPage(f.frags.pageTable(f.lang.Code, name), name, ctx, p)
		}
	}
	return f.partialCachedMap(name, ctx, variants...)
}

// partialCachedMap is partialCached with fragments kept in a map by variants.
func (f *langFuncs) partialCachedMap(name string, ctx any, variants ...any) (template.HTML, error) {
	table := f.frags.table(f.lang.Code, name)
	key := variantKey(variants)
	if h, ok := table.Load(key); ok {
		return h.(template.HTML), nil
	}
	h, err := f.renderPartial(name, ctx)
	if err != nil {
		return "", err
	}
	stored, _ := table.LoadOrStore(key, h)
	return stored.(template.HTML), nil
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

// maxDepth is how deep partial calls may nest. The layouts are checked for partials
// that reach themselves before anything runs; this limit is the second guard, so that
// whatever the check misses ends in an error and never in a stack overflow, which
// would kill the build and the dev server.
const maxDepth = 100

// partial executes the template name with ctx as its dot and returns its HTML, as
// Hugo's partial does: unlike {{template}}, its result can be used in a pipeline.
func (f *langFuncs) partial(name string, ctx any) (template.HTML, error) {
	if f.nest == nil {
		return "", fmt.Errorf("no layouts to find partial %q in", name)
	}
	if f.depth >= maxDepth {
		return "", fmt.Errorf("partials nested more than %d deep, which a partial that reaches itself would never end; call fewer partials inside each other", maxDepth)
	}
	set, err := f.nest.at(f.depth + 1)
	if err != nil {
		return "", err
	}
	if set.Lookup(name) == nil {
		return "", fmt.Errorf("no partial %q; name a file of layouts/partials, such as \"partials/footer.html\"", name)
	}
	var buf bytes.Buffer
	if err := set.ExecuteTemplate(&buf, name, ctx); err != nil {
		return "", f.nest.layouts.placeNested(err)
	}
	return template.HTML(buf.String()), nil
}

// nesting holds one layout's templates in one language, one copy per depth of partial
// calls: a partial called at depth d runs in the copy of depth d+1, whose functions
// know their depth. Template functions cannot tell apart the pages rendered at once,
// so the depth cannot be a counter; it is which copy runs. Copies are made when first
// needed, and a site's layouts rarely nest partials more than three deep.
type nesting struct {
	master  *template.Template // parsed and never executed: html/template clones only those
	funcs   langFuncs          // the language's functions, given a depth in each copy
	layouts *layouts           // for placing errors
	top     *template.Template // the copy of depth 0, which renders pages
	// compiled holds the partials partialCached renders by compiled code in this
	// layout (see compiledPartials).
	compiled map[string]bool

	mu   sync.Mutex
	sets []*template.Template // by depth
}

func newNesting(master *template.Template, lf *langFuncs, ls *layouts) (*nesting, error) {
	n := &nesting{master: master, funcs: *lf, layouts: ls, compiled: ls.compiledPartialsOK(master)}
	top, err := n.at(0)
	n.top = top
	return n, err
}

// at returns the copy of the templates that runs at depth.
func (n *nesting) at(depth int) (*template.Template, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	for len(n.sets) <= depth {
		t, err := n.master.Clone()
		if err != nil {
			return nil, err
		}
		lf := n.funcs
		lf.depth, lf.nest = len(n.sets), n
		n.sets = append(n.sets, t.Funcs(lf.funcMap()))
	}
	return n.sets[depth], nil
}

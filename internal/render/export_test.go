package render

import (
	"html/template"

	"github.com/briefs/briefs/internal/site"
)

// BuiltinStrings lets the end-to-end tests in package render_test know every key of
// the theme's words.
var BuiltinStrings = builtinStrings

// DataOf, Schema, FeedOf and Format let the prototype of a compiled head.html in
// aot_test.go compute what the layout's functions compute.
func (r *Renderer) DataOf(p *site.Page, n int) *Data { return r.data(p, n) }

func (r *Renderer) Schema(d *Data) template.JS {
	js, _ := r.funcs(d.Page.Lang.Code).schema(d)
	return js
}

func FeedOf(d *Data) string { return feedOf(d) }

func Format(s string, args ...any) string { out, _ := format(s, args); return out }

// CompiledLayouts are the layouts compiled.go mirrors, by their SHA-256.
func CompiledLayouts() map[string]string { return compiledLayouts }

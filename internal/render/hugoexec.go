package render

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"regexp"
	"strings"

	"github.com/briefs/briefs/internal/markdown"
)

// This file runs Hugo's templates as Hugo does where Go's templates differ: partials
// that return a value ({{ return $x }}), errorf and warnf, and functions briefs does
// not have, which a Hugo theme's template may call: it parses with a stand-in that
// fails when it runs (the call then degrades, see siteShortcode.Render).

// shortcodeFuncs are every function of shortcode templates: Hugo's pure ones, its
// namespaces, and stand-ins for those bound to each call (boundFuncs), which a
// template that uses them runs with.
func shortcodeFuncs(env *hugoEnv) template.FuncMap {
	m := hugoFuncs()
	maps.Copy(m, namespaceFuncs())
	res := resourcesNS{env}
	maps.Copy(m, template.FuncMap{
		"resources":   func() resourcesNS { return res },
		"minify":      res.Minify,
		"fingerprint": res.Fingerprint,
		"absURL":      func(v any) string { return env.cfg.AbsURL(strings.TrimPrefix(toString(v), "/")) },
		"relURL":      func(v any) string { return env.cfg.URL(strings.TrimPrefix(toString(v), "/")) },
		"errorf": func(f string, args ...any) (string, error) {
			return "", &errorfError{msg: fmt.Sprintf(f, args...)}
		},
		"return": func(v ...any) (any, error) {
			var val any
			if len(v) > 0 {
				val = v[0]
			}
			return nil, &partialReturn{v: val}
		},
		"hugo": func() hugoInfo {
			return hugoInfo{IsMultilingual: len(env.cfg.Languages) > 1, Version: "0.146.0", Environment: "production"}
		},
	})
	for _, name := range []string{"markdownify", "i18n", "T", "warnf", "partial", "partialCached", "site", "relLangURL", "absLangURL", "lang"} {
		m[name] = func(...any) (any, error) { return nil, fmt.Errorf("%s is not bound to a call", name) }
	}
	return m
}

// hugoInfo is what Hugo's hugo function tells templates.
type hugoInfo struct {
	IsMultilingual      bool
	Version             string
	Environment         string
	IsProduction        bool
	IsServer, IsDevelop bool
}

// boundFuncs are the functions that need the call: markdownify renders Markdown as
// part of its page, i18n and T translate into its language, warnf adds a warning at
// it, site is its language's site, and partial runs a partial of set (t, a copy of
// the template made for the call).
func boundFuncs(c *markdown.Call, env *hugoEnv, set *template.Template, skipped map[string]error, warnings *[]string) template.FuncMap {
	translate := func(id any, data ...any) (string, error) { return env.translate(c.Page.Lang, toString(id), data...) }
	partial := partialFunc(set, skipped)
	prefix := env.cfg.LangPrefix(c.Page.Lang)
	locale := c.Page.Lang
	if l := env.cfg.Languages[c.Page.Lang]; l != nil && l.Locale != "" {
		locale = l.Locale
	}
	return template.FuncMap{
		"markdownify": func(v any) template.HTML { return template.HTML(c.RenderMarkdown(toString(v), false)) },
		"i18n":        translate,
		"T":           translate,
		"warnf": func(f string, args ...any) string {
			*warnings = append(*warnings, fmt.Sprintf(f, args...))
			return ""
		},
		"partial":       partial,
		"partialCached": func(name string, data ...any) (any, error) { return partial(name, data...) },
		"site":          func() *shortcodeSite { return newShortcodeSite(c, env.cfg, env) },
		"relLangURL":    func(v any) string { return env.cfg.URL(prefix + strings.TrimPrefix(toString(v), "/")) },
		"absLangURL":    func(v any) string { return env.cfg.AbsURL(prefix + strings.TrimPrefix(toString(v), "/")) },
		"lang":          func() langNS { return langNS{locale: locale, translate: translate} },
	}
}

// partialFunc is Hugo's partial for the templates of set: partial "x" data runs
// layouts/partials/x.html (or _partials/; the .html may be left out) with data as its
// dot, and gives what it writes, or what it returns ({{ return $v }}).
func partialFunc(set *template.Template, skipped map[string]error) func(name string, data ...any) (any, error) {
	return func(name string, data ...any) (any, error) {
		file := "partials/" + strings.TrimPrefix(name, "partials/")
		if !strings.HasSuffix(file, ".html") && set.Lookup(file) == nil {
			file += ".html"
		}
		if err := skipped[file]; err != nil {
			return "", fmt.Errorf("partial %q cannot run in a shortcode: %v", name, err)
		}
		if set.Lookup(file) == nil {
			return "", fmt.Errorf("partial %q: no layouts/%s", name, file)
		}
		var dot any
		if len(data) > 0 {
			dot = data[0]
		}
		var b bytes.Buffer
		err := set.ExecuteTemplate(&b, file, dot)
		var ret *partialReturn
		if errors.As(err, &ret) {
			return ret.v, nil
		}
		if err != nil {
			return "", err
		}
		return template.HTML(b.String()), nil
	}
}

// partialReturn carries a partial's return value out of its execution.
type partialReturn struct{ v any }

func (r *partialReturn) Error() string { return "return outside a partial" }

// errorfError is a template's own errorf: a build error even in a Hugo theme's
// template, as in Hugo.
type errorfError struct{ msg string }

func (e *errorfError) Error() string { return e.msg }

// unsupportedError is a call of a function briefs does not have.
type unsupportedError struct{ name string }

func (e *unsupportedError) Error() string {
	return fmt.Sprintf("%s, which briefs does not support", e.name)
}

// unsupportedMsg is the warning of a theme's shortcode that failed with err.
func unsupportedMsg(name, component string, err error) string {
	var u *unsupportedError
	why := ""
	if errors.As(err, &u) {
		why = "uses " + u.Error()
	} else {
		why = "fails in briefs (" + lastPart(err.Error()) + ")"
	}
	return fmt.Sprintf("theme %s's shortcode %s %s; its calls show their content as Markdown (or nothing); write layouts/shortcodes/%s.html to replace it",
		component, name, why, name)
}

// lastPart is the end of a template error, after its places and calls.
func lastPart(msg string) string {
	if i := strings.LastIndex(msg, ": error calling "); i >= 0 {
		msg = msg[i+2:]
	}
	return msg
}

var undefinedRE = regexp.MustCompile(`function "([^"]+)" not defined`)

// parseInto parses src as the template name in a copy of base and returns it. When
// lenient (a Hugo theme's template), a function briefs does not have gets a stand-in
// in base that fails when called, naming it as the source does (openapi3.Unmarshal).
func parseInto(base *template.Template, name string, src []byte, lenient bool) (*template.Template, error) {
	src = wrapReturns(src)
	for tries := 0; ; tries++ {
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		_, err = t.New(name).Parse(string(src))
		if err == nil {
			return t.Lookup(name), nil
		}
		m := undefinedRE.FindStringSubmatch(err.Error())
		if !lenient || m == nil || tries > 100 {
			return nil, err
		}
		shown := m[1]
		if sel := regexp.MustCompile(`\b` + regexp.QuoteMeta(m[1]) + `(\.[A-Za-z]\w*)`).FindSubmatch(src); sel != nil {
			shown += string(sel[1])
		}
		base.Funcs(template.FuncMap{m[1]: func(...any) (any, error) { return nil, &unsupportedError{name: shown} }})
	}
}

// returnRE finds {{ return a b }}, whose words Hugo reads as one pipeline, and Go's
// templates as arguments of a function named return.
var returnRE = regexp.MustCompile(`(?s)(\{\{-?\s*)return\s+(.+?)(\s*-?\}\})`)

// wrapReturns makes {{ return a b }} {{ return (a b) }}, which Go's templates read as
// Hugo does; the column of an error after it on its line moves by one.
func wrapReturns(src []byte) []byte {
	if !bytes.Contains(src, []byte("return")) {
		return src
	}
	return returnRE.ReplaceAll(src, []byte("${1}return (${2})${3}"))
}

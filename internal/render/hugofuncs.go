package render

import (
	"crypto/md5"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html"
	"html/template"
	"math"
	"reflect"
	"strconv"
	"strings"
)

// This file maps Hugo's template functions that shortcodes and their partials use to
// Hugo's names, and holds its comparisons and arithmetic; hugocoll.go and
// hugostrings.go hold its collection and string functions, all pure
// (hugofuncs_test.go has their table tests); hugons.go groups them into Hugo's
// namespaces (strings.HasPrefix, urls.Parse …), and the functions bound to a call
// (markdownify, i18n, warnf, partial) are made per call in hugoexec.go. Semantics follow gohugo.io/functions: numbers mix ints and floats,
// comparisons are lenient about types, index past the end is nil.

// hugoFuncs are the pure functions.
func hugoFuncs() template.FuncMap {
	return template.FuncMap{
		// collections
		"dict": dict, "slice": func(v ...any) []any { return v }, "merge": mergeMaps, "append": appendList,
		"in": in, "index": hugoIndex, "isset": isset, "first": first, "last": last, "after": after,
		"seq": seq, "uniq": uniq, "delimit": delimit, "where": where, "sort": sortList, "shuffle": func(v any) any { return v },
		"newScratch": func() *scratch { return &scratch{m: map[string]any{}} },
		"querify":    querify,
		// comparisons
		"eq": hugoEq, "ne": func(a any, b ...any) bool { return !hugoEq(a, b...) },
		"lt": func(a, b any) bool { return compare(a, b) < 0 }, "le": func(a, b any) bool { return compare(a, b) <= 0 },
		"gt": func(a, b any) bool { return compare(a, b) > 0 }, "ge": func(a, b any) bool { return compare(a, b) >= 0 },
		"default": defaultValue, "cond": func(c any, a, b any) any { return map[bool]any{true: a, false: b}[truth(c)] },
		// math
		"add": func(a, b any) (any, error) { return arith('+', a, b) }, "sub": func(a, b any) (any, error) { return arith('-', a, b) },
		"mul": func(a, b any) (any, error) { return arith('*', a, b) }, "div": func(a, b any) (any, error) { return arith('/', a, b) },
		"mod": func(a, b any) (int, error) {
			x, err := toInt(a)
			if err != nil {
				return 0, err
			}
			y, err := toInt(b)
			if err != nil || y == 0 {
				return 0, fmt.Errorf("mod: cannot divide %v by %v", a, b)
			}
			return x % y, nil
		},
		"int": toInt, "float": toFloat, "string": toString,
		// strings
		"split":     func(v any, sep string) []string { return strings.Split(toString(v), sep) },
		"replace":   hugoReplace,
		"replaceRE": replaceRE, "findRE": findRE,
		"chomp":     func(v any) string { return strings.TrimRight(toString(v), "\r\n") },
		"trim":      func(v any, cut string) string { return strings.Trim(toString(v), cut) },
		"lower":     func(v any) string { return strings.ToLower(toString(v)) },
		"upper":     func(v any) string { return strings.ToUpper(toString(v)) },
		"title":     func(v any) string { return apTitle(toString(v)) },
		"humanize":  humanize,
		"hasPrefix": func(v any, p string) bool { return strings.HasPrefix(toString(v), p) },
		"hasSuffix": func(v any, p string) bool { return strings.HasSuffix(toString(v), p) },
		"substr":    substr,
		"truncate":  truncate,
		"emojify":   func(v any) template.HTML { return template.HTML(toString(v)) },
		"urlize":    urlize, "anchorize": anchorize,
		// HTML and encodings
		"safeHTML":     func(v any) template.HTML { return template.HTML(toString(v)) },
		"safeURL":      func(v any) template.URL { return template.URL(toString(v)) },
		"safeHTMLAttr": func(v any) template.HTMLAttr { return template.HTMLAttr(toString(v)) },
		"safeCSS":      func(v any) template.CSS { return template.CSS(toString(v)) },
		"safeJS":       func(v any) template.JS { return template.JS(toString(v)) },
		"htmlEscape":   func(v any) string { return html.EscapeString(toString(v)) },
		"htmlUnescape": func(v any) string { return html.UnescapeString(toString(v)) },
		"plainify":     plainify,
		"jsonify":      jsonify,
		"md5":          func(v any) string { s := md5.Sum([]byte(toString(v))); return hex.EncodeToString(s[:]) },
		"sha1":         func(v any) string { s := sha1.Sum([]byte(toString(v))); return hex.EncodeToString(s[:]) },
		"sha256":       func(v any) string { s := sha256.Sum256([]byte(toString(v))); return hex.EncodeToString(s[:]) },
		"base64Encode": base64Encode, "base64Decode": base64Decode,
		"time": timeFunc, "dateFormat": dateFormat,
	}
}

// truth is Go templates' truth of a value: not its zero, not empty.
func truth(v any) bool {
	if v == nil {
		return false
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Map, reflect.Array, reflect.String:
		return rv.Len() > 0
	}
	return !rv.IsZero()
}

// number reads v as a number: an int64 when it is whole and not written as a float.
func number(v any) (i int64, f float64, isFloat bool, err error) {
	switch n := v.(type) {
	case int:
		return int64(n), float64(n), false, nil
	case int64:
		return n, float64(n), false, nil
	case int32:
		return int64(n), float64(n), false, nil
	case uint64:
		return int64(n), float64(n), false, nil
	case float64:
		return int64(n), n, true, nil
	case float32:
		return int64(n), float64(n), true, nil
	case string:
		if k, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64); err == nil {
			return k, float64(k), false, nil
		}
		if x, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil {
			return int64(x), x, true, nil
		}
	}
	return 0, 0, false, fmt.Errorf("%v (%T) is not a number", v, v)
}

// arith is Hugo's add, sub, mul and div: ints stay ints, a float makes a float, and
// add joins two strings.
func arith(op byte, a, b any) (any, error) {
	if sa, ok := a.(string); ok && op == '+' {
		if sb, ok := b.(string); ok {
			return sa + sb, nil
		}
	}
	ai, af, afl, err := number(a)
	if err != nil {
		return nil, err
	}
	bi, bf, bfl, err := number(b)
	if err != nil {
		return nil, err
	}
	if afl || bfl {
		switch op {
		case '+':
			return af + bf, nil
		case '-':
			return af - bf, nil
		case '*':
			return af * bf, nil
		}
		if bf == 0 {
			return nil, fmt.Errorf("division by zero")
		}
		return af / bf, nil
	}
	switch op {
	case '+':
		return int(ai + bi), nil
	case '-':
		return int(ai - bi), nil
	case '*':
		return int(ai * bi), nil
	}
	if bi == 0 {
		return nil, fmt.Errorf("division by zero")
	}
	return int(ai / bi), nil
}

func toFloat(v any) (float64, error) {
	_, f, _, err := number(v)
	return f, err
}

// plainValue makes numbers float64 and text a string, for comparisons.
func plainValue(v any) any {
	switch x := v.(type) {
	case template.HTML:
		return string(x)
	case template.URL:
		return string(x)
	case string, bool, nil:
		return x
	}
	if _, f, _, err := number(v); err == nil {
		return f
	}
	return v
}

// hugoEq is Hugo's eq: true when a equals any of bs, numbers compared by value
// whatever their type, nil equal only to nil.
func hugoEq(a any, bs ...any) bool {
	pa := plainValue(a)
	for _, b := range bs {
		if pb := plainValue(b); reflect.DeepEqual(pa, pb) {
			return true
		}
	}
	return false
}

// compare orders numbers by value and anything else by its text.
func compare(a, b any) int {
	pa, pb := plainValue(a), plainValue(b)
	fa, aok := pa.(float64)
	fb, bok := pb.(float64)
	if aok && bok {
		switch {
		case fa < fb:
			return -1
		case fa > fb:
			return 1
		}
		return 0
	}
	if pa == nil {
		pa = ""
	}
	if pb == nil {
		pb = ""
	}
	return strings.Compare(fmt.Sprint(pa), fmt.Sprint(pb))
}

// roundHalf is math.Round for the math namespace.
func roundHalf(v any) (float64, error) {
	f, err := toFloat(v)
	return math.Round(f), err
}

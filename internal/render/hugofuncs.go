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
	"net/url"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/briefs/briefs/internal/content"
)

// This file holds Hugo's template functions that shortcodes and their partials use, by
// Hugo's names, as pure functions (hugofuncs_test.go has their table tests); hugons.go
// groups them into Hugo's namespaces (strings.HasPrefix, urls.Parse …), and the
// functions bound to a call (markdownify, i18n, warnf, partial) are made per call in
// shortcodes.go. Semantics follow gohugo.io/functions: numbers mix ints and floats,
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

// mergeMaps is Hugo's merge: the maps' keys, the last map's value winning; nested maps
// are merged too.
func mergeMaps(maps ...any) (map[string]any, error) {
	out := map[string]any{}
	for _, m := range maps {
		mm, err := toMap(m)
		if err != nil {
			return nil, fmt.Errorf("merge: %v", err)
		}
		for k, v := range mm {
			old, ok1 := out[k].(map[string]any)
			nv, ok2 := v.(map[string]any)
			if ok1 && ok2 {
				v, _ = mergeMaps(old, nv)
			}
			out[k] = v
		}
	}
	return out, nil
}

func toMap(v any) (map[string]any, error) {
	switch m := v.(type) {
	case map[string]any:
		return m, nil
	case nil:
		return map[string]any{}, nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Map {
		return nil, fmt.Errorf("%T is not a map", v)
	}
	out := map[string]any{}
	for _, k := range rv.MapKeys() {
		out[fmt.Sprint(k.Interface())] = rv.MapIndex(k).Interface()
	}
	return out, nil
}

// hugoIndex is Go's index, lenient as Hugo's: a missing key or an index past the end
// is nil, not an error.
func hugoIndex(item any, keys ...any) (any, error) {
	v := item
	for _, k := range keys {
		if v == nil {
			return nil, nil
		}
		rv := reflect.ValueOf(v)
		switch rv.Kind() {
		case reflect.Map:
			kv := reflect.ValueOf(k)
			if !kv.IsValid() || !kv.Type().AssignableTo(rv.Type().Key()) {
				if kv.IsValid() && kv.Type().ConvertibleTo(rv.Type().Key()) && kv.Kind() == reflect.String {
					kv = kv.Convert(rv.Type().Key())
				} else {
					return nil, nil
				}
			}
			e := rv.MapIndex(kv)
			if !e.IsValid() {
				return nil, nil
			}
			v = e.Interface()
		case reflect.Slice, reflect.Array, reflect.String:
			i, err := toInt(k)
			if err != nil {
				return nil, fmt.Errorf("index: %v is not a position", k)
			}
			if i < 0 || i >= rv.Len() {
				return nil, nil
			}
			v = rv.Index(i).Interface()
		default:
			return nil, fmt.Errorf("index: cannot index a %T", v)
		}
	}
	return v, nil
}

func listOf(v any) ([]any, error) {
	if v == nil {
		return nil, nil
	}
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return nil, fmt.Errorf("%T is not a list", v)
	}
	out := make([]any, rv.Len())
	for i := range out {
		out[i] = rv.Index(i).Interface()
	}
	return out, nil
}

func first(n any, list any) ([]any, error) {
	k, err := toInt(n)
	if err != nil {
		return nil, err
	}
	l, err := listOf(list)
	return l[:max(0, min(k, len(l)))], err
}

func last(n any, list any) ([]any, error) {
	k, err := toInt(n)
	if err != nil {
		return nil, err
	}
	l, err := listOf(list)
	return l[max(0, len(l)-k):], err
}

func after(n any, list any) ([]any, error) {
	k, err := toInt(n)
	if err != nil {
		return nil, err
	}
	l, err := listOf(list)
	return l[min(max(0, k), len(l)):], err
}

// seq is Hugo's seq: seq 3 is 1 2 3; seq 2 4 is 2 3 4; seq 1 2 7 is 1 3 5 7.
func seq(args ...any) ([]int, error) {
	nums := make([]int, len(args))
	for i, a := range args {
		n, err := toInt(a)
		if err != nil {
			return nil, err
		}
		nums[i] = n
	}
	from, step, to := 1, 1, 0
	switch len(nums) {
	case 1:
		to = nums[0]
		if to < 0 {
			from, step = -1, -1
		}
	case 2:
		from, to = nums[0], nums[1]
		if to < from {
			step = -1
		}
	case 3:
		from, step, to = nums[0], nums[1], nums[2]
	default:
		return nil, fmt.Errorf("seq takes 1 to 3 numbers")
	}
	if step == 0 || (to-from)/step > 2000 {
		return nil, fmt.Errorf("seq: too long or no step")
	}
	var out []int
	for i := from; (step > 0 && i <= to) || (step < 0 && i >= to); i += step {
		out = append(out, i)
	}
	return out, nil
}

func uniq(list any) ([]any, error) {
	l, err := listOf(list)
	var out []any
	for _, v := range l {
		if !in(out, v) {
			out = append(out, v)
		}
	}
	return out, err
}

// where keeps the items of a list whose key (a map key or field, "Params.x" deep) is
// equal to value, or compares with op: where list "Type" "post", where list "N" ">" 2.
func where(list any, key string, args ...any) ([]any, error) {
	l, err := listOf(list)
	if err != nil {
		return nil, err
	}
	op, val := "==", any(nil)
	switch len(args) {
	case 1:
		val = args[0]
	case 2:
		op, _ = args[0].(string)
		val = args[1]
	default:
		return nil, fmt.Errorf("where takes a list, a key, and a value (or an operator and a value)")
	}
	var out []any
	for _, item := range l {
		v := fieldOf(item, key)
		ok := false
		switch op {
		case "==", "=", "eq":
			ok = hugoEq(v, val)
		case "!=", "<>", "ne":
			ok = !hugoEq(v, val)
		case "<", "lt":
			ok = compare(v, val) < 0
		case "<=", "le":
			ok = compare(v, val) <= 0
		case ">", "gt":
			ok = compare(v, val) > 0
		case ">=", "ge":
			ok = compare(v, val) >= 0
		case "in":
			ok = in(val, v)
		case "not in":
			ok = !in(val, v)
		default:
			return nil, fmt.Errorf("where: operator %q is not supported", op)
		}
		if ok {
			out = append(out, item)
		}
	}
	return out, nil
}

// fieldOf reads key ("a.b") from a map or a struct's field or method, or nil.
func fieldOf(item any, key string) any {
	v := item
	for _, k := range strings.Split(strings.TrimPrefix(key, "."), ".") {
		if v == nil {
			return nil
		}
		rv := reflect.ValueOf(v)
		if m := rv.MethodByName(k); m.IsValid() && m.Type().NumIn() == 0 && m.Type().NumOut() >= 1 {
			v = m.Call(nil)[0].Interface()
			continue
		}
		for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
			rv = rv.Elem()
		}
		switch rv.Kind() {
		case reflect.Map:
			e := rv.MapIndex(reflect.ValueOf(k))
			if !e.IsValid() {
				return nil
			}
			v = e.Interface()
		case reflect.Struct:
			f := rv.FieldByName(k)
			if !f.IsValid() || !f.CanInterface() {
				return nil
			}
			v = f.Interface()
		default:
			return nil
		}
	}
	return v
}

// sortList sorts a list by its values, or by a key of its items, "asc" or "desc".
func sortList(list any, args ...any) ([]any, error) {
	l, err := listOf(list)
	if err != nil {
		if m, merr := toMap(list); merr == nil {
			keys := make([]string, 0, len(m))
			for k := range m {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			l = nil
			for _, k := range keys {
				l = append(l, m[k])
			}
		} else {
			return nil, err
		}
	}
	key, desc := "", false
	if len(args) > 0 {
		key, _ = args[0].(string)
		if key == "value" {
			key = ""
		}
	}
	if len(args) > 1 {
		desc = fmt.Sprint(args[1]) == "desc"
	}
	out := append([]any(nil), l...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if key != "" {
			a, b = fieldOf(a, key), fieldOf(b, key)
		}
		if desc {
			return compare(a, b) > 0
		}
		return compare(a, b) < 0
	})
	return out, nil
}

// querify makes a query string of key, value pairs (or of a map), keys sorted.
func querify(args ...any) (string, error) {
	q := url.Values{}
	if len(args) == 1 {
		m, err := toMap(args[0])
		if err != nil {
			if l, lerr := listOf(args[0]); lerr == nil {
				args = l
			} else {
				return "", fmt.Errorf("querify: %v", err)
			}
		} else {
			for k, v := range m {
				q.Add(k, toString(v))
			}
			return q.Encode(), nil
		}
	}
	if len(args)%2 != 0 {
		return "", fmt.Errorf("querify takes pairs of keys and values")
	}
	for i := 0; i < len(args); i += 2 {
		q.Add(toString(args[i]), toString(args[i+1]))
	}
	return q.Encode(), nil
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

// hugoReplace is Hugo's replace: every old in s by new, or the first n.
func hugoReplace(s, old, new any, n ...any) (string, error) {
	limit := -1
	if len(n) > 0 {
		k, err := toInt(n[0])
		if err != nil {
			return "", err
		}
		limit = k
	}
	return strings.Replace(toString(s), toString(old), toString(new), limit), nil
}

func compileRE(pattern string) (*regexp.Regexp, error) {
	return regexp.Compile(pattern)
}

func replaceRE(pattern, repl, s any, n ...any) (string, error) {
	re, err := compileRE(toString(pattern))
	if err != nil {
		return "", fmt.Errorf("replaceRE: %v", err)
	}
	if len(n) > 0 {
		limit, err := toInt(n[0])
		if err != nil {
			return "", err
		}
		src := toString(s)
		out, count := "", 0
		last := 0
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			if limit >= 0 && count >= limit {
				break
			}
			out += src[last:m[0]] + string(re.ExpandString(nil, toString(repl), src, m))
			last = m[1]
			count++
		}
		return out + src[last:], nil
	}
	return re.ReplaceAllString(toString(s), toString(repl)), nil
}

func findRE(pattern, s any, n ...any) ([]string, error) {
	re, err := compileRE(toString(pattern))
	if err != nil {
		return nil, fmt.Errorf("findRE: %v", err)
	}
	limit := -1
	if len(n) > 0 {
		if limit, err = toInt(n[0]); err != nil {
			return nil, err
		}
	}
	return re.FindAllString(toString(s), limit), nil
}

// humanize is Hugo's: "my-first-post" is "My first post"; a number gets its ordinal.
func humanize(v any) string {
	s := toString(v)
	if n, err := strconv.Atoi(s); err == nil {
		suffix := "th"
		switch {
		case n%100 >= 11 && n%100 <= 13:
		case n%10 == 1:
			suffix = "st"
		case n%10 == 2:
			suffix = "nd"
		case n%10 == 3:
			suffix = "rd"
		}
		return s + suffix
	}
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func substr(v any, start any, length ...any) (string, error) {
	r := []rune(toString(v))
	from, err := toInt(start)
	if err != nil {
		return "", err
	}
	if from < 0 {
		from = max(0, len(r)+from)
	}
	from = min(from, len(r))
	to := len(r)
	if len(length) > 0 {
		n, err := toInt(length[0])
		if err != nil {
			return "", err
		}
		if n < 0 {
			to = max(from, len(r)+n)
		} else {
			to = min(len(r), from+n)
		}
	}
	return string(r[from:to]), nil
}

func truncate(n any, args ...any) (string, error) {
	k, err := toInt(n)
	if err != nil || len(args) == 0 {
		return "", fmt.Errorf("truncate takes a length and a text")
	}
	ellipsis := " …"
	s := toString(args[len(args)-1])
	if len(args) == 2 {
		ellipsis = toString(args[0])
	}
	r := []rune(s)
	if len(r) <= k {
		return s, nil
	}
	return strings.TrimSpace(string(r[:k])) + ellipsis, nil
}

// urlize is Hugo's: a path segment in lower case ("Big Data" is big-data).
func urlize(v any) string {
	return strings.ToLower(content.PathSegment(strings.TrimSpace(toString(v))))
}

// anchorize is Hugo's: text made a heading ID as goldmark makes it.
func anchorize(v any) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(toString(v)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// roundHalf is math.Round for the math namespace.
func roundHalf(v any) (float64, error) {
	f, err := toFloat(v)
	return math.Round(f), err
}

// minorWords stay in lower case inside a title, as in AP style (Hugo's default
// titleCaseStyle): "Rule of Law".
var minorWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"en": true, "for": true, "if": true, "in": true, "nor": true, "of": true, "on": true, "or": true, "per": true,
	"so": true, "the": true, "to": true, "up": true, "v": true, "vs": true, "via": true, "yet": true}

// apTitle is Hugo's title: each word capitalised but the minor ones inside.
func apTitle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && i < len(words)-1 && minorWords[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// plainifyBreaks are the tags Hugo's plainify makes line breaks.
var plainifyBreaks = strings.NewReplacer("\n", " ", "</p>", "\n", "<br>", "\n", "<br />", "\n", "<br/>", "\n")

// plainify is Hugo's: the text without its tags, a paragraph's end a line break.
func plainify(v any) string {
	return tagRE.ReplaceAllString(plainifyBreaks.Replace(toString(v)), "")
}

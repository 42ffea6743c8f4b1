package render

import (
	"fmt"
	"html/template"
	"maps"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// This file holds the functions of shortcode templates that Hugo has and layouts do not.

var tagRE = regexp.MustCompile(`<[^>]*>`)

// defaultValue is Hugo's default: def when v is empty (nil, "", 0, false, an empty list or map).
func defaultValue(def any, v ...any) any {
	if len(v) == 0 || v[0] == nil {
		return def
	}
	rv := reflect.ValueOf(v[0])
	if rv.IsZero() || ((rv.Kind() == reflect.Slice || rv.Kind() == reflect.Map) && rv.Len() == 0) {
		return def
	}
	return v[0]
}

// delimit joins a list's items with sep.
func delimit(list any, sep string) (string, error) {
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return "", fmt.Errorf("delimit: %T is not a list", list)
	}
	parts := make([]string, rv.Len())
	for i := range parts {
		parts[i] = fmt.Sprint(rv.Index(i).Interface())
	}
	return strings.Join(parts, sep), nil
}

// in reports whether a list holds v, or a string holds v as a substring.
func in(list, v any) bool {
	if s, ok := list.(string); ok {
		return strings.Contains(s, fmt.Sprint(v))
	}
	rv := reflect.ValueOf(list)
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return false
	}
	for i := range rv.Len() {
		if reflect.DeepEqual(rv.Index(i).Interface(), v) {
			return true
		}
	}
	return false
}

// dict makes a map of key, value pairs.
func dict(kv ...any) (map[string]any, error) {
	if len(kv)%2 != 0 {
		return nil, fmt.Errorf("dict takes pairs of keys and values")
	}
	m := map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict: key %v is not a string", kv[i])
		}
		m[k] = kv[i+1]
	}
	return m, nil
}

// appendList is Hugo's append: items, then the list (its last argument).
func appendList(args ...any) ([]any, error) {
	if len(args) < 2 {
		return nil, fmt.Errorf("append takes items and a list")
	}
	var out []any
	if rv := reflect.ValueOf(args[len(args)-1]); rv.Kind() == reflect.Slice {
		for i := range rv.Len() {
			out = append(out, rv.Index(i).Interface())
		}
	} else if args[len(args)-1] != nil {
		out = append(out, args[len(args)-1])
	}
	items := args[:len(args)-1]
	if len(items) == 1 {
		// one list appends its items, as in Hugo: slice "a" | append (slice "b" "c")
		if l, err := listOf(items[0]); err == nil && l != nil {
			return append(out, l...), nil
		}
	}
	return append(out, items...), nil
}

func toInt(v any) (int, error) {
	switch n := v.(type) {
	case int:
		return n, nil
	case float64:
		return int(n), nil
	case bool:
		if n {
			return 1, nil
		}
		return 0, nil
	}
	return strconv.Atoi(strings.TrimSpace(toString(v)))
}

func jsonify(args ...any) (template.HTML, error) {
	b, err := jsonBytes(args...)
	return template.HTML(b), err
}

// isset reports whether a map has a key, or a list an index.
func isset(c, key any) bool {
	rv := reflect.ValueOf(c)
	switch rv.Kind() {
	case reflect.Map:
		return rv.MapIndex(reflect.ValueOf(key)).IsValid()
	case reflect.Slice, reflect.Array:
		i, ok := key.(int)
		return ok && i >= 0 && i < rv.Len()
	}
	return false
}

// scratch is Hugo's Scratch and Store: values that calls leave for later calls. A
// page's and a call's are used by one body's rendering at a time; the site's
// (.Site.Store) is shared by the bodies rendered at once, so it has mu.
type scratch struct {
	m  map[string]any
	mu *sync.Mutex
}

// lock locks the scratch when it is shared, and returns its unlock.
func (s scratch) lock() func() {
	if s.mu == nil {
		return func() {}
	}
	s.mu.Lock()
	return s.mu.Unlock
}

func (s scratch) Get(key string) any           { defer s.lock()(); return s.m[key] }
func (s scratch) Set(key string, v any) string { defer s.lock()(); s.m[key] = v; return "" }
func (s scratch) Delete(key string) string     { defer s.lock()(); delete(s.m, key); return "" }

// Values are the scratch's values, a copy for a shared one.
func (s scratch) Values() map[string]any {
	if s.mu == nil {
		return s.m
	}
	defer s.lock()()
	return maps.Clone(s.m)
}

// Add adds v to the value at key: numbers are summed, strings joined, lists appended.
func (s scratch) Add(key string, v any) (string, error) {
	defer s.lock()()
	switch old := s.m[key].(type) {
	case nil:
		s.m[key] = v
	case int:
		n, err := toInt(v)
		if err != nil {
			return "", err
		}
		s.m[key] = old + n
	case string:
		s.m[key] = old + toString(v)
	case []any:
		s.m[key] = append(old, v)
	default:
		return "", fmt.Errorf("Scratch.Add: cannot add to a %T", old)
	}
	return "", nil
}

// SetInMap sets key in the map at name.
func (s scratch) SetInMap(name, key string, v any) string {
	defer s.lock()()
	m, _ := s.m[name].(map[string]any)
	if m == nil {
		m = map[string]any{}
		s.m[name] = m
	}
	m[key] = v
	return ""
}

// DeleteInMap deletes key from the map at name.
func (s scratch) DeleteInMap(name, key string) string {
	defer s.lock()()
	if m, ok := s.m[name].(map[string]any); ok {
		delete(m, key)
	}
	return ""
}

// GetSortedMapValues are the values of the map at name, by their keys' order.
func (s scratch) GetSortedMapValues(name string) []any {
	defer s.lock()()
	m, _ := s.m[name].(map[string]any)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([]any, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

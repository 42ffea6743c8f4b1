package render

import (
	"fmt"
	"net/url"
	"reflect"
	"sort"
	"strings"
)

// This file holds Hugo's collection functions (dict, merge, index, where, sort …)
// for shortcode templates; hugofuncs.go maps them to their names.

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

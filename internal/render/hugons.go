package render

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"math"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// This file holds Hugo's function namespaces: in a Go template, strings.HasPrefix is
// the function strings, which returns a value whose method HasPrefix runs. Each
// namespace is a struct of methods with Hugo's names.

// namespaceFuncs are the namespaces that need nothing of the call or the site.
func namespaceFuncs() template.FuncMap {
	return template.FuncMap{
		"strings":     func() stringsNS { return stringsNS{} },
		"urls":        func() urlsNS { return urlsNS{} },
		"collections": func() collectionsNS { return collectionsNS{} },
		"math":        func() mathNS { return mathNS{} },
		"crypto":      func() cryptoNS { return cryptoNS{} },
		"encoding":    func() encodingNS { return encodingNS{} },
		"transform":   func() transformNS { return transformNS{} },
		"path":        func() pathNS { return pathNS{} },
		"compare":     func() compareNS { return compareNS{} },
		"cast":        func() castNS { return castNS{} },
		"fmt":         func() fmtNS { return fmtNS{} },
		"now":         time.Now,
	}
}

type stringsNS struct{}

func (stringsNS) HasPrefix(s, p any) bool     { return strings.HasPrefix(toString(s), toString(p)) }
func (stringsNS) HasSuffix(s, p any) bool     { return strings.HasSuffix(toString(s), toString(p)) }
func (stringsNS) TrimPrefix(p, s any) string  { return strings.TrimPrefix(toString(s), toString(p)) }
func (stringsNS) TrimSuffix(p, s any) string  { return strings.TrimSuffix(toString(s), toString(p)) }
func (stringsNS) TrimLeft(cut, s any) string  { return strings.TrimLeft(toString(s), toString(cut)) }
func (stringsNS) TrimRight(cut, s any) string { return strings.TrimRight(toString(s), toString(cut)) }
func (stringsNS) TrimSpace(s any) string      { return strings.TrimSpace(toString(s)) }
func (stringsNS) Trim(s, cut any) string      { return strings.Trim(toString(s), toString(cut)) }
func (stringsNS) Contains(s, sub any) bool    { return strings.Contains(toString(s), toString(sub)) }
func (stringsNS) ContainsAny(s, chars any) bool {
	return strings.ContainsAny(toString(s), toString(chars))
}
func (stringsNS) Count(sub, s any) int { return strings.Count(toString(s), toString(sub)) }
func (stringsNS) CountRunes(s any) int {
	return len([]rune(strings.Join(strings.Fields(toString(s)), "")))
}
func (stringsNS) RuneCount(s any) int                             { return len([]rune(toString(s))) }
func (stringsNS) Split(s, sep any) []string                       { return strings.Split(toString(s), toString(sep)) }
func (stringsNS) ToLower(s any) string                            { return strings.ToLower(toString(s)) }
func (stringsNS) ToUpper(s any) string                            { return strings.ToUpper(toString(s)) }
func (stringsNS) Title(s any) string                              { return apTitle(toString(s)) }
func (stringsNS) FirstUpper(s any) string                         { return humanizeFirst(toString(s)) }
func (stringsNS) Chomp(s any) string                              { return strings.TrimRight(toString(s), "\r\n") }
func (stringsNS) Index(s, sub any) int                            { return strings.Index(toString(s), toString(sub)) }
func (stringsNS) LastIndex(s, sub any) int                        { return strings.LastIndex(toString(s), toString(sub)) }
func (stringsNS) Replace(s, o, n any, k ...any) (string, error)   { return hugoReplace(s, o, n, k...) }
func (stringsNS) ReplaceRE(p, r, s any, n ...any) (string, error) { return replaceRE(p, r, s, n...) }
func (stringsNS) FindRE(p, s any, n ...any) ([]string, error)     { return findRE(p, s, n...) }
func (stringsNS) Substr(s, from any, n ...any) (string, error)    { return substr(s, from, n...) }
func (stringsNS) Truncate(n any, args ...any) (string, error)     { return truncate(n, args...) }

// Repeat is s n times (at most a million bytes: a template cannot fill the memory).
func (stringsNS) Repeat(n, s any) (string, error) {
	k, err := toInt(n)
	if err != nil || k < 0 || k*len(toString(s)) > 1<<20 {
		return "", fmt.Errorf("strings.Repeat: bad count %v", n)
	}
	return strings.Repeat(toString(s), k), nil
}

func humanizeFirst(s string) string {
	for i, r := range s {
		return strings.ToUpper(string(r)) + s[i+len(string(r)):]
	}
	return s
}

type urlsNS struct{}

// Parse is url.Parse: .IsAbs, .Path, .RawQuery, .Fragment, .Host …
func (urlsNS) Parse(s any) (*url.URL, error) { return url.Parse(toString(s)) }

// JoinPath joins URL path elements.
func (urlsNS) JoinPath(elems ...any) (string, error) {
	if len(elems) == 0 {
		return "", nil
	}
	var parts []string
	for _, e := range elems {
		if l, err := listOf(e); err == nil && l != nil {
			for _, x := range l {
				parts = append(parts, toString(x))
			}
			continue
		}
		parts = append(parts, toString(e))
	}
	return url.JoinPath(parts[0], parts[1:]...)
}

func (urlsNS) Anchorize(s any) string { return anchorize(s) }
func (urlsNS) URLize(s any) string    { return urlize(s) }

type collectionsNS struct{}

func (collectionsNS) Dictionary(kv ...any) (map[string]any, error)   { return dict(kv...) }
func (collectionsNS) Slice(v ...any) []any                           { return v }
func (collectionsNS) Merge(m ...any) (map[string]any, error)         { return mergeMaps(m...) }
func (collectionsNS) Append(args ...any) ([]any, error)              { return appendList(args...) }
func (collectionsNS) In(l, v any) bool                               { return in(l, v) }
func (collectionsNS) Index(item any, k ...any) (any, error)          { return hugoIndex(item, k...) }
func (collectionsNS) IsSet(c, k any) bool                            { return isset(c, k) }
func (collectionsNS) First(n, l any) ([]any, error)                  { return first(n, l) }
func (collectionsNS) Last(n, l any) ([]any, error)                   { return last(n, l) }
func (collectionsNS) After(n, l any) ([]any, error)                  { return after(n, l) }
func (collectionsNS) Seq(args ...any) ([]int, error)                 { return seq(args...) }
func (collectionsNS) Uniq(l any) ([]any, error)                      { return uniq(l) }
func (collectionsNS) Querify(args ...any) (string, error)            { return querify(args...) }
func (collectionsNS) Where(l any, k string, a ...any) ([]any, error) { return where(l, k, a...) }
func (collectionsNS) Sort(l any, a ...any) ([]any, error)            { return sortList(l, a...) }
func (collectionsNS) Delimit(l any, sep string) (string, error)      { return delimit(l, sep) }

type mathNS struct{}

func (mathNS) Add(a, b any) (any, error)    { return arith('+', a, b) }
func (mathNS) Sub(a, b any) (any, error)    { return arith('-', a, b) }
func (mathNS) Mul(a, b any) (any, error)    { return arith('*', a, b) }
func (mathNS) Div(a, b any) (any, error)    { return arith('/', a, b) }
func (mathNS) Round(v any) (float64, error) { return roundHalf(v) }
func (mathNS) Floor(v any) (float64, error) {
	f, err := toFloat(v)
	return math.Floor(f), err
}
func (mathNS) Ceil(v any) (float64, error) {
	f, err := toFloat(v)
	return math.Ceil(f), err
}
func (mathNS) Max(a, b any) (float64, error) { return twoFloats(a, b, math.Max) }
func (mathNS) Min(a, b any) (float64, error) { return twoFloats(a, b, math.Min) }

// twoFloats applies f to a and b taken as numbers, as Hugo's math.Max and math.Min
// do; the first of them that is not a number is the error.
func twoFloats(a, b any, f func(x, y float64) float64) (float64, error) {
	x, err := toFloat(a)
	if err != nil {
		return 0, err
	}
	y, err := toFloat(b)
	return f(x, y), err
}

type cryptoNS struct{}

func (cryptoNS) MD5(v any) string    { return hugoFuncs()["md5"].(func(any) string)(v) }
func (cryptoNS) SHA1(v any) string   { return hugoFuncs()["sha1"].(func(any) string)(v) }
func (cryptoNS) SHA256(v any) string { return hugoFuncs()["sha256"].(func(any) string)(v) }

type encodingNS struct{}

func (encodingNS) Jsonify(args ...any) (template.HTML, error) { return jsonify(args...) }
func (encodingNS) Base64Encode(v any) string                  { return base64Encode(v) }
func (encodingNS) Base64Decode(v any) (string, error)         { return base64Decode(v) }

func base64Encode(v any) string { return base64.StdEncoding.EncodeToString([]byte(toString(v))) }
func base64Decode(v any) (string, error) {
	b, err := base64.StdEncoding.DecodeString(toString(v))
	return string(b), err
}

type transformNS struct{}

// Unmarshal decodes JSON, TOML or YAML (a resource's, by its name, or text, by its
// first character) into maps and lists.
func (transformNS) Unmarshal(args ...any) (any, error) {
	if len(args) == 0 {
		return nil, fmt.Errorf("transform.Unmarshal takes a text or a resource")
	}
	v := args[len(args)-1]
	name := ""
	var src string
	if r, ok := v.(*resource); ok {
		name, src = r.Name, string(r.Content())
	} else {
		src = toString(v)
	}
	return unmarshal(name, src)
}

func (transformNS) HTMLEscape(v any) string { return template.HTMLEscapeString(toString(v)) }
func (transformNS) HTMLUnescape(v any) string {
	return hugoFuncs()["htmlUnescape"].(func(any) string)(v)
}
func (transformNS) Plainify(v any) string { return plainify(v) }
func (transformNS) Emojify(v any) template.HTML {
	return template.HTML(toString(v))
}

// unmarshal decodes src by its file name's extension, else by its look.
func unmarshal(name, src string) (any, error) {
	ext := path.Ext(name)
	trimmed := strings.TrimSpace(src)
	switch {
	case ext == ".json" || (ext == "" && (strings.HasPrefix(trimmed, "{") || strings.HasPrefix(trimmed, "["))):
		var out any
		dec := json.NewDecoder(strings.NewReader(src))
		err := dec.Decode(&out)
		return out, err
	case ext == ".toml" || (ext == "" && tomlLooking(trimmed)):
		out := map[string]any{}
		_, err := toml.Decode(src, &out)
		return out, err
	case ext == ".yaml" || ext == ".yml" || ext == "":
		var out any
		err := yaml.Unmarshal([]byte(src), &out)
		return out, err
	}
	return nil, fmt.Errorf("transform.Unmarshal: cannot read %s files (JSON, TOML and YAML only)", ext)
}

func tomlLooking(s string) bool {
	line, _, _ := strings.Cut(s, "\n")
	return strings.HasPrefix(line, "[") || strings.Contains(line, " = ")
}

type pathNS struct{}

func (pathNS) Base(p any) string  { return path.Base(toString(p)) }
func (pathNS) Dir(p any) string   { return path.Dir(toString(p)) }
func (pathNS) Ext(p any) string   { return path.Ext(toString(p)) }
func (pathNS) Clean(p any) string { return path.Clean(toString(p)) }
func (pathNS) Join(elems ...any) string {
	parts := make([]string, len(elems))
	for i, e := range elems {
		parts[i] = toString(e)
	}
	return path.Join(parts...)
}
func (pathNS) BaseName(p any) string {
	b := path.Base(toString(p))
	return strings.TrimSuffix(b, path.Ext(b))
}

type compareNS struct{}

func (compareNS) Default(def any, v ...any) any { return defaultValue(def, v...) }
func (compareNS) Eq(a any, b ...any) bool       { return hugoEq(a, b...) }
func (compareNS) Conditional(c, a, b any) any {
	if truth(c) {
		return a
	}
	return b
}

type castNS struct{}

func (castNS) ToInt(v any) (int, error)       { return toInt(v) }
func (castNS) ToFloat(v any) (float64, error) { return toFloat(v) }
func (castNS) ToString(v any) string          { return toString(v) }

type fmtNS struct{}

func (fmtNS) Printf(f string, args ...any) string { return fmt.Sprintf(f, args...) }
func (fmtNS) Print(args ...any) string            { return fmt.Sprint(args...) }
func (fmtNS) Println(args ...any) string          { return fmt.Sprintln(args...) }

// Errorf is errorf: an error at the call.
func (fmtNS) Errorf(f string, args ...any) (string, error) {
	return "", &errorfError{msg: fmt.Sprintf(f, args...)}
}

// hugoTime reads a date ("2024-01-31", RFC 3339), or returns a time as it is.
func hugoTime(v any) (time.Time, error) {
	if t, ok := v.(time.Time); ok {
		return t, nil
	}
	s := strings.TrimSpace(toString(v))
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("time: cannot read %q as a date", s)
}

// timeFunc is Hugo's time: time "2024-01-31" is a date, and time.Format,
// time.AsTime, time.Now its namespace.
func timeFunc(args ...any) (any, error) {
	if len(args) == 0 {
		return timeNS{}, nil
	}
	return hugoTime(args[0])
}

type timeNS struct{}

func (timeNS) AsTime(v any) (time.Time, error)             { return hugoTime(v) }
func (timeNS) Format(layout string, v any) (string, error) { return dateFormat(layout, v) }
func (timeNS) Now() time.Time                              { return time.Now() }

// ParseDuration reads "1h30m".
func (timeNS) ParseDuration(s any) (time.Duration, error) { return time.ParseDuration(toString(s)) }

// dateFormat formats a date with a Go layout ("2006-01-02").
func dateFormat(layout string, v any) (string, error) {
	t, err := hugoTime(v)
	if err != nil {
		return "", err
	}
	return t.Format(layout), nil
}

// jsonBytes is jsonify's work: with options first ((dict "indent" "  ") v), indented.
func jsonBytes(args ...any) ([]byte, error) {
	if len(args) == 2 {
		opts, _ := args[0].(map[string]any)
		var b bytes.Buffer
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		enc.SetIndent(toString(opts["prefix"]), toString(opts["indent"]))
		err := enc.Encode(args[1])
		return bytes.TrimRight(b.Bytes(), "\n"), err
	}
	if len(args) != 1 {
		return nil, fmt.Errorf("jsonify takes a value, and options before it")
	}
	return json.Marshal(args[0])
}

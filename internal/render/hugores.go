package render

import (
	"bytes"
	"fmt"
	"mime"
	"path"
	"sort"
	"strings"
	"sync"
	"text/template"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/theme"
)

// This file holds what Hugo themes' shortcodes read beside their templates: the
// assets/ folders (resources.Get), the i18n/ folders (i18n, T) and the data/ folders
// (.Site.Data), the site's own over its themes'.

// hugoEnv is what every shortcode of a site shares.
type hugoEnv struct {
	cfg    *config.Site
	assets map[string]theme.File // by name below assets/
	i18n   map[string]map[string]any
	data   map[string]any

	mu   sync.Mutex
	used map[string]theme.File // assets whose URL a call took, which are published
	// stores are the sites' .Site.Store, by language: one per site per build (the
	// dev server's updates keep them; a full rebuild starts anew).
	stores map[string]scratch
}

// siteStore is the .Site.Store of the site in lang, shared by its pages' calls.
func (e *hugoEnv) siteStore(lang string) scratch {
	e.mu.Lock()
	defer e.mu.Unlock()
	s, ok := e.stores[lang]
	if !ok {
		if e.stores == nil {
			e.stores = map[string]scratch{}
		}
		s = scratch{m: map[string]any{}, mu: new(sync.Mutex)}
		e.stores[lang] = s
	}
	return s
}

// newHugoEnv reads the assets' names, the i18n files and the data files.
func newHugoEnv(th *theme.Theme, cfg *config.Site, errs *diag.List) *hugoEnv {
	e := &hugoEnv{cfg: cfg, assets: map[string]theme.File{}, i18n: map[string]map[string]any{}, data: map[string]any{}, used: map[string]theme.File{}}
	if files, err := th.ComponentFiles("assets"); err == nil {
		for _, f := range files {
			e.assets[f.Name] = f
		}
	}
	all, _ := th.AllComponentFiles("i18n")
	for _, f := range all {
		ext := path.Ext(f.Name)
		lang := strings.ToLower(strings.TrimSuffix(f.Name, ext))
		m, err := readTranslations(f)
		if err != nil {
			errs.Add(diag.At(f.Path, 0, 0, "%v", err))
			continue
		}
		if e.i18n[lang] == nil {
			e.i18n[lang] = map[string]any{}
		}
		for k, v := range m {
			if _, ok := e.i18n[lang][strings.ToLower(k)]; !ok {
				e.i18n[lang][strings.ToLower(k)] = v
			}
		}
	}
	data, _ := th.AllComponentFiles("data")
	for _, f := range data {
		if !strings.Contains(".json .toml .yaml .yml", path.Ext(f.Name)) || path.Ext(f.Name) == "" {
			continue // CSV and XML data are not read (nor a chart's CSV in a briefs site's data/)
		}
		src, err := f.Read()
		if err != nil {
			continue
		}
		v, err := unmarshal(f.Name, string(src))
		if err != nil {
			errs.Add(diag.At(f.Path, 0, 0, "%v", err))
			continue
		}
		putData(e.data, strings.Split(strings.TrimSuffix(f.Name, path.Ext(f.Name)), "/"), v)
	}
	return e
}

// putData sets the value at keys, unless a folder before it (the site's) set it.
func putData(m map[string]any, keys []string, v any) {
	for _, k := range keys[:len(keys)-1] {
		next, _ := m[k].(map[string]any)
		if next == nil {
			next = map[string]any{}
			m[k] = next
		}
		m = next
	}
	if _, ok := m[keys[len(keys)-1]]; !ok {
		m[keys[len(keys)-1]] = v
	}
}

// readTranslations reads one i18n file: a map of id to text (or to one/other
// forms), or go-i18n's list of {id, translation}.
func readTranslations(f theme.File) (map[string]any, error) {
	src, err := f.Read()
	if err != nil {
		return nil, err
	}
	v, err := unmarshal(f.Name, string(src))
	if err != nil {
		return nil, err
	}
	out := map[string]any{}
	switch t := v.(type) {
	case map[string]any:
		return t, nil
	case []any:
		for _, item := range t {
			m, _ := item.(map[string]any)
			id, _ := m["id"].(string)
			if id != "" {
				out[id] = m["translation"]
			}
		}
	}
	return out, nil
}

// translate is Hugo's i18n for a page in lang: the translation of id, with {{ .Count }}
// and the like filled from data; "" when no file has it, as in Hugo. A language
// without the id falls back to its shorter tags (zh-hant-tw, zh-hant, zh), then to
// the site's default language.
func (e *hugoEnv) translate(lang, id string, data ...any) (string, error) {
	var dot any
	if len(data) > 0 {
		dot = data[0]
	}
	tags := []string{}
	for l := strings.ToLower(lang); l != ""; {
		tags = append(tags, l)
		i := strings.LastIndexByte(l, '-')
		if i < 0 {
			break
		}
		l = l[:i]
	}
	tags = append(tags, strings.ToLower(e.cfg.DefaultLanguage))
	for _, t := range tags {
		v, ok := e.i18n[t][strings.ToLower(id)]
		if !ok {
			continue
		}
		s := pluralForm(v, dot)
		if !strings.Contains(s, "{{") {
			return s, nil
		}
		tpl, err := template.New(id).Parse(s)
		if err != nil {
			return "", fmt.Errorf("i18n %q: %v", id, err)
		}
		if n, ok := dot.(int); ok {
			dot = map[string]any{"Count": n}
		}
		var b bytes.Buffer
		if err := tpl.Execute(&b, dot); err != nil {
			return "", fmt.Errorf("i18n %q: %v", id, err)
		}
		return b.String(), nil
	}
	return "", nil
}

// pluralForm picks the text of a translation: one for a count of 1, else other.
func pluralForm(v any, dot any) string {
	m, ok := v.(map[string]any)
	if !ok {
		return toString(v)
	}
	n := -1
	switch d := dot.(type) {
	case int:
		n = d
	case map[string]any:
		n, _ = d["Count"].(int)
	}
	if one, ok := m["one"]; ok && n == 1 {
		return toString(one)
	}
	return toString(m["other"])
}

// resource is a file of assets/ (Hugo's resources.Get), or text made one.
type resource struct {
	env  *hugoEnv
	Name string
	file theme.File
	text *string
}

// Content is the file's text.
func (r *resource) Content() string {
	if r.text != nil {
		return *r.text
	}
	b, err := r.file.Read()
	if err != nil {
		return ""
	}
	return string(b)
}

// RelPermalink is the URL of the file, which the build then publishes.
func (r *resource) RelPermalink() string {
	r.publish()
	return r.env.cfg.URL(r.Name)
}

// Permalink is the absolute URL of the file, which the build then publishes.
func (r *resource) Permalink() string {
	r.publish()
	return r.env.cfg.AbsURL(r.Name)
}

func (r *resource) publish() {
	if r.text != nil {
		return
	}
	r.env.mu.Lock()
	r.env.used[r.Name] = r.file
	r.env.mu.Unlock()
}

// MediaType is the file's type, by its extension: .Type, .MainType, .SubType.
func (r *resource) MediaType() mediaType {
	t := mime.TypeByExtension(path.Ext(r.Name))
	t, _, _ = strings.Cut(t, ";")
	main, sub, _ := strings.Cut(t, "/")
	return mediaType{Type: t, MainType: main, SubType: sub}
}

// ResourceType is the main part of the media type ("image"), as in Hugo.
func (r *resource) ResourceType() string { return r.MediaType().MainType }

// Title is the file's name.
func (r *resource) Title() string { return r.Name }

// Data is empty: briefs fetches no remote resources.
func (r *resource) Data() map[string]any { return map[string]any{} }

type mediaType struct{ Type, MainType, SubType string }

// resourcesNS is Hugo's resources namespace over the assets folders.
type resourcesNS struct{ env *hugoEnv }

// Get is the file of assets/ at name, or nil.
func (ns resourcesNS) Get(name any) any {
	n := strings.TrimPrefix(path.Clean("/"+toString(name)), "/")
	f, ok := ns.env.assets[n]
	if !ok {
		return nil
	}
	return &resource{env: ns.env, Name: n, file: f}
}

// GetMatch is the first file (by name) whose name matches a glob, or nil.
func (ns resourcesNS) GetMatch(pattern any) any {
	if m := ns.Match(pattern); len(m) > 0 {
		return m[0]
	}
	return nil
}

// Match is the files whose names match a glob ("images/*.png", "**.json").
func (ns resourcesNS) Match(pattern any) []*resource {
	p := strings.TrimPrefix(toString(pattern), "/")
	var names []string
	for n := range ns.env.assets {
		if globMatch(p, n) {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	out := make([]*resource, len(names))
	for i, n := range names {
		out[i] = &resource{env: ns.env, Name: n, file: ns.env.assets[n]}
	}
	return out
}

// FromString makes a resource of text.
func (ns resourcesNS) FromString(name, text any) *resource {
	s := toString(text)
	return &resource{env: ns.env, Name: toString(name), text: &s}
}

// Minify and Fingerprint give the resource as it is: briefs neither minifies nor
// fingerprints theme assets.
func (resourcesNS) Minify(r any) any            { return r }
func (resourcesNS) Fingerprint(args ...any) any { return args[len(args)-1] }

// globMatch matches Hugo's globs: * within a folder, ** across folders.
func globMatch(pattern, name string) bool {
	if strings.Contains(pattern, "**") {
		pre, post, _ := strings.Cut(pattern, "**")
		if !strings.HasPrefix(strings.ToLower(name), strings.ToLower(pre)) {
			return false
		}
		rest := name[len(pre):]
		post = strings.TrimPrefix(post, "/")
		for i := 0; i <= len(rest); i++ {
			if ok, _ := path.Match(post, rest[i:]); ok || post == "" {
				return true
			}
		}
		return false
	}
	ok, _ := path.Match(strings.ToLower(pattern), strings.ToLower(name))
	return ok
}

// UsedAssets are the assets whose URLs shortcodes took, by name: the build publishes
// them at that name.
func (e *hugoEnv) UsedAssets() []theme.File {
	e.mu.Lock()
	defer e.mu.Unlock()
	names := make([]string, 0, len(e.used))
	for n := range e.used {
		names = append(names, n)
	}
	sort.Strings(names)
	out := make([]theme.File, len(names))
	for i, n := range names {
		out[i] = e.used[n]
	}
	return out
}

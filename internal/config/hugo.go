package config

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"maps"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/token"

	"github.com/briefs/briefs/internal/diag"
)

// LoadHugo reads a Hugo configuration (hugo.toml, config.yaml, hugo.json...; file
// names the format) into the same Site as site.toml, so that a Hugo site builds as it
// stands. Hugo's keys are read regardless of case, as Hugo reads them. The keys briefs
// does not use are listed once, in one warning (Site.Warnings), not one by one.
func LoadHugo(file string, src []byte) (*Site, error) {
	raw, err := decodeAny(file, src)
	if err != nil {
		return nil, err
	}
	return loadHugoMap(file, src, raw)
}

// loadHugoMap is LoadHugo for the decoded configuration raw, read from file.
func loadHugoMap(file string, src []byte, raw map[string]any) (*Site, error) {
	h := &hugoReader{file: file, src: src, s: &Site{File: file, Hugo: true}}
	h.read(raw)
	at := h.at
	h.s.fill(file, nil, at, &h.errs)
	if len(h.unused) > 0 {
		slices.Sort(h.unused)
		h.s.Warnings = append(h.s.Warnings, diag.Warn(file, 0, 0, "briefs does not use these Hugo settings: %s",
			strings.Join(h.unused, ", ")))
	}
	if err := h.errs.Err(); err != nil {
		return nil, err
	}
	return h.s, nil
}

// decodeAny decodes a configuration file into a map, by the format its name says.
func decodeAny(file string, src []byte) (map[string]any, error) {
	raw := map[string]any{}
	switch path.Ext(file) {
	case ".toml":
		if _, err := toml.Decode(string(src), &raw); err != nil {
			return nil, diag.FromTOML(file, src, 1, err)
		}
	case ".json":
		if err := json.Unmarshal(src, &raw); err != nil {
			var se *json.SyntaxError
			var te *json.UnmarshalTypeError
			switch {
			case errors.As(err, &se):
				line, col := diag.LineCol(src, int(se.Offset)-1)
				return nil, diag.At(file, line, col, "JSON: %v", se)
			case errors.As(err, &te):
				line, col := diag.LineCol(src, int(te.Offset)-1)
				return nil, diag.At(file, line, col, "JSON: the file must be an object: { \"baseURL\": … }")
			}
			return nil, diag.At(file, 1, 1, "JSON: %v", err)
		}
	default: // .yaml, .yml
		if err := yaml.Unmarshal(src, &raw); err != nil {
			return nil, yamlError(file, err)
		}
	}
	return raw, nil
}

// yamlError places an error of the YAML decoder at the token it names.
func yamlError(file string, err error) error {
	var ye interface {
		GetToken() *token.Token
		GetMessage() string
	}
	if errors.As(err, &ye) && ye.GetToken() != nil && ye.GetToken().Position != nil {
		pos := ye.GetToken().Position
		return diag.At(file, pos.Line, pos.Column, "YAML: %s", ye.GetMessage())
	}
	return diag.At(file, 1, 1, "YAML: %v", err)
}

// hugoReader turns the decoded map of a Hugo configuration into a Site.
type hugoReader struct {
	file   string
	src    []byte
	s      *Site
	errs   diag.List
	unused []string
	orig   map[string]string // each key's own spelling, by where it is and its lower case
}

// hugoTop are the top-level keys read, by their lower case, and what each sets.
var hugoTop = []string{"baseurl", "title", "languagecode", "defaultcontentlanguage",
	"defaultcontentlanguageinsubdir", "disablepathtolower", "timezone", "taxonomies",
	"permalinks", "menu", "menus", "params", "summarylength", "paginate", "pagination",
	"languages", "markup", "languagename", "locale", "label", "relativeurls", "outputs", "outputformats"}

func (h *hugoReader) read(raw map[string]any) {
	top := h.lower(raw, "")
	s := h.s
	s.BaseURL = h.baseURL(h.str(top, "baseurl"))
	s.DefaultLanguage = strings.ToLower(h.str(top, "defaultcontentlanguage"))
	if s.DefaultLanguage == "" {
		s.DefaultLanguage = "en"
	}
	s.DefaultLanguageInSubdir = h.flag(top, "defaultcontentlanguageinsubdir")
	s.DisablePathToLower = h.flag(top, "disablepathtolower")
	s.TimeZone = h.str(top, "timezone")
	if rel := h.flag(top, "relativeurls"); rel != nil {
		s.RelativeURLs = *rel
	}
	if v, ok := top["taxonomies"]; ok {
		s.Taxonomies = h.strings(v, "taxonomies")
	}
	s.Permalinks = h.permalinks(top["permalinks"])
	s.Menus = h.menus(top, "")
	if v, ok := top["outputs"]; ok {
		s.Outputs = h.outputs(v)
	}
	s.Params = h.table(top, "params")
	pager := h.int(top, "paginate")
	if p, ok := top["pagination"].(map[string]any); ok {
		pp := h.lower(p, "pagination.")
		pager = max(pager, h.int(pp, "pagersize"))
	}
	s.PageSize = pager
	if m, ok := top["markup"].(map[string]any); ok {
		s.Markup.Unsafe = h.unsafe(m)
		s.Markup.Highlight = h.highlight(m)
	}
	summary := h.int(top, "summarylength")
	title := h.str(top, "title")
	s.Languages = map[string]*Language{}
	langs, _ := top["languages"].(map[string]any)
	for key, v := range langs {
		code := strings.ToLower(key)
		lm, _ := v.(map[string]any)
		l := h.language(code, "languages."+key+".", h.lower(lm, "languages."+key+"."))
		if l == nil {
			continue
		}
		s.Languages[code] = l
	}
	if len(s.Languages) == 0 { // a one-language site: the default language, described at the top
		s.Languages[s.DefaultLanguage] = &Language{hugo: true, Label: cmp.Or(h.str(top, "label"), h.str(top, "languagename"))}
	}
	if l := s.Languages[s.DefaultLanguage]; l != nil && l.Locale == "" {
		l.Locale = h.locale(cmp.Or(h.str(top, "locale"), h.str(top, "languagecode")))
	}
	description, _ := s.Params["description"].(string)
	for _, l := range s.Languages {
		if l.Title == "" {
			l.Title = title
		}
		if l.Description == "" {
			l.Description = description
		}
		if l.SummaryLength == 0 {
			l.SummaryLength = summary
		}
	}
	h.themes(top)
	for k := range top {
		if !slices.Contains(hugoTop, k) && !h.themeKey(top, k) {
			h.unused = append(h.unused, h.orig[k])
		}
	}
}

// language reads one [languages.<code>] table; nil for a disabled language.
func (h *hugoReader) language(code, where string, m map[string]any) *Language {
	if d, _ := m["disabled"].(bool); d {
		return nil
	}
	l := &Language{hugo: true}
	// Hugo 0.158 renamed languageCode to locale, and languageName to label.
	l.Locale = h.locale(cmp.Or(h.str(m, "locale"), h.str(m, "languagecode")))
	l.Label = cmp.Or(h.str(m, "label"), h.str(m, "languagename"))
	l.Title = h.str(m, "title")
	l.Weight = h.int(m, "weight")
	l.ContentDir = h.str(m, "contentdir")
	l.Params = h.table(m, "params")
	l.SummaryLength = h.int(m, "summarylength")
	l.Menus = h.menus(m, "languages."+code+".")
	if d := h.str(m, "description"); d != "" {
		l.Description = d
	} else if d, ok := l.Params["description"].(string); ok {
		l.Description = d
	}
	known := []string{"languagecode", "languagename", "locale", "label", "title", "weight", "contentdir", "params",
		"menu", "menus", "description", "disabled", "summarylength"}
	for k := range m {
		if !slices.Contains(known, k) {
			h.unused = append(h.unused, where+h.orig[where+k])
		}
	}
	return l
}

// locale reads a Hugo languageCode, which may be written zh_CN or en-US.
func (h *hugoReader) locale(s string) string { return strings.ReplaceAll(s, "_", "-") }

// baseURL accepts Hugo's relative base URLs ("/", "", "/docs/") by putting them on
// localhost, since briefs writes absolute URLs in feeds and sitemaps.
func (h *hugoReader) baseURL(raw string) string {
	if u, err := url.Parse(raw); err == nil && u.Host == "" && !strings.Contains(raw, "://") {
		return "http://localhost/" + strings.TrimPrefix(u.Path, "/")
	}
	return raw
}

// unsafe reads markup.goldmark.renderer.unsafe.
func (h *hugoReader) unsafe(m map[string]any) bool {
	var cur any = m
	for _, k := range []string{"goldmark", "renderer", "unsafe"} {
		mm, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		cur = h.lower(mm, "")[k]
	}
	b, _ := cur.(bool)
	return b
}

// highlight reads [markup.highlight]: the options that need no highlighter (line
// numbers, highlighted lines, codeFences); the others (style, noClasses, guessSyntax,
// tabWidth …) are named in one warning, since code is shown plain.
func (h *hugoReader) highlight(markup map[string]any) Highlight {
	var out Highlight
	hm, ok := h.lower(markup, "markup.")["highlight"].(map[string]any)
	if !ok {
		return out
	}
	m := h.lower(hm, "markup.highlight.")
	var unused []string
	for _, k := range slices.Sorted(maps.Keys(m)) {
		switch k {
		case "linenos":
			out.LineNos = lineNosOn(m[k])
		case "linenostart":
			out.LineNoStart = h.int(m, k)
		case "hl_lines":
			out.HlLines = h.str(m, k)
		case "codefences":
			out.CodeFences = h.flag(m, k)
		case "linenumbersintable":
			// Numbers are written inline, in every case.
		default:
			unused = append(unused, h.orig["markup.highlight."+k])
		}
	}
	if len(unused) > 0 {
		line, col := h.at("markup", "highlight")
		h.s.Warnings = append(h.s.Warnings, diag.Warn(h.file, line, col,
			"markup.highlight: briefs has no syntax highlighter; code is shown plain, with line numbers and highlighted lines if asked for, and these options are not used: %s",
			strings.Join(unused, ", ")))
	}
	return out
}

// lineNosOn reads lineNos: true, or "table" or "inline" as Hugo's highlight options write it.
func lineNosOn(v any) bool {
	switch v := v.(type) {
	case bool:
		return v
	case string:
		return v == "true" || v == "table" || v == "inline"
	}
	return false
}

// permalinks reads [permalinks]: section = "pattern", or Hugo's newer form by page
// kind ([permalinks.page] section = "pattern"), whose pages are the same ones.
func (h *hugoReader) permalinks(v any) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := map[string]string{}
	for k, v := range m {
		switch v := v.(type) {
		case string:
			out[k] = v
		case map[string]any:
			if strings.ToLower(k) == "page" {
				maps.Copy(out, h.strings(v, "permalinks."+k))
			} else {
				h.unused = append(h.unused, "permalinks."+k)
			}
		}
	}
	return out
}

// outputs reads [outputs]: kind = ["html", "rss", …].
func (h *hugoReader) outputs(v any) map[string][]string {
	m, ok := v.(map[string]any)
	if !ok {
		h.typeErr("outputs", "a table: [outputs] home = [\"html\", \"rss\"]")
		return nil
	}
	out := map[string][]string{}
	for kind, list := range m {
		var formats []string
		switch list := list.(type) {
		case []any:
			for _, f := range list {
				if s, ok := f.(string); ok {
					formats = append(formats, s)
				} else {
					h.typeErr("outputs."+kind, "a list of format names: [\"html\", \"rss\"]")
				}
			}
		case []string:
			formats = list
		case string:
			formats = []string{list}
		default:
			h.typeErr("outputs."+kind, "a list of format names: [\"html\", \"rss\"]")
		}
		out[kind] = formats
	}
	return out
}

// menus reads menu or menus: name = [{name, url, weight...}], as Hugo writes them.
func (h *hugoReader) menus(m map[string]any, prefix string) map[string][]MenuEntry {
	v, ok := m["menus"]
	if !ok {
		v = m["menu"]
	}
	mm, ok := v.(map[string]any)
	if !ok {
		return nil
	}
	out := map[string][]MenuEntry{}
	for name, list := range mm {
		var items []map[string]any
		switch list := list.(type) {
		case []map[string]any: // TOML's [[menus.main]]
			items = list
		case []any:
			for _, it := range list {
				if e, ok := it.(map[string]any); ok {
					items = append(items, e)
				}
			}
		}
		for _, e := range items {
			e = h.lower(e, prefix+"menus."+name+".")
			out[name] = append(out[name], MenuEntry{Identifier: h.str(e, "identifier"), Name: h.str(e, "name"),
				URL: h.str(e, "url"), PageRef: h.str(e, "pageref"), Parent: h.str(e, "parent"),
				Pre: h.str(e, "pre"), Post: h.str(e, "post"), Title: h.str(e, "title"), Weight: h.int(e, "weight")})
		}
	}
	return out
}

// lower returns m with its keys in lower case, remembering each key's own spelling
// (prefixed with where the table is) for messages.
func (h *hugoReader) lower(m map[string]any, where string) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		lk := strings.ToLower(k)
		out[lk] = v
		if h.orig == nil {
			h.orig = map[string]string{}
		}
		h.orig[where+lk] = k
	}
	return out
}

func (h *hugoReader) str(m map[string]any, key string) string {
	switch v := m[key].(type) {
	case nil:
		return ""
	case string:
		return v
	default:
		h.typeErr(key, "a text in quotes")
		return ""
	}
}

func (h *hugoReader) int(m map[string]any, key string) int {
	switch v := m[key].(type) {
	case nil:
		return 0
	case int64:
		return int(v)
	case uint64:
		return int(v)
	case float64:
		if v == float64(int(v)) {
			return int(v)
		}
	}
	h.typeErr(key, "a whole number")
	return 0
}

func (h *hugoReader) flag(m map[string]any, key string) *bool {
	switch v := m[key].(type) {
	case nil:
		return nil
	case bool:
		return &v
	}
	h.typeErr(key, "true or false")
	return nil
}

func (h *hugoReader) table(m map[string]any, key string) map[string]any {
	switch v := m[key].(type) {
	case nil:
		return nil
	case map[string]any:
		return v
	}
	h.typeErr(key, "a table")
	return nil
}

// strings reads a table of texts, such as [taxonomies].
func (h *hugoReader) strings(v any, key string) map[string]string {
	m, ok := v.(map[string]any)
	if !ok {
		h.typeErr(key, "a table of texts")
		return nil
	}
	out := map[string]string{}
	for k, v := range m {
		s, ok := v.(string)
		if !ok {
			h.typeErr(key+"."+k, "a text in quotes")
			continue
		}
		out[k] = s
	}
	return out
}

func (h *hugoReader) typeErr(key, want string) {
	line, col := h.at(strings.Split(key, ".")...)
	h.errs.Add(diag.At(h.file, line, col, "%s must be %s", key, want))
}

// at finds a key in the file for a message: through the TOML decoder's positions for
// TOML, else by the first line that writes the last key as a key ("key:" in YAML,
// "\"key\":" in JSON), regardless of case as Hugo reads keys.
func (h *hugoReader) at(keys ...string) (int, int) {
	if len(keys) == 0 {
		return 0, 0
	}
	if path.Ext(h.file) == ".toml" {
		if line, col := diag.TOMLKeyPos(h.src, keys); line > 0 {
			return line, col
		}
	}
	key := strings.ToLower(keys[len(keys)-1])
	lower := bytes.ToLower(h.src)
	for _, pat := range []string{"\"" + key + "\"", key + ":", key + " =", key + "="} {
		if i := bytes.Index(lower, []byte(pat)); i >= 0 {
			return diag.LineCol(h.src, i)
		}
	}
	return 0, 0
}

package content

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A field decodes the value of one front matter key into a Front. When the value has the
// wrong type, its error says what the key takes, with a line to copy in the file's own
// notation (s); parseFront places the error at the value.
type field func(s syntax, v any, f *Front, loc *time.Location) error

// fieldOrder lists the front matter keys as the README does; unknown keys are matched
// against it in this order, to suggest the key a typo meant.
var fieldOrder = []string{"title", "linkTitle", "date", "lastmod", "publishDate", "expiryDate", "tags",
	"summary", "description", "keywords", "images", "draft", "slug", "url", "translationKey",
	"translationOf", "source", "editor", "weight", "aliases", "type", "layout", "outputs",
	"headless", "build", "menu", "resources", "checkIgnore", "params", "search"}

// otherNames are Hugo's other spellings of a key (its front matter date settings'
// defaults), lowercased.
var otherNames = map[string]string{"pubdate": "publishDate", "published": "publishDate",
	"modified": "lastmod", "unpublishdate": "expiryDate", "menus": "menu"}

// keyNames finds a key's own spelling from its lower case: like Hugo, and like the TOML
// decoder briefs used before, front matter keys are read regardless of case, so that
// publishdate works as publishDate.
var keyNames = func() map[string]string {
	m := map[string]string{}
	for _, k := range fieldOrder {
		m[strings.ToLower(k)] = k
	}
	for k, v := range otherNames {
		m[k] = v
	}
	return m
}()

// fields maps each front matter key to its decoder.
var fields = map[string]field{
	"title":          textField(func(f *Front) *string { return &f.Title }),
	"linkTitle":      textField(func(f *Front) *string { return &f.LinkTitle }),
	"date":           dateField(func(f *Front) *time.Time { return &f.Date }),
	"lastmod":        dateField(func(f *Front) *time.Time { return &f.Lastmod }),
	"publishDate":    dateField(func(f *Front) *time.Time { return &f.PublishDate }),
	"expiryDate":     dateField(func(f *Front) *time.Time { return &f.ExpiryDate }),
	"tags":           listField(func(f *Front) *[]string { return &f.Tags }),
	"summary":        textField(func(f *Front) *string { return &f.Summary }),
	"description":    textField(func(f *Front) *string { return &f.Description }),
	"keywords":       listField(func(f *Front) *[]string { return &f.Keywords }),
	"images":         listField(func(f *Front) *[]string { return &f.Images }),
	"draft":          boolField(func(f *Front) *bool { return &f.Draft }),
	"search":         searchField,
	"slug":           textField(func(f *Front) *string { return &f.Slug }),
	"url":            textField(func(f *Front) *string { return &f.URL }),
	"type":           textField(func(f *Front) *string { return &f.Type }),
	"layout":         textField(func(f *Front) *string { return &f.Layout }),
	"outputs":        listField(func(f *Front) *[]string { return &f.Outputs }),
	"headless":       boolField(func(f *Front) *bool { return &f.Headless }),
	"build":          buildField,
	"menu":           menuField,
	"resources":      resourcesField,
	"translationKey": textField(func(f *Front) *string { return &f.TranslationKey }),
	"translationOf":  textField(func(f *Front) *string { return &f.TranslationOf }),
	"source":         textField(func(f *Front) *string { return &f.Source }),
	"editor":         textField(func(f *Front) *string { return &f.Editor }),
	"weight":         intField(func(f *Front) *int { return &f.Weight }),
	"aliases":        listField(func(f *Front) *[]string { return &f.Aliases }),
	"checkIgnore":    listField(func(f *Front) *[]string { return &f.CheckIgnore }),
	"params":         tableField,
}

// textKeys are the keys whose values are text, or lists of texts: a YAML plain
// scalar given to one (title: 2024) is read as the text written, as Hugo does.
var textKeys = map[string]bool{"title": true, "linkTitle": true, "summary": true, "description": true,
	"slug": true, "url": true, "type": true, "layout": true, "translationKey": true, "translationOf": true,
	"source": true, "editor": true, "tags": true, "keywords": true, "images": true, "outputs": true,
	"aliases": true, "checkIgnore": true}

// syntax writes example lines in a front matter's notation, for messages.
type syntax struct {
	format Format
	key    string
}

// assign is the line that sets the key to the value, written as in the notation.
func (s syntax) assign(value string) string {
	switch s.format {
	case YAML:
		return s.key + ": " + value
	case JSON:
		return strconv.Quote(s.key) + ": " + value
	}
	return s.key + " = " + value
}

func textField(get func(*Front) *string) field {
	return func(s syntax, v any, f *Front, _ *time.Location) error {
		t, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is text in quotes: write %s", s.key, s.assign(quoted(v)))
		}
		*get(f) = t
		return nil
	}
}

func listField(get func(*Front) *[]string) field {
	return func(s syntax, v any, f *Front, _ *time.Location) error {
		items, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s is a list: write %s", s.key, s.assign("["+listExample(v)+"]"))
		}
		out := make([]string, len(items))
		for i, item := range items {
			if out[i], ok = item.(string); !ok {
				return fmt.Errorf("%s is a list of texts in quotes: write %s", s.key, s.assign("["+listExample(v)+"]"))
			}
		}
		*get(f) = out
		return nil
	}
}

// yaml11Bools are the words YAML 1.1 read as true or false and YAML 1.2 reads as text.
var yaml11Bools = map[string]bool{"yes": true, "y": true, "on": true, "no": false, "n": false, "off": false}

func boolField(get func(*Front) *bool) field {
	return func(s syntax, v any, f *Front, _ *time.Location) error {
		b, ok := v.(bool)
		if !ok {
			word, _ := v.(string)
			meant, old := yaml11Bools[strings.ToLower(word)]
			if s.format == YAML && old {
				return fmt.Errorf("%s: %s is text in YAML 1.2, which Hugo 0.152 and later read as false, and older Hugo as %t; write %s",
					s.key, word, meant, s.assign(strconv.FormatBool(meant)))
			}
			example := "true"
			if strings.EqualFold(word, "false") || strings.EqualFold(word, "no") {
				example = "false"
			}
			return fmt.Errorf("%s is true or false, without quotes: write %s", s.key, s.assign(example))
		}
		*get(f) = b
		return nil
	}
}

func intField(get func(*Front) *int) field {
	return func(s syntax, v any, f *Front, _ *time.Location) error {
		n, ok := v.(int64)
		if !ok || n != int64(int(n)) {
			example := 1
			switch x := v.(type) {
			case string:
				if i, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
					example = i
				}
			case float64:
				if !math.IsNaN(x) && math.Abs(x) < 1e9 {
					example = int(math.Round(x))
				}
			}
			return fmt.Errorf("%s is a whole number, without quotes: write %s", s.key, s.assign(strconv.Itoa(example)))
		}
		*get(f) = int(n)
		return nil
	}
}

func dateField(get func(*Front) *time.Time) field {
	return func(s syntax, v any, f *Front, loc *time.Location) error {
		t, err := parseDate(s, v, loc)
		*get(f) = t
		return err
	}
}

func tableField(s syntax, v any, f *Front, _ *time.Location) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s is a table: %s", s.key, s.table())
	}
	f.Params = m
	return nil
}

// table tells how to write a table in the notation.
func (s syntax) table() string {
	switch s.format {
	case YAML:
		return fmt.Sprintf("write %s: on a line of its own, then one key: value per line below it, indented", s.key)
	case JSON:
		return fmt.Sprintf("write %s", s.assign(`{"key": "value"}`))
	}
	return fmt.Sprintf("write [%s] on a line of its own at the end of the front matter, then one key = value per line", s.key)
}

// buildField reads Hugo's build options; true and false are Hugo's older spellings
// of always and never.
func buildField(s syntax, v any, f *Front, _ *time.Location) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s is a table of render, list and publishResources: %s", s.key, s.table())
	}
	for k, x := range m {
		switch strings.ToLower(k) {
		case "render":
			if err := buildOption(&f.Build.Render, "render", x, "always", "never", "link"); err != nil {
				return err
			}
		case "list":
			if err := buildOption(&f.Build.List, "list", x, "always", "never", "local"); err != nil {
				return err
			}
		case "publishresources":
			b, ok := x.(bool)
			if !ok {
				return fmt.Errorf("build.publishResources is true or false")
			}
			f.Build.KeepResources = !b
		default:
			return fmt.Errorf("build has render, list and publishResources, not %q", k)
		}
	}
	return nil
}

func buildOption(dst *string, name string, v any, values ...string) error {
	switch x := v.(type) {
	case bool:
		*dst = values[0]
		if !x {
			*dst = values[1]
		}
		return nil
	case string:
		for _, ok := range values {
			if strings.EqualFold(x, ok) {
				*dst = ok
				return nil
			}
		}
	}
	return fmt.Errorf("build.%s is %s, %s or %s", name, strconv.Quote(values[0]), strconv.Quote(values[1]), strconv.Quote(values[2]))
}

// menuField keeps menu or menus as written, once it has a shape Hugo takes: a menu's
// name, a list of names, or a table of names to entries.
func menuField(s syntax, v any, f *Front, _ *time.Location) error {
	switch x := v.(type) {
	case string, map[string]any:
		f.Menus = x
		return nil
	case []any:
		for _, item := range x {
			if _, ok := item.(string); !ok {
				return fmt.Errorf("%s is a menu name, a list of names, or a table of menus: write %s", s.key, s.assign(`"main"`))
			}
		}
		f.Menus = x
		return nil
	}
	return fmt.Errorf("%s is a menu name, a list of names, or a table of menus: write %s", s.key, s.assign(`"main"`))
}

// resourcesField keeps a bundle's resource entries, each a table with src.
func resourcesField(s syntax, v any, f *Front, _ *time.Location) error {
	if tables, ok := v.([]map[string]any); ok { // TOML's [[resources]]
		f.Resources = tables
		return nil
	}
	items, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s is a list of tables, each with src = \"…\" (a file of the bundle) and name, title or params", s.key)
	}
	f.Resources = make([]map[string]any, len(items))
	for i, item := range items {
		m, ok := item.(map[string]any)
		if !ok {
			return fmt.Errorf("%s: entry %d is not a table; each entry has src = \"…\" and name, title or params", s.key, i+1)
		}
		f.Resources[i] = m
	}
	return nil
}

// dateForms is how the messages show the accepted ways of writing a date.
const dateForms = `2024-03-15, 2024-03-15T11:29:00, 2024-03-15T11:29:00+08:00 or "2024-03-15 11:29"`

// dateLayouts are the forms of a date written as text: what editors type, and what
// Hugo reads (RFC 3339 with or without seconds' fractions and zone, a space for the T).
var dateLayouts = []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02", time.RFC3339Nano,
	"2006-01-02T15:04", "2006-01-02T15:04:05", "2006-01-02T15:04:05.999999999", "2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05.999999999Z07:00", "2006-01-02T15:04:05-0700", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 -0700 MST", "2006-01-02 15:04:05 MST", time.RFC1123Z, time.RFC1123, time.RFC822Z}

// parseDate reads a TOML datetime or one of the string forms editors type; an empty
// string is no date, as in Hugo. Dates without an offset are read in the site's time
// zone, so "11:29" means 11:29 in Shanghai.
func parseDate(s syntax, v any, loc *time.Location) (time.Time, error) {
	key := s.key
	switch d := v.(type) {
	case time.Time:
		switch d.Location().String() {
		case "datetime-local", "date-local":
			return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), loc), nil
		case "time-local":
			return time.Time{}, fmt.Errorf("%s: a time without a date; write %s", key, s.assign("2024-03-15T"+d.Format("15:04:05")))
		}
		return d, nil
	case string:
		if strings.TrimSpace(d) == "" {
			return time.Time{}, nil
		}
		for _, layout := range dateLayouts {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(d), loc); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%s: %q is not a date; write %s", key, d, s.assign(dateForms))
	}
	return time.Time{}, fmt.Errorf("%s: %v is not a date; write %s", key, v, s.assign(dateForms))
}

// quoted shows a mistyped value as the text it probably meant.
func quoted(v any) string {
	switch x := v.(type) {
	case int64, float64, bool:
		return strconv.Quote(fmt.Sprint(x))
	case []any:
		if len(x) == 1 {
			if s, ok := x[0].(string); ok {
				return strconv.Quote(s)
			}
		}
	}
	return `"…"`
}

// listExample shows a mistyped list as a list of quoted texts: "a, b" becomes "a", "b".
func listExample(v any) string {
	var parts []string
	switch x := v.(type) {
	case string:
		for p := range strings.SplitSeq(x, ",") {
			if p = strings.TrimSpace(p); p != "" {
				parts = append(parts, p)
			}
		}
	case []any:
		for _, item := range x {
			switch item.(type) {
			case string, int64, float64, bool:
				parts = append(parts, fmt.Sprint(item))
			}
		}
	case int64, float64, bool:
		parts = append(parts, fmt.Sprint(x))
	}
	if len(parts) == 0 {
		return `"…"`
	}
	for i, p := range parts {
		parts[i] = strconv.Quote(p)
	}
	return strings.Join(parts, ", ")
}

// searchField reads search = false, which keeps a page out of the search index.
func searchField(s syntax, v any, f *Front, loc *time.Location) error {
	on := true
	err := boolField(func(*Front) *bool { return &on })(s, v, f, loc)
	f.NoSearch = !on
	return err
}

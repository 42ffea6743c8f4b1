package content

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A field decodes the value of one front matter key into a Front. When the value has the
// wrong type, its error says what the key takes, with a line to copy; parseFront places
// the error at the value.
type field func(key string, v any, f *Front, loc *time.Location) error

// fieldOrder lists the front matter keys as the README does; unknown keys are matched
// against it in this order.
var fieldOrder = []string{"title", "date", "lastmod", "publishDate", "expiryDate", "tags",
	"summary", "description", "draft", "slug", "translationKey", "translationOf", "source",
	"editor", "weight", "aliases", "checkIgnore", "params", "search"}

// keyNames finds a key's own spelling from its lower case: like Hugo, and like the TOML
// decoder briefs used before, front matter keys are read regardless of case, so that
// publishdate works as publishDate.
var keyNames = func() map[string]string {
	m := map[string]string{}
	for _, k := range fieldOrder {
		m[strings.ToLower(k)] = k
	}
	return m
}()

// fields maps each front matter key to its decoder.
var fields = map[string]field{
	"title":          textField(func(f *Front) *string { return &f.Title }),
	"date":           dateField(func(f *Front) *time.Time { return &f.Date }),
	"lastmod":        dateField(func(f *Front) *time.Time { return &f.Lastmod }),
	"publishDate":    dateField(func(f *Front) *time.Time { return &f.PublishDate }),
	"expiryDate":     dateField(func(f *Front) *time.Time { return &f.ExpiryDate }),
	"tags":           listField(func(f *Front) *[]string { return &f.Tags }),
	"summary":        textField(func(f *Front) *string { return &f.Summary }),
	"description":    textField(func(f *Front) *string { return &f.Description }),
	"draft":          boolField(func(f *Front) *bool { return &f.Draft }),
	"search":         searchField,
	"slug":           textField(func(f *Front) *string { return &f.Slug }),
	"translationKey": textField(func(f *Front) *string { return &f.TranslationKey }),
	"translationOf":  textField(func(f *Front) *string { return &f.TranslationOf }),
	"source":         textField(func(f *Front) *string { return &f.Source }),
	"editor":         textField(func(f *Front) *string { return &f.Editor }),
	"weight":         intField(func(f *Front) *int { return &f.Weight }),
	"aliases":        listField(func(f *Front) *[]string { return &f.Aliases }),
	"checkIgnore":    listField(func(f *Front) *[]string { return &f.CheckIgnore }),
	"params":         tableField,
}

// hugoHints answer the Hugo keys that briefs does without.
var hugoHints = map[string]string{
	"url":        "a brief's URL comes from its folder and slug: set slug = \"…\", and aliases for old URLs",
	"categories": "briefs groups briefs by section folder and by tags: use tags = [\"…\"]",
}

func textField(get func(*Front) *string) field {
	return func(key string, v any, f *Front, _ *time.Location) error {
		s, ok := v.(string)
		if !ok {
			return fmt.Errorf("%s is text in quotes: write %s = %s", key, key, quoted(v))
		}
		*get(f) = s
		return nil
	}
}

func listField(get func(*Front) *[]string) field {
	return func(key string, v any, f *Front, _ *time.Location) error {
		items, ok := v.([]any)
		if !ok {
			return fmt.Errorf("%s is a list: write %s = [%s]", key, key, listExample(v))
		}
		out := make([]string, len(items))
		for i, item := range items {
			if out[i], ok = item.(string); !ok {
				return fmt.Errorf("%s is a list of texts in quotes: write %s = [%s]", key, key, listExample(v))
			}
		}
		*get(f) = out
		return nil
	}
}

func boolField(get func(*Front) *bool) field {
	return func(key string, v any, f *Front, _ *time.Location) error {
		b, ok := v.(bool)
		if !ok {
			example := "true"
			if s, _ := v.(string); strings.EqualFold(s, "false") || strings.EqualFold(s, "no") {
				example = "false"
			}
			return fmt.Errorf("%s is true or false, without quotes: write %s = %s", key, key, example)
		}
		*get(f) = b
		return nil
	}
}

func intField(get func(*Front) *int) field {
	return func(key string, v any, f *Front, _ *time.Location) error {
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
			return fmt.Errorf("%s is a whole number, without quotes: write %s = %d", key, key, example)
		}
		*get(f) = int(n)
		return nil
	}
}

func dateField(get func(*Front) *time.Time) field {
	return func(key string, v any, f *Front, loc *time.Location) error {
		t, err := parseDate(key, v, loc)
		*get(f) = t
		return err
	}
}

func tableField(key string, v any, f *Front, _ *time.Location) error {
	m, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("%s is a table: write [%s] on a line of its own at the end of the front matter, then one key = value per line", key, key)
	}
	f.Params = m
	return nil
}

// dateForms is how the messages show the accepted ways of writing a date.
const dateForms = `2024-03-15, 2024-03-15T11:29:00, 2024-03-15T11:29:00+08:00 or "2024-03-15 11:29"`

// parseDate reads a TOML datetime or one of the string forms editors type. Dates without
// an offset are read in the site's time zone, so "11:29" means 11:29 in Shanghai.
func parseDate(key string, v any, loc *time.Location) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		switch d.Location().String() {
		case "datetime-local", "date-local":
			return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), loc), nil
		case "time-local":
			return time.Time{}, fmt.Errorf("%s: a time without a date; write %s = 2024-03-15T%s", key, key, d.Format("15:04:05"))
		}
		return d, nil
	case string:
		for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04"} {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(d), loc); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%s: %q is not a date; write %s = %s", key, d, key, dateForms)
	}
	return time.Time{}, fmt.Errorf("%s: %v is not a date; write %s = %s", key, v, key, dateForms)
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
func searchField(key string, v any, f *Front, loc *time.Location) error {
	on := true
	err := boolField(func(*Front) *bool { return &on })(key, v, f, loc)
	f.NoSearch = !on
	return err
}

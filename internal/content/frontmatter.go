package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/briefs/briefs/internal/diag"
)

// Front is the front matter of one content file, decoded and checked.
type Front struct {
	Title          string
	Date           time.Time
	Lastmod        time.Time
	PublishDate    time.Time
	ExpiryDate     time.Time
	Tags           []string
	Summary        string
	Description    string
	Draft          bool
	Slug           string
	TranslationKey string
	TranslationOf  string
	Source         string
	Editor         string
	Weight         int
	Aliases        []string
	CheckIgnore    []string
	Params         map[string]any
}

// maxUnknown bounds the unknown keys reported for one file: finding each one's line is a
// scan of the front matter, and a pasted data file could otherwise make that quadratic.
const maxUnknown = 10

// rawFront mirrors the TOML keys; dates arrive as any because they may be written as
// a TOML datetime, a local datetime or a "2024-03-15 11:29" string.
type rawFront struct {
	Title          *string        `toml:"title"`
	Date           any            `toml:"date"`
	Lastmod        any            `toml:"lastmod"`
	PublishDate    any            `toml:"publishDate"`
	ExpiryDate     any            `toml:"expiryDate"`
	Tags           []string       `toml:"tags"`
	Summary        string         `toml:"summary"`
	Description    string         `toml:"description"`
	Draft          bool           `toml:"draft"`
	Slug           *string        `toml:"slug"`
	TranslationKey string         `toml:"translationKey"`
	TranslationOf  string         `toml:"translationOf"`
	Source         string         `toml:"source"`
	Editor         string         `toml:"editor"`
	Weight         int            `toml:"weight"`
	Aliases        []string       `toml:"aliases"`
	CheckIgnore    []string       `toml:"checkIgnore"`
	Params         map[string]any `toml:"params"`
}

// split finds the front matter between +++ lines. It returns the TOML text and the body.
func split(file string, src []byte) (front, body []byte, err *diag.Error) {
	first, rest, _ := bytes.Cut(src, []byte{'\n'})
	switch strings.TrimRight(string(first), " \t\r") {
	case "+++":
	case "---":
		return nil, nil, diag.At(file, 1, 1, "YAML front matter (---) is not supported; put TOML between +++ lines")
	default:
		return nil, nil, diag.At(file, 1, 1, "no front matter: start the file with a +++ line, then title and date, then +++")
	}
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			next = off + end + 1
		}
		text := rest[off:min(next-1, len(rest))]
		if string(bytes.TrimRight(text, " \t\r")) == "+++" {
			return rest[:off], rest[min(next, len(rest)):], nil
		}
		off = next
	}
	return nil, nil, diag.At(file, 1, 1, "front matter is not closed: add a +++ line after it")
}

// parseFront decodes and checks front matter; problems go to errs with whole-file lines.
// isIndex relaxes the rules for _index files, which need no date.
func parseFront(file string, front []byte, loc *time.Location, isIndex bool, errs *diag.List) (Front, bool) {
	var raw rawFront
	md, err := toml.Decode(string(front), &raw)
	if err != nil {
		errs.Add(diag.FromTOML(file, front, 2, err))
		return Front{}, false
	}
	ok := true
	at := func(key ...string) (int, int) {
		line, col := diag.TOMLKeyPos(front, key)
		if line == 0 {
			return 1, 1
		}
		return line + 1, col
	}
	fail := func(key string, format string, args ...any) {
		line, col := at(key)
		errs.Add(diag.At(file, line, col, format, args...))
		ok = false
	}
	reported := map[string]bool{}
	for _, key := range md.Undecoded() {
		if key[0] == "params" || reported[key[0]] {
			continue // a table's keys are not reported again after the table
		}
		reported[key[0]] = true
		if len(reported) > maxUnknown {
			errs.Add(diag.At(file, 1, 1, "more unknown front matter keys; fix the ones above first"))
			ok = false
			break
		}
		line, col := at(key...)
		errs.Add(diag.At(file, line, col, "unknown front matter key `%s`%s", key.String(), suggest(key[0])))
		ok = false
	}
	f := Front{Tags: raw.Tags, Summary: raw.Summary, Description: raw.Description, Draft: raw.Draft,
		TranslationKey: raw.TranslationKey, TranslationOf: raw.TranslationOf, Source: raw.Source,
		Editor: raw.Editor, Weight: raw.Weight, Aliases: raw.Aliases, CheckIgnore: raw.CheckIgnore, Params: raw.Params}
	if raw.Title == nil || strings.TrimSpace(*raw.Title) == "" {
		errs.Add(diag.At(file, 2, 1, "missing title: add title = \"…\" to the front matter"))
		ok = false
	} else {
		f.Title = strings.TrimSpace(*raw.Title)
	}
	if raw.Slug != nil {
		f.Slug = *raw.Slug
		if err := CheckSlug(f.Slug); err != nil {
			fail("slug", "slug %q: %v", f.Slug, err)
		}
	}
	for _, d := range []struct {
		key string
		v   any
		dst *time.Time
	}{{"date", raw.Date, &f.Date}, {"lastmod", raw.Lastmod, &f.Lastmod},
		{"publishDate", raw.PublishDate, &f.PublishDate}, {"expiryDate", raw.ExpiryDate, &f.ExpiryDate}} {
		if d.v == nil {
			continue
		}
		t, err := parseDate(d.v, loc)
		if err != nil {
			fail(d.key, "%s: %v", d.key, err)
		}
		*d.dst = t
	}
	if raw.Date == nil && !isIndex {
		errs.Add(diag.At(file, 2, 1, "missing date: add date = 2024-03-15T11:29:00+08:00 or date = \"2024-03-15 11:29\""))
		ok = false
	}
	for _, a := range f.Aliases {
		if err := CheckAlias(a); err != nil {
			fail("aliases", "aliases: %q %v", a, err)
		}
	}
	for i, tag := range f.Tags {
		f.Tags[i] = strings.TrimSpace(tag)
		if f.Tags[i] == "" {
			fail("tags", "tags: an empty tag; remove it")
		}
	}
	return f, ok
}

// parseDate reads a TOML datetime or one of the string forms editors type. Dates without
// an offset are read in the site's time zone, so "11:29" means 11:29 in Shanghai.
func parseDate(v any, loc *time.Location) (time.Time, error) {
	switch d := v.(type) {
	case time.Time:
		switch d.Location().String() {
		case "datetime-local", "date-local":
			return time.Date(d.Year(), d.Month(), d.Day(), d.Hour(), d.Minute(), d.Second(), d.Nanosecond(), loc), nil
		case "time-local":
			return time.Time{}, fmt.Errorf("a time without a date; write 2024-03-15T11:29:00")
		}
		return d, nil
	case string:
		for _, layout := range []string{"2006-01-02 15:04", "2006-01-02 15:04:05", "2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04"} {
			if t, err := time.ParseInLocation(layout, strings.TrimSpace(d), loc); err == nil {
				return t, nil
			}
		}
		return time.Time{}, fmt.Errorf("%q is not a date; write \"2024-03-15 11:29\" or a TOML datetime", d)
	}
	return time.Time{}, fmt.Errorf("expected a date, got %T; write \"2024-03-15 11:29\" or 2024-03-15T11:29:00+08:00", v)
}

// suggest points at the likely intended key for a misspelt one.
func suggest(key string) string {
	known := []string{"title", "date", "lastmod", "publishDate", "expiryDate", "tags", "summary",
		"description", "draft", "slug", "translationKey", "translationOf", "source", "editor",
		"weight", "aliases", "checkIgnore", "params"}
	best, bestD := "", 3
	for _, k := range known {
		if d := editDistance(strings.ToLower(key), strings.ToLower(k)); d < bestD {
			best, bestD = k, d
		}
	}
	if best == "" {
		return "; put custom data under [params]"
	}
	return fmt.Sprintf("; did you mean `%s`?", best)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

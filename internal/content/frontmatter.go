package content

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/diag"
)

// Front is the front matter of one content file, decoded and checked. The keys are
// Hugo's, with Hugo's meaning, plus briefs' own (source, editor, translationOf,
// checkIgnore, search); every other key is kept in Params.
type Front struct {
	// Format is the front matter's notation: TOML (+++), YAML (---) or JSON ({ … }).
	Format Format
	Title  string
	// LinkTitle is the shorter title menus and lists show; "" when not given.
	LinkTitle string
	// Date is the page's date: date, else publishDate, else lastmod (Hugo's fallback);
	// zero when none is given, and an empty string is no date.
	Date        time.Time
	Lastmod     time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	Tags        []string
	Summary     string
	Description string
	Keywords    []string
	// Images are the page's pictures for social cards (og:image), first one first.
	Images []string
	Draft  bool
	// NoSearch is set by search = false: the page stays out of the search index.
	NoSearch       bool
	Slug           string
	URL            string
	Type           string
	Layout         string
	Outputs        []string
	Headless       bool
	Build          Build
	TranslationKey string
	TranslationOf  string
	Source         string
	Editor         string
	Weight         int
	Aliases        []string
	CheckIgnore    []string
	// Menus is the menu or menus value as written: a menu name, a list of names, or a
	// table of menu names to entries (weight, name, parent, …).
	Menus any
	// Resources are the page bundle's resource entries (src, name, title, params).
	Resources []map[string]any
	// Params holds [params] and every key briefs does not read itself (author,
	// categories and other taxonomies), by the key as written; Param finds one
	// regardless of case, as Hugo does.
	Params map[string]any
}

// Build is Hugo's build option of a page: whether it is rendered and listed. The
// zero value is Hugo's default: rendered, listed, its bundle's files published.
type Build struct {
	// Render is "always" (or ""), "never" (no page of its own) or "link" (no page,
	// but a permalink in lists).
	Render string
	// List is "always" (or ""), "never" (in no list) or "local" (only in its own
	// bundle's lists).
	List string
	// KeepResources is set by publishResources = false: a page that is not rendered
	// does not publish its bundle's files either.
	KeepResources bool
}

// Rendered reports whether the page gets its own output file.
func (f *Front) Rendered() bool {
	return (f.Build.Render == "" || f.Build.Render == "always") && !f.Headless
}

// Listed reports whether the page appears in section, home and taxonomy lists.
func (f *Front) Listed() bool { return (f.Build.List == "" || f.Build.List == "always") && !f.Headless }

// Param finds a key of Params regardless of case, as Hugo's .Param does.
func (f *Front) Param(key string) (any, bool) {
	if v, ok := f.Params[key]; ok {
		return v, true
	}
	for k, v := range f.Params {
		if strings.EqualFold(k, key) {
			return v, true
		}
	}
	return nil, false
}

// Terms are the page's terms of a taxonomy ("tags", "categories", or any taxonomy a
// site declares): tags from the tags key, others from Params, as a list of texts or a
// single text. Numbers are written as text, as Hugo does; empty terms are left out.
func (f *Front) Terms(taxonomy string) []string {
	if strings.EqualFold(taxonomy, "tags") {
		return f.Tags
	}
	v, _ := f.Param(taxonomy)
	var out []string
	add := func(x any) {
		switch t := x.(type) {
		case string:
			if t = strings.TrimSpace(t); t != "" {
				out = append(out, t)
			}
		case int64, float64, bool:
			out = append(out, fmt.Sprint(t))
		}
	}
	if list, ok := v.([]any); ok {
		for _, x := range list {
			add(x)
		}
	} else {
		add(v)
	}
	return out
}

// Format is a front matter notation.
type Format int

// The notations Hugo reads, told apart by the file's first line.
const (
	TOML Format = iota // between +++ lines
	YAML               // between --- lines
	JSON               // a { … } object at the start of the file
	// None is a file without front matter, which Hugo takes as it is: the whole file
	// is the body, and the page has no title (briefs shows its file name).
	None
)

func (f Format) String() string { return [...]string{"TOML", "YAML", "JSON", "none"}[f] }

// maxUnknown bounds the bad entries of one list reported for one file: finding each
// one's place is a scan of the front matter, and a pasted data file could otherwise
// make that quadratic.
const maxUnknown = 10

// split finds the front matter: between +++ (TOML) or --- (YAML) lines, or a JSON
// object starting on the first line. It returns the front matter's text, the line of
// the file it starts on, and the body.
func split(file string, src []byte) (format Format, front []byte, firstLine int, body []byte, err *diag.Error) {
	first, rest, _ := bytes.Cut(src, []byte{'\n'})
	var fence string
	switch t := strings.TrimRight(string(first), " \t\r"); {
	case t == "+++":
		format, fence = TOML, "+++"
	case t == "---":
		format, fence = YAML, "---"
	case strings.HasPrefix(t, "{"):
		front, body, err := splitJSON(file, src)
		return JSON, front, 1, body, err
	default:
		return None, nil, 1, src, nil
	}
	for off := 0; off <= len(rest); {
		end := bytes.IndexByte(rest[off:], '\n')
		next := len(rest) + 1
		if end >= 0 {
			next = off + end + 1
		}
		text := rest[off:min(next-1, len(rest))]
		if string(bytes.TrimRight(text, " \t\r")) == fence {
			return format, rest[:off], 2, rest[min(next, len(rest)):], nil
		}
		off = next
	}
	return 0, nil, 0, nil, diag.At(file, 1, 1, "front matter is not closed: add a %s line after it", fence)
}

// frontDoc is front matter decoded from any notation: the top-level keys in the
// order written, their values in the TOML decoder's types (string, int64, float64,
// bool, time.Time, []any, map[string]any; nil for an empty YAML value), and where
// each is.
type frontDoc struct {
	keys   []string
	vals   map[string]any
	places places
}

// places finds things in the front matter's text, as a line and column counted from
// its first line; line 0 when not found.
type places interface {
	key(name string) (line, col int)
	value(name string) (line, col int)
	// item is the place of the i-th item of a top-level list, whose text is text.
	item(name string, i int, text string) (line, col int)
}

// parseFront decodes and checks front matter in three steps: decode the notation into
// keys and values (decode), set the field of each key briefs reads and keep the others
// in Params (read), and apply the rules that span keys (check). Problems go to errs
// with whole-file lines.
func parseFront(file string, format Format, front []byte, firstLine int, loc *time.Location, errs *diag.List) (Front, bool) {
	doc, err := decode(file, format, front, firstLine)
	if err != nil {
		errs.Add(err)
		return Front{}, false
	}
	p := &frontParser{file: file, format: format, firstLine: firstLine, places: doc.places, errs: errs, ok: true, spelled: map[string]string{}}
	f, vals := p.read(doc, loc)
	p.check(&f, vals)
	return f, p.ok
}

// read sets the field of each key briefs reads, in the order written, and keeps the
// other keys in Params; vals are the values read, by the key as briefs spells it
// ("publishDate"), for check.
func (p *frontParser) read(doc frontDoc, loc *time.Location) (f Front, vals map[string]any) {
	f, vals = Front{Format: p.format}, map[string]any{}
	extra := map[string]any{}
	for _, name := range doc.keys {
		v := doc.vals[name]
		canon, known := keyNames[strings.ToLower(name)]
		switch {
		case !known:
			extra[name] = v
			p.unknown(name)
		case p.spelled[canon] != "":
			p.again(name, canon)
		case v == nil:
			p.spelled[canon] = name // an empty YAML value: as if not given, as in Hugo
		default:
			p.spelled[canon], vals[canon] = name, v
			if err := fields[canon](p.syntax(canon), v, &f, loc); err != nil {
				p.failValue(canon, "%v", err)
			}
		}
	}
	f.Params = mergeParams(f.Params, extra)
	return f, vals
}

// again reports a key that sets what an earlier key set: the same key in another case,
// or another of Hugo's names for it (pubdate after publishDate).
func (p *frontParser) again(name, canon string) {
	why := "keys are read regardless of case"
	if !strings.EqualFold(name, p.spelled[canon]) {
		why = "as in Hugo, both name it"
	}
	p.failKey(name, "`%s` sets %s again, after `%s` (%s); keep one", name, canon, p.spelled[canon], why)
}

// decode reads front matter in its notation.
func decode(file string, format Format, front []byte, firstLine int) (frontDoc, *diag.Error) {
	switch format {
	case YAML:
		return decodeYAML(file, front, firstLine)
	case JSON:
		return decodeJSON(file, front)
	case None:
		return frontDoc{vals: map[string]any{}, places: &tomlPlaces{}}, nil
	}
	return decodeTOML(file, front)
}

// mergeParams puts the keys briefs does not read beside those of [params], which win.
func mergeParams(params, extra map[string]any) map[string]any {
	if len(extra) == 0 {
		return params
	}
	out := make(map[string]any, len(params)+len(extra))
	for k, v := range extra {
		out[k] = v
	}
	for k, v := range params {
		out[k] = v
	}
	return out
}

// frontParser gathers the problems of one file's front matter, placed in the whole file.
type frontParser struct {
	file      string
	format    Format
	firstLine int
	places    places
	errs      *diag.List
	ok        bool
	spelled   map[string]string // each key given, by its own spelling: "publishDate" -> "publishdate"
}

// syntax tells the value decoders how to show an example in this file's notation.
func (p *frontParser) syntax(canon string) syntax { return syntax{format: p.format, key: canon} }

// at records a problem at a place of the front matter (line 0: its first line).
func (p *frontParser) at(line, col int, format string, args ...any) {
	if line == 0 {
		line, col = 1, 1
	}
	p.errs.Add(diag.At(p.file, line+p.firstLine-1, col, format, args...))
	p.ok = false
}

// failKey records a problem at a top-level key, as written.
func (p *frontParser) failKey(name string, format string, args ...any) {
	line, col := p.places.key(name)
	p.at(line, col, format, args...)
}

// failValue records a problem at the value of a key.
func (p *frontParser) failValue(canon string, format string, args ...any) {
	line, col := p.places.value(p.spelled[canon])
	p.at(line, col, format, args...)
}

// unknown warns about a key that briefs does not read when it is probably a typo of one
// it does; it is kept in Params either way, as Hugo keeps it.
func (p *frontParser) unknown(name string) {
	s := diag.Suggest(name, fieldOrder)
	if s == "" {
		return
	}
	line, col := p.places.key(name)
	if line == 0 {
		line, col = 1, 1
	}
	p.errs.Add(diag.Warn(p.file, line+p.firstLine-1, col, "unknown front matter key `%s`, kept as .Params.%s; did you mean `%s`?", name, name, s))
}

// check applies the rules that span values: what is required, and what must agree.
func (p *frontParser) check(f *Front, vals map[string]any) {
	// A page without a title is Hugo's (briefs check warns about it); an empty one
	// written out is a slip.
	f.Title = strings.TrimSpace(f.Title)
	if title, ok := vals["title"]; ok {
		if _, isText := title.(string); isText && f.Title == "" {
			p.failValue("title", "title is empty: write the page's title between the quotes, or leave the key out")
		}
	}
	if _, ok := vals["slug"].(string); ok {
		if err := CheckFrontSlug(f.Slug); err != nil {
			p.failValue("slug", "slug %q: %v", f.Slug, err)
		}
	}
	p.checkItems("aliases", f.Aliases, func(a string) error {
		if err := CheckAlias(a); err != nil {
			return fmt.Errorf("%q %v", a, err)
		}
		return nil
	})
	// Empty tags are left out, as Hugo leaves them out (briefs check warns about them).
	tags := f.Tags[:0]
	for _, tag := range f.Tags {
		if tag = strings.TrimSpace(tag); tag != "" {
			tags = append(tags, tag)
		}
	}
	f.Tags = tags
	if !f.PublishDate.IsZero() && !f.ExpiryDate.IsZero() && f.ExpiryDate.Before(f.PublishDate) {
		p.failValue("expiryDate", "expiryDate %s is before publishDate %s, so this brief would never be published; move expiryDate later or remove it",
			when(f.ExpiryDate, f.PublishDate.Location()), when(f.PublishDate, f.PublishDate.Location()))
	}
	// Hugo's fallback: a page without a date takes its publishDate, else its lastmod.
	for _, d := range []time.Time{f.PublishDate, f.Lastmod} {
		if f.Date.IsZero() {
			f.Date = d
		}
	}
}

// checkItems reports the items of a list that check rejects, each at its place, up to
// maxUnknown of them: finding an item is a scan of the front matter.
func (p *frontParser) checkItems(key string, items []string, check func(string) error) {
	bad := 0
	for i, item := range items {
		err := check(item)
		if err == nil {
			continue
		}
		if bad++; bad > maxUnknown {
			p.failValue(key, "%s: more entries like these; fix the ones above first", key)
			return
		}
		line, col := p.places.item(p.spelled[key], i, item)
		p.at(line, col, "%s: %v", key, err)
	}
}

// when shows a date the way an editor would write it: the day, and the time if it has one.
func when(t time.Time, loc *time.Location) string {
	t = t.In(loc)
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2006-01-02")
	}
	return t.Format("2006-01-02 15:04")
}

package content

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/briefs/briefs/internal/diag"
)

// Front is the front matter of one content file, decoded and checked.
type Front struct {
	Title       string
	Date        time.Time
	Lastmod     time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	Tags        []string
	Summary     string
	Description string
	Draft       bool
	// NoSearch is set by search = false: the page stays out of the search index.
	NoSearch       bool
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

// maxUnknown bounds the unknown keys, and the bad entries of one list, reported for one
// file: finding each one's place is a scan of the front matter, and a pasted data file
// could otherwise make that quadratic.
const maxUnknown = 10

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
	var raw map[string]any
	md, err := toml.Decode(string(front), &raw)
	if err != nil {
		errs.Add(diag.FromTOML(file, front, 2, err))
		return Front{}, false
	}
	p := &frontParser{file: file, front: front, errs: errs, ok: true, spelled: map[string]string{}}
	var f Front
	vals := map[string]any{} // by the key as briefs spells it ("publishDate")
	for _, key := range md.Keys() {
		name := key[0]
		if _, seen := raw[name]; !seen {
			continue // a table's keys are not reported again after the table
		}
		v := raw[name]
		delete(raw, name)
		canon, known := keyNames[strings.ToLower(name)]
		switch {
		case !known:
			p.unknown(name)
		case p.spelled[canon] != "":
			p.failKey(name, "`%s` sets %s again, after `%s` (keys are read regardless of case); keep one", name, canon, p.spelled[canon])
		default:
			p.spelled[canon], vals[canon] = name, v
			if err := fields[canon](canon, v, &f, loc); err != nil {
				p.fail(p.valueAt(canon), "%v", err)
			}
		}
	}
	p.check(&f, vals, isIndex)
	return f, p.ok
}

// frontParser gathers the problems of one file's front matter, placed in the whole file.
type frontParser struct {
	file     string
	front    []byte
	errs     *diag.List
	ok       bool
	unknowns int
	spelled  map[string]string // each key given, by its own spelling: "publishDate" -> "publishdate"
}

// fail records a problem at a byte offset of the front matter.
func (p *frontParser) fail(off int, format string, args ...any) {
	line, col := 1, 1
	if off >= 0 {
		line, col = diag.LineCol(p.front, off)
		line++ // the front matter starts on line 2, after +++
	}
	p.errs.Add(diag.At(p.file, line, col, format, args...))
	p.ok = false
}

// failKey records a problem at a top-level key, as written.
func (p *frontParser) failKey(name string, format string, args ...any) {
	line, col := diag.TOMLKeyPos(p.front, []string{name})
	if line == 0 {
		line, col = 0, 1 // line 1 below
	}
	p.errs.Add(diag.At(p.file, line+1, col, format, args...))
	p.ok = false
}

// valueAt is the offset of the value of a front matter key, or -1.
func (p *frontParser) valueAt(key string) int {
	if name := p.spelled[key]; name != "" {
		key = name
	}
	return diag.TOMLValueOffset(p.front, []string{key})
}

// itemAt is the offset of an item of a list value, searched from offset from (where the
// list starts, or after the item before it), or from itself when it cannot be found.
func (p *frontParser) itemAt(from int, item string) int {
	if from < 0 {
		return from
	}
	for _, q := range []string{strconv.Quote(item), "'" + item + "'"} {
		if i := bytes.Index(p.front[from:], []byte(q)); i >= 0 {
			return from + i
		}
	}
	return from
}

// unknown reports a key that briefs does not take, with the key it probably meant.
func (p *frontParser) unknown(name string) {
	p.unknowns++
	if p.unknowns > maxUnknown {
		if p.unknowns == maxUnknown+1 {
			p.fail(-1, "more unknown front matter keys; fix the ones above first")
		}
		return
	}
	hint := "put custom data under [params]"
	if h, ok := hugoHints[name]; ok {
		hint = h
	} else if s := diag.Suggest(name, fieldOrder); s != "" {
		hint = fmt.Sprintf("did you mean `%s`?", s)
	}
	p.failKey(name, "unknown front matter key `%s`; %s", name, hint)
}

// check applies the rules that span values: what is required, and what must agree.
func (p *frontParser) check(f *Front, vals map[string]any, isIndex bool) {
	f.Title = strings.TrimSpace(f.Title)
	if title, ok := vals["title"]; !ok {
		p.errs.Add(diag.At(p.file, 2, 1, "missing title: add title = \"…\" to the front matter"))
		p.ok = false
	} else if _, isText := title.(string); isText && f.Title == "" {
		p.fail(p.valueAt("title"), "title is empty: write the brief's title between the quotes")
	}
	if _, ok := vals["date"]; !ok && !isIndex {
		p.errs.Add(diag.At(p.file, 2, 1, "missing date: add date = 2024-03-15T11:29:00+08:00 or date = \"2024-03-15 11:29\""))
		p.ok = false
	}
	if _, ok := vals["slug"].(string); ok {
		if err := CheckSlug(f.Slug); err != nil {
			p.fail(p.valueAt("slug"), "slug %q: %v", f.Slug, err)
		}
	}
	p.checkItems("aliases", f.Aliases, func(a string) error {
		if err := CheckAlias(a); err != nil {
			return fmt.Errorf("%q %v", a, err)
		}
		return nil
	})
	p.checkItems("tags", f.Tags, func(tag string) error {
		if strings.TrimSpace(tag) == "" {
			return errors.New("an empty tag; remove it")
		}
		return nil
	})
	for i, tag := range f.Tags {
		f.Tags[i] = strings.TrimSpace(tag)
	}
	if !f.PublishDate.IsZero() && !f.ExpiryDate.IsZero() && f.ExpiryDate.Before(f.PublishDate) {
		p.fail(p.valueAt("expiryDate"), "expiryDate %s is before publishDate %s, so this brief would never be published; move expiryDate later or remove it",
			when(f.ExpiryDate, f.PublishDate.Location()), when(f.PublishDate, f.PublishDate.Location()))
	}
}

// checkItems reports the items of a list that check rejects, each at its place, up to
// maxUnknown of them: finding an item is a scan of the front matter.
func (p *frontParser) checkItems(key string, items []string, check func(string) error) {
	bad, at := 0, p.valueAt(key)
	for _, item := range items {
		err := check(item)
		if err == nil {
			continue
		}
		if bad++; bad > maxUnknown {
			p.fail(p.valueAt(key), "%s: more entries like these; fix the ones above first", key)
			return
		}
		at = p.itemAt(at, item)
		p.fail(at, "%s: %v", key, err)
		at++
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

// Package check is the translation quality gate behind "briefs check": it compares the
// figures of every brief with those of its translations, finds translations that fell
// behind their source, links and images that lead nowhere, and front matter that needs
// attention, and reports the coverage of translations per section.
//
// Figures are compared by value, not by their digits: 7.9亿元 and "790 million
// yuan" match, "79 million yuan" does not. Each figure carries a value, a unit, a kind
// (count, money, percentage, percentage points, multiple, fraction, ratio), the precision it
// was written with and its qualifier; an order of magnitude (上亿, "tens of millions")
// is a range, matching a range it overlaps or a value inside it. Figures pair exactly first; what is left pairs when one could be
// a correct rendering of the other: rounded to its own precision (305160亿元 is "30.5
// trillion yuan"), or approximate within its last digit ("nearly 54 trillion" for
// 53.9万亿), or converted between measures (1.39万亿斤 is "695 million metric tons").
// A qualifier dropped or added is a translator's choice; one that says something else
// (约 for 余) is a warning. An equivalent in brackets on one side only ("($8.06
// trillion)") and a headline repeating a matched figure are information. A wrong
// scale, a dropped digit, a swapped pair of figures, a missing figure, a wrong unit or
// percent for percentage points each leave a figure without a match: an error at its
// place, saying what slip it most likely is, with the nearest candidate of the same
// kind on the other side. Years, dates, times, ordinals,
// numbers inside names, versions, addresses and phone numbers are not figures (the
// README's "Checking translations" lists the rules). A figure that is right but cannot
// match (a number the translation spells differently on purpose) is silenced with
// <!-- check:ignore --> on its line, or with checkIgnore = ["7.9亿元"] in the file's
// front matter.
package check

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/theme"
)

// Finding is one problem at one place: a diag.Error, as build reports problems, with
// the kind of check that found it. Its severity says what it does to a check: an
// error fails it, a warning only with --strict, and information (diag.SevInfo) never.
type Finding struct {
	diag.Error
	Kind string
}

// String formats the finding as compilers do, with its severity.
func (f Finding) String() string {
	place := f.File
	if f.Line > 0 {
		place = fmt.Sprintf("%s:%d:%d", f.File, f.Line, f.Col)
	}
	return fmt.Sprintf("%s: %s: %s", place, f.Severity, f.Msg)
}

// MarshalJSON writes the finding as one object of briefs check --format json.
func (f Finding) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		File     string        `json:"file"`
		Line     int           `json:"line"`
		Col      int           `json:"col"`
		Kind     string        `json:"kind"`
		Severity diag.Severity `json:"severity"`
		Message  string        `json:"message"`
	}{f.File, f.Line, f.Col, f.Kind, f.Severity, f.Msg})
}

// Coverage counts the briefs of one section in one language that have every translation.
type Coverage struct {
	Section    string `json:"section"`
	Lang       string `json:"lang"`
	Briefs     int    `json:"briefs"`
	Translated int    `json:"translated"`
}

// Report is the result of a check.
type Report struct {
	Findings []Finding
	Coverage []Coverage
}

// Count returns the number of findings of a severity.
func (r *Report) Count(s diag.Severity) int {
	n := 0
	for _, f := range r.Findings {
		if f.Severity == s {
			n++
		}
	}
	return n
}

// Options say what to check.
type Options struct {
	// Site is the site folder; Theme the default theme (for static files links may use).
	Site, Theme fs.FS
	// Dir is the site folder on disk, for Hugo themes outside it; ThemesDir, when set,
	// replaces the configuration's themesDir (see build.Options).
	Dir, ThemesDir string
	// Environment is the Hugo environment whose config/<environment>/ folder is
	// merged over config/_default/, as build.Options.Environment: a site checked
	// for staging must be read as staging builds it. Empty means production.
	Environment string
	// Now is the time a date is in the future from; zero means the current time.
	Now time.Time
}

// checker holds what the checks share.
type checker struct {
	cfg    *config.Site
	now    time.Time // dates after it are in the future
	files  []*content.File
	mds    map[string]*markdown.Markdown
	inputs map[*content.File]markdown.Inspection
	lines  map[*content.File]*lines
	// measures are the measure words figures are converted by, built in and declared.
	measures *measureWords
	report   Report
	// st is the page graph, with drafts and embargoed briefs (they are published
	// later, and links to them must hold then); pages are its pages by file.
	st    *site.Site
	pages map[*content.File]*site.Page
	// theme is the site's files over the default theme, with its Hugo themes.
	theme *theme.Theme
}

// Run checks a whole site. It fails only when the site cannot be read at all (no
// site.toml, broken front matter); everything else is a finding.
func Run(opts Options) (*Report, error) {
	cfg, err := config.ReadEnv(opts.Site, opts.Environment)
	if err != nil {
		return nil, err
	}
	var errs diag.List
	c := &checker{cfg: cfg, now: cmp.Or(opts.Now, time.Now()), files: content.Load(opts.Site, cfg, &errs),
		inputs: map[*content.File]markdown.Inspection{}, lines: map[*content.File]*lines{}, measures: measuresOf(cfg.Measures)}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	comps, warnings, err := theme.Find(theme.Where{Site: opts.Site, Dir: opts.Dir, ThemesDir: opts.ThemesDir}, cfg)
	if err != nil {
		return nil, err
	}
	for _, w := range warnings {
		c.addAt(w.File, w.Line, w.Col, "config", diag.SevWarning, "%s", w.Msg)
	}
	c.theme = theme.New(opts.Site, opts.Theme).WithComponents(comps)
	scs, err := render.LoadShortcodes(c.theme, cfg)
	for _, e := range diagErrors(err) {
		c.addAt(e.File, e.Line, e.Col, "shortcode", diag.SevError, "%s", e.Msg)
	}
	c.mds = markdown.ForSite(cfg, nil, opts.Site, scs.Map, scs.Inline)
	c.graph()
	for _, f := range c.files {
		c.inputs[f] = c.mds[f.Lang].InspectPage(f.Body, c.mdPage(f))
	}
	c.bodies()
	groups := content.Groups(cfg, c.files)
	c.figures(groups)
	c.outdated(groups)
	c.coverage(groups)
	c.links(opts)
	c.headings()
	c.frontMatter()
	slices.SortFunc(c.report.Findings, func(a, b Finding) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Col, b.Col), cmp.Compare(a.Msg, b.Msg))
	})
	return &c.report, nil
}

func (c *checker) add(f *content.File, off int, kind string, sev diag.Severity, format string, args ...any) {
	line, col := 0, 0
	if off >= 0 {
		line, col = c.linesOf(f).pos(f.BodyOffset + off)
	}
	c.addAt(f.Path, line, col, kind, sev, format, args...)
}

func (c *checker) addAt(file string, line, col int, kind string, sev diag.Severity, format string, args ...any) {
	e := diag.Error{File: file, Line: line, Col: col, Severity: sev, Msg: fmt.Sprintf(format, args...)}
	c.report.Findings = append(c.report.Findings, Finding{Error: e, Kind: kind})
}

// keyAt finds a front matter key in a file.
func keyAt(f *content.File, key string) (int, int) {
	return f.KeyPos(key)
}

// bodies reports what makes a build fail in a body (an unknown shortcode, a bad num
// argument, a ref that leads nowhere), as build reports it and at the same place. An
// unknown shortcode is reported once per name, at its first use, with its count.
func (c *checker) bodies() {
	type uses struct {
		f     *content.File
		p     markdown.Problem
		n     int
		files []string
	}
	unknown := map[string]*uses{}
	var names []string
	for _, f := range c.files {
		for _, p := range c.inputs[f].Problems {
			key := p.Shortcode
			if p.Degraded != "" {
				key = "degraded " + p.Degraded
			}
			if key == "" {
				sev := diag.SevError
				if p.Warning {
					sev = diag.SevWarning
				}
				c.add(f, p.Offset, "markdown", sev, "%s", p.Msg)
				continue
			}
			u := unknown[key]
			if u == nil {
				u = &uses{f: f, p: p}
				unknown[key] = u
				names = append(names, key)
			}
			if u.n++; !slices.Contains(u.files, f.Path) {
				u.files = append(u.files, f.Path)
			}
		}
		for _, e := range c.inputs[f].Elsewhere { // in a file the body reads, a chart's data
			c.addAt(e.File, e.Line, e.Col, "markdown", diag.SevError, "%s", e.Msg)
		}
	}
	for _, name := range names {
		u := unknown[name]
		sev := diag.SevError
		if u.p.Warning {
			sev = diag.SevWarning // a theme's shortcode that degraded
		}
		if u.n == 1 {
			c.add(u.f, u.p.Offset, "markdown", sev, "%s", u.p.Msg)
			continue
		}
		c.add(u.f, u.p.Offset, "markdown", sev, "%s (used %d times, in %s)", u.p.Msg, u.n, strings.Join(u.files, ", "))
	}
}

// outdated reports translations whose source changed after they were made.
func (c *checker) outdated(groups []*content.Group) {
	for _, g := range groups {
		for _, f := range g.Files {
			if f == g.Original || g.Original == nil || f.Front.TranslationOf == "" {
				continue
			}
			if f.Front.TranslationOf != g.Original.BodyHash() {
				line, col := keyAt(f, "translationOf")
				c.addAt(f.Path, line, col, "outdated", diag.SevWarning,
					"%s changed after this translation was made; bring the translation up to date, then run: briefs stamp %s",
					path.Base(g.Original.Path), f.Path)
			}
		}
	}
}

// coverage counts translations per section and language, and lists what is missing.
func (c *checker) coverage(groups []*content.Group) {
	counts := map[[2]string]*Coverage{}
	for _, g := range groups {
		for _, f := range g.Files {
			k := [2]string{f.Section, f.Lang}
			if counts[k] == nil {
				counts[k] = &Coverage{Section: f.Section, Lang: f.Lang}
			}
			counts[k].Briefs++
			if len(g.Files) == len(c.cfg.Order) {
				counts[k].Translated++
				continue
			}
			for _, code := range c.cfg.Order {
				if !slices.ContainsFunc(g.Files, func(x *content.File) bool { return x.Lang == code }) && f == g.Files[0] {
					c.addAt(f.Path, 0, 0, "untranslated", diag.SevInfo, "no %s translation", c.cfg.Languages[code].Label)
				}
			}
		}
	}
	for _, cv := range counts {
		c.report.Coverage = append(c.report.Coverage, *cv)
	}
	slices.SortFunc(c.report.Coverage, func(a, b Coverage) int {
		return cmp.Or(cmp.Compare(a.Section, b.Section), slices.Index(c.cfg.Order, a.Lang)-slices.Index(c.cfg.Order, b.Lang))
	})
}

// frontMatter warns about what build accepts but a careful editor would fix.
func (c *checker) frontMatter() {
	tagUse := map[string][]*content.File{}
	for _, f := range c.files {
		if f.IsIndex() {
			continue
		}
		if f.Front.Title == "" {
			c.addAt(f.Path, 1, 1, "title", diag.SevWarning, "no title: the page is titled by its file name, %q; add a title to the front matter", f.Name)
		}
		if tags, _ := f.Value("tags").([]any); len(tags) > len(f.Front.Tags) {
			line, col := f.ItemPos("tags", "")
			c.addAt(f.Path, line, col, "tag", diag.SevWarning, "an empty tag, left out; remove it")
		}
		if f.Front.Summary == "" {
			c.addAt(f.Path, 1, 1, "summary", diag.SevWarning, "no summary: lists and search engines show the first sentences instead; add summary = \"…\"")
		}
		if f.Front.Date.After(c.now) && f.Front.PublishDate.IsZero() {
			line, col := keyAt(f, "date")
			c.addAt(f.Path, line, col, "date", diag.SevWarning, "date is in the future but there is no publishDate: the brief is published at once; add publishDate to embargo it")
		}
		for _, t := range f.Front.Tags {
			k := f.Lang + "\x00" + site.TagSlug(t)
			tagUse[k] = append(tagUse[k], f)
		}
	}
	for k, files := range tagUse {
		if len(files) == 1 {
			f := files[0]
			_, tag, _ := strings.Cut(k, "\x00")
			line, col := keyAt(f, "tags")
			c.addAt(f.Path, line, col, "tag", diag.SevWarning, "tag %q is used by this brief only; check its spelling against the site's other tags", tagName(f, tag))
		}
	}
}

func tagName(f *content.File, slug string) string {
	for _, t := range f.Front.Tags {
		if site.TagSlug(t) == slug {
			return t
		}
	}
	return slug
}

// headings warns about heading levels that break the page's outline: the title is the
// page's only h1, so a body starts at ## and goes down one level at a time (the W3C
// checker reports a skipped level as an error).
func (c *checker) headings() {
	for _, f := range c.files {
		prev := 1
		for _, h := range c.inputs[f].Headings {
			switch {
			case h.Level == 1:
				c.add(f, h.Offset, "heading", diag.SevWarning, "a # heading makes a second h1 after the title; use ## for the brief's sections")
			case h.Level > prev+1:
				c.add(f, h.Offset, "heading", diag.SevWarning, "heading level %d follows level %d, skipping a level; use %s", h.Level, prev, strings.Repeat("#", prev+1))
			}
			prev = max(h.Level, 1)
		}
	}
}

// diagErrors lists the problems in err (a diag.List, or one error).
func diagErrors(err error) []*diag.Error {
	if err == nil {
		return nil
	}
	var l diag.List
	l.Add(err)
	return l.Sorted()
}

package site

import (
	"slices"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// translate links pages that are versions of each other: briefs by content.Groups,
// sections by folder, and the home and tags pages of every language.
func (s *Site) translate(errs *diag.List) {
	for _, pages := range s.listGroups() {
		link(pages)
	}
	for _, g := range s.briefGroups() {
		if !s.uniqueLangs(g.pages, errs) {
			if !s.Config.Hugo {
				continue
			}
			g.pages = firstPerLang(g.pages) // as Hugo, which says nothing
		}
		link(g.pages)
		for _, p := range g.pages {
			p.Missing = s.missing(g.pages)
			p.OutdatedFrom = s.outdatedFrom(p, g.original)
		}
	}
}

// link makes every page of a group a translation of the others.
func link(pages []*Page) {
	for _, p := range pages {
		for _, q := range pages {
			if q != p {
				p.Translations = append(p.Translations, q)
			}
		}
	}
}

// listGroups returns the home, tags and section pages, each with its versions in the
// other languages, in language order.
func (s *Site) listGroups() [][]*Page {
	type key struct {
		kind  Kind
		group string // a section's folder
	}
	groups := map[key][]*Page{}
	var keys []key
	add := func(k key, p *Page) {
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], p)
	}
	for _, l := range s.Languages {
		add(key{kind: KindHome}, l.Home)
		for _, tax := range l.Taxonomies {
			add(key{KindTags, tax.group}, tax)
		}
		for _, sec := range l.sections {
			add(key{KindSection, sec.group}, sec)
		}
	}
	out := make([][]*Page, len(keys))
	for i, k := range keys {
		out[i] = groups[k]
	}
	return out
}

// briefGroup is the pages of one content.Group: a brief in all its languages.
type briefGroup struct {
	pages    []*Page // in language order
	original *Page   // in the default language; nil when there is none
}

// briefGroups groups the briefs of every language as content.Groups groups their files.
func (s *Site) briefGroups() []briefGroup {
	page := map[*content.File]*Page{}
	var files []*content.File
	for _, l := range s.Languages {
		for _, p := range l.Briefs {
			page[p.File] = p
			files = append(files, p.File)
		}
	}
	var out []briefGroup
	for _, g := range content.Groups(s.Config, files) {
		bg := briefGroup{pages: make([]*Page, len(g.Files)), original: page[g.Original]}
		for i, f := range g.Files {
			bg.pages[i] = page[f]
		}
		out = append(out, bg)
	}
	return out
}

// uniqueLangs reports when two files in one language claim the same translation
// group: an error on a briefs site; on a Hugo site, which allows it, a warning (and
// briefs check's finding), the first of them being the translation.
func (s *Site) uniqueLangs(pages []*Page, errs *diag.List) bool {
	seen := map[string]*Page{}
	ok := true
	for _, p := range pages {
		if q := seen[p.Lang.Code]; q != nil {
			line, col := keyPos(p.File, "translationKey")
			msg := "translationKey %q is also used by %s in the same language; each language may have one version of a brief"
			if s.Config.Hugo {
				errs.Add(diag.Warn(p.File.Path, line, col, msg+" (the other is its translation)", p.File.Front.TranslationKey, q.File.Path))
			} else {
				errs.Add(diag.At(p.File.Path, line, col, msg, p.File.Front.TranslationKey, q.File.Path))
			}
			ok = false
			continue
		}
		seen[p.Lang.Code] = p
	}
	return ok
}

// firstPerLang keeps the first page of each language.
func firstPerLang(pages []*Page) []*Page {
	var out []*Page
	seen := map[string]bool{}
	for _, p := range pages {
		if !seen[p.Lang.Code] {
			seen[p.Lang.Code] = true
			out = append(out, p)
		}
	}
	return out
}

// outdatedFrom returns p's original when p records a version of it that has changed.
func (s *Site) outdatedFrom(p, original *Page) *Page {
	if p.File.Front.TranslationOf == "" || p.Lang.Code == s.Config.DefaultLanguage || original == nil {
		return nil
	}
	if original.File.BodyHash() != p.File.Front.TranslationOf {
		return original
	}
	return nil
}

func (s *Site) missing(pages []*Page) (out []*config.Language) {
	for _, l := range s.Languages {
		if !slices.ContainsFunc(pages, func(p *Page) bool { return p.Lang.Code == l.Code }) {
			out = append(out, l.Language)
		}
	}
	return out
}

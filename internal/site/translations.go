package site

import (
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

// translate links pages that are versions of each other: briefs by translation group,
// sections by folder, and the home and tags pages of every language.
func (s *Site) translate(errs *diag.List) {
	groups := map[string][]*Page{}
	var keys []string
	add := func(key string, p *Page) {
		if _, ok := groups[key]; !ok {
			keys = append(keys, key)
		}
		groups[key] = append(groups[key], p)
	}
	for _, l := range s.Languages {
		add("home", l.Home)
		add("tags", l.TagsPage)
		for _, sec := range l.sections {
			add("section:"+sec.group, sec)
		}
		for _, p := range l.Briefs {
			add("brief:"+p.group, p)
		}
	}
	for _, key := range keys {
		pages := groups[key]
		if strings.HasPrefix(key, "brief:") && !s.uniqueLangs(pages, errs) {
			continue
		}
		for _, p := range pages {
			for _, q := range pages {
				if q != p {
					p.Translations = append(p.Translations, q)
				}
			}
			if p.Kind == KindBrief {
				p.Missing = s.missing(pages)
				p.OutdatedFrom = s.outdatedFrom(p, pages)
			}
		}
	}
}

// uniqueLangs reports an error when two files in one language claim the same translation group.
func (s *Site) uniqueLangs(pages []*Page, errs *diag.List) bool {
	seen := map[string]*Page{}
	ok := true
	for _, p := range pages {
		if q := seen[p.Lang.Code]; q != nil {
			line, col := keyPos(p.File, "translationKey")
			errs.Add(diag.At(p.File.Path, line, col, "translationKey %q is also used by %s in the same language; each language may have one version of a brief",
				p.File.Front.TranslationKey, q.File.Path))
			ok = false
		}
		seen[p.Lang.Code] = p
	}
	return ok
}

// outdatedFrom returns p's original when p records a version of it that has changed.
func (s *Site) outdatedFrom(p *Page, pages []*Page) *Page {
	if p.File.Front.TranslationOf == "" || p.Lang.Code == s.Config.DefaultLanguage {
		return nil
	}
	for _, q := range pages {
		if q.Lang.Code == s.Config.DefaultLanguage && q.File.BodyHash() != p.File.Front.TranslationOf {
			return q
		}
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

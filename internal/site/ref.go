package site

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"sync"
)

// Ref finds the page that a ref or relref shortcode in page from names, by Hugo's
// rules: target is a content path with or without its extension ("law/zibo",
// "law/zibo.md", "law/_index.md"), absolute from the content folder ("/law/zibo") or
// relative to from's folder ("zibo", "../law/zibo"), or a file's base name alone when
// only one page has it; "" is from itself. lang picks the page in another language
// ("" is from's). Paths are matched without regard to case, as Hugo's are.
func (s *Site) Ref(from *Page, target, lang string) (*Page, error) {
	if lang == "" && from != nil {
		lang = from.Lang.Code
	}
	idx := s.refIndex()[lang]
	if idx == nil {
		return nil, fmt.Errorf("the site has no language %q", lang)
	}
	if target == "" {
		if from == nil || from.File == nil {
			return nil, fmt.Errorf("this page has no file to link to")
		}
		return lookupRef(idx, refKeys(from.File.Section, from.File.Name)[0], target)
	}
	t := strings.ToLower(strings.TrimSuffix(target, "/"))
	if strings.HasPrefix(t, "/") {
		return lookupRef(idx, strings.TrimPrefix(path.Clean(t), "/"), target)
	}
	if from != nil && from.File != nil {
		if p, err := lookupRef(idx, strings.TrimPrefix(path.Join("/"+strings.ToLower(from.File.Section), t), "/"), target); err == nil {
			return p, nil
		}
	}
	return lookupRef(idx, path.Clean(t), target)
}

// refIndex maps, per language, every way of naming a page to the pages so named.
type refIndex map[string]map[string][]*Page

func (s *Site) refIndex() refIndex {
	s.refOnce.Do(func() {
		s.refs = refIndex{}
		for _, p := range s.Pages {
			if p.File == nil {
				continue
			}
			idx := s.refs[p.Lang.Code]
			if idx == nil {
				idx = map[string][]*Page{}
				s.refs[p.Lang.Code] = idx
			}
			for _, k := range refKeys(p.File.Section, p.File.Name) {
				idx[k] = appendPage(idx[k], p)
			}
		}
	})
	return s.refs
}

// refKeys are the names of the page of file name in section: its path, the path of
// its folder for an _index or a bundle's index, and its base name (key "base:zibo").
func refKeys(section, name string) []string {
	section, name = strings.ToLower(section), strings.ToLower(name)
	full := strings.TrimPrefix(path.Join(section, name), "/")
	keys := []string{full}
	if name == "_index" || name == "index" {
		keys = append(keys, section)
		if section != "" {
			keys = append(keys, "base:"+path.Base(section))
		}
	} else {
		keys = append(keys, "base:"+name)
	}
	return keys
}

func appendPage(list []*Page, p *Page) []*Page {
	for _, q := range list {
		if q == p {
			return list
		}
	}
	return append(list, p)
}

// lookupRef finds key (with its extension and language suffix taken off) in idx.
func lookupRef(idx map[string][]*Page, key, target string) (*Page, error) {
	for _, ext := range []string{".md", ".markdown", ".html", ".htm"} {
		key = strings.TrimSuffix(key, ext)
	}
	if ext := path.Ext(key); ext != "" && len(ext) <= 8 && !strings.Contains(key, "/_index") {
		// zibo.zh.md: the language suffix too, when the name without it is a page.
		if _, ok := idx[strings.TrimSuffix(key, ext)]; ok {
			key = strings.TrimSuffix(key, ext)
		}
	}
	if key == "." {
		key = ""
	}
	if ps := idx[key]; len(ps) > 0 {
		return ps[0], nil
	}
	if !strings.Contains(key, "/") {
		switch ps := idx["base:"+key]; len(ps) {
		case 1:
			return ps[0], nil
		case 0:
		default:
			var files []string
			for _, p := range ps {
				files = append(files, p.File.Path)
			}
			sort.Strings(files)
			return nil, fmt.Errorf("%d pages are named %s (%s); give its path, as in %q", len(ps), key, strings.Join(files, ", "), path.Join(ps[0].File.Section, key))
		}
	}
	return nil, fmt.Errorf("no page %s: give its path in content/, as in \"law/zibo\" or \"/law/zibo.md\"", target)
}

// refState is kept by Site for Ref; it is built on the first Ref.
type refState struct {
	refOnce sync.Once
	refs    refIndex
}

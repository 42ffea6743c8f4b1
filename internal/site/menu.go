package site

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

// MainMenu is the name of the menu the default theme shows as its navigation.
const MainMenu = "main"

// MenuItem is one link of a language's menu, resolved: where it leads, and what it
// shows, in Hugo's order.
type MenuItem struct {
	// Name is the link's text; Title its title attribute, if any.
	Name, Title string
	// Identifier names the entry for its children's parent (Hugo's identifier, else
	// its name).
	Identifier string
	// Href is the link as written in the page: a path on the site with the base path
	// (url), or a full URL as configured (https://…, mailto:…).
	Href string
	// Path is the site path it leads to ("en/about/", "" for the home page at the
	// root); a page whose Path it is shows the item as current (see Key).
	Path string
	// local is set when it leads to Path: not a full URL, nor a fragment of a page.
	local bool
	// Page is the page it leads to, when it was given as one (pageRef, or the
	// page's own front matter); nil otherwise.
	Page     *Page
	Weight   int
	Children []*MenuItem
	parent   string
}

// Key names the page the item leads to: "/" and its Path ("/" for the home page at
// the root), or "" when it leads to no page of the site. A page's MenuCurrent is the
// Key of its items.
func (m *MenuItem) Key() string {
	if !m.local {
		return ""
	}
	return "/" + m.Path
}

// MenuCurrent is the Key of the items of the language's main menu (or children)
// that lead to the page at path, else "": the navigation is rendered once per value
// (partialCached), so that only the pages the menu names have a navigation of their
// own.
func (l *Lang) MenuCurrent(path string) string {
	var find func([]*MenuItem) bool
	find = func(items []*MenuItem) bool {
		return slices.ContainsFunc(items, func(m *MenuItem) bool { return m.local && m.Path == path || find(m.Children) })
	}
	if find(l.MainMenu) {
		return "/" + path
	}
	return ""
}

// MenuNested reports whether an item of the language's main menu has children, for
// the theme to style them.
func (l *Lang) MenuNested() bool {
	return slices.ContainsFunc(l.MainMenu, func(m *MenuItem) bool { return len(m.Children) > 0 })
}

// buildMenus makes each language's main menu from the configuration (the language's
// menus, else the site's) and the front matter of its pages (menu = "main", or
// [menu.main] with weight, name, parent …), as Hugo does. A pageRef that finds no
// page, and a url that is neither, are warnings.
func (s *Site) buildMenus(errs *diag.List) {
	for _, l := range s.Languages {
		entries := l.Menus[MainMenu]
		if l.Menus == nil {
			entries = s.Config.Menus[MainMenu]
		}
		var items []*MenuItem
		for _, e := range entries {
			if m := s.configItem(l, e, errs); m != nil {
				items = append(items, m)
			}
		}
		for _, p := range s.Pages {
			if p.Lang.Code != l.Code || p.File == nil || p.File.Front.Menus == nil {
				continue
			}
			if m := pageItem(l, p); m != nil {
				items = append(items, m)
			}
		}
		l.MainMenu = nest(items)
	}
}

// configItem resolves a menu entry of the configuration: pageRef is a page's content
// path ("/about", "/posts"), url a path from the site root ("/about/", with the
// base path put before it), a path from the language's home ("about/", as themes
// pass it to relLangURL), or a full URL.
func (s *Site) configItem(l *Lang, e config.MenuEntry, errs *diag.List) *MenuItem {
	m := &MenuItem{Name: e.Name, Title: e.Title, Identifier: cmp.Or(e.Identifier, e.Name), Weight: e.Weight, parent: e.Parent}
	if e.PageRef != "" {
		if p := s.menuPage(l, e.PageRef); p != nil {
			m.Page, m.Path, m.Href, m.local = p, p.Path, s.Config.URL(p.Path), true
			m.Name = cmp.Or(m.Name, p.LinkTitle())
			return m
		}
		if e.URL == "" {
			errs.Add(diag.Warn(s.Config.File, 0, 0, "menu %s of %s: pageRef %q finds no page; the entry %q is left out (give a content path such as \"/about\", or a url)",
				MainMenu, l.Code, e.PageRef, e.Name))
			return nil
		}
	}
	u := strings.TrimSpace(e.URL)
	switch {
	case u == "":
		errs.Add(diag.Warn(s.Config.File, 0, 0, "menu %s of %s: the entry %q has neither url nor pageRef; it is left out", MainMenu, l.Code, e.Name))
		return nil
	case hasScheme(u) || strings.HasPrefix(u, "//"):
		m.Href = u
		return m
	}
	p, rest := u, ""
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		p, rest = u[:i], u[i:]
	}
	if strings.HasPrefix(p, "/") {
		p = strings.TrimPrefix(p, "/")
	} else {
		p = l.Home.Path + p
	}
	m.Path, m.Href, m.local = p, s.Config.URL(p)+rest, rest == "" // a fragment or query is not the page itself
	return m
}

// hasScheme reports whether u starts with a URL scheme (https:, mailto:).
func hasScheme(u string) bool {
	i := strings.IndexByte(u, ':')
	if i <= 0 {
		return false
	}
	for _, r := range u[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return true
}

// menuPage finds the page a pageRef names in l: a content file's path (Ref), or a
// section's folder, or "/" for the home page.
func (s *Site) menuPage(l *Lang, ref string) *Page {
	key := strings.ToLower(strings.Trim(path.Clean("/"+ref), "/"))
	if key == "" {
		return l.Home
	}
	if p, err := s.Ref(nil, "/"+key, l.Code); err == nil && p != nil {
		return p
	}
	for sec, p := range l.sections {
		if strings.ToLower(sec) == key {
			return p
		}
	}
	return nil
}

// pageItem is page p's entry in the main menu, from its front matter: menu = "main",
// menu = ["main", "footer"], or [menu.main] with weight, name, identifier, parent
// and title; nil when p is not in the main menu. Its weight defaults to the page's.
func pageItem(l *Lang, p *Page) *MenuItem {
	m := &MenuItem{Name: p.LinkTitle(), Page: p, Path: p.Path, Href: l.cfg.URL(p.Path), Weight: p.Weight, local: true}
	switch v := p.File.Front.Menus.(type) {
	case string:
		if v != MainMenu {
			return nil
		}
	case []any:
		if !slices.Contains(v, any(MainMenu)) {
			return nil
		}
	case map[string]any:
		var e map[string]any
		found := false
		for k, x := range v {
			if strings.EqualFold(k, MainMenu) {
				e, _ = x.(map[string]any)
				found = true
			}
		}
		if !found {
			return nil
		}
		for k, x := range e {
			switch strings.ToLower(k) {
			case "name":
				m.Name = cmp.Or(text(x), m.Name)
			case "title":
				m.Title = text(x)
			case "identifier":
				m.Identifier = text(x)
			case "parent":
				m.parent = text(x)
			case "weight":
				m.Weight = whole(x, m.Weight)
			}
		}
	default:
		return nil
	}
	m.Identifier = cmp.Or(m.Identifier, m.Name)
	return m
}

func text(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// nest puts each item with a parent under the item it names (by identifier), and
// sorts every level in Hugo's order: by weight, the unweighted (0) last, then by
// name regardless of case, then by identifier. An item whose parent is not in the
// menu stays at the top.
func nest(items []*MenuItem) []*MenuItem {
	byID := map[string]*MenuItem{}
	for _, m := range items {
		if _, dup := byID[m.Identifier]; !dup {
			byID[m.Identifier] = m
		}
	}
	var top []*MenuItem
	for _, m := range items {
		if parent := byID[m.parent]; m.parent != "" && parent != nil && parent != m {
			parent.Children = append(parent.Children, m)
			continue
		}
		top = append(top, m)
	}
	var sortAll func([]*MenuItem)
	sortAll = func(list []*MenuItem) {
		slices.SortStableFunc(list, compareItems)
		for _, m := range list {
			sortAll(m.Children)
		}
	}
	sortAll(top)
	return top
}

func compareItems(a, b *MenuItem) int {
	if a.Weight != b.Weight {
		switch {
		case a.Weight == 0:
			return 1
		case b.Weight == 0:
			return -1
		}
		return cmp.Compare(a.Weight, b.Weight)
	}
	return cmp.Or(strings.Compare(strings.ToLower(a.Name), strings.ToLower(b.Name)), strings.Compare(a.Name, b.Name),
		strings.Compare(a.Identifier, b.Identifier))
}

// whole is a front matter number as an int (TOML gives int64, YAML int64 or uint64);
// def when it is none.
func whole(v any, def int) int {
	switch n := v.(type) {
	case int:
		return n
	case int64:
		return int(n)
	case uint64:
		return int(n)
	case float64:
		return int(n)
	}
	return def
}

package site

import (
	"cmp"
	"maps"
	"path"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// Options choose which briefs are published.
type Options struct {
	// Drafts includes pages with draft = true.
	Drafts bool
	// Future includes pages whose publishDate is after Now (embargoed briefs).
	Future bool
	// Expired includes pages whose expiryDate is before Now.
	Expired bool
	// Now is the time publishDate and expiryDate are compared with.
	Now time.Time
	// Previous is the graph of the site before an edit, in the dev server. Related
	// briefs are taken from it when no brief's tags, date or address changed, which
	// is what an edit to a title or a summary looks like: finding them again is most
	// of the cost of a new graph (about 0.3 s at 10,000 pairs).
	Previous *Site
	// Body renders the body of a page's content file, once the page's address is
	// known (an image is named relative to it). New calls it for every page that has
	// a file, on all cores, with the graph being built: every page is in it, with its
	// address, title and params (a shortcode's ref finds pages there), though other
	// pages' bodies may not be filled yet. Nil leaves every body empty.
	Body func(s *Site, p *Page) Body
	// Placed is called once every page has its address, before any body is
	// rendered: a body's relative image may be a file of any page's bundle, which
	// the caller can then find (Site.ResourceFiles).
	Placed func(*Site)
	// TaxonomyTitle titles a language's taxonomy list page (plural "tags",
	// "categories") when no _index file does; nil leaves it untitled.
	TaxonomyTitle func(lang, plural string) string
}

// Site is the whole page graph.
type Site struct {
	Config    *config.Site
	Languages []*Lang
	// Pages lists every page of every language, in a fixed order.
	Pages []*Page

	refState // the index Ref reads, built on its first use

	// slots are the pages by their place (Page.At), when Pages has them in another
	// order (a copy whose briefs moved, WithFront); nil when Pages is in that order.
	slots []*Page
	// slab and arena hold the pages and lists of a copy made by WithBodies, for a
	// later copy into the same memory once nothing reads this graph (its spare).
	slab  []Page
	arena [][]*Page
	// copyOf tells a copy (WithBodies, WithFront) from the graph it was copied from,
	// by their ids, and touched are the places of the pages the edit changed after the
	// copy: a later copy into the memory of that graph, its spare, finds there every
	// other page as it should be, and copies again only these (see copyInto). spent is
	// set on a spare whose memory a copy took: it no longer holds its own graph.
	id, copyOf uint64
	touched    []int
	extras     bool // the copy has pages linked to but not in its slots
	spent      bool
}

// Page returns the page at place i (Page.At), or nil.
func (s *Site) Page(i int) *Page {
	slots := s.slotList()
	if i < 0 || i >= len(slots) {
		return nil
	}
	return slots[i]
}

func (s *Site) slotList() []*Page {
	if s.slots != nil {
		return s.slots
	}
	return s.Pages
}

// Lang is the part of the site in one language.
type Lang struct {
	*config.Language
	Home *Page
	// Taxonomies are the list pages of the site's taxonomies (tags, categories...),
	// in the order of config.Site.TaxonomyOrder; TagsPage is the one of tags, or the
	// first when the site has no tags (nil when it has no taxonomy at all).
	Taxonomies []*Page
	TagsPage   *Page
	// Briefs are all the language's briefs, in list order.
	Briefs []*Page
	// Search is the content page that is the language's search page (layout =
	// "search"), shown at its own URL instead of the built-in one; nil for none.
	Search *Page
	// MainMenu is the language's menu "main", from the configuration and the pages'
	// front matter, nested and in Hugo's order; nil when the site has none.
	MainMenu []*MenuItem
	sections map[string]*Page
	terms    map[string]*Page // by taxonomy and term slug, "tags/law"
	// termFiles are the _index files of terms, by taxonomy and term slug.
	termFiles map[string]*content.File
	cfg       *config.Site
	// relatedKey is relatedInputs' hash, for reusing Related in the next graph, when
	// relatedKnown: an edit that mends Related in place (relateAround) forgets it
	// rather than hashing every brief again, as only the next full build asks for it.
	relatedKey   uint64
	relatedKnown bool
}

// Lang returns the part of the site in the given language, or nil.
func (s *Site) Lang(code string) *Lang {
	for _, l := range s.Languages {
		if l.Code == code {
			return l
		}
	}
	return nil
}

// Published reports whether a file is in a build with these options.
func (o Options) Published(f *content.File) bool { return o.Excluded(f) == "" }

// Excluded tells why a file is left out of a build with these options: "draft",
// "future" (its publishDate has not come), "expired", or "headless" (headless, or
// build options that neither render nor list it); "" when it is in.
func (o Options) Excluded(f *content.File) string {
	switch {
	case f.Front.Draft && !o.Drafts:
		return "draft"
	case f.Front.Headless || !f.Front.Rendered() && !f.Front.Listed():
		return "headless"
	case !f.Front.PublishDate.IsZero() && f.Front.PublishDate.After(o.Now) && !o.Future:
		return "future"
	case !f.Front.ExpiryDate.IsZero() && f.Front.ExpiryDate.Before(o.Now) && !o.Expired:
		return "expired"
	}
	return ""
}

// New builds the page graph. Problems such as two files that translate one brief in
// the same language go to errs.
func New(cfg *config.Site, files []*content.File, opts Options, errs *diag.List) *Site {
	s := &Site{Config: cfg}
	index := indexFiles{}
	var briefs []*content.File
	for _, f := range files {
		if !opts.Published(f) || headless(f) {
			continue
		}
		if f.IsIndex() {
			index[indexKey{f.Lang, f.Section}] = f
			continue
		}
		briefs = append(briefs, f)
	}
	for _, code := range cfg.Order {
		l := &Lang{Language: cfg.Languages[code], sections: map[string]*Page{}, terms: map[string]*Page{}, cfg: cfg}
		s.Languages = append(s.Languages, l)
		l.Home = l.listPage(KindHome, "", index, l.Title)
		for _, plural := range cfg.TaxonomyOrder {
			t := l.listPage(KindTags, plural, index, "")
			l.Taxonomies = append(l.Taxonomies, t)
			if plural == content.TagsDir || l.TagsPage == nil {
				l.TagsPage = t
			}
		}
		l.termFiles = map[string]*content.File{}
		for key, f := range index {
			if top, term, ok := strings.Cut(key.section, "/"); ok && key.lang == code && cfg.IsTaxonomy(top) {
				l.termFiles[top+"/"+l.termSlug(term)] = f
			}
		}
	}
	for _, f := range briefs {
		l := s.Lang(f.Lang)
		p := newBrief(l, f)
		if l.takeSearch(p, errs) {
			// Hugo makes the section of a search page (hugo-theme-stack's /page/),
			// though it lists nothing else; a briefs site makes no empty section.
			if sec := l.sectionOf(f.Section, index); sec != "" && cfg.Hugo {
				p.Section = l.section(sec, index)
			}
			continue
		}
		l.Briefs = append(l.Briefs, p)
		if sec := l.sectionOf(f.Section, index); sec != "" {
			p.Section = l.section(sec, index)
		}
	}
	for _, key := range slices.SortedFunc(maps.Keys(index), indexKey.compare) {
		top, _, _ := strings.Cut(key.section, "/")
		if key.section != "" && !cfg.IsTaxonomy(top) {
			s.Lang(key.lang).section(key.section, index)
		}
	}
	s.titleSections(index, errs)
	var wg sync.WaitGroup
	for _, l := range s.Languages {
		var prev *Lang
		if opts.Previous != nil {
			prev = opts.Previous.Lang(l.Code)
		}
		wg.Go(func() { l.link(cfg, prev) }) // languages share nothing here
	}
	wg.Wait()
	s.translate(errs)
	s.linkSearchPages()
	s.collect()
	s.resolveAliases(errs)
	s.buildMenus(errs)
	s.applyOutputs(errs)
	if opts.Placed != nil {
		opts.Placed(s)
	}
	s.fill(opts)
	return s
}

// ResourceFiles maps the output name of every page bundle file ("posts/trip/map.png")
// to the file it is copied from (content/posts/trip/map.png).
func (s *Site) ResourceFiles() map[string]string {
	m := map[string]string{}
	for _, p := range s.Pages {
		for _, r := range p.Resources {
			m[p.Path+r.Name] = r.Src
		}
	}
	return m
}

// indexFiles are the _index files that give list pages their text, by language and
// section ("" for the home page, content.TagsDir for the tags page).
type indexFiles map[indexKey]*content.File

type indexKey struct{ lang, section string }

func (a indexKey) compare(b indexKey) int {
	return cmp.Or(strings.Compare(a.lang, b.lang), strings.Compare(a.section, b.section))
}

func newBrief(l *Lang, f *content.File) *Page {
	fm := f.Front
	// A page without a title (Hugo allows it; briefs check warns) is titled by its file name.
	p := &Page{Kind: KindBrief, Lang: l.Language, File: f, Title: cmp.Or(fm.Title, f.Name), linkTitle: fm.LinkTitle,
		Keywords: fm.Keywords, Images: fm.Images, Summary: fm.Summary,
		Description: fm.Description, Date: fm.Date, Lastmod: cmp.Or(fm.Lastmod, fm.Date),
		PublishDate: fm.PublishDate, ExpiryDate: fm.ExpiryDate, Draft: fm.Draft, Source: fm.Source,
		Editor: fm.Editor, Weight: fm.Weight, Aliases: fm.Aliases, Params: fm.Params,
		group: f.TranslationGroup()}
	p.Path = l.briefPath(f)
	p.Resources = resourcesOf(f)
	return p
}

// listPage makes a home or taxonomy page, with title and intro from its _index file if any.
func (l *Lang) listPage(kind Kind, sec string, index indexFiles, title string) *Page {
	p := &Page{Kind: kind, Lang: l.Language, Title: title, Path: l.prefix(), group: sec}
	if kind == KindTags {
		p.Path = l.prefix() + sec + "/"
	}
	if f := index[indexKey{l.Code, sec}]; f != nil {
		p.fromIndex(f)
	}
	return p
}

func (p *Page) fromIndex(f *content.File) {
	p.File, p.Title, p.Summary, p.Description = f, cmp.Or(f.Front.Title, p.Title), f.Front.Summary, f.Front.Description
	p.linkTitle, p.Keywords, p.Images = f.Front.LinkTitle, f.Front.Keywords, f.Front.Images
	p.Date, p.Lastmod, p.Weight, p.Params, p.Aliases = f.Front.Date, cmp.Or(f.Front.Lastmod, f.Front.Date), f.Front.Weight, f.Front.Params, f.Front.Aliases
	p.Resources = resourcesOf(f)
}

// section returns the section page at sec, creating it and its parents as needed.
func (l *Lang) section(sec string, index indexFiles) *Page {
	if p := l.sections[sec]; p != nil {
		return p
	}
	p := &Page{Kind: KindSection, Lang: l.Language, Title: path.Base(sec), Path: l.prefix() + l.dirPath(sec), group: sec}
	if f := index[indexKey{l.Code, sec}]; f != nil {
		p.fromIndex(f)
	}
	l.sections[sec] = p
	if parent := l.sectionOf(path.Dir(sec), index); parent != "" && parent != "." {
		p.Section = l.section(parent, index)
	}
	return p
}

// sectionOf is the section that a page in folder dir belongs to: dir itself on a
// briefs site, where every folder is a section; on a Hugo site, as Hugo has it, the
// nearest folder at or above dir that is a top-level folder or has an _index file in
// this language. "" for a page at the content root.
func (l *Lang) sectionOf(dir string, index indexFiles) string {
	if dir == "." {
		return ""
	}
	if !l.cfg.Hugo {
		return dir
	}
	for d := dir; d != "." && d != ""; d = path.Dir(d) {
		if !strings.Contains(d, "/") || index[indexKey{l.Code, d}] != nil {
			return d
		}
	}
	return ""
}

// titleSections gives a section with no _index file in a language the title of its
// _index in another (the default language first, then site order), rather than its
// folder name, which would show "law" in the Chinese navigation; and warns, since the
// title is then in the wrong language. On a Hugo site it is the folder name with a
// capital, as Hugo titles it.
func (s *Site) titleSections(index indexFiles, errs *diag.List) {
	for _, l := range s.Languages {
		for _, sec := range slices.Sorted(maps.Keys(l.sections)) {
			p := l.sections[sec]
			if p.File != nil {
				continue
			}
			if s.Config.Hugo { // as Hugo titles it, and without a warning per folder and language
				r, n := utf8.DecodeRuneInString(p.Title)
				p.Title = string(unicode.ToUpper(r)) + p.Title[n:]
				continue
			}
			want := path.Join(l.ContentDir, sec, "_index."+l.Code+".md")
			f := s.otherIndex(index, sec, l.Code)
			if f == nil {
				errs.Add(diag.Warn(path.Join(l.ContentDir, sec), 0, 0, "section %s has no %s; its %s pages title it %q; add the file with a title", sec, want, l.Code, p.Title))
				continue
			}
			p.Title = f.Front.Title
			errs.Add(diag.Warn(f.Path, 1, 1, "section %s has no %s; its %s pages show this file's title %q; add the file with a title in %s", sec, want, l.Code, p.Title, l.Code))
		}
	}
}

// otherIndex is the _index file of section sec in a language other than code, the
// default language's first.
func (s *Site) otherIndex(index indexFiles, sec, code string) *content.File {
	order := append([]string{s.Config.DefaultLanguage}, s.Config.Order...)
	for _, o := range order {
		if f := index[indexKey{o, sec}]; o != code && f != nil && f.Front.Title != "" {
			return f
		}
	}
	return nil
}

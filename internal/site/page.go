// Package site turns content files into the page graph of a multilingual site: one tree
// per language with a home page, sections, briefs, the tags index and one page per tag,
// every page linked to its translations. Package build checks that no two pages, feeds,
// aliases or static files write one file; Page.Place says where a page's URL comes from.
//
// URLs are "pretty" and every language has its own prefix (the default language has
// none when config.Site.InSubdir says so, as on a Hugo site; paths.go makes the rest
// of a URL as Hugo makes it):
//
//	/zh/                     home (latest briefs, section links)
//	/zh/law/                 section list, newest first; /zh/law/page/2/ and on
//	/zh/law/zibo/            a brief
//	/zh/tags/                all tags with counts
//	/zh/tags/法治/           the briefs with one tag, paginated like sections
//
// Briefs are ordered by weight (pinned ones first), then newest first, then by title.
package site

import (
	"cmp"
	"html/template"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
)

// Kind tells what a page is, and so which layout renders it.
type Kind int

// The kinds of page.
const (
	KindHome Kind = iota
	KindSection
	KindBrief
	KindTags
	KindTag
	// KindNotFound is the 404 page, which no content file makes.
	KindNotFound
	// KindSearch is a language's search page: the built-in one, or a content page
	// with layout = "search" that takes its place (Lang.Search).
	KindSearch
)

var kindNames = [...]string{"home", "section", "brief", "tags", "tag", "404", "search"}

// String names the kind as layouts know it.
func (k Kind) String() string { return kindNames[k] }

// Page is one page of the site in one language. List pages (home, sections, tags)
// hold the briefs they list in Pages; the renderer paginates them. A page is whole
// when New returns it and is not changed after: a page with other content is a copy
// (WithContent).
type Page struct {
	Kind Kind
	Lang *config.Language
	// Title is the page's heading; Summary a plain-text abstract.
	Title       string
	Summary     string
	Description string
	// Keywords are the page's meta keywords; Images its pictures for social cards.
	Keywords    []string
	Images      []string
	Date        time.Time
	Lastmod     time.Time
	PublishDate time.Time
	ExpiryDate  time.Time
	// Content is the rendered body (for list pages, their _index intro), and
	// ContentHash a hash of it, so that changes can be detected without comparing HTML;
	// New takes both from Options.Body, and nothing sets them after.
	Content     template.HTML
	ContentHash uint64
	// Path is the page's URL path below the base URL, with a trailing slash ("zh/law/zibo/").
	Path string
	// File is the content file the page comes from; nil for generated list pages.
	File *content.File
	// Section is the section a brief or subsection belongs to (nil for a page at the
	// content root), and the taxonomy page a term belongs to.
	Section *Page
	// Sections are a home's top-level sections, a section's subsections, or the tags
	// index's tags.
	Sections []*Page
	// Pages are the briefs a list page lists, in order.
	Pages []*Page
	// Tags are a brief's tag pages, in the brief's own order; Terms its term pages
	// of every taxonomy, by the taxonomy's plural ("tags", "categories").
	Tags  []*Page
	Terms map[string][]*Page
	// Resources are the files of the page's bundle, published beside it.
	Resources []Resource
	// Translations are the same page in other languages, in language order; Missing the
	// languages it has no translation in (briefs only).
	Translations []*Page
	Missing      []*config.Language
	// OutdatedFrom is the original a translation fell behind: its translationOf no
	// longer matches the original's text. Nil when the translation is current or unstamped.
	OutdatedFrom *Page
	// Related are briefs in the same language sharing the most tags.
	Related []*Page
	Draft   bool
	noFeed  bool // outputs leave rss out (HasFeed); beside Draft, in its padding
	Source  string
	Editor  string
	Weight  int
	Aliases []string
	Params  map[string]any

	linkTitle string // the front matter's linkTitle
	group     string // translation group of briefs; section path of sections
	index     int    // position in the language's brief list, for counting shared tags
	at        int    // 1 + its place (see At); 0 for a page not in Site.Pages
}

// At is the page's place in its graph, which Site.Page gives back: its position in
// Site.Pages when New made the graph, and -1 for a page not in it (the 404 page). A
// copy of the graph (Site.WithBodies, WithFront) keeps every page at its place, even
// when its briefs move in Pages, so that what is keyed by place, such as the dev
// server's outputs, holds for both graphs.
func (p *Page) At() int { return p.at - 1 }

// LinkTitle is the title menus, breadcrumbs and lists show: the front matter's
// linkTitle, else the title, as Hugo's .LinkTitle.
func (p *Page) LinkTitle() string { return cmp.Or(p.linkTitle, p.Title) }

// Rendered reports whether the page gets its own output file: not when its front
// matter says build.render = "never" or "link" (Hugo's build options).
func (p *Page) Rendered() bool { return p.File == nil || p.File.Front.Rendered() }

// Taxonomy is the plural name ("tags") of the taxonomy a taxonomy or term page
// belongs to; "" for other pages.
func (p *Page) Taxonomy() string {
	if p.Kind != KindTags && p.Kind != KindTag {
		return ""
	}
	plural, _, _ := strings.Cut(p.group, "/")
	return plural
}

// Taxonomy returns the list page of the taxonomy plural ("tags"), or nil.
func (l *Lang) Taxonomy(plural string) *Page {
	for _, t := range l.Taxonomies {
		if t.group == plural {
			return t
		}
	}
	return nil
}

// IsBrief reports whether the page is an article rather than a list.
func (p *Page) IsBrief() bool { return p.Kind == KindBrief }

// SectionPath is the content folder of a section page, or of a brief's section.
func (p *Page) SectionPath() string {
	if p.Kind == KindSection {
		return p.group
	}
	if p.File != nil {
		return p.File.Section
	}
	return ""
}

// Translation returns the page's version in lang, or nil.
func (p *Page) Translation(lang string) *Page {
	for _, t := range p.Translations {
		if t.Lang.Code == lang {
			return t
		}
	}
	return nil
}

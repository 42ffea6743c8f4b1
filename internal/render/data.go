package render

import (
	"strings"

	"golang.org/x/text/language"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/site"
)

// Data is what a layout's dot holds.
type Data struct {
	Page   *site.Page
	Lang   *site.Lang
	Site   *site.Site
	Config *config.Site
	// Pager is the current page of a list; nil on briefs.
	Pager *Pager
	// Switch has one entry per site language, for the language switch.
	Switch []SwitchEntry
	// Path is this page's own path (the pager's, on page 2 and on).
	Path string
	// Permalink is Path as a full URL, for canonical links and social cards.
	Permalink string
	// OGLocale is the page's locale as OpenGraph writes it ("zh_CN").
	OGLocale string
	// NotFound is true on the 404 page, which must not claim a canonical URL.
	NotFound bool
	// NotFoundIn, on the site's own /404.html only, says "page not found" in the
	// other site languages: that page answers a missing URL of any language.
	NotFoundIn []NotFoundText
	// TOC lists a brief's h2 headings when it has three or more, for its table of
	// contents; Figures its {{< num >}} figures, with OtherLang the language their
	// Other notation is in (the site's first language other than the page's).
	TOC       []Heading
	Figures   []FigureGroup
	OtherLang *config.Language
}

// NotFoundText is the 404 page's heading and text in one language.
type NotFoundText struct {
	Lang        *config.Language
	Title, Text string
}

// Pager is one page of a paginated list.
type Pager struct {
	Pages  []*site.Page
	Number int
	Total  int
	// Prev and Next are site paths, empty at the ends.
	Prev, Next string
}

// SwitchEntry is one language in the language switch. Path leads to the same page in
// that language when it exists (Exists). Otherwise it leads to the nearest page that
// does: the matching tag of a tag page (see matchingTag), or for a brief or section
// with no version in that language its nearest section that has one, else the home;
// Missing then tells the layout to say so, since the visitor would not expect it.
type SwitchEntry struct {
	Lang *config.Language
	Path string
	// Permalink is Path as a full URL, for hreflang links.
	Permalink string
	// OGLocale is the language's locale as OpenGraph writes it ("zh_CN").
	OGLocale string
	Current  bool
	Exists   bool
	Missing  bool
	// Default is true for the site's default language, the x-default of hreflang.
	Default bool
}

func (r *Renderer) data(p *site.Page, n int) *Data {
	d := &Data{Page: p, Lang: r.site.Lang(p.Lang.Code), Site: r.site, Config: r.cfg, Path: site.PagerPath(p, n)}
	d.Pager = r.pager(p, n)
	d.Switch = r.switchOf(p)
	d.Permalink = r.cfg.AbsURL(d.Path)
	d.OGLocale = ogLocale(p.Lang)
	if p.IsBrief() {
		other := ""
		for _, l := range r.site.Languages {
			if l.Code != p.Lang.Code && d.OtherLang == nil {
				d.OtherLang, other = l.Language, l.Code
			}
		}
		d.TOC, d.Figures = outline(p, other, r.cfg.UnitSet)
	}
	return d
}

// pager is page n of a list; nil for pages that list nothing.
func (r *Renderer) pager(p *site.Page, n int) *Pager {
	switch p.Kind {
	case site.KindSection, site.KindTag:
		total := r.site.Pagers(p)
		size := r.cfg.PageSize
		lo, hi := (n-1)*size, min(n*size, len(p.Pages))
		pg := &Pager{Pages: p.Pages[lo:hi], Number: n, Total: total}
		if n > 1 {
			pg.Prev = site.PagerPath(p, n-1)
		}
		if n < total {
			pg.Next = site.PagerPath(p, n+1)
		}
		return pg
	case site.KindHome:
		return &Pager{Pages: p.Pages[:min(r.cfg.HomeSize, len(p.Pages))], Number: 1, Total: 1}
	}
	return nil
}

// ogLocale writes a language's locale as OpenGraph wants it, language_TERRITORY:
// zh-CN is zh_CN, and a locale without a region gets its likeliest one (zh-Hans is
// zh_CN, zh-Hant zh_TW, en en_US). The fields that hold it spare every page's head a
// template call per language.
func ogLocale(l *config.Language) string {
	base, _ := l.Tag.Base()
	region, conf := l.Tag.Region()
	if l.Tag == language.Und || conf == language.No {
		return strings.ReplaceAll(l.Locale, "-", "_")
	}
	return base.String() + "_" + region.String()
}

// switchOf is p's language switch with its permalinks, made once per page and shared
// by its pagers, which are rendered on any core: a tag page's switch compares the
// tag with every tag of its briefs' translations (matchingTag), and a tag of 200
// briefs has 20 pagers. The slice is read-only. Only lists of more than one pager
// keep theirs: a brief has one pager, and a one-shot build renders it on a copy of its
// page that holds its body (site.Page.WithContent), which a kept switch would keep
// alive to the end of the build (every body of the site, a fifth of the peak memory).
func (r *Renderer) switchOf(p *site.Page) []SwitchEntry {
	if sw, ok := r.switches.Load(p); ok {
		return sw.([]SwitchEntry)
	}
	sw := r.langSwitch(p)
	for i := range sw {
		e := &sw[i]
		e.Permalink, e.OGLocale = r.cfg.AbsURL(e.Path), ogLocale(e.Lang)
	}
	if p.Kind != site.KindBrief && r.site.Pagers(p) > 1 {
		r.switches.Store(p, sw)
	}
	return sw
}

func (r *Renderer) langSwitch(p *site.Page) []SwitchEntry {
	if p.Kind == site.KindSearch {
		return r.searchSwitch(r.site.Lang(p.Lang.Code))
	}
	out := make([]SwitchEntry, 0, len(r.site.Languages))
	for _, l := range r.site.Languages {
		e := SwitchEntry{Lang: l.Language, Path: l.Home.Path}
		switch {
		case l.Code == p.Lang.Code:
			e.Path, e.Current, e.Exists = p.Path, true, true
		case p.Kind == site.KindTag:
			e.Path = l.Home.Path
			if tax := l.Taxonomy(p.Taxonomy()); tax != nil {
				e.Path = tax.Path
			}
			if t := r.matchingTag(p, l.Code); t != nil {
				e.Path = t.Path
			}
		default:
			if t := p.Translation(l.Code); t != nil {
				e.Path, e.Exists = t.Path, true
			} else if t := nearestTranslation(p.Section, l.Code); t != nil {
				e.Path, e.Missing = t.Path, true
			} else {
				e.Missing = true
			}
		}
		e.Default = l.Code == r.cfg.DefaultLanguage
		out = append(out, e)
	}
	return out
}

// nearestTranslation is the version in lang of sec or of the nearest section above
// it that has one; nil when none has.
func nearestTranslation(sec *site.Page, lang string) *site.Page {
	for ; sec != nil; sec = sec.Section {
		if t := sec.Translation(lang); t != nil {
			return t
		}
	}
	return nil
}

// RootData is the dot of root.html.
type RootData struct {
	Site      *site.Site
	Config    *config.Site
	Default   *site.Lang
	Languages []*site.Lang
}

func (r *Renderer) rootData() *RootData {
	return &RootData{Site: r.site, Config: r.cfg, Default: r.site.Lang(r.cfg.DefaultLanguage), Languages: r.site.Languages}
}

package render

import (
	"time"

	"github.com/briefs/briefs/internal/feed"
	"github.com/briefs/briefs/internal/site"
)

// schema returns the schema.org description of a brief as JSON-LD data, for search
// engines: a NewsArticle with its dates, language, author and publisher, linked to
// its original (translationOfWork) or its translations (workTranslation). Layouts
// write it as <script type="application/ld+json">{{schema .}}</script>; html/template
// encodes it as JSON. Other pages get nil.
func (f *langFuncs) schema(d *Data) map[string]any {
	p := d.Page
	if p == nil || p.Kind != site.KindBrief {
		return nil
	}
	publisher := map[string]any{"@type": "Organization", "name": f.publisher()}
	doc := map[string]any{
		"@context":         "https://schema.org",
		"@type":            "NewsArticle",
		"headline":         p.Title,
		"description":      p.Description,
		"inLanguage":       p.Lang.Locale,
		"datePublished":    p.Date.Format(time.RFC3339),
		"dateModified":     p.Lastmod.Format(time.RFC3339),
		"mainEntityOfPage": f.absURL(p.Path),
		"url":              f.absURL(p.Path),
		"publisher":        publisher,
		"author":           publisher,
	}
	if p.Editor != "" {
		doc["editor"] = map[string]any{"@type": "Person", "name": p.Editor}
	}
	if p.Source != "" {
		doc["isBasedOn"] = p.Source
	}
	var translations []map[string]any
	for _, t := range p.Translations {
		ref := map[string]any{"@type": "NewsArticle", "url": f.absURL(t.Path), "inLanguage": t.Lang.Locale, "headline": t.Title}
		if t.Lang.Code == f.cfg.DefaultLanguage && p.Lang.Code != f.cfg.DefaultLanguage {
			doc["translationOfWork"] = ref
			continue
		}
		translations = append(translations, ref)
	}
	if len(translations) > 0 && p.Lang.Code == f.cfg.DefaultLanguage {
		doc["workTranslation"] = translations
	}
	return doc
}

func (f *langFuncs) publisher() string {
	if f.lang.Publisher != "" {
		return f.lang.Publisher
	}
	if f.cfg.Publisher != "" {
		return f.cfg.Publisher
	}
	return f.lang.Title
}

// feedOf is the site path of the RSS feed a page advertises: its own for lists, its
// section's for a brief, the home page's for the other pages; "" on the 404 page.
func feedOf(d *Data) string {
	p := d.Page
	switch {
	case p == nil || d.NotFound:
		return ""
	case feed.Has(p):
		return feed.Path(p)
	case p.Kind == site.KindBrief && p.Section != nil:
		return feed.Path(p.Section)
	}
	return feed.Path(d.Lang.Home)
}

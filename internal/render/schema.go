package render

import (
	"html/template"
	"time"

	"github.com/briefs/briefs/internal/feed"
	"github.com/briefs/briefs/internal/jsontext"
	"github.com/briefs/briefs/internal/site"
)

// schema returns the schema.org description of a brief as JSON-LD, for search
// engines: a NewsArticle with its dates, language, author and publisher, linked to
// its original (translationOfWork) or its translations (workTranslation). Layouts
// write it as <script type="application/ld+json">{{schema .}}</script>; other pages
// get null. The JSON is written here, from structs, rather than by html/template from
// a map: that was a tenth of the cost of rendering a brief. It escapes <, > and & (and
// U+2028, U+2029) as encoding/json does, so the result is safe inside a script element.
func (f *langFuncs) schema(d *Data) (template.JS, error) {
	p := d.Page
	if p == nil || p.Kind != site.KindBrief {
		return "null", nil
	}
	publisher := &schemaThing{Type: "Organization", Name: f.publisher()}
	doc := schemaArticle{
		Context:          "https://schema.org",
		Type:             "NewsArticle",
		Author:           publisher,
		DateModified:     rfc3339(p.Lastmod),
		DatePublished:    rfc3339(p.Date),
		Description:      p.Description,
		Headline:         p.Title,
		InLanguage:       p.Lang.Locale,
		IsBasedOn:        p.Source,
		MainEntityOfPage: f.absURL(p.Path),
		Publisher:        publisher,
		URL:              f.absURL(p.Path),
	}
	if p.Editor != "" {
		doc.Editor = &schemaThing{Type: "Person", Name: p.Editor}
	}
	for _, t := range p.Translations {
		ref := &schemaRef{Type: "NewsArticle", Headline: t.Title, InLanguage: t.Lang.Locale, URL: f.absURL(t.Path)}
		if t.Lang.Code == f.cfg.DefaultLanguage && p.Lang.Code != f.cfg.DefaultLanguage {
			doc.TranslationOfWork = ref
			continue
		}
		if p.Lang.Code == f.cfg.DefaultLanguage {
			doc.WorkTranslation = append(doc.WorkTranslation, ref)
		}
	}
	return template.JS(doc.appendJSON(make([]byte, 0, 1024))), nil
}

// appendJSON appends a as json.Marshal writes it, without its reflection: every
// brief's head holds one (TestSchemaJSON compares the two).
func (a *schemaArticle) appendJSON(b []byte) []byte {
	b = appendField(b, '{', "@context", a.Context)
	b = appendField(b, ',', "@type", a.Type)
	b = a.Author.appendJSON(append(b, `,"author":`...))
	b = appendOptional(b, "dateModified", a.DateModified)
	b = appendOptional(b, "datePublished", a.DatePublished)
	b = appendField(b, ',', "description", a.Description)
	if a.Editor != nil {
		b = a.Editor.appendJSON(append(b, `,"editor":`...))
	}
	b = appendField(b, ',', "headline", a.Headline)
	b = appendField(b, ',', "inLanguage", a.InLanguage)
	b = appendOptional(b, "isBasedOn", a.IsBasedOn)
	b = appendField(b, ',', "mainEntityOfPage", a.MainEntityOfPage)
	b = a.Publisher.appendJSON(append(b, `,"publisher":`...))
	if a.TranslationOfWork != nil {
		b = a.TranslationOfWork.appendJSON(append(b, `,"translationOfWork":`...))
	}
	b = appendField(b, ',', "url", a.URL)
	if len(a.WorkTranslation) > 0 {
		b = append(b, `,"workTranslation":`...)
		for i, r := range a.WorkTranslation {
			b = r.appendJSON(append(b, "[,"[min(i, 1)]))
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func (t *schemaThing) appendJSON(b []byte) []byte {
	if t == nil {
		return append(b, "null"...)
	}
	return append(appendField(appendField(b, '{', "@type", t.Type), ',', "name", t.Name), '}')
}

func (r *schemaRef) appendJSON(b []byte) []byte {
	if r == nil {
		return append(b, "null"...)
	}
	b = appendField(b, '{', "@type", r.Type)
	b = appendField(b, ',', "headline", r.Headline)
	b = appendField(b, ',', "inLanguage", r.InLanguage)
	return append(appendField(b, ',', "url", r.URL), '}')
}

// appendField appends sep and "name":value; the names are plain ASCII.
func appendField(b []byte, sep byte, name, value string) []byte {
	b = append(append(append(b, sep, '"'), name...), '"', ':')
	return jsontext.AppendString(b, value)
}

// appendOptional is appendField after a comma, or nothing when value is empty
// (omitempty).
func appendOptional(b []byte, name, value string) []byte {
	if value == "" {
		return b
	}
	return appendField(b, ',', name, value)
}

// schemaArticle is a schema.org NewsArticle. Its fields are in the order of their
// JSON names, as a map would be written, so the output reads the same as before.
type schemaArticle struct {
	Context           string       `json:"@context"`
	Type              string       `json:"@type"`
	Author            *schemaThing `json:"author"`
	DateModified      string       `json:"dateModified,omitempty"`
	DatePublished     string       `json:"datePublished,omitempty"`
	Description       string       `json:"description"`
	Editor            *schemaThing `json:"editor,omitempty"`
	Headline          string       `json:"headline"`
	InLanguage        string       `json:"inLanguage"`
	IsBasedOn         string       `json:"isBasedOn,omitempty"`
	MainEntityOfPage  string       `json:"mainEntityOfPage"`
	Publisher         *schemaThing `json:"publisher"`
	TranslationOfWork *schemaRef   `json:"translationOfWork,omitempty"`
	URL               string       `json:"url"`
	WorkTranslation   []*schemaRef `json:"workTranslation,omitempty"`
}

// schemaThing is an Organization or a Person.
type schemaThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// schemaRef points to another language's version of a brief.
type schemaRef struct {
	Type       string `json:"@type"`
	Headline   string `json:"headline"`
	InLanguage string `json:"inLanguage"`
	URL        string `json:"url"`
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
// section's for a brief, the home page's for the other pages, of those that have one
// (outputs may leave rss out); "" on the 404 page, and when none has.
func feedOf(d *Data) string {
	if d.Page == nil || d.NotFound {
		return ""
	}
	return advertisedFeed(d.Page, d.Lang.Home)
}

// advertisedFeed is feedOf for page p of the language whose home is home.
func advertisedFeed(p, home *site.Page) string {
	switch {
	case feed.Has(p):
		return feed.Path(p)
	case p.Kind == site.KindBrief && p.Section != nil && feed.Has(p.Section):
		return feed.Path(p.Section)
	case feed.Has(home):
		return feed.Path(home)
	}
	return ""
}

// rfc3339 formats a date for schema.org; "" (left out) for a page without one.
func rfc3339(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339)
}

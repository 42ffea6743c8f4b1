package config

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// Output formats briefs makes: a page's HTML, and the RSS feed of a list.
const (
	FormatHTML = "html"
	FormatRSS  = "rss"
)

// outputKinds are Hugo's page kinds that outputs names, by their lower case
// ("taxonomyterm" is Hugo's name before 0.73 for the list of a taxonomy's terms).
var outputKinds = map[string]string{"home": "home", "section": "section", "page": "page",
	"taxonomy": "taxonomy", "term": "term", "taxonomyterm": "taxonomy"}

// KindOutputs is the outputs the site gives a kind of page (home, section, page,
// taxonomy, term), in lower case; nil when it says nothing, and the kind has Hugo's
// default (HTML, and RSS for home, section and term pages).
func (s *Site) KindOutputs(kind string) []string { return s.Outputs[kind] }

// fillOutputs checks [outputs]: kinds Hugo knows, formats in lower case. The formats
// briefs does not make (a theme's own, such as hugo-book's txt, or json) need the
// theme's templates: they are named in one warning.
func (s *Site) fillOutputs(file string, at func(...string) (int, int), errs *diag.List) {
	if len(s.Outputs) == 0 {
		return
	}
	out := map[string][]string{}
	other := map[string][]string{} // format -> kinds
	for _, key := range slices.Sorted(maps.Keys(s.Outputs)) {
		kind, ok := outputKinds[strings.ToLower(key)]
		if !ok {
			line, col := at("outputs", key)
			errs.Add(diag.At(file, line, col, "outputs.%s: not a kind of page; use home, section, page, taxonomy or term", key))
			continue
		}
		formats := []string{}
		for _, f := range s.Outputs[key] {
			f = strings.ToLower(strings.TrimSpace(f))
			formats = append(formats, f)
			if f != FormatHTML && f != FormatRSS {
				other[f] = append(other[f], kind)
			}
		}
		out[kind] = formats
	}
	s.Outputs = out
	if len(other) > 0 {
		line, col := at("outputs")
		s.Warnings = append(s.Warnings, diag.Warn(file, line, col, "briefs makes html and rss outputs only; these need the theme's templates and are not made: %s",
			FormatsWhere(other)))
	}
}

// FormatsWhere lists formats with where each is asked for: "json (page), txt (home,
// page)".
func FormatsWhere(where map[string][]string) string {
	var parts []string
	for _, f := range slices.Sorted(maps.Keys(where)) {
		w := slices.Compact(slices.Sorted(slices.Values(where[f])))
		parts = append(parts, fmt.Sprintf("%s (%s)", f, strings.Join(w, ", ")))
	}
	return strings.Join(parts, ", ")
}

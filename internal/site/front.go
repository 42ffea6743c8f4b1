package site

import "github.com/briefs/briefs/internal/content"

// The front matter keys that the page graph reads beyond content.Front's plain
// fields, in one place.

// termsOf is the terms a file gives a taxonomy (by its plural, "tags"): tags from
// the tags key, any other taxonomy from its own key (categories = ["x"]).
func termsOf(f *content.File, plural string) []string { return f.Front.Terms(plural) }

// frontURL is the url a file's front matter gives its page, or "".
func frontURL(f *content.File) string { return f.Front.URL }

// headless reports whether a file's front matter makes its page headless (Hugo's
// headless = true, or build options that neither render nor list it): the page and
// its bundle's files are not published, and no list shows it.
func headless(f *content.File) bool {
	return f.Front.Headless || !f.Front.Rendered() && !f.Front.Listed()
}

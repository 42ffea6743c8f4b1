package site

import "github.com/briefs/briefs/internal/content"

// The front matter keys that the page graph reads beyond content.Front's fields, in
// one place: until content reads Hugo's whole set of keys (issue 15, point 1), tags
// is the only taxonomy a file can name, and no file can set url or be headless.

// termsOf is the terms a file gives a taxonomy (by its plural, "tags").
func termsOf(f *content.File, plural string) []string {
	if plural == content.TagsDir {
		return f.Front.Tags
	}
	return nil
}

// frontURL is the url a file's front matter gives its page, or "".
func frontURL(*content.File) string { return "" }

// headless reports whether a file's front matter makes its page headless (Hugo's
// headless = true, or build.render = "never"): the page and its bundle's files are
// not published, and no list shows it.
func headless(*content.File) bool { return false }

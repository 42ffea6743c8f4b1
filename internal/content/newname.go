package content

import (
	"fmt"
	"path"
	"strings"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/config"
)

// NewName is a brief that "briefs new" is asked to create.
type NewName struct {
	// Section and Slug place the brief: content/<Section>/<Slug>.<lang>.md.
	Section, Slug string
	// Lang is the one language to create, when the name was a file's ("x.en.md");
	// "" creates the brief in every site language.
	Lang string
}

// ParseNewName reads the name given to "briefs new". People write it two ways, and both
// work: as the brief ("law/my-brief"), or as the file a shell completes
// ("content/law/my-brief.en.md", which creates only that language; "law/my-brief.md",
// every language). A name that would reach outside content/ (an absolute path, "..",
// an empty folder name) is refused rather than tidied into something else.
func ParseNewName(cfg *config.Site, arg string) (NewName, error) {
	name := strings.ReplaceAll(arg, `\`, "/")
	switch {
	case name == "":
		return NewName{}, fmt.Errorf("name the brief, as in law/my-brief")
	case !utf8.ValidString(name):
		return NewName{}, fmt.Errorf("%q is not valid UTF-8; name the brief in letters of any script, digits and '-'", arg)
	}
	if path.IsAbs(name) || len(name) >= 2 && name[1] == ':' {
		return NewName{}, fmt.Errorf("%q is an absolute path; name the brief inside content/, as in law/my-brief", arg)
	}
	name = strings.TrimPrefix(strings.TrimPrefix(name, "./"), Dir+"/")
	var n NewName
	if stem, ok := strings.CutSuffix(name, ".md"); ok {
		name = stem
		if i := strings.LastIndexByte(stem, '.'); i > strings.LastIndexByte(stem, '/') && looksLikeLang(stem[i+1:]) {
			if cfg.Language(stem[i+1:]) == nil {
				return NewName{}, fmt.Errorf("%q: unknown language .%s; the site's languages are %s", arg, stem[i+1:], strings.Join(cfg.Order, ", "))
			}
			name, n.Lang = stem[:i], stem[i+1:]
		}
	}
	segs := strings.Split(name, "/")
	for _, seg := range segs {
		switch {
		case seg == "":
			return NewName{}, fmt.Errorf("%q has an empty folder name (a / doubled, or at the start or end); write section/slug, as in law/my-brief", arg)
		case seg == "." || seg == "..":
			return NewName{}, fmt.Errorf("%q: %q is not allowed; name the brief inside content/, as in law/my-brief", arg, seg)
		}
		if err := CheckSlug(seg); err != nil {
			return NewName{}, fmt.Errorf("%q: %q cannot be a URL segment: %v", arg, seg, err)
		}
	}
	n.Section, n.Slug = path.Join(segs[:len(segs)-1]...), segs[len(segs)-1]
	switch {
	case n.Section == "":
		return NewName{}, fmt.Errorf("%q: give a section and a slug, as in law/my-brief", arg)
	case n.Section == TagsDir:
		return NewName{}, fmt.Errorf("%q: content/%s holds only the tags index's _index files; put the brief in a section such as law/", arg, TagsDir)
	case n.Slug == "_index":
		return NewName{}, fmt.Errorf("%q: _index is the section's own page; choose another slug", arg)
	}
	return n, nil
}

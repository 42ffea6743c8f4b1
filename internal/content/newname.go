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
	name, err := newPath(arg)
	if err != nil {
		return NewName{}, err
	}
	var n NewName
	if name, n.Lang, err = cutNewLang(cfg, arg, name); err != nil {
		return NewName{}, err
	}
	segs := strings.Split(name, "/")
	if err := checkNewSegments(arg, segs); err != nil {
		return NewName{}, err
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

// newPath is the name given, with forward slashes, inside content/ ("./" and
// "content/" taken off), or an error for an empty, non-UTF-8 or absolute name.
func newPath(arg string) (string, error) {
	name := strings.ReplaceAll(arg, `\`, "/")
	switch {
	case name == "":
		return "", fmt.Errorf("name the brief, as in law/my-brief")
	case !utf8.ValidString(name):
		return "", fmt.Errorf("%q is not valid UTF-8; name the brief in letters of any script, digits and '-'", arg)
	case path.IsAbs(name) || len(name) >= 2 && name[1] == ':':
		return "", fmt.Errorf("%q is an absolute path; name the brief inside content/, as in law/my-brief", arg)
	}
	return strings.TrimPrefix(strings.TrimPrefix(name, "./"), Dir+"/"), nil
}

// cutNewLang takes ".md" off a file's name, and the language before it
// ("x.en.md"), which must be one of the site's.
func cutNewLang(cfg *config.Site, arg, name string) (rest, lang string, err error) {
	stem, ok := strings.CutSuffix(name, ".md")
	if !ok {
		return name, "", nil
	}
	i := strings.LastIndexByte(stem, '.')
	if i <= strings.LastIndexByte(stem, '/') || !looksLikeLang(stem[i+1:]) {
		return stem, "", nil
	}
	if cfg.Language(stem[i+1:]) == nil {
		return "", "", fmt.Errorf("%q: unknown language .%s; the site's languages are %s", arg, stem[i+1:], strings.Join(cfg.Order, ", "))
	}
	return stem[:i], stem[i+1:], nil
}

// checkNewSegments refuses a folder name that is empty, . or .., or not a URL segment.
func checkNewSegments(arg string, segs []string) error {
	for _, seg := range segs {
		switch {
		case seg == "":
			return fmt.Errorf("%q has an empty folder name (a / doubled, or at the start or end); write section/slug, as in law/my-brief", arg)
		case seg == "." || seg == "..":
			return fmt.Errorf("%q: %q is not allowed; name the brief inside content/, as in law/my-brief", arg, seg)
		}
		if err := CheckSlug(seg); err != nil {
			return fmt.Errorf("%q: %q cannot be a URL segment: %v", arg, seg, err)
		}
	}
	return nil
}

package content

import (
	"fmt"
	"slices"

	"github.com/briefs/briefs/internal/config"
)

// Group is one brief in all its languages: the files that share a TranslationGroup.
// The site links them as translations of each other, the dev server and briefs stamp
// need the original, and briefs check counts what is missing; all group through
// Groups, so that they agree on which files are versions of one brief.
type Group struct {
	// Key is the TranslationGroup the files share.
	Key string
	// Files are the versions in language order (cfg.Order); files of one language,
	// which the site reports as an error, stay in the order they were given.
	Files []*File
	// Original is the version in the default language, which translations are made
	// from and stamped against; nil when there is none.
	Original *File
}

// Groups gathers the briefs among files (not _index files) by translation group, in
// the order of each group's first file in files.
func Groups(cfg *config.Site, files []*File) []*Group {
	byKey := map[string]*Group{}
	var out []*Group
	for _, f := range files {
		if f.IsIndex() {
			continue
		}
		key := f.TranslationGroup()
		g := byKey[key]
		if g == nil {
			g = &Group{Key: key}
			byKey[key] = g
			out = append(out, g)
		}
		g.Files = append(g.Files, f)
		if f.Lang == cfg.DefaultLanguage && g.Original == nil {
			g.Original = f
		}
	}
	for _, g := range out {
		slices.SortStableFunc(g.Files, func(a, b *File) int {
			return slices.Index(cfg.Order, a.Lang) - slices.Index(cfg.Order, b.Lang)
		})
	}
	return out
}

// NoOriginalError is the error of StampTranslation for a file that is an original,
// or a translation whose original does not exist: there is nothing to stamp it against.
type NoOriginalError struct {
	Lang string // the default language, which originals are written in
}

func (e *NoOriginalError) Error() string {
	return fmt.Sprintf("no %s original to stamp it against (it is the original, or has none)", e.Lang)
}

// StampTranslation returns the text of f stamped against its original among files
// (the default-language version in its Group, see Stamp), and that original.
func StampTranslation(cfg *config.Site, files []*File, f *File) ([]byte, *File, error) {
	var orig *File
	for _, g := range Groups(cfg, files) {
		if slices.Contains(g.Files, f) {
			orig = g.Original
		}
	}
	if orig == nil || orig == f {
		return nil, nil, &NoOriginalError{Lang: cfg.DefaultLanguage}
	}
	data, err := Stamp(f, orig.BodyHash())
	return data, orig, err
}

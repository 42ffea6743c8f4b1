package content

import (
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

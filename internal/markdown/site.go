package markdown

import (
	"io/fs"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/images"
)

// ForSite makes the renderer of each of a site's languages, by language code, with
// the site's settings (its units, and raw HTML let through when site.toml says so):
// build and check read bodies the same way. imgs reads the size of the images bodies
// show; nil leaves them without (check reads no images). site is the site folder, where
// charts read their data files; scs are the site's own shortcodes (package render reads
// them), nil for none. inline, when given, makes the shortcodes that bodies define
// ({{< x.inline >}}…), which run when the configuration's enableInlineShortcodes is on.
func ForSite(cfg *config.Site, imgs *images.Library, site fs.FS, scs map[string]Shortcode, inline ...InlineFunc) map[string]*Markdown {
	mds := make(map[string]*Markdown, len(cfg.Languages))
	var define InlineFunc
	if len(inline) > 0 && cfg.EnableInlineShortcodes {
		define = inline[0]
	}
	for code, l := range cfg.Languages {
		mds[code] = New(Options{Lang: code, CJK: l.CJK(), Unsafe: cfg.Markup.Unsafe, Units: cfg.UnitSet, Images: imgs, Files: site, Shortcodes: scs,
			InlineShortcodes: define, Highlight: cfg.Markup.Highlight})
	}
	return mds
}

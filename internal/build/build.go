// Package build runs the whole pipeline, from a site folder to a set of written files:
// site.toml, then the content files, the page graph, the Markdown bodies, the layouts,
// and the static files. Each build makes one state (state.go) from those inputs and
// the previous state, and nothing changes it after. The command line's build runs a
// one-shot Session; the dev server keeps a Live one, which swaps in the next state
// whole after each good update; both render through the same code, so what an editor
// previews is what gets published. ARCHITECTURE.md draws the data flow.
package build

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
)

// Options describe one build.
type Options struct {
	// Site is the site folder: site.toml, content/, and optionally layouts/ and static/.
	Site fs.FS
	// Theme holds the default layouts/ and static/; nil for none.
	Theme fs.FS
	// Dir is the site folder on disk, for Hugo themes outside it (themesDir = "../..");
	// "" finds them inside Site only. ThemesDir, when set, replaces the configuration's
	// themesDir, as Hugo's --themesDir does.
	Dir, ThemesDir string
	// Environment is the Hugo environment whose configuration folder
	// (config/<environment>/) is merged over config/_default/: "" is production, the
	// dev server's is development (see config.ReadEnv).
	Environment string
	// BaseURL, when set, replaces site.toml's baseURL.
	BaseURL string
	// Drafts, Future and Expired include pages that are otherwise left out.
	Drafts, Future, Expired bool
	// Now is the time embargoes and expiry are judged at; zero means the current time.
	Now time.Time
	// ImageCache is the folder that keeps the resized copies of large images between
	// builds (see package images); "" keeps none, and every build makes them anew.
	ImageCache string
	// Context, when set, stops the build early when it is done (the user pressed
	// Ctrl+C, or output.Dir could not write a file): no more pages are rendered, and
	// the build fails with context.Cause.
	Context context.Context
	// Progress, when set, hears the build's stages and steps (see Progress).
	Progress Progress
}

// Sources are the files and folders of a site folder that a build reads, which its
// output must never replace or be inside.
func Sources() []string {
	return append(slices.Clone(config.Files), config.HugoConfigDir+"/", content.Dir+"/", "layouts/", "static/")
}

// context is the build's context, which is never nil.
func (o Options) context() context.Context {
	if o.Context == nil {
		return context.Background()
	}
	return o.Context
}

// Result describes a finished build.
type Result struct {
	Site *site.Site
	// Pages counts the pages of each language, in language order.
	Pages []LangCount
	// Warnings are problems that did not stop the build, sorted.
	Warnings []*diag.Error
}

// LangCount is the number of pages built in one language.
type LangCount struct {
	Lang  string
	Pages int
}

// Run builds the site into w. On failure the error is a *diag.List holding every
// problem found, and the caller must discard what was written.
func Run(opts Options, w render.Writer) (*Result, error) {
	return NewSession(opts).Build(w)
}

func (o Options) siteOptions() site.Options {
	now := o.Now
	if now.IsZero() {
		now = time.Now()
	}
	return site.Options{Drafts: o.Drafts, Future: o.Future, Expired: o.Expired, Now: now}
}

func loadConfig(opts Options) (*config.Site, error) {
	cfg, err := config.ReadEnv(opts.Site, opts.Environment)
	if err != nil {
		return nil, err
	}
	if opts.BaseURL != "" {
		if err := cfg.SetBaseURL(opts.BaseURL); err != nil {
			return nil, fmt.Errorf("--base-url: %w", err)
		}
	}
	return cfg, nil
}

func (r *Result) count(s *site.Site) {
	r.Site = s
	for _, l := range s.Languages {
		n := 0
		for _, p := range s.Pages {
			if p.Lang.Code == l.Code {
				n += s.Pagers(p)
			}
		}
		r.Pages = append(r.Pages, LangCount{Lang: l.Code, Pages: n})
	}
}

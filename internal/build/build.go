// Package build runs the whole pipeline, from a site folder to a set of written files:
// site.toml, then the content files, the page graph, the Markdown bodies, the layouts,
// and the static files. The command line's build and the dev server both call Run, so
// what an editor previews is what gets published.
package build

import (
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"runtime"
	"sync"
	"time"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/theme"
)

// Options describe one build.
type Options struct {
	// Site is the site folder: site.toml, content/, and optionally layouts/ and static/.
	Site fs.FS
	// Theme holds the default layouts/ and static/; nil for none.
	Theme fs.FS
	// BaseURL, when set, replaces site.toml's baseURL.
	BaseURL string
	// Drafts, Future and Expired include pages that are otherwise left out.
	Drafts, Future, Expired bool
	// Now is the time embargoes and expiry are judged at; zero means the current time.
	Now time.Time
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
	var errs diag.List
	cfg, err := loadConfig(opts)
	if err != nil {
		return nil, err
	}
	now := opts.Now
	if now.IsZero() {
		now = time.Now()
	}
	files := content.Load(opts.Site, cfg, &errs)
	s := site.New(cfg, files, site.Options{Drafts: opts.Drafts, Future: opts.Future, Expired: opts.Expired, Now: now}, &errs)
	renderBodies(s, &errs)
	for _, l := range s.Languages {
		if l.TagsPage.Title == "" {
			l.TagsPage.Title = render.String(cfg, l.Code, "tags")
		}
	}
	th := theme.New(opts.Site, opts.Theme)
	// Layouts run even when content has problems, so that a template error is reported
	// together with them; the caller discards the output of a failed build.
	r, err := render.New(th, s)
	errs.Add(err)
	if r != nil {
		writePages(s, r, th, w, &errs)
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	res := &Result{Site: s, Warnings: errs.Warnings()}
	for _, key := range r.MissingStrings() {
		res.Warnings = append(res.Warnings, diag.Warn("site.toml", 0, 0, "no theme string %s; add it under [languages.<code>.strings]", key))
	}
	for _, l := range s.Languages {
		n := 0
		for _, p := range s.Pages {
			if p.Lang.Code == l.Code {
				n += s.Pagers(p)
			}
		}
		res.Pages = append(res.Pages, LangCount{Lang: l.Code, Pages: n})
	}
	return res, nil
}

func loadConfig(opts Options) (*config.Site, error) {
	src, err := fs.ReadFile(opts.Site, config.FileName)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, diag.At(config.FileName, 0, 0, "not found: run briefs in a site folder, or name one with -s")
		}
		return nil, diag.At(config.FileName, 0, 0, "cannot read: %v", err)
	}
	cfg, err := config.Load(config.FileName, src)
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

// parallel calls fn for every index below n on all cores.
func parallel(n int, fn func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int, 64)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for i := range next {
				fn(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// renderBodies turns every page's Markdown into HTML, and cuts summaries.
func renderBodies(s *site.Site, errs *diag.List) {
	mds := map[string]*markdown.Markdown{}
	for _, l := range s.Languages {
		mds[l.Code] = markdown.New(markdown.Options{Lang: l.Code, CJK: l.CJK(), Unsafe: s.Config.Markup.Unsafe, Units: s.Config.UnitSet})
	}
	parallel(len(s.Pages), func(i int) {
		p := s.Pages[i]
		if p.File == nil {
			return
		}
		f := p.File
		res := mds[p.Lang.Code].Render(f.Body)
		for _, pr := range res.Problems {
			line, col := diag.LineCol(f.Src, f.BodyOffset+pr.Offset)
			errs.Add(diag.At(f.Path, line, col, "%s", pr.Msg))
		}
		p.Content = template.HTML(res.HTML)
		if p.Summary == "" {
			p.Summary = markdown.Summarize(res.Text, p.Lang.SummaryLength, p.Lang.CJK())
		}
		if p.Description == "" {
			p.Description = p.Summary
		}
	})
}

// writePages renders every page and copies the static files.
func writePages(s *site.Site, r *render.Renderer, th *theme.Theme, w render.Writer, errs *diag.List) {
	parallel(len(s.Pages), func(i int) {
		errs.Add(r.Page(s.Pages[i], w), r.Aliases(s.Pages[i], w))
	})
	errs.Add(r.Root(th, w))
	statics, err := th.Files("static")
	if err != nil {
		errs.Add(diag.At("static", 0, 0, "cannot read: %v", err))
		return
	}
	taken := map[string]bool{"index.html": true}
	for _, p := range s.Pages {
		for n := 1; n <= s.Pagers(p); n++ {
			taken[site.PagerPath(p, n)+"index.html"] = true
		}
		for _, a := range p.Aliases {
			taken[site.AliasFile(a)] = true
		}
	}
	for _, f := range statics {
		if taken[f.Name] {
			errs.Add(diag.At(f.Path, 0, 0, "would overwrite the page /%s; rename or remove the static file", f.Name))
			continue
		}
		data, err := f.Read()
		if err != nil {
			errs.Add(diag.At(f.Path, 0, 0, "cannot read: %v", err))
			continue
		}
		errs.Add(w.WriteFile(f.Name, data))
	}
}

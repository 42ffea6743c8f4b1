package build

import (
	"fmt"
	"sort"
	"strings"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
)

// mdPage is what the shortcodes in p's body know of it: its params, its site's, and
// how to find the pages a ref names in st.
func (e *env) mdPage(st *site.Site, p *site.Page) *markdown.Page {
	f := p.File
	return &markdown.Page{
		Path: p.Path, File: f.Path, Lang: p.Lang.Code, Params: p.Params, SiteParams: e.cfg.Params, Data: p,
		Ref: func(target, lang string) (string, string, error) {
			q, err := st.Ref(p, target, lang)
			if err != nil {
				return "", "", err
			}
			return e.cfg.AbsURL(q.Path), e.cfg.URL(q.Path), nil
		},
		Line: func(off int) (int, int) { return diag.LineCol(f.Src, f.BodyOffset+off) },
	}
}

// addProblems reports a body's problems at their places in f. The uses of an unknown
// shortcode are gathered by name (unknownShortcode), so that a name used on every
// page is one error, not hundreds.
func addProblems(f *content.File, probs []markdown.Problem, errs *diag.List) {
	for _, pr := range probs {
		line, col := diag.LineCol(f.Src, f.BodyOffset+pr.Offset)
		e := diag.At(f.Path, line, col, "%s", pr.Msg)
		if pr.Warning {
			e.Severity = diag.SevWarning
		}
		switch {
		case pr.Shortcode != "":
			e.Err = unknownShortcode{name: pr.Shortcode, msg: pr.Msg}
		case pr.Degraded != "":
			e.Err = unknownShortcode{name: "degraded " + pr.Degraded, msg: pr.Msg}
		}
		errs.Add(e)
	}
}

// writeAssets publishes the files of assets/ whose URLs shortcodes took
// (resources.Get … .RelPermalink), at their names, unless a page or a static file
// has the name.
func (st *state) writeAssets(w render.Writer, errs *diag.List) {
	if st.scs == nil {
		return
	}
	taken := map[string]bool{}
	for _, f := range st.statics {
		taken[f.Name] = true
	}
	for _, f := range st.scs.UsedAssets() {
		if _, owned := st.owner[f.Name]; taken[f.Name] || owned {
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

// unknownShortcode marks an error as the use of an unknown shortcode.
type unknownShortcode struct{ name, msg string }

func (u unknownShortcode) Error() string { return u.msg }

// groupUnknown replaces the errors about uses of an unknown shortcode with
// one error per name, at its first use, with the count of uses and the files.
func groupUnknown(errs []*diag.Error) []*diag.Error {
	type uses struct {
		first *diag.Error
		n     int
		files map[string]bool
	}
	byName := map[string]*uses{}
	var out []*diag.Error
	for _, e := range errs {
		u, ok := e.Err.(unknownShortcode)
		if !ok {
			out = append(out, e)
			continue
		}
		g := byName[u.name]
		if g == nil {
			g = &uses{first: e, files: map[string]bool{}}
			byName[u.name] = g
		}
		g.n++
		g.files[e.File] = true
	}
	for _, g := range byName {
		if g.n == 1 {
			out = append(out, g.first)
			continue
		}
		files := make([]string, 0, len(g.files))
		for f := range g.files {
			files = append(files, f)
		}
		sort.Strings(files)
		if len(files) > 5 {
			files = append(files[:5], fmt.Sprintf("and %d more", len(g.files)-5))
		}
		e := *g.first
		e.Msg = fmt.Sprintf("%s (used %d times, in %s)", g.first.Msg, g.n, strings.Join(files, ", "))
		e.Err = nil
		out = append(out, &e)
	}
	return out
}

// errsOf is errs.Err() with the uses of each unknown shortcode grouped (groupUnknown).
func errsOf(errs *diag.List) error {
	if errs.Err() == nil {
		return nil
	}
	out := new(diag.List)
	for _, e := range groupUnknown(errs.Sorted()) {
		out.Add(e)
	}
	return out.Err()
}

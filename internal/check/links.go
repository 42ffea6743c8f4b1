package check

import (
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/site"
)

// targets are the URL paths a site has, with the anchors of each page.
type targets struct {
	paths   map[string]bool
	anchors map[string][]string // page path -> heading IDs
	// self is the URL path of each file's page, which its relative links start from.
	self map[*content.File]string
}

// graph builds the page graph, with drafts and embargoed briefs (they are published
// later, and links to them must hold then).
func (c *checker) graph() {
	var errs diag.List
	c.st = site.New(c.cfg, c.files, site.Options{Drafts: true, Future: true, Expired: true, Now: c.now}, &errs)
	// The graph's warnings (a section without its _index in a language, titled from
	// another language's) are the build's; check shows them too, so an editor who runs
	// only check sees them.
	for _, w := range errs.Warnings() {
		c.addAt(w.File, w.Line, w.Col, "section", diag.SevWarning, "%s", w.Msg)
	}
	c.pages = map[*content.File]*site.Page{}
	for _, p := range c.st.Pages {
		if p.File != nil {
			c.pages[p.File] = p
		}
	}
}

// mdPage is what the shortcodes of f's body know of its page, as a build gives them.
func (c *checker) mdPage(f *content.File) *markdown.Page {
	p := c.pages[f]
	mp := &markdown.Page{File: f.Path, Lang: f.Lang, SiteParams: c.cfg.Params,
		Line: func(off int) (int, int) { return c.linesOf(f).pos(f.BodyOffset + off) }}
	if p == nil {
		return mp
	}
	mp.Path, mp.Params, mp.Data = p.Path, p.Params, p
	mp.Ref = func(target, lang string) (string, string, error) {
		q, err := c.st.Ref(p, target, lang)
		if err != nil {
			return "", "", err
		}
		return c.cfg.AbsURL(q.Path), c.cfg.URL(q.Path), nil
	}
	return mp
}

// siteTargets lists the pages of the graph and the static files.
func (c *checker) siteTargets(opts Options) targets {
	st := c.st
	t := targets{paths: map[string]bool{"/": true}, anchors: map[string][]string{}, self: map[*content.File]string{}}
	for _, p := range st.Pages {
		for n := 1; n <= st.Pagers(p); n++ {
			t.paths["/"+site.PagerPath(p, n)] = true
		}
		for _, a := range p.Aliases {
			t.paths["/"+strings.TrimSuffix(site.AliasFile(a), "index.html")] = true
		}
		if p.File != nil {
			t.anchors["/"+p.Path] = c.inputs[p.File].Anchors
			t.self[p.File] = "/" + p.Path
		}
		for _, r := range p.Resources {
			t.paths["/"+p.Path+r.Name] = true
		}
	}
	if statics, err := c.theme.Files("static"); err == nil {
		for _, f := range statics {
			t.paths["/"+f.Name] = true
		}
	}
	return t
}

// links reports links and images in bodies that lead nowhere, and images without
// alternative text.
func (c *checker) links(opts Options) {
	t := c.siteTargets(opts)
	for _, f := range c.files {
		in := c.inputs[f]
		self, ok := t.self[f]
		if !ok { // a file that makes no page
			self = "/" + f.Lang + "/" + path.Join(f.Section, f.Slug()) + "/"
		}
		for _, l := range in.Links {
			if l.IsImage && strings.TrimSpace(l.Alt) == "" {
				c.add(f, l.Offset, "alt", diag.SevWarning, "image %s has no alternative text; describe it between the brackets: ![…](%s)", l.Dest, l.Dest)
			}
			if !l.Shortcode { // a ref or relref: checked when it ran
				c.checkLink(f, self, in.Anchors, l.Dest, l.Offset, l.IsImage, t)
			}
		}
	}
}

// checkLink checks that a link or image at off in f leads to a page or static file of
// the site, and that its #fragment is a heading of that page; self is f's page URL and
// own its headings. Links to other hosts are not checked: there is no network.
func (c *checker) checkLink(f *content.File, self string, own []string, dest string, off int, image bool, t targets) {
	u, err := url.Parse(dest)
	if err != nil {
		c.add(f, off, "link", diag.SevError, "link %q is not a valid URL", dest)
		return
	}
	if u.Scheme != "" || u.Host != "" || dest == "" {
		return
	}
	target, ok := t.find(resolve(self, u))
	if !ok {
		what, hint := "link", ""
		if image {
			what = "image"
		}
		if strings.HasSuffix(target, ".md") {
			hint = "; link to the page's URL (such as /" + f.Lang + "/section/slug/), not its file"
		}
		c.add(f, off, what, diag.SevError, "%s %s leads nowhere: no page or static file at %s%s", what, dest, target, hint)
		return
	}
	if frag := u.Fragment; frag != "" && !strings.HasPrefix(frag, "fn") {
		anchors, known := t.anchors[target]
		if target == self {
			anchors, known = own, true
		}
		if known && !slices.Contains(anchors, frag) {
			c.add(f, off, "link", diag.SevError, "link %s: the page has no heading #%s", dest, frag)
		}
	}
}

// resolve is the site path a link's URL leads to from the page at self: the page
// itself for a bare #fragment, and a relative path joined to the page's folder.
func resolve(self string, u *url.URL) string {
	switch {
	case u.Path == "":
		return self
	case strings.HasPrefix(u.Path, "/"):
		return u.Path
	}
	target := path.Join(path.Dir(self+"x"), u.Path)
	if strings.HasSuffix(u.Path, "/") {
		target += "/"
	}
	return target
}

// find returns the site path target as the site has it (a page's folder with its
// slash), or target and false when the site has nothing there.
func (t targets) find(target string) (string, bool) {
	switch {
	case t.paths[target]:
		return target, true
	case !strings.HasSuffix(target, "/") && t.paths[target+"/"]:
		return target + "/", true
	}
	return target, false
}

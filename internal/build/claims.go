package build

import (
	"fmt"
	"path"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/feed"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/site"
	"github.com/briefs/briefs/internal/sitemap"
	"github.com/briefs/briefs/internal/theme"
)

// outFile is one file a page writes, as its kind says.
type outFile struct {
	at    int // the page's place in the graph's Pages (site.Page.At): a copy of the graph keeps it
	i     int // the output's place in the state's names, and so in its prints
	kind  outKind
	n     int    // the pager number, for outPager
	alias string // the alias, for outAlias
	src   string // the file in the site folder, for outResource
}

// outKind is what an output file shows of its page.
type outKind int

const (
	outPager    outKind = iota // page n of the page (1 for one that is not a list)
	outAlias                   // a redirect from one of the page's aliases
	outFeed                    // the page's RSS feed
	outResource                // a file of the page's bundle, copied as it is
)

// claim is one source of an output file: a page, a feed, an alias, a file the build
// makes itself, or a static file.
type claim struct {
	out  outFile // the page output it renders; zero for the other files
	url  string  // the address as people know it: "/zh/law/x/", "/404.html"
	what string  // "the brief page", "alias", "static file"
	// at says where the claim comes from; nil when it is built in. It is asked only
	// when a clash is reported: finding a key in a page's front matter reads the front
	// matter again, which at every claim of a site would cost more than the claims.
	at  func() (file string, line, col int)
	fix string // what to do when it clashes with an earlier claim
	// soft makes a clash a warning, the earlier claim keeping the file: an alias of
	// a Hugo site, which Hugo lets a page (or another alias) overwrite without a word.
	soft bool
}

// where is where the claim comes from; file is "" when it is built in.
func (c claim) where() (file string, line, col int) {
	if c.at == nil {
		return "", 0, 0
	}
	return c.at()
}

// place is where the claim comes from, as a message shows it.
func (c claim) place() string {
	file, line, col := c.where()
	switch {
	case file == "":
		return "built-in"
	case line == 0:
		return file
	}
	return fmt.Sprintf("%s:%d:%d", file, line, col)
}

// describe names the claim for a message about another one at url.
func (c claim) describe(url string) string {
	if c.url == url {
		return fmt.Sprintf("%s (%s)", c.what, c.place())
	}
	return fmt.Sprintf("%s %s (%s)", c.what, c.url, c.place())
}

// claims gives every output file one source. Two sources that would write one file,
// or a file where another output needs a folder (a static file zh/law beside the page
// folder zh/law/), would otherwise overwrite each other silently or fail with an
// operating system error about the staging folder; each is an error at the later
// source's place that names the earlier one, and the later one is not written.
type claims struct {
	files   map[string]claim  // output file -> its source
	dirs    map[string]string // folder -> the first output file inside it
	blocked map[string]bool   // folders that are files, reported once
	names   []string          // the page, feed and alias outputs, in order
	owner   map[string]outFile
	byPage  [][]int      // by page place (site.Page.At), the places in names of the page's outputs
	statics []theme.File // the static files to copy
	errs    []error
	// warnings are clashes of soft claims (aliases of a Hugo site).
	warnings []error
}

// claimOutputs claims every output of a site, in an order that puts the error of a
// clash at the source easiest to change: the built-in files first, then the home and
// tags pages, the other pages (each with its feed), aliases, and last the site's
// static files. With search on, the search pages and index are built in.
func claimOutputs(st *site.Site, sitemaps []string, statics []theme.File, search bool) *claims {
	cs := &claims{files: map[string]claim{}, dirs: map[string]string{}, blocked: map[string]bool{}, owner: map[string]outFile{}}
	cs.claimBuiltIn(st, sitemaps, statics)
	if def := st.Lang(st.Config.DefaultLanguage); def != nil && def.Home.Path == "" && len(st.Languages) > 1 {
		// The default language at the root: /zh/ redirects there, as Hugo's does.
		a := "/" + def.Code + "/"
		cs.addOutput(site.AliasFile(a), claim{out: outFile{at: def.Home.At(), kind: outAlias, alias: a}, url: a,
			what: "the redirect to the default language's home"})
	}
	if search {
		cs.claimSearch(st)
	}
	for _, l := range st.Languages {
		cs.claimPage(st, l.Home)
		for _, tax := range l.Taxonomies {
			cs.claimPage(st, tax)
		}
	}
	for _, p := range st.Pages {
		if p.Kind != site.KindHome && p.Kind != site.KindTags {
			cs.claimPage(st, p)
		}
	}
	for _, p := range st.Pages {
		for _, r := range p.Resources {
			src := r.Src
			cs.addOutput(p.Path+r.Name, claim{out: outFile{at: p.At(), kind: outResource, src: src}, url: "/" + p.Path + r.Name,
				what: "a file of the page bundle", at: func() (string, int, int) { return src, 0, 0 }, fix: "rename the file"})
		}
	}
	for _, p := range st.Pages {
		for i, a := range p.Aliases {
			at := func() (string, int, int) {
				// The alias as written: a relative one is resolved in p.Aliases.
				written := a
				if p.File != nil && len(p.File.Front.Aliases) == len(p.Aliases) {
					written = p.File.Front.Aliases[i]
				}
				line, col := site.ValuePos(p.File, "aliases", written)
				return p.File.Path, line, col
			}
			cs.addOutput(site.AliasFile(a), claim{out: outFile{at: p.At(), kind: outAlias, alias: a}, url: a, what: "alias",
				at: at, fix: "choose another alias", soft: st.Config.Hugo})
		}
	}
	for _, f := range statics {
		if f.Component != "" && !cs.free(f.Name) {
			continue // a Hugo theme's static file under what the site and briefs write
		}
		if !f.Default && cs.add(f.Name, claim{url: "/" + f.Name, what: "static file", at: func() (string, int, int) { return f.Path, 1, 1 },
			fix: "rename or remove the static file"}) {
			cs.statics = append(cs.statics, f)
		}
	}
	return cs
}

// claimBuiltIn claims the files that are there whatever the content: the root page,
// the sitemap and robots.txt, the 404 pages, and the default theme's static files.
func (cs *claims) claimBuiltIn(st *site.Site, sitemaps []string, statics []theme.File) {
	if st.Config.InSubdir(st.Config.DefaultLanguage) {
		cs.add(render.RootFile, claim{url: "/", what: "the root page"})
	}
	for _, name := range sitemaps {
		cs.add(name, claim{url: "/" + name, what: generatedWhat(name)})
	}
	for _, l := range st.Languages {
		if name := render.NotFoundFile(l.Home.Path); name != render.NotFoundFile("") {
			cs.add(name, claim{url: "/" + name, what: "the 404 page"})
		}
	}
	cs.add(render.NotFoundFile(""), claim{url: "/" + render.NotFoundFile(""), what: "the 404 page"})
	for _, f := range statics {
		if f.Default && cs.add(f.Name, claim{url: "/" + f.Name, what: "the default theme's file"}) {
			cs.statics = append(cs.statics, f)
		}
	}
}

// claimSearch claims each language's built-in search page and the entry of its index;
// the index's other files are in a folder named by their hash below it.
func (cs *claims) claimSearch(st *site.Site) {
	for _, l := range st.Languages {
		if page := render.SearchPath(l); l.Search == nil { // else a content page, claimed as one
			cs.add(page+"index.html", claim{url: "/" + page, what: "the search page"})
		}
		cs.add("search/"+l.Code+"/index.json", claim{url: "/search/" + l.Code + "/index.json", what: "the search index"})
	}
}

// generatedWhat names a file of the sitemap package.
func generatedWhat(name string) string {
	if name == sitemap.RobotsFile {
		return "the robots file"
	}
	return "the sitemap"
}

// claimPage claims every pager of a page, and its feed.
func (cs *claims) claimPage(st *site.Site, p *site.Page) {
	if !p.Rendered() {
		return // build.render = "never" or "link": listed, but no page of its own
	}
	for n := 1; n <= st.Pagers(p); n++ {
		cs.addOutput(site.PagerPath(p, n)+"index.html", pageClaim(p, n))
	}
	if feed.Has(p) {
		c := pageClaim(p, 1)
		c.out, c.url, c.what = outFile{at: p.At(), kind: outFeed}, "/"+feed.Path(p), "the RSS feed of "+c.what
		cs.addOutput(feed.Path(p), c)
	}
}

// pageClaim describes pager n of page p.
func pageClaim(p *site.Page, n int) claim {
	c := claim{out: outFile{at: p.At(), n: n}, url: "/" + site.PagerPath(p, n), what: "the " + p.Kind.String() + " page"}
	if p.Kind == site.KindBrief {
		c.what = "the brief"
	}
	if n > 1 {
		c.what = fmt.Sprintf("page %d of %s", n, c.what)
	}
	c.at = p.Place
	switch p.Kind {
	case site.KindBrief:
		c.fix = "change the slug or move the file"
	case site.KindSection:
		c.fix = "rename the folder content/" + p.SectionPath()
	case site.KindTag:
		c.fix = "rename the tag"
	default:
		c.fix = "move the other file"
	}
	return c
}

// addOutput claims a file that a page, feed or alias renders.
func (cs *claims) addOutput(name string, c claim) {
	if cs.add(name, c) {
		c.out.i = len(cs.names)
		cs.names = append(cs.names, name)
		cs.owner[name] = c.out
		if at := c.out.at; at >= 0 {
			if at >= len(cs.byPage) {
				cs.byPage = append(cs.byPage, make([][]int, at+1-len(cs.byPage))...)
			}
			cs.byPage[at] = append(cs.byPage[at], c.out.i)
		}
	}
}

// add claims name for c, or reports why it cannot be c's.
// free reports whether add would take name without a clash.
func (cs *claims) free(name string) bool {
	if _, ok := cs.files[name]; ok {
		return false
	}
	if _, ok := cs.dirs[name]; ok {
		return false
	}
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if _, ok := cs.files[d]; ok {
			return false
		}
	}
	return true
}

func (cs *claims) add(name string, c claim) bool {
	if first, ok := cs.files[name]; ok {
		cs.clash(c, "is also "+first.describe(c.url))
		return false
	}
	if inside, ok := cs.dirs[name]; ok {
		cs.clash(c, "is also the folder of "+cs.files[inside].describe(""))
		return false
	}
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if first, ok := cs.files[d]; ok {
			if !cs.blocked[d] { // what else is inside has the same cause
				cs.blocked[d] = true
				cs.clash(c, "needs a folder /"+d+", which is "+first.describe("/"+d))
			}
			return false
		}
	}
	cs.files[name] = c
	for d := path.Dir(name); d != "."; d = path.Dir(d) {
		if _, ok := cs.dirs[d]; ok {
			break // and its parents too
		}
		cs.dirs[d] = name
	}
	return true
}

func (cs *claims) clash(c claim, msg string) {
	file, line, col := c.where()
	if c.soft {
		cs.warnings = append(cs.warnings, diag.Warn(file, line, col, "%s %s %s, which keeps it (as in Hugo); %s", c.what, c.url, msg, c.fix))
		return
	}
	cs.errs = append(cs.errs, diag.At(file, line, col, "%s %s %s; %s", c.what, c.url, msg, c.fix))
}

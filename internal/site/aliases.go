package site

import (
	"path"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// resolveAliases makes every page's aliases paths from the site root. An alias that
// does not start with '/' is relative to the folder of the page's URL, as Hugo has
// it: "old-name" on /posts/new-name/ is /posts/old-name/, on the section /news/ it is
// /old-name/. One that climbs above the site root ("../../x" on /a/b/) is an error at
// its place (Hugo puts it at the root). The front matter's list is
// left as it is: it may be shared with the previous build's page graph.
func (s *Site) resolveAliases(errs *diag.List) {
	for _, p := range s.Pages {
		var out []string
		for i, a := range p.Aliases {
			if strings.HasPrefix(a, "/") {
				if out != nil {
					out = append(out, a)
				}
				continue
			}
			if out == nil {
				out = append(make([]string, 0, len(p.Aliases)), p.Aliases[:i]...)
			}
			r, ok := resolveAlias(p.Path, a)
			if !ok {
				line, col := ValuePos(p.File, "aliases", a)
				errs.Add(diag.At(p.File.Path, line, col, "alias %q climbs above the site root from /%s; write it from the root (\"/old/path/\")", a, p.Path))
				r = path.Join("/", a) // kept in its place, so that the others' places are found; nothing is written
			}
			out = append(out, r)
		}
		if out != nil {
			p.Aliases = out
		}
	}
}

// resolveAlias puts a relative alias on the folder of the page path pagePath
// ("posts/x/"), keeping a final slash or .html; ok is false when it climbs above the
// root.
func resolveAlias(pagePath, alias string) (string, bool) {
	dir := path.Dir("/" + strings.TrimSuffix(pagePath, "/"))
	depth := strings.Count(strings.Trim(dir, "/"), "/") + 1
	if dir == "/" {
		depth = 0
	}
	for _, seg := range strings.Split(strings.Trim(alias, "/"), "/") {
		switch seg {
		case "..":
			depth--
		case ".", "":
		default:
			depth++
		}
		if depth < 0 {
			return "", false
		}
	}
	r := path.Join(dir, alias)
	if strings.HasSuffix(alias, "/") && r != "/" {
		r += "/"
	}
	return r, true
}

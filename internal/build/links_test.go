package build_test

import (
	"net/url"
	"path"
	"strings"
)

// resolve maps a link found in the output file page to the output file it needs. Links
// under baseURL or basePath are internal; ok is false for external links and fragments.
func resolve(link, page, base string) (string, bool) {
	bu, _ := url.Parse(base)
	if rest, ok := strings.CutPrefix(link, bu.Scheme+"://"+bu.Host); ok {
		link = rest
	}
	u, err := url.Parse(link)
	if err != nil || u.Scheme != "" || u.Host != "" || u.Path == "" {
		return "", false
	}
	p := u.Path
	if strings.HasPrefix(p, "/") {
		rest, ok := strings.CutPrefix(p, bu.Path)
		if !ok {
			return p, true // outside the base path: cannot exist
		}
		p = rest
	} else {
		p = strings.TrimPrefix(path.Join(path.Dir("/"+page), p), "/")
		if strings.HasSuffix(u.Path, "/") {
			p += "/"
		}
	}
	if p == "" || strings.HasSuffix(p, "/") {
		p += "index.html"
	}
	return p, true
}

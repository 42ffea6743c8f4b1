package build_test

import (
	"net/url"
	"path"
	"strings"
	"testing"
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

// TestResolve pins the link resolution that checkLinks relies on, so that a link
// check that passes is not a resolver that found nothing to check.
func TestResolve(t *testing.T) {
	const base = "https://example.org/site/"
	cases := []struct {
		link, page, want string
		ok               bool
	}{
		{"https://example.org/site/en/law/", "index.html", "en/law/index.html", true},
		{"/site/en/law/a/", "en/index.html", "en/law/a/index.html", true},
		{"/site/css/site.css", "en/index.html", "css/site.css", true},
		{"/elsewhere/", "en/index.html", "/elsewhere/", true},
		{"../law/", "en/tags/index.html", "en/law/index.html", true},
		{"a/", "en/law/index.html", "en/law/a/index.html", true},
		{"page/2/?x=1#top", "en/law/index.html", "en/law/page/2/index.html", true},
		{"https://other.org/x/", "index.html", "", false},
		{"mailto:a@example.org", "index.html", "", false},
		{"#top", "index.html", "", false},
	}
	for _, c := range cases {
		got, ok := resolve(c.link, c.page, base)
		if got != c.want || ok != c.ok {
			t.Errorf("resolve(%q, %q) = %q, %v; want %q, %v", c.link, c.page, got, ok, c.want, c.ok)
		}
	}
}

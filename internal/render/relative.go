package render

import (
	"bytes"
	"path"
	"regexp"
	"strings"
)

// linkAttr finds href and src attributes whose value is a path on the site.
var linkAttr = regexp.MustCompile(`(href|src)="(/[^"]*)"`)

// relativize rewrites a page's site links ("/zh/law/") as paths relative to the page
// (out is the page's file, such as "zh/law/x/index.html"), and sends links to folders
// to their index.html, so the site also works opened from disk or any folder. Full
// URLs (canonical, hreflang) are left as they are.
func relativize(page []byte, base, out string) []byte {
	from := path.Dir("/" + out)
	page = linkAttr.ReplaceAllFunc(page, func(m []byte) []byte {
		sub := linkAttr.FindSubmatch(m)
		rel, ok := relURL(string(sub[2]), base, from)
		if !ok {
			return m
		}
		var b bytes.Buffer
		b.Write(sub[1])
		b.WriteString(`="`)
		b.WriteString(rel)
		b.WriteByte('"')
		return b.Bytes()
	})
	return srcsetAttr.ReplaceAllFunc(page, func(m []byte) []byte {
		list := strings.Split(string(srcsetAttr.FindSubmatch(m)[1]), ", ")
		for i, c := range list {
			u, desc, _ := strings.Cut(c, " ")
			if rel, ok := relURL(u, base, from); ok {
				list[i] = rel + " " + desc
			}
		}
		return []byte(`srcset="` + strings.Join(list, ", ") + `"`)
	})
}

// srcsetAttr finds the srcset of an image: "/img/a.480w.png 480w, /img/a.png 1000w".
var srcsetAttr = regexp.MustCompile(`srcset="([^"]*)"`)

// relURL rewrites one site link as a path relative to the folder from; ok is false
// for a link that is not on the site.
func relURL(target, base, from string) (string, bool) {
	if !strings.HasPrefix(target, base) || strings.HasPrefix(target, "//") {
		return "", false
	}
	rest, frag, _ := strings.Cut("/"+strings.TrimPrefix(target, base), "#")
	if strings.HasSuffix(rest, "/") {
		rest += "index.html"
	}
	rel := relPath(from, rest)
	if frag != "" {
		rel += "#" + frag
	}
	return rel, true
}

// relPath is the relative path from folder dir to file target, both absolute.
func relPath(dir, target string) string {
	d := strings.Split(strings.Trim(dir, "/"), "/")
	t := strings.Split(strings.TrimPrefix(target, "/"), "/")
	if d[0] == "" {
		d = nil
	}
	i := 0
	for i < len(d) && i < len(t)-1 && d[i] == t[i] {
		i++
	}
	parts := make([]string, 0, len(d)-i+len(t)-i)
	for range d[i:] {
		parts = append(parts, "..")
	}
	parts = append(parts, t[i:]...)
	return strings.Join(parts, "/")
}

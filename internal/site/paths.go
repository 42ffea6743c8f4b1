package site

import (
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/briefs/briefs/internal/content"
)

// Resource is a file of a page bundle (an image, a PDF, a data file), published beside
// its page, so that the page's relative links find it.
type Resource struct {
	// Src is the file's path in the site folder ("content/posts/trip/map.png").
	Src string
	// Name is its path below the page ("map.png"); it is written at the page's Path
	// followed by Name.
	Name string
}

// resourcesOf lists the resources of the bundle a file heads.
func resourcesOf(f *content.File) []Resource {
	var out []Resource
	for _, r := range f.Resources {
		out = append(out, Resource{Src: f.Bundle + "/" + r, Name: r})
	}
	return out
}

// prefix is the start of the language's URL paths: "zh/", or "" for the default
// language published at the root.
func (l *Lang) prefix() string { return l.cfg.LangPrefix(l.Code) }

// segment makes a URL segment of a folder name, file name or slug as Hugo does
// (content.PathSegment), in lowercase unless the site keeps the case.
func (l *Lang) segment(name string) string {
	s := content.PathSegment(name)
	if l.cfg.PathToLower() {
		s = strings.ToLower(s)
	}
	return s
}

// dirPath is the URL path of a content folder ("posts/my-trip/"), "" for the root.
func (l *Lang) dirPath(dir string) string {
	if dir == "" || dir == "." {
		return ""
	}
	segs := strings.Split(dir, "/")
	for i, s := range segs {
		segs[i] = l.segment(s)
	}
	return strings.Join(segs, "/") + "/"
}

// briefPath is the URL path of a page made from a content file: its url if its front
// matter gives one (as Hugo takes it: from the site root when it starts with '/', else
// from the language's; as written, case included); else the pattern [permalinks]
// gives its top-level section; else its folder, then its slug or file name.
func (l *Lang) briefPath(f *content.File) string {
	if u := frontURL(f); u != "" {
		p := strings.TrimLeft(path.Clean("/"+u)+"/", "/")
		if !strings.HasPrefix(u, "/") {
			p = l.prefix() + p
		}
		return p
	}
	top, _, _ := strings.Cut(f.Section, "/")
	if pattern := l.cfg.Permalinks[top]; pattern != "" && f.Section != "" {
		if p := strings.Trim(l.permalink(pattern, f), "/"); p != "" {
			return l.prefix() + p + "/"
		}
	}
	return l.prefix() + l.dirPath(f.Section) + l.segment(f.Slug()) + "/"
}

// permalink expands a [permalinks] pattern for a page, as Hugo does:
//
//	:year :month :day       the date (2024, 03, 05); :monthname, :yearday (1 to 366)
//	:title                  the title, made a URL segment
//	:slug                   the slug, else the title
//	:filename               the file name (the folder name of a bundle)
//	:contentbasename        the same, as Hugo 0.144 names it
//	:slugorfilename         the slug, else the file name
//	:section                the top-level section; :sections all of them
//
// A word that is not one of these stays as it is written.
func (l *Lang) permalink(pattern string, f *content.File) string {
	d := f.Front.Date
	if d.IsZero() {
		d = time.Time{}
	}
	slug := f.Front.Slug
	var b strings.Builder
	for i := 0; i < len(pattern); {
		if pattern[i] != ':' {
			b.WriteByte(pattern[i])
			i++
			continue
		}
		j := i + 1
		for j < len(pattern) && (pattern[j] >= 'a' && pattern[j] <= 'z' || pattern[j] >= 'A' && pattern[j] <= 'Z') {
			j++
		}
		word := pattern[i+1 : j]
		switch word {
		case "year":
			b.WriteString(fmt.Sprintf("%04d", d.Year()))
		case "month":
			b.WriteString(fmt.Sprintf("%02d", int(d.Month())))
		case "monthname":
			b.WriteString(strings.ToLower(d.Month().String()))
		case "day":
			b.WriteString(fmt.Sprintf("%02d", d.Day()))
		case "yearday":
			b.WriteString(strconv.Itoa(d.YearDay()))
		case "title":
			b.WriteString(l.segment(f.Front.Title))
		case "slug":
			b.WriteString(l.segment(orElse(slug, f.Front.Title)))
		case "filename", "contentbasename":
			b.WriteString(l.segment(f.Name))
		case "slugorfilename":
			b.WriteString(l.segment(orElse(slug, f.Name)))
		case "section":
			top, _, _ := strings.Cut(f.Section, "/")
			b.WriteString(l.segment(top))
		case "sections":
			b.WriteString(strings.TrimSuffix(l.dirPath(f.Section), "/"))
		default:
			b.WriteString(pattern[i:j])
		}
		i = j
	}
	return b.String()
}

func orElse(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// termSlug is the URL segment of a taxonomy term: on a Hugo site as Hugo's urlize
// makes it ("Big Data" is big-data, "C++" is c++); on a briefs site by TagSlug, as
// briefs always made it.
func (l *Lang) termSlug(name string) string {
	if !l.cfg.Hugo {
		return TagSlug(name)
	}
	s := strings.ReplaceAll(content.PathSegment(strings.TrimSpace(name)), "/", "-")
	if l.cfg.PathToLower() {
		s = strings.ToLower(s)
	}
	if s == "" || s == "." || s == ".." {
		return "tag"
	}
	return s
}

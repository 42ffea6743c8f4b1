package content

import (
	"io/fs"
	"path"
	"slices"
	"strings"
	"unicode"

	"github.com/briefs/briefs/internal/diag"
)

// A page bundle, as in Hugo, is a folder that holds a page and its files:
//
//	content/posts/trip/index.md       a leaf bundle: the page posts/trip/
//	content/posts/trip/index.zh.md    its translation
//	content/posts/trip/map.png        a resource, published as /posts/trip/map.png
//	content/posts/_index.md           a branch bundle: the section posts/
//	content/posts/report.pdf          a resource of the section, /posts/report.pdf
//
// Everything below a leaf bundle's folder is its resources, but Markdown files, which
// are neither pages nor published (as in Hugo); a branch bundle's resources are the
// files beside its _index that are not Markdown, since its subfolders are sections.

// sortBundles keeps, of the Markdown files paths, those that are pages (not inside a
// leaf bundle), and warns about the other files (others) that no bundle takes, which
// are not published. It returns the pages' paths, sorted.
func sortBundles(paths, others []string, errs *diag.List) []string {
	leaves, branches := map[string]bool{}, map[string]bool{}
	for _, p := range paths {
		dir, name := path.Split(p)
		switch stemOf(name) {
		case "index":
			leaves[strings.TrimSuffix(dir, "/")] = true
		case "_index":
			branches[strings.TrimSuffix(dir, "/")] = true
		}
	}
	inLeaf := func(p string, self bool) bool {
		for d := path.Dir(p); d != "." && d != "/"; d = path.Dir(d) {
			if leaves[d] && (!self || d != path.Dir(p)) {
				return true
			}
		}
		return false
	}
	pages := slices.DeleteFunc(slices.Clone(paths), func(p string) bool {
		return inLeaf(p, stemOf(path.Base(p)) == "index")
	})
	for _, p := range others {
		if !inLeaf(p, false) && !branches[path.Dir(p)] {
			errs.Add(diag.Warn(p, 0, 0, "not a Markdown file nor in a page bundle, skipped; put it beside an index.md or _index.md, or in static/"))
		}
	}
	slices.Sort(pages)
	return pages
}

// stemOf is a content file's name without extension and language suffix.
func stemOf(name string) string {
	stem := strings.TrimSuffix(name, path.Ext(name))
	if i := strings.LastIndexByte(stem, '.'); i >= 0 && looksLikeLang(stem[i+1:]) {
		stem = stem[:i]
	}
	return stem
}

// resources lists the files of the bundle at dir, as paths below it, sorted: all
// files below it for a leaf bundle, the files beside the _index for a branch bundle;
// Markdown and hidden files are left out.
func resources(fsys fs.FS, dir string, leaf bool) []string {
	var out []string
	fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return nil
		}
		name := d.Name()
		switch {
		case strings.HasPrefix(name, "."):
			if d.IsDir() {
				return fs.SkipDir
			}
		case d.IsDir():
			if !leaf {
				return fs.SkipDir
			}
		case d.Type()&fs.ModeSymlink != 0, strings.HasSuffix(name, ".md"):
		default:
			out = append(out, strings.TrimPrefix(p, dir+"/"))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

// PathSegment makes a URL segment of a folder or file name as Hugo does: letters,
// digits and marks of any script are kept, with . _ - ~ + # @ and %XX; a run of
// spaces becomes one '-'; anything else is dropped ("My Folder!" is "My-Folder").
// Case is kept: whether URLs are lowercased is the site's choice.
func PathSegment(s string) string {
	var b strings.Builder
	hyphen, wasHyphen := false, false
	rs := []rune(s)
	for i, r := range rs {
		ok := strings.ContainsRune("._-~+#@", r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) ||
			r == '%' && i+2 < len(rs) && isHex(rs[i+1]) && isHex(rs[i+2])
		switch {
		case ok:
			wasHyphen = r == '-'
			if hyphen && !wasHyphen {
				b.WriteByte('-')
			}
			hyphen = false
			b.WriteRune(r)
		case b.Len() > 0 && !wasHyphen && unicode.IsSpace(r):
			hyphen = true
		}
	}
	return b.String()
}

func isHex(r rune) bool { return r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F' }

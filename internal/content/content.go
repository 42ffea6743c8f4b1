// Package content reads the files under content/ (Markdown, or HTML with front
// matter): their place in the tree, their language, and their front matter, in TOML,
// YAML or JSON as Hugo reads it.
//
// The layout follows Hugo's, so that people who know Hugo know briefs:
//
//	content/_index.zh.md            the Chinese home page's title and intro
//	content/law/_index.en.md        the English title and intro of the section "law"
//	content/law/zibo.zh.md          a brief in Chinese
//	content/law/zibo.en.md          its English translation (same section, same name)
//	content/law/courts/x.md         a brief in the default language, in a nested section
//	content/tags/_index.en.md       the English title and intro of the tags index
//
// Problems are gathered, not returned one by one: a broken file does not hide the
// problems of the next.
package content

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/pool"
)

// Dir is the folder, relative to the site, that holds the content files.
const Dir = "content"

// MaxFileSize bounds one content file. A brief is a few kilobytes; a file this large is
// a mistake (a pasted data dump, a binary with an .md name) that would slow every build.
const MaxFileSize = 8 << 20

// BOM is the byte order mark some editors put at the start of a UTF-8 file. It is not part
// of the text: it is left out of File.Src, and "briefs stamp" puts it back.
const BOM = "\ufeff"

// TagsDir is the content folder reserved for the tags index's own _index files.
const TagsDir = "tags"

// File is one content file, read and checked.
type File struct {
	// Path is the file's path relative to the site, as shown in messages ("content/law/x.zh.md").
	Path string
	// Section is the folder below content/ ("law", "law/courts"), "" at the top.
	Section string
	// Name is the file name without language suffix and extension ("zibo", "_index").
	Name string
	// Lang is the file's language code.
	Lang string
	// Front is the decoded front matter.
	Front Front
	// Root is the content folder the file is in: content/, or its language's own
	// (Hugo's contentDir, such as content/zh-cn). Section is relative to it.
	Root string
	// Bundle is the folder of the page bundle the file heads: x/ of x/index.md (a
	// leaf bundle: the page is x) or of x/_index.md (a branch bundle: the section x).
	// "" for a file that heads none.
	Bundle string
	// Resources are the bundle's other files (images, PDFs, data), as paths below
	// Bundle ("cat.jpg", "data/x.csv"): every file below a leaf bundle, the files
	// beside a branch bundle's _index. They are copied next to the page, so relative
	// links find them.
	Resources []string

	fsys     fs.FS  // where the file was read from, for Reload
	bom      bool   // the file starts with a BOM, left out of Src; Stamp puts it back
	bodyHash string // BodyHash, kept when the body is let go
	// noHash: a lean load let the body go without its BodyHash (see LoadLean).
	noHash bool
	// sum is bodySum of the body let go (summed), which Reload checks the text read
	// again against.
	sum    uint64
	summed bool
	// Src is the whole file; Body is the Markdown after the front matter, a part of Src.
	Src  []byte
	Body []byte
	// Lead is the opening of the body, kept by a lean load (LoadLean) after Body is let
	// go, for summaries.
	Lead []byte
	// BodyOffset is the byte offset of Body in Src, for turning positions into lines.
	BodyOffset int
}

// IsHTML reports whether the file is HTML with front matter (content/x.html), whose
// body is the page's content as it is, as in Hugo, rather than Markdown.
func (f *File) IsHTML() bool { return strings.HasSuffix(f.Path, ".html") }

// IsIndex reports whether the file gives a list page (home, section, tags) its text.
func (f *File) IsIndex() bool { return f.Name == "_index" }

// Slug is the last URL segment of a brief: the front matter's slug, or the file name.
func (f *File) Slug() string {
	if f.Front.Slug != "" {
		return f.Front.Slug
	}
	return f.Name
}

// TranslationGroup is the key shared by a brief and its translations.
func (f *File) TranslationGroup() string {
	if f.Front.TranslationKey != "" {
		return "key:" + f.Front.TranslationKey
	}
	return "path:" + path.Join(f.Section, f.Name)
}

// Load reads every Markdown file under the content folders in fsys (content/, and
// each language's own), in parallel, and returns them sorted by path. Files with
// problems are left out and their problems added to errs.
func Load(fsys fs.FS, cfg *config.Site, errs *diag.List) []*File {
	return loadDirs(fsys, cfg.ContentDirs(), cfg, errs, nil)
}

// LoadDir is Load for the files below one folder of the content, such as "content/law".
func LoadDir(fsys fs.FS, dir string, cfg *config.Site, errs *diag.List) []*File {
	return loadDirs(fsys, []string{dir}, cfg, errs, nil)
}

// loadDirs reads the files below dirs on all cores; after, when not nil, runs on each
// file as soon as it is read, so that a lean load never holds every file's text.
func loadDirs(fsys fs.FS, dirs []string, cfg *config.Site, errs *diag.List, after func(*File)) []*File {
	var paths []string
	for _, dir := range dirs {
		paths = append(paths, list(fsys, dir, cfg, errs)...)
	}
	slices.Sort(paths)
	files := make([]*File, len(paths))
	pool.Each(len(paths), func(i int) {
		files[i] = Read(fsys, paths[i], cfg, errs)
		if files[i] != nil && after != nil {
			after(files[i])
		}
	})
	return slices.DeleteFunc(files, func(f *File) bool { return f == nil })
}

// list finds the Markdown files, sorted, warning about files that are neither
// Markdown nor a bundle's resources. A folder that is another language's content
// folder is left to that language.
func list(fsys fs.FS, dir string, cfg *config.Site, errs *diag.List) []string {
	var paths, others []string
	roots := cfg.ContentDirs()
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if !utf8.ValidString(p) {
			return badName(p, d, errs)
		}
		if err != nil {
			if p == dir {
				return fs.SkipDir
			}
			errs.Add(diag.At(p, 0, 0, "cannot read: %v", err))
			return nil
		}
		name := d.Name()
		if strings.HasPrefix(name, ".") && p != dir {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		switch {
		case d.Type()&fs.ModeSymlink != 0:
			errs.Add(diag.Warn(p, 0, 0, "symbolic link skipped; copy the file into content/ instead"))
		case d.IsDir() && p != dir && slices.Contains(roots, p):
			return fs.SkipDir
		case d.IsDir():
		case strings.HasSuffix(name, ".md"), strings.HasSuffix(name, ".html"):
			paths = append(paths, p)
		default:
			others = append(others, p)
		}
		return nil
	})
	if err != nil {
		errs.Add(diag.At(dir, 0, 0, "cannot read the content folder: %v", err))
	}
	return sortBundles(paths, others, errs)
}

// badName reports a file or folder whose name is not UTF-8, which no URL and no fs.FS
// path can hold: it is named escaped, since printing its bytes would garble the terminal.
func badName(p string, d fs.DirEntry, errs *diag.List) error {
	quoted := strconv.Quote(p)
	quoted = quoted[1 : len(quoted)-1]
	if d != nil && d.IsDir() {
		errs.Add(diag.At(quoted, 0, 0, "folder name is not valid UTF-8 (shown escaped); rename the folder, nothing in it was read"))
		return fs.SkipDir
	}
	errs.Add(diag.At(quoted, 0, 0, "file name is not valid UTF-8 (shown escaped); rename the file"))
	return nil
}

// Read loads and checks one content file at path p (such as "content/law/x.zh.md"); it
// returns nil, with the problems in errs, when the file cannot be used.
func Read(fsys fs.FS, p string, cfg *config.Site, errs *diag.List) *File {
	src := readChecked(fsys, p, errs)
	if src == nil {
		return nil
	}
	f := &File{Path: p, Src: src}
	ok := f.place(cfg, errs)
	if f.Bundle != "" {
		f.Resources = resources(fsys, f.Bundle, !f.IsIndex())
	}
	// Positions count from after a byte order mark, which editors do not show.
	src, f.bom = bytes.CutPrefix(src, []byte(BOM))
	if !utf8.Valid(src) {
		line, col := diag.LineCol(src, diag.InvalidUTF8(src))
		errs.Add(diag.At(p, line, col, "invalid UTF-8; save the file as UTF-8"))
		return nil
	}
	format, front, firstLine, body, perr := split(p, src)
	if perr != nil {
		errs.Add(perr)
		return nil
	}
	fm, fok := parseFront(p, format, front, firstLine, cfg.Location, errs)
	if !ok || !fok {
		return nil
	}
	f.Src, f.Front, f.Body = src, fm, body
	f.BodyOffset = len(src) - len(body)
	f.fsys = fsys
	return f
}

// readChecked reads the content file at p, unless it is a symbolic link or larger
// than MaxFileSize; nil, with the problem in errs, when it cannot be used. A SiteFS
// reads it opened with O_NOFOLLOW (readContent); other file systems, or a path that
// loops, are asked with lstat first.
func readChecked(fsys fs.FS, p string, errs *diag.List) []byte {
	src, size, ok, err := readContent(fsys, p, MaxFileSize)
	if !ok {
		info, lerr := fs.Lstat(fsys, p)
		if lerr == nil && info.Mode()&fs.ModeSymlink != 0 {
			// A link could reach any file on the machine: content is what is in content/.
			errs.Add(diag.Warn(p, 0, 0, "symbolic link skipped; copy the file into content/ instead"))
			return nil
		}
		// Not a link: Lstat gave the size, as Stat would have; Stat only when it failed.
		if lerr != nil {
			info, lerr = fs.Stat(fsys, p)
		}
		size = -1
		if lerr == nil {
			size = info.Size()
		}
		if size <= MaxFileSize {
			src, err = fs.ReadFile(fsys, p)
		}
	}
	switch {
	case size > MaxFileSize:
		errs.Add(diag.At(p, 1, 1, "file is %d MiB; a content file may be at most %d MiB", size>>20, MaxFileSize>>20))
		return nil
	case err != nil:
		errs.Add(diag.At(p, 0, 0, "cannot read: %v", err))
		return nil
	}
	if src == nil {
		src = []byte{} // an empty file is read, as fs.ReadFile reads it
	}
	return src
}

// place works out root, section, name, language and bundle from the file's path.
func (f *File) place(cfg *config.Site, errs *diag.List) bool {
	f.Root = rootOf(cfg, f.Path)
	rel := strings.TrimPrefix(f.Path, f.Root+"/")
	dir, base := path.Split(rel)
	f.Section = strings.TrimSuffix(dir, "/")
	stem := strings.TrimSuffix(strings.TrimSuffix(base, ".md"), ".html")
	f.Name, f.Lang = stem, rootLang(cfg, f.Root)
	if i := strings.LastIndexByte(stem, '.'); i >= 0 && looksLikeLang(stem[i+1:]) {
		code := strings.ToLower(stem[i+1:])
		switch {
		case cfg.Language(code) != nil:
			f.Name, f.Lang = stem[:i], code
		case !cfg.Hugo: // Hugo reads it as part of the name; briefs' own sites mean a language
			errs.Add(diag.At(f.Path, 1, 1, "unknown language suffix .%s; the site's languages are %s (see [languages] in %s)",
				code, strings.Join(cfg.Order, ", "), cfg.File))
			return false
		}
	}
	switch {
	case f.Name == "_index" && f.Section != "":
		f.Bundle = path.Join(f.Root, f.Section)
	case f.Name == "index" && f.Section != "": // a leaf bundle: the page is its folder
		f.Bundle = path.Join(f.Root, f.Section)
		f.Name, f.Section = path.Base(f.Section), path.Dir(f.Section)
		if f.Section == "." {
			f.Section = ""
		}
	}
	ok := true
	if top, _, _ := strings.Cut(f.Section, "/"); top != "" && cfg.Language(strings.ToLower(top)) != nil {
		// Read as a section, content/zh-cn/x.md would be an English page at /en/zh-cn/x/.
		errs.Add(diag.At(f.Path, 1, 1, "the folder %s/%s is named after the language %s but is not its content folder: "+
			"set contentDir = \"%s/%s\" under [languages.%s] in %s, or name the files x.%s.md",
			f.Root, top, strings.ToLower(top), f.Root, top, strings.ToLower(top), cfg.File, strings.ToLower(top)))
		return false
	}
	for _, seg := range strings.Split(f.Section, "/") {
		if f.Section == "" {
			break
		}
		if err := checkSegment(cfg, seg); err != nil {
			errs.Add(diag.At(f.Path, 1, 1, "folder name %q cannot be a URL segment: %v", seg, err))
			ok = false
		}
	}
	if f.Name != "_index" {
		if err := checkSegment(cfg, f.Name); err != nil {
			errs.Add(diag.At(f.Path, 1, 1, "file name %q cannot be a URL segment: %v; rename the file or set slug", f.Name, err))
			ok = false
		}
		if top, _, _ := strings.Cut(f.Section, "/"); cfg.IsTaxonomy(top) {
			errs.Add(diag.At(f.Path, 1, 1, "a page cannot be in the taxonomy folder %s/; it holds only _index files (of the taxonomy and of its terms)", top))
			ok = false
		}
	}
	return ok
}

// checkSegment accepts a folder or file name as a URL segment: a clean slug for
// briefs' own sites; for a Hugo site, anything Hugo makes a segment of (spaces become
// '-', other punctuation is dropped: see PathSegment).
func checkSegment(cfg *config.Site, seg string) error {
	if !cfg.Hugo {
		return CheckSlug(seg)
	}
	if s := PathSegment(seg); s == "" || s == "." || s == ".." {
		return fmt.Errorf("nothing of it can be kept in a URL")
	}
	return nil
}

// rootOf is the content folder that holds the file or folder p: the longest of the
// languages' content folders that contains it.
func rootOf(cfg *config.Site, p string) string {
	root := ""
	for _, d := range cfg.ContentDirs() {
		if (p == d || strings.HasPrefix(p, d+"/")) && len(d) > len(root) {
			root = d
		}
	}
	if root == "" {
		return Dir
	}
	return root
}

// rootLang is the language of the files without a language suffix in the content
// folder root: the default language if root is its folder, else the first language
// (by weight) whose folder it is.
func rootLang(cfg *config.Site, root string) string {
	if l := cfg.Language(cfg.DefaultLanguage); l != nil && l.ContentDir == root {
		return cfg.DefaultLanguage
	}
	for _, code := range cfg.Order {
		if cfg.Languages[code].ContentDir == root {
			return code
		}
	}
	return cfg.DefaultLanguage
}

// looksLikeLang tells a language suffix ("en", "zh-hant", "es-419") from another dot
// in a file name ("report.2024"): a language subtag of 2 or 3 letters, then optional
// subtags of letters and digits.
func looksLikeLang(s string) bool {
	base, rest, _ := strings.Cut(s, "-")
	if len(base) < 2 || len(base) > 3 {
		return false
	}
	for _, r := range base {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return false
		}
	}
	for _, r := range rest {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}

// CheckSlug accepts a URL segment that every static host serves the same way: letters
// (any script, so Chinese slugs work), digits, '-', '_' and '.', not starting with a dot.
func CheckSlug(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("empty")
	case strings.Contains(s, "/") || strings.Contains(s, `\`):
		return fmt.Errorf("contains a slash; a slug is one URL segment")
	case strings.HasPrefix(s, "."):
		return fmt.Errorf("starts with a dot (\"..\" and hidden names are not allowed)")
	case len(s) > 200:
		return fmt.Errorf("longer than 200 bytes")
	}
	for _, r := range s {
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("character %q cannot be used; use letters, digits and '-'", r)
		}
	}
	return nil
}

// CheckAlias accepts an old URL path that should redirect to a page: from the site
// root ("/old/brief/" or "/old/brief.html"), or, as Hugo has it, relative to the
// folder of the page's URL ("old-name", "../old/brief/"), each segment a clean slug
// ("." and ".." only in a relative alias). Where a relative alias leads is known only
// with the page's URL: site.New resolves it.
func CheckAlias(a string) error {
	relative := !strings.HasPrefix(a, "/")
	trimmed := strings.Trim(a, "/")
	switch {
	case strings.Contains(a, "://") || strings.HasPrefix(a, "//"):
		return fmt.Errorf("is a full URL; an alias is a path on this site, such as \"/old/brief/\"")
	case trimmed == "" && !relative:
		return fmt.Errorf("cannot be the site root")
	case trimmed == "":
		return fmt.Errorf("is empty")
	}
	for _, seg := range strings.Split(trimmed, "/") {
		if relative && (seg == "." || seg == "..") {
			continue
		}
		if err := CheckSlug(seg); err != nil {
			return fmt.Errorf("segment %q: %v", seg, err)
		}
	}
	return nil
}

// CheckFrontSlug accepts a slug written in front matter as Hugo does: any text that
// keeps something once made a URL segment (PathSegment: "My Title" is my-title), but
// one segment, not a path: no slash, no leading dot ("..", hidden names), no control
// characters.
func CheckFrontSlug(s string) error {
	switch {
	case strings.TrimSpace(s) == "":
		return fmt.Errorf("empty")
	case strings.HasPrefix(s, "/"):
		return fmt.Errorf("is a path from the site root; a slug is one URL segment: write url = %q for a whole path", strings.TrimSuffix(s, "/")+"/")
	case strings.HasPrefix(s, ".."):
		return fmt.Errorf("climbs out of the page's folder; a slug is one URL segment, such as \"my-title\"")
	case strings.Contains(s, "/") || strings.Contains(s, `\`):
		return fmt.Errorf("contains a slash; a slug is one URL segment (url gives a whole path)")
	case strings.HasPrefix(strings.TrimSpace(s), "."):
		return fmt.Errorf("starts with a dot (\"..\" and hidden names are not allowed)")
	case len(s) > 200:
		return fmt.Errorf("longer than 200 bytes")
	}
	for _, r := range s {
		if unicode.IsControl(r) {
			return fmt.Errorf("control character %q cannot be in a URL", r)
		}
	}
	if seg := PathSegment(s); seg == "" || strings.Trim(seg, ".") == "" {
		return fmt.Errorf("nothing of it can be kept in a URL; use letters or digits")
	}
	return nil
}

// Release lets go of the file's body once its page is written, keeping the front
// matter for messages, and its BodyHash unless a lean load let that go too; only a
// one-shot build, which will not read it again, does this.
func (f *File) Release() {
	if f.Body != nil {
		f.letGo(!f.noHash)
	}
}

// letGo keeps bodySum of the body for Reload, and its BodyHash when keepHash, and
// lets the body go.
func (f *File) letGo(keepHash bool) {
	if !f.summed {
		f.sum, f.summed = bodySum(f.Body), true
	}
	if keepHash && f.bodyHash == "" {
		f.bodyHash = hashBody(f.Body)
	}
	f.noHash = f.bodyHash == ""
	// A copy of the front matter: a slice of Src would keep the whole text alive,
	// and the text's buffer goes back to the pool (see buffers).
	text := f.Src
	f.Src, f.Body = bytes.Clone(f.Src[:f.BodyOffset]), nil
	release(text)
}

// Reload reads the body of a released file again, from the same file. The file must
// not have changed since it was loaded: the page graph was built from its front
// matter, and its positions must still be right. A text with the same front matter
// and the same bodySum is the text read and checked before, valid UTF-8 among others.
func (f *File) Reload() error {
	if f.Body != nil {
		return nil
	}
	src, err := fs.ReadFile(f.fsys, f.Path)
	if err == nil {
		src = bytes.TrimPrefix(src, []byte(BOM))
	}
	if err != nil || len(src) < f.BodyOffset || !bytes.Equal(src[:f.BodyOffset], f.Src) ||
		f.summed && f.sum != bodySum(src[f.BodyOffset:]) || !f.summed && !utf8.Valid(src) {
		return fmt.Errorf("changed while the site was being built; build again")
	}
	f.Src, f.Body = src, src[f.BodyOffset:]
	return nil
}

// bodySeed keys bodySum, whose sums are compared only within one process.
var bodySeed = maphash.MakeSeed()

// bodySum tells a body read again from the one let go: a 64-bit hash, tens of times
// cheaper than BodyHash's SHA-256, for a check against a file edited during a build.
func bodySum(body []byte) uint64 { return maphash.Bytes(bodySeed, body) }

// BodyHash identifies the text of a file's body: "sha256:" and the hex digest. A
// translation records its source's BodyHash in translationOf, so that a later change
// to the source shows the translation has fallen behind. Of a body a lean load let go
// of, it is known only in the site's default language (LoadLean), and "" in others.
func (f *File) BodyHash() string {
	if f.Body == nil && (f.bodyHash != "" || f.noHash) {
		return f.bodyHash
	}
	return hashBody(f.Body)
}

func hashBody(body []byte) string {
	sum := sha256.Sum256(bytes.TrimSpace(body))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// LoadLean is Load for a one-shot build of a large site: it keeps each brief's front
// matter and, when it has no summary, the first leadBytes of its body (to cut one
// from, up to the next paragraph break), and lets the rest go; Reload reads it again when its page is written. So
// memory holds the page graph, not the whole content. _index files are kept whole.
//
// The BodyHash of a brief let go is kept only in the site's default language: the
// only one an original is in (Groups), whose hash translations are compared with;
// and only when a file of the site records one (translationOf), else it is "".
// Hashing every body took a tenth of a build's instructions, and hashing the
// originals a twentieth, on a site that never compares them.
func LoadLean(fsys fs.FS, cfg *config.Site, errs *diag.List, leadBytes int) []*File {
	files := loadDirs(fsys, cfg.ContentDirs(), cfg, errs, func(f *File) {
		if f.IsIndex() {
			return
		}
		lead := f.Body
		if f.Front.Summary != "" {
			lead = nil // the front matter gives the summary: no need for the opening
		} else if len(lead) > leadBytes {
			cut := len(lead)
			if i := bytes.Index(lead[leadBytes:], []byte("\n\n")); i >= 0 {
				cut = leadBytes + i
			}
			lead = lead[:cut]
		}
		f.Lead = bytes.Clone(lead)
		f.letGo(false)
	})
	hashOriginals(files, cfg.DefaultLanguage, errs)
	return files
}

// hashOriginals keeps the BodyHash of the files of LoadLean in language lang, the
// default one, when any file records an original's hash: it reads their bodies again.
func hashOriginals(files []*File, lang string, errs *diag.List) {
	if !slices.ContainsFunc(files, func(f *File) bool { return f.Front.TranslationOf != "" }) {
		return
	}
	pool.Each(len(files), func(i int) {
		f := files[i]
		if f.Lang != lang || f.Body != nil {
			return
		}
		if err := f.Reload(); err != nil {
			errs.Add(diag.At(f.Path, 1, 1, "%v", err))
			return
		}
		f.bodyHash = hashBody(f.Body)
		f.Release()
	})
}

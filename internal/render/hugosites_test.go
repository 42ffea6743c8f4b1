package render_test

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/markdown"
	"github.com/briefs/briefs/internal/render"
	"github.com/briefs/briefs/internal/theme"
)

// TestHugoThemeContent runs the shortcodes of real Hugo content, nobody here wrote it:
// BRIEFS_HUGO_THEMES names checkouts of Hugo themes (colon-separated), each with an
// exampleSite. Every content file's body is rendered with the theme's own shortcode
// templates and briefs' built-ins; the test logs how many calls and files render
// without a problem, and which problems there are, by kind. It fails only on a panic
// or a problem outside the body.
func TestHugoThemeContent(t *testing.T) {
	dirs := os.Getenv("BRIEFS_HUGO_THEMES")
	if dirs == "" {
		t.Skip("set BRIEFS_HUGO_THEMES to checkouts of Hugo themes with an exampleSite")
	}
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/\"\n[languages.en]\n[languages.zh]\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range strings.Split(dirs, ":") {
		t.Run(filepath.Base(dir), func(t *testing.T) { runThemeContent(t, dir, cfg) })
	}
}

// callRE finds shortcode calls, not closing tags or {{</* */>}}.
var callRE = regexp.MustCompile(`\{\{[<%]\s*[^/\s*%>]`)

func runThemeContent(t *testing.T, dir string, cfg *config.Site) {
	scs, err := render.Shortcodes(theme.New(os.DirFS(dir), nil), cfg)
	if err != nil {
		t.Logf("templates that do not parse:\n%v", err)
	}
	site := os.DirFS(filepath.Join(dir, "exampleSite"))
	var files []string
	fs.WalkDir(site, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasPrefix(p, "content") && path.Ext(p) == ".md" {
			files = append(files, p)
		}
		return nil
	})
	mds := map[string]*markdown.Markdown{}
	calls, okFiles, probs := 0, 0, 0
	kinds := map[string]int{}
	for _, f := range files {
		src, _ := fs.ReadFile(site, f)
		body := stripFrontMatter(src)
		lang := "en"
		if strings.Contains(f, ".zh") || strings.HasPrefix(f, "content.zh") {
			lang = "zh"
		}
		if mds[lang] == nil {
			mds[lang] = markdown.New(markdown.Options{Lang: lang, CJK: lang == "zh", Unsafe: true, Shortcodes: scs})
		}
		page := &markdown.Page{Path: "/", File: f, Lang: lang, Ref: refIn(files), Params: map[string]any{}, SiteParams: map[string]any{}}
		res, _ := mds[lang].RenderPage(body, page, 0)
		calls += len(callRE.FindAll(body, -1))
		if len(res.Problems) == 0 {
			okFiles++
		}
		for _, p := range res.Problems {
			if p.Offset < 0 || p.Offset > len(body) {
				t.Errorf("%s: problem at %d outside %d bytes", f, p.Offset, len(body))
			}
			probs++
			kinds[kindOf(p.Msg)]++
		}
	}
	t.Logf("%d content files, %d render without a problem; %d shortcode calls, %d problems (%d calls render)", len(files), okFiles, calls, probs, calls-probs)
	var lines []string
	for k, n := range kinds {
		lines = append(lines, fmt.Sprintf("%4d  %s", n, k))
	}
	sort.Strings(lines)
	t.Logf("problems by kind:\n%s", strings.Join(lines, "\n"))
}

// kindOf shortens a problem to its kind: its first words, up to a quote or a colon.
func kindOf(msg string) string {
	if i := strings.Index(msg, ": add layouts/"); i > 0 {
		msg = msg[:strings.Index(msg, ";")]
	}
	if len(msg) > 140 {
		msg = msg[:140]
	}
	return msg
}

func stripFrontMatter(src []byte) []byte {
	s := string(src)
	for _, delim := range []string{"---", "+++"} {
		if strings.HasPrefix(s, delim+"\n") {
			if i := strings.Index(s[4:], "\n"+delim); i >= 0 {
				rest := s[4+i+len(delim)+1:]
				return []byte(strings.TrimPrefix(rest, "\n"))
			}
		}
	}
	return src
}

// refIn resolves refs to the content files by path or base name, roughly as Hugo.
func refIn(files []string) func(target, lang string) (string, string, error) {
	return func(target, lang string) (string, string, error) {
		t := strings.TrimSuffix(strings.TrimPrefix(strings.ToLower(target), "/"), ".md")
		for _, f := range files {
			p := strings.ToLower(f[strings.Index(f, "/")+1:])
			p = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(p, ".md"), ".en"), ".zh")
			p = strings.TrimSuffix(strings.TrimSuffix(p, "/_index"), "/index")
			if p == t || path.Base(p) == t || t == "" {
				return "https://example.org/" + p + "/", "/" + p + "/", nil
			}
		}
		return "", "", fmt.Errorf("no page %s", target)
	}
}

package render

import (
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
	"text/template"
	"text/template/parse"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/config"
)

func TestFormat(t *testing.T) {
	tests := []struct {
		s    string
		args []any
		want string
		ok   bool
	}{
		{"Home", nil, "Home", true},
		{"Home", []any{"extra"}, "Home", true},
		{"Page %d of %d", []any{2, 5}, "Page 2 of 5", true},
		{"共 %[2]d 页，第 %[1]d 页", []any{2, 5}, "共 5 页，第 2 页", true},
		{"%[2]s then %s", []any{"a", "b", "c"}, "b then c", true},
		{"This brief is not available in %s.", []any{"Français", "fr-fr"}, "This brief is not available in Français.", true},
		{"Ce texte n'existe pas.", []any{"English"}, "Ce texte n'existe pas.", true},
		{"%s brief", []any{"1,234"}, "1,234 brief", true},
		{"%d", []any{"not a number"}, "not a number", true},
		{"50% off, 100%", nil, "50% off, 100%", true},
		{"100%% %s", []any{"sure"}, "100% sure", true},
		{"%x %[0]s %[10]s %[", []any{"a"}, "%x %[0]s %[10]s %[", true},
		{"Page %d of %d", []any{2}, "Page 2 of ", false},
		{"%[3]s", []any{"a", "b"}, "", false},
	}
	for _, tt := range tests {
		got, ok := format(tt.s, tt.args)
		if got != tt.want || ok != tt.ok {
			t.Errorf("format(%q, %v) = %q, %v; want %q, %v", tt.s, tt.args, got, ok, tt.want, tt.ok)
		}
	}
}

// placeholders counts the values a theme string takes: one more than the highest
// index any of its placeholders refers to.
func placeholders(s string) int {
	n, next := 0, 0
	for i := 0; i < len(s); {
		arg, size := 0, 0
		if s[i] == '%' {
			arg, size = placeholder(s[i:], next)
		}
		if size == 0 {
			i++
			continue
		}
		if arg >= 0 {
			n, next = max(n, arg+1), arg+1
		}
		i += size
	}
	return n
}

// TestBuiltinStrings checks that every built-in table has every key of the English
// one, that each string takes as many values as the English one, and that formatting
// it with them shows every value and no fmt complaint.
func TestBuiltinStrings(t *testing.T) {
	en := builtinStrings["en"]
	for name, table := range builtinStrings {
		if got, want := slices.Sorted(maps.Keys(table)), slices.Sorted(maps.Keys(en)); !slices.Equal(got, want) {
			t.Errorf("%s has keys %v; want those of en, %v", name, got, want)
		}
		for key, s := range table {
			n := placeholders(en[key])
			if got := placeholders(s); got != n {
				t.Errorf("%s %s %q takes %d values; en takes %d", name, key, s, got, n)
			}
			args := []any{"«A»", "«B»", "«C»"}[:n]
			out, ok := format(s, args)
			if !ok || strings.Contains(out, "%") {
				t.Errorf("%s %s: %q with %v gives %q", name, key, s, args, out)
			}
			for _, a := range args {
				if !strings.Contains(out, a.(string)) {
					t.Errorf("%s %s: %q leaves out %v", name, key, out, a)
				}
			}
		}
	}
}

// TestLayoutCalls reads every T and Tn call of the default theme's layouts and checks
// that its key is built in and that it passes as many values as the string takes, so
// that no page shows a raw key or an empty placeholder.
func TestLayoutCalls(t *testing.T) {
	en := builtinStrings["en"]
	calls := 0
	err := fs.WalkDir(briefs.Theme, "layouts", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		src, err := fs.ReadFile(briefs.Theme, path)
		if err != nil {
			return err
		}
		set, err := template.New(path).Funcs(placeholderFuncs()).Parse(string(src))
		if err != nil {
			return err
		}
		for _, tmpl := range set.Templates() {
			eachCommand(tmpl.Root, func(c *parse.CommandNode) {
				id, ok := c.Args[0].(*parse.IdentifierNode)
				if !ok || (id.Ident != "T" && id.Ident != "Tn") || len(c.Args) < 2 {
					return
				}
				calls++
				key := strings.Trim(c.Args[1].String(), `"`)
				keys, given := []string{key}, len(c.Args)-2
				if id.Ident == "Tn" {
					keys, given = []string{key + "One", key + "Other"}, 1
				}
				for _, k := range keys {
					if s, ok := en[k]; !ok {
						t.Errorf("%s: %s has no built-in string", path, c)
					} else if placeholders(s) != given {
						t.Errorf("%s: %s gives %d values; %q takes %d", path, c, given, s, placeholders(s))
					}
				}
			})
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if calls < 30 {
		t.Errorf("found only %d calls of T and Tn", calls)
	}
}

// eachCommand calls f for every command in the template tree under n.
func eachCommand(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n != nil {
			for _, c := range n.Nodes {
				eachCommand(c, f)
			}
		}
	case *parse.ActionNode:
		eachCommand(n.Pipe, f)
	case *parse.PipeNode:
		if n != nil {
			for _, c := range n.Cmds {
				eachCommand(c, f)
			}
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			eachCommand(a, f)
		}
	case *parse.IfNode:
		eachBranchCommand(&n.BranchNode, f)
	case *parse.RangeNode:
		eachBranchCommand(&n.BranchNode, f)
	case *parse.WithNode:
		eachBranchCommand(&n.BranchNode, f)
	case *parse.TemplateNode:
		eachCommand(n.Pipe, f)
	}
}

func eachBranchCommand(b *parse.BranchNode, f func(*parse.CommandNode)) {
	eachCommand(b.Pipe, f)
	eachCommand(b.List, f)
	eachCommand(b.ElseList, f)
}

// site loads a site.toml for the fallback tests.
func loadSite(t *testing.T, src string) *config.Site {
	t.Helper()
	cfg, err := config.Load("site.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// TestFallbackChain checks which table a page's word comes from, language by
// language, and whether that is a fallback the build warns about.
func TestFallbackChain(t *testing.T) {
	tests := []struct {
		site, lang, key string
		want            string // the word, then the table it came from; * marks a fallback
	}{
		{"[languages.zh-cn]\n[languages.en-us]\n", "zh-cn", "home", "首页 zh"},
		{"[languages.zh-cn]\n[languages.en-us]\n", "en-us", "home", "Home en"},
		{"[languages.zh-hans]\n[languages.en]\n", "zh-hans", "skipToContent", "跳到正文 zh"},
		{"[languages.zh-sg]\n", "zh-sg", "home", "首页 zh"},
		{"[languages.zh-tw]\n[languages.zh]\n", "zh-tw", "home", "首頁 zh-Hant"},
		{"[languages.zh-hant]\n", "zh-hant", "tags", "標籤 zh-Hant"},
		{"[languages.zh-hk]\n", "zh-hk", "tags", "標籤 zh-Hant"},
		{"[languages.en-gb]\n", "en-gb", "tags", "Tags en"},
		{"[languages.zh]\nlocale = \"zh-TW\"\n", "zh", "tags", "標籤 zh-Hant"},
		// French has no built-in words: the default language's, then English.
		{"[languages.fr]\n[languages.en]\n", "fr", "home", "Home en*"},
		{"[languages.zh]\n[languages.fr]\n", "fr", "home", "首页 zh*"},
		{"[languages.fr]\n[languages.fr.strings]\nhome = \"Accueil\"\n[languages.en]\n", "fr", "home", "Accueil fr"},
		{"[languages.fr]\n[languages.en]\n[languages.en.strings]\nhome = \"Start\"\n", "fr", "home", "Start en*"},
		{"[languages.ja]\n[languages.en-us]\n[languages.en-us.strings]\nhome = \"Start\"\n", "ja", "home", "Start en-us*"},
		// Site strings of the language come before its built-in ones.
		{"[languages.zh-cn]\n[languages.zh-cn.strings]\nhome = \"主页\"\n", "zh-cn", "home", "主页 zh-cn"},
		// A key only the default language defines.
		{"[languages.zh]\n[languages.zh.strings]\ncolophon = \"版权\"\n[languages.zh-tw]\n", "zh-tw", "colophon", "版权 zh*"},
		{"[languages.zh]\n[languages.zh.strings]\ncolophon = \"版权\"\n[languages.zh-tw]\n", "zh", "colophon", "版权 zh"},
		// Cantonese is not Chinese enough to read zh-Hant's words without a warning.
		{"[languages.yue]\n[languages.en]\n", "yue", "home", "Home en*"},
		{"[languages.en]\n", "en", "colophon", " <nil>"},
	}
	for _, tt := range tests {
		cfg := loadSite(t, tt.site)
		s, src := newWords(cfg, cfg.Language(tt.lang)).lookup(tt.key)
		got := s + " <nil>"
		if src != nil {
			got = s + " " + src.name
			if !src.own {
				got += "*"
			}
		}
		if got != tt.want {
			t.Errorf("%q, %s %s: got %s, want %s", tt.site, tt.lang, tt.key, got, tt.want)
		}
	}
}

// TestTranslate checks T itself: the fallback's word with its values, a warning at
// the language's table in site.toml once however often it is used, and an error for a
// key no language has.
func TestTranslate(t *testing.T) {
	cfg := loadSite(t, "[languages.fr]\ntitle = \"Notes\"\n[languages.fr.strings]\npageOf = \"Page %d sur %d de %d\"\n[languages.en]\n")
	r := &Renderer{cfg: cfg, layouts: &layouts{}}
	f := r.funcs("fr")
	for range 3 {
		got, err := f.translate("noTranslation", "English", "en")
		if want := "This brief is not yet available in English."; got != want || err != nil {
			t.Errorf("got %q, %v; want %q", got, err, want)
		}
	}
	if got, _ := f.translate("pageOf", 2, 3); got != "Page 2 sur 3 de " {
		t.Errorf("pageOf: %q", got)
	}
	if n, err := f.translateCount("briefs", 1); n != "1 brief" || err != nil {
		t.Errorf("Tn: %q, %v", n, err)
	}
	if _, err := f.translate("colophon"); err == nil || !strings.Contains(err.Error(), `no theme string "colophon" in any language`) {
		t.Errorf("colophon: %v", err)
	}
	var got []string
	for _, w := range r.MissingStrings() {
		got = append(got, w.Error())
	}
	slices.Sort(got)
	want := []string{
		`site.toml:1:12: warning: fr has no theme string "briefsOne"; its pages show "%s brief" (en) instead; add briefsOne = "…" under [languages.fr.strings]`,
		`site.toml:1:12: warning: fr has no theme string "noTranslation"; its pages show "This brief is not yet available in %s." (en) instead; add noTranslation = "…" under [languages.fr.strings]`,
		`site.toml:4:1: warning: theme string pageOf "Page %d sur %d de %d" (fr) has more placeholders than the 2 value(s) the layout gives; the extra ones are left empty`,
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("warnings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func BenchmarkTranslate(b *testing.B) {
	cfg, err := config.Load("site.toml", []byte("[languages.zh-cn]\n[languages.fr]\n[languages.en]\n"))
	if err != nil {
		b.Fatal(err)
	}
	r := &Renderer{cfg: cfg, layouts: &layouts{}}
	for _, code := range []string{"zh-cn", "fr"} {
		f := r.funcs(code)
		b.Run(code, func(b *testing.B) {
			b.ReportAllocs()
			for range b.N {
				f.translate("home")
				f.translate("pageOf", 2, 10)
				f.translate("noTranslation", "English")
			}
		})
	}
}

package render

import (
	"bytes"
	"errors"
	"html/template"
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/config"
)

// testEnv is a two-language site with a few translations, for the function tests.
func testEnv(t *testing.T) *hugoEnv {
	t.Helper()
	cfg, err := config.Load("site.toml", []byte("baseURL = \"https://example.org/docs/\"\n[languages.en]\n[languages.zh]\n"))
	if err != nil {
		t.Fatal(err)
	}
	return &hugoEnv{cfg: cfg, i18n: map[string]map[string]any{
		"en": {"hello": "Hello", "posts": map[string]any{"one": "{{ .Count }} post", "other": "{{ .Count }} posts"}},
		"zh": {"hello": "你好"},
	}}
}

// TestHugoFuncs runs each function as a template calls it, with Hugo's semantics
// (gohugo.io/functions): the output is html/template's, escaped where Hugo's is.
func TestHugoFuncs(t *testing.T) {
	env := testEnv(t)
	cases := []struct{ tpl, want string }{
		// collections
		{`{{ $d := dict "a" 1 "b" (dict "c" 2) }}{{ $d.b.c }}`, "2"},
		{`{{ delimit (slice "a" "b" "c") ", " }}`, "a, b, c"},
		{`{{ $m := merge (dict "a" 1 "n" (dict "x" 1)) (dict "b" 2 "n" (dict "y" 2)) }}{{ $m.a }}{{ $m.b }}{{ $m.n.x }}{{ $m.n.y }}`, "1212"},
		{`{{ delimit (slice "a" | append "b" "c") "" }}`, "abc"},
		{`{{ delimit (slice "a" | append (slice "b" "c")) "" }}`, "abc"},
		{`{{ len (slice | append (slice)) }}`, "0"},
		{`{{ in (slice 1 2 3) 2 }} {{ in "abc" "b" }} {{ in (slice "x") "y" }}`, "true true false"},
		{`{{ index (slice 1 2) 1 }}|{{ with index (slice 1 2) 5 }}x{{ else }}none{{ end }}|{{ index (dict "a" (slice 7 8)) "a" 1 }}`, "2|none|8"},
		{`{{ isset (dict "a" 1) "a" }} {{ isset (dict "a" 1) "b" }} {{ isset (slice 1) 0 }}`, "true false true"},
		{`{{ first 2 (slice 1 2 3) }} {{ last 1 (slice 1 2 3) }} {{ after 2 (slice 1 2 3) }}`, "[1 2] [3] [3]"},
		{`{{ seq 3 }} {{ seq 2 4 }} {{ seq 1 2 7 }}`, "[1 2 3] [2 3 4] [1 3 5 7]"},
		{`{{ uniq (slice 1 1 2) }}`, "[1 2]"},
		{`{{ range where (slice (dict "k" "a" "n" 1) (dict "k" "b" "n" 2)) "k" "b" }}{{ .n }}{{ end }}`, "2"},
		{`{{ range where (slice (dict "n" 1) (dict "n" 2) (dict "n" 3)) "n" ">=" 2 }}{{ .n }}{{ end }}`, "23"},
		{`{{ range sort (slice (dict "n" 2) (dict "n" 1)) "n" }}{{ .n }}{{ end }}{{ range sort (slice 3 1 2) "value" "desc" }}{{ . }}{{ end }}`, "12321"},
		{`{{ querify "a" 1 "b" "x y" }}`, "a=1&amp;b=x&#43;y"},
		{`{{ $s := newScratch }}{{ $s.Add "n" 1 }}{{ $s.Add "n" 2 }}{{ $s.Get "n" }}`, "3"},
		// comparisons and conditions
		{`{{ eq 1 1.0 }} {{ eq "a" "b" "a" }} {{ ne 1 2 }} {{ lt 1 2.5 }} {{ gt "b" "a" }}`, "true true true true true"},
		{`{{ eq nil "" }} {{ eq .x "true" }}`, "false false"},
		{`{{ default "d" "" }} {{ default "d" "v" }} {{ default 1 0 }} {{ default "d" (slice) }}`, "d v 1 d"},
		{`{{ cond true "a" "b" }}{{ cond false "a" "b" }}{{ cond "" "a" "b" }}`, "abb"},
		// math
		{`{{ add 1 2 }} {{ add 1 2.5 }} {{ sub 5 2 }} {{ mul 2 3 }} {{ div 7 2 }} {{ div 7.0 2 }} {{ mod 7 3 }} {{ add "a" "b" }}`, "3 3.5 3 6 3 3.5 1 ab"},
		{`{{ int "42" }} {{ float "1.5" }} {{ string 7 }}`, "42 1.5 7"},
		{`{{ math.Round 2.5 }} {{ math.Floor 2.7 }} {{ math.Max 1 3 }}`, "3 2 3"},
		// strings
		{`{{ split "a:b" ":" }} {{ replace "aaa" "a" "b" 2 }} {{ replaceRE "(a)n" "[$1]" "banana" }} {{ findRE "[0-9]+" "a1b22" }}`, "[a b] bba b[a][a]a [1 22]"},
		{`{{ chomp "x\n" }}|{{ trim "--x--" "-" }}|{{ lower "AB" }}|{{ upper "ab" }}|{{ title "rule of law" }}|{{ humanize "my-first-post" }}|{{ humanize 3 }}`, "x|x|ab|AB|Rule of Law|My first post|3rd"},
		{`{{ substr "abcdef" 1 3 }} {{ substr "abcdef" -2 }} {{ truncate 5 "abcdefgh" }}`, "bcd ef abcde …"},
		{`{{ strings.HasPrefix "abc" "a" }} {{ strings.HasSuffix "abc" "c" }} {{ strings.TrimPrefix "./" "./x" }} {{ strings.TrimSuffix ".md" "a.md" }} {{ strings.Contains "abc" "bc" }} {{ strings.Split "a,b" "," }} {{ strings.Repeat 3 "ab" }} {{ strings.Count "a" "banana" }}`,
			"true true x a true [a b] ababab 3"},
		{`{{ urlize "Big Data" }} {{ anchorize "Rule of Law, 2023" }} {{ urls.Anchorize "A B" }}`, "big-data rule-of-law-2023 a-b"},
		// URLs
		{`{{ $u := urls.Parse "https://a.b/c?d=1#e" }}{{ $u.IsAbs }} {{ $u.Host }} {{ $u.Path }} {{ $u.RawQuery }} {{ $u.Fragment }} {{ (urls.Parse "/x").IsAbs }}`, "true a.b /c d=1 e false"},
		{`{{ relURL "x/y" }} {{ absURL "/x" }} {{ urls.JoinPath "https://a.b/" "c" "d" }}`, "/docs/x/y https://example.org/docs/x https://a.b/c/d"},
		// HTML, encodings, hashes
		{`{{ "<b>x</b>" | safeHTML }} {{ "<b>" }} {{ htmlEscape "<" }} {{ htmlUnescape "&lt;b&gt;" }} {{ plainify "<p>a <b>b</b></p>" }}`, "<b>x</b> &lt;b&gt; &amp;lt; &lt;b&gt; a b\n"},
		{`{{ jsonify (dict "a" 1 "b" (slice "x")) }} {{ jsonify (dict "indent" " ") (dict "a" 1) }}`, "{\"a\":1,\"b\":[\"x\"]} {\n \"a\": 1\n}"},
		{`{{ md5 "x" }} {{ sha1 "x" }} {{ crypto.SHA256 "x" | printf "%.8s" }} {{ base64Encode "hi" }} {{ base64Decode "aGk=" }}`,
			"9dd4e461268c8034f5c8564e155c67a6 11f6ad8ec52a2984abaafd7c3b516503785c2072 2d711642 aGk= hi"},
		{`{{ (transform.Unmarshal "{\"a\": [1, 2]}").a }} {{ (transform.Unmarshal "a = 1\nb = \"x\"").b }} {{ (transform.Unmarshal "a: [x, y]").a }}`, "[1 2] x [x y]"},
		// dates
		{`{{ dateFormat "2006-01-02" "2024-03-05T10:00:00Z" }} {{ (time "2024-03-05").Year }} {{ gt now.Year 2000 }} {{ time.Format "Jan 2006" "2024-03-05" }} {{ (time.AsTime "2024-03-05").Month }}`, "2024-03-05 2024 true Mar 2024 March"},
		// namespaces
		{`{{ collections.In (slice 1) 1 }} {{ path.Base "a/b.md" }} {{ path.Ext "a/b.md" }} {{ path.BaseName "a/b.md" }} {{ cast.ToInt "3" }} {{ fmt.Printf "%03d" 7 }}`, "true b.md .md b 3 007"},
		{`{{ hugo.IsMultilingual }}`, "true"},
	}
	for _, c := range cases {
		tpl, err := template.New("t").Funcs(shortcodeFuncs(env)).Parse(c.tpl)
		if err != nil {
			t.Errorf("%s: %v", c.tpl, err)
			continue
		}
		var b bytes.Buffer
		if err := tpl.Execute(&b, map[string]any{}); err != nil {
			t.Errorf("%s: %v", c.tpl, err)
			continue
		}
		if b.String() != c.want {
			t.Errorf("%s\n got %q\nwant %q", c.tpl, b.String(), c.want)
		}
	}
}

// TestHugoFuncErrors: a function given what it cannot take is an error, not a panic
// or a silently wrong value.
func TestHugoFuncErrors(t *testing.T) {
	env := testEnv(t)
	for _, tpl := range []string{
		`{{ div 1 0 }}`, `{{ mod 1 0 }}`, `{{ add "a" 1 }}`, `{{ dict "a" }}`, `{{ seq 1 0 100000 }}`,
		`{{ replaceRE "(" "" "x" }}`, `{{ strings.Repeat -1 "x" }}`, `{{ merge 1 }}`, `{{ index 5 1 }}`,
		`{{ errorf "boom %d" 1 }}`, `{{ querify "a" }}`, `{{ transform.Unmarshal "{" }}`,
	} {
		tmpl, err := template.New("t").Funcs(shortcodeFuncs(env)).Parse(tpl)
		if err != nil {
			t.Errorf("%s: %v", tpl, err)
			continue
		}
		if err := tmpl.Execute(&bytes.Buffer{}, nil); err == nil {
			t.Errorf("%s: no error", tpl)
		}
	}
	tmpl := template.Must(template.New("t").Funcs(shortcodeFuncs(env)).Parse(`{{ errorf "boom %d" 1 }}`))
	var ef *errorfError
	if err := tmpl.Execute(&bytes.Buffer{}, nil); !errors.As(err, &ef) || ef.msg != "boom 1" {
		t.Errorf("errorf: %v", err)
	}
}

// TestHugoTranslate: i18n falls back from a longer tag to a shorter one, then to the
// default language; plural forms take a count; a missing id is "".
func TestHugoTranslate(t *testing.T) {
	env := testEnv(t)
	cases := []struct {
		lang, id string
		data     []any
		want     string
	}{
		{"zh", "hello", nil, "你好"},
		{"zh-hant-tw", "hello", nil, "你好"},
		{"fr", "hello", nil, "Hello"},
		{"en", "posts", []any{1}, "1 post"},
		{"en", "posts", []any{3}, "3 posts"},
		{"en", "nope", nil, ""},
		{"en", "HELLO", nil, "Hello"},
	}
	for _, c := range cases {
		got, err := env.translate(c.lang, c.id, c.data...)
		if err != nil || got != c.want {
			t.Errorf("translate(%s, %s, %v) = %q, %v; want %q", c.lang, c.id, c.data, got, err, c.want)
		}
	}
}

// TestWrapReturns: {{ return a b }} is one pipeline, as Hugo reads it.
func TestWrapReturns(t *testing.T) {
	cases := []struct{ in, want string }{
		{`{{ return .Page.Store.Get $key }}`, `{{ return (.Page.Store.Get $key) }}`},
		{"{{- return or (i18n .) . -}}", "{{- return (or (i18n .) .) -}}"},
		{`{{ $x := 1 }}{{ return }}`, `{{ $x := 1 }}{{ return }}`},
		{`no returns here`, `no returns here`},
	}
	for _, c := range cases {
		if got := string(wrapReturns([]byte(c.in))); got != c.want {
			t.Errorf("wrapReturns(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestGlobMatch: Hugo's resource globs.
func TestGlobMatch(t *testing.T) {
	cases := []struct {
		pattern, name string
		want          bool
	}{
		{"*.json", "a.json", true}, {"*.json", "x/a.json", false}, {"**.json", "x/a.json", true},
		{"images/*", "images/a.png", true}, {"images/**", "images/x/a.png", true}, {"IMAGES/*.PNG", "images/a.png", true},
	}
	for _, c := range cases {
		if got := globMatch(c.pattern, c.name); got != c.want {
			t.Errorf("globMatch(%q, %q) = %v", c.pattern, c.name, got)
		}
	}
	if !strings.Contains(unsupportedMsg("x", "book", &unsupportedError{name: "openapi3.Unmarshal"}), "uses openapi3.Unmarshal, which briefs does not support") {
		t.Error("unsupportedMsg does not name the function")
	}
}

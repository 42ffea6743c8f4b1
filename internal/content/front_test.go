package content

import (
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs/internal/diag"
)

// readOne loads src as content/law/x.zh.md (or name, when given).
func readOne(t *testing.T, src string, name ...string) (*File, *diag.List) {
	t.Helper()
	p := "content/law/x.zh.md"
	if len(name) > 0 {
		p = name[0]
	}
	var errs diag.List
	files := Load(fstest.MapFS{p: {Data: []byte(src)}}, testConfig(t), &errs)
	if len(files) == 0 {
		return nil, &errs
	}
	return files[0], &errs
}

// TestFormats reads the same front matter written in TOML, YAML and JSON.
func TestFormats(t *testing.T) {
	srcs := map[string]string{
		"TOML": "+++\ntitle = \"淄博\"\ndate = 2024-03-15T11:29:00+08:00\ntags = [\"法治\", \"平安\"]\nweight = 2\ndraft = false\n[params]\nx = 1\n+++\nBody\n",
		"YAML": "---\ntitle: 淄博\ndate: 2024-03-15T11:29:00+08:00\ntags:\n  - 法治\n  - 平安\nweight: 2\ndraft: false\nparams:\n  x: 1\n---\nBody\n",
		"JSON": "{\n  \"title\": \"淄博\",\n  \"date\": \"2024-03-15T11:29:00+08:00\",\n  \"tags\": [\"法治\", \"平安\"],\n  \"weight\": 2,\n  \"draft\": false,\n  \"params\": {\"x\": 1}\n}\nBody\n",
	}
	want := time.Date(2024, 3, 15, 3, 29, 0, 0, time.UTC)
	for format, src := range srcs {
		f, errs := readOne(t, src)
		if f == nil {
			t.Fatalf("%s: %v", format, errs.Error())
		}
		fm := f.Front
		if fm.Format.String() != format || fm.Title != "淄博" || !fm.Date.Equal(want) || !reflect.DeepEqual(fm.Tags, []string{"法治", "平安"}) ||
			fm.Weight != 2 || fm.Draft || !reflect.DeepEqual(fm.Params, map[string]any{"x": int64(1)}) {
			t.Errorf("%s: %+v", format, fm)
		}
		if string(f.Body) != "Body\n" {
			t.Errorf("%s: body %q", format, f.Body)
		}
	}
}

// TestFrontProblems checks syntax and type errors in each notation, at file:line:col.
func TestFrontProblems(t *testing.T) {
	tests := []struct{ src, want string }{
		// YAML syntax and types.
		{"---\ntitle: \"T\ndate: 2024-01-01\n---\n", "x.zh.md:2:8: YAML: could not find end character of double-quoted text"},
		{"---\ntitle: T\n\tdate: 2024-01-01\n---\n", "x.zh.md:3:1: YAML: found character '\t' that cannot start any token"},
		{"---\ntitle: T\ntitle: U\n---\n", "x.zh.md:3:1: YAML: mapping key \"title\" already defined at [1:1]"},
		{"---\ntitle: 标题\ntags: 法治\n---\n", "x.zh.md:3:7: tags is a list: write tags: [\"法治\"]"},
		{"---\ntitle: 标题\ntags: [法治, [x]]\n---\n", "x.zh.md:3:7: tags is a list of texts in quotes: write tags: [\"法治\"]"},
		{"---\ntitle: 标题\nweight: heavy\n---\n", "x.zh.md:3:9: weight is a whole number, without quotes: write weight: 1"},
		{"---\ntitle: 标题\ndraft: yes\n---\n", "x.zh.md:3:8: draft: yes is text in YAML 1.2, which Hugo 0.152 and later read as false, and older Hugo as true; write draft: true"},
		{"---\ntitle: 标题\ndraft: Off\n---\n", "write draft: false"},
		{"---\ntitle: T\ndate: soon\n---\n", `x.zh.md:3:7: date: "soon" is not a date; write date: 2024-03-15,`},
		{"---\ntitle: T\nparams: 3\n---\n", "x.zh.md:3:9: params is a table: write params: on a line of its own"},
		{"---\n- a\n- b\n---\n", "x.zh.md:2:1: YAML front matter is key: value lines (title: …), not a list"},
		{"---\ntitle: T\nx: *nope\n---\n", "x.zh.md:3:"},
		{"---\ntitle: T\nbuild:\n  render: sometimes\n---\n", `x.zh.md:4:3: build.render is "always", "never" or "link"`},
		{"---\ntitle: T\nmenu: 3\n---\n", "x.zh.md:3:7: menu is a menu name, a list of names, or a table of menus"},
		{"---\ntitle: T\nresources: [a]\n---\n", "x.zh.md:3:12: resources: entry 1 is not a table"},
		{"---\ntitle: T\n", "x.zh.md:1:1: front matter is not closed: add a --- line after it"},
		// JSON syntax and types; JSON starts on line 1.
		{"{\n  \"title\": \"T\",\n  \"date\": 2024-01-01\n}\n", "x.zh.md:3:15: JSON: invalid character '-' after object key:value pair"},
		{"{\n  \"title\": \"T\"\n  \"tags\": []\n}\n", "x.zh.md:3:3: JSON: invalid character '\"' after object key:value pair"},
		{"{\n  \"title\": \"T\",\n  \"tags\": \"a\"\n}\n", "x.zh.md:3:11: tags is a list: write \"tags\": [\"a\"]"},
		{"{\n  \"title\": \"T\",\n  \"weight\": 1.5\n}\n", "x.zh.md:3:13: weight is a whole number, without quotes: write \"weight\": 2"},
		{"{\"title\": \"T\", \"title\": \"U\"}\n", "x.zh.md:1:16: JSON: key \"title\" is given twice; keep one"},
		{"{\"title\": \"T\"\n", "x.zh.md:1:1: JSON front matter is not closed"},
		{"{\"title\": \"T\", \"x\": [1, }\n", "x.zh.md:1:"},
	}
	for _, tt := range tests {
		_, errs := readOne(t, tt.src)
		if got := errs.Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%q:\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
}

// TestYAMLQuirks pins how YAML values Hugo users write are read.
func TestYAMLQuirks(t *testing.T) {
	src := `---
title: 2024
linkTitle: Short
date: 2024-03-15
lastmod: ""
publishDate:
tags: [a, b]
categories:
  - x
  - 7
keywords: [k1, k2]
images: [/img/a.png]
author: 余晖杨
bookToC: false
draft: false
weight: 3
summary: |
  Two
  lines.
description: >
  Folded
  text.
base: &base {a: 1, b: 2}
derived:
  <<: *base
  b: 3
menu:
  main:
    weight: 10
build:
  list: never
  render: false
resources:
  - src: a.jpg
    title: A
---
`
	f, errs := readOne(t, src)
	if f == nil {
		t.Fatal(errs.Error())
	}
	fm := f.Front
	loc := testConfig(t).Location
	checks := []struct {
		name      string
		got, want any
	}{
		{"title", fm.Title, "2024"},
		{"linkTitle", fm.LinkTitle, "Short"},
		{"date", fm.Date, time.Date(2024, 3, 15, 0, 0, 0, 0, loc)},
		{"lastmod", fm.Lastmod, time.Time{}},
		{"publishDate", fm.PublishDate, time.Time{}},
		{"tags", fm.Tags, []string{"a", "b"}},
		{"categories", fm.Terms("categories"), []string{"x", "7"}},
		{"Categories", fm.Terms("Categories"), []string{"x", "7"}},
		{"keywords", fm.Keywords, []string{"k1", "k2"}},
		{"images", fm.Images, []string{"/img/a.png"}},
		{"weight", fm.Weight, 3},
		{"summary", fm.Summary, "Two\nlines.\n"},
		{"description", fm.Description, "Folded text.\n"},
		{"derived", fm.Params["derived"], map[string]any{"a": int64(1), "b": int64(3)}},
		{"menu", fm.Menus, map[string]any{"main": map[string]any{"weight": int64(10)}}},
		{"build", fm.Build, Build{Render: "never", List: "never"}},
		{"resources", fm.Resources, []map[string]any{{"src": "a.jpg", "title": "A"}}},
		{"listed", fm.Listed(), false},
		{"rendered", fm.Rendered(), false},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("%s: got %#v, want %#v", c.name, c.got, c.want)
		}
	}
	if v, ok := fm.Param("AUTHOR"); !ok || v != "余晖杨" {
		t.Errorf("Param(AUTHOR) = %v, %v", v, ok)
	}
	if w := errs.Warnings(); len(w) != 0 {
		t.Errorf("warnings for keys that are no typos: %v", w)
	}
}

// TestUnknownKeys checks that keys briefs does not read go to Params, with a warning
// only for a likely typo, placed in each notation.
func TestUnknownKeys(t *testing.T) {
	tests := []struct{ src, warn string }{
		{"+++\ntitle = \"T\"\nmath = true\n+++\n", ""},
		{"+++\ntitle = \"T\"\n  tilte = \"x\"\n+++\n", "content/law/x.zh.md:3:3: warning: unknown front matter key `tilte`, kept as .Params.tilte; did you mean `title`?"},
		{"+++\ntitle = \"T\"\n[parms]\nx = 1\n+++\n", "content/law/x.zh.md:3:2: warning: unknown front matter key `parms`, kept as .Params.parms; did you mean `params`?"},
		{"---\ntitle: T\npublish_date: 2024-01-01\n---\n", "content/law/x.zh.md:3:1: warning: unknown front matter key `publish_date`, kept as .Params.publish_date; did you mean `publishDate`?"},
		{"{\"title\": \"T\",\n \"tag\": [\"x\"]}\n", "content/law/x.zh.md:2:2: warning: unknown front matter key `tag`, kept as .Params.tag; did you mean `tags`?"},
		{"---\ntitle: T\nauthor: A\ncategories: [c]\n---\n", ""},
	}
	for _, tt := range tests {
		f, errs := readOne(t, tt.src)
		if f == nil {
			t.Errorf("%q: %s", tt.src, errs.Error())
			continue
		}
		var got []string
		for _, w := range errs.Warnings() {
			got = append(got, w.Error())
		}
		if strings.Join(got, "\n") != tt.warn {
			t.Errorf("%q:\n got %q\nwant %q", tt.src, got, tt.warn)
		}
		if len(f.Front.Params) == 0 {
			t.Errorf("%q: unknown key not kept in Params", tt.src)
		}
	}
}

// TestDateFallback checks Hugo's fallback: date, else publishDate, else lastmod; and that
// a page needs no date.
func TestDateFallback(t *testing.T) {
	loc := testConfig(t).Location
	day := func(d int) time.Time { return time.Date(2024, 1, d, 0, 0, 0, 0, loc) }
	tests := []struct {
		front string
		want  time.Time
	}{
		{"title: T\n", time.Time{}},
		{"title: T\ndate: \"\"\n", time.Time{}},
		{"title: T\ndate:\nlastmod: 2024-01-03\n", day(3)},
		{"title: T\nlastmod: 2024-01-03\npublishDate: 2024-01-02\n", day(2)},
		{"title: T\npubdate: 2024-01-02\n", day(2)},
		{"title: T\ndate: 2024-01-01\npublishDate: 2024-01-02\n", day(1)},
	}
	for _, tt := range tests {
		f, errs := readOne(t, "---\n"+tt.front+"---\n")
		if f == nil {
			t.Fatalf("%q: %s", tt.front, errs.Error())
		}
		if !f.Front.Date.Equal(tt.want) {
			t.Errorf("%q: date %v, want %v", tt.front, f.Front.Date, tt.want)
		}
	}
}

// TestHTMLContent checks that an .html file's front matter is read and its body kept
// as it is.
func TestHTMLContent(t *testing.T) {
	f, errs := readOne(t, "---\ntitle: Page\n---\n<p>Hello <b>there</b></p>\n", "content/law/page.en.html")
	if f == nil {
		t.Fatal(errs.Error())
	}
	if !f.IsHTML() || f.Name != "page" || f.Lang != "en" || string(f.Body) != "<p>Hello <b>there</b></p>\n" {
		t.Errorf("got html=%v name=%q lang=%q body=%q", f.IsHTML(), f.Name, f.Lang, f.Body)
	}
}

// TestFrontLimits checks that inputs built to exhaust a parser get a clear error, fast.
func TestFrontLimits(t *testing.T) {
	laughs := "---\ntitle: T\na: &a [x,x,x,x,x,x,x,x,x,x]\n"
	for i, prev := 'b', 'a'; i <= 'j'; i, prev = i+1, i {
		laughs += string(i) + ": &" + string(i) + " [" + strings.TrimSuffix(strings.Repeat("*"+string(prev)+",", 10), ",") + "]\n"
	}
	laughs += "---\n"
	block := "---\ntitle: T\n"
	for i := range 100 {
		block += strings.Repeat(" ", i) + "a:\n"
	}
	block += "---\n"
	tests := []struct{ name, src, want string }{
		{"billion laughs", laughs, "x.zh.md:7:"},
		{"flow nesting", "---\ntitle: T\nx: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n---\n", "x.zh.md:3:68: YAML: lists and tables nested more than 64 deep"},
		{"block nesting", block, "YAML: lists and tables nested more than 64 deep"},
		{"JSON nesting", "{\"title\": \"T\", \"x\": " + strings.Repeat("[", 200000) + strings.Repeat("]", 200000) + "}\n", "x.zh.md:1:85: JSON: lists and objects nested more than 64 deep"},
		{"huge YAML", "---\ntitle: T\n" + strings.Repeat("# a comment line to fill the front matter\n", 30000) + "---\n", "x.zh.md:2:1: YAML front matter is 1230 KiB; it may be at most 256 KiB"},
		{"many values", "---\ntitle: T\nx: [" + strings.Repeat("1,", 110000) + "1]\n---\n", "more than 100000 values"},
		{"compact nesting", "---\ntitle: T\nx:\n" + strings.Repeat("- ", 100000) + "x\n---\n", "x.zh.md:4:129: YAML: lists and tables nested more than 64 deep"},
		{"compact keys", "---\ntitle: T\n" + strings.Repeat("? ", 100000) + "x\n---\n", "x.zh.md:3:129: YAML: lists and tables nested more than 64 deep"},
		{"compact nesting after a comment", "---\ntitle: T\nx: # a list\n" + strings.Repeat("- ", 100000) + "x\n---\n", "x.zh.md:4:129: YAML: lists and tables nested more than 64 deep"},
		{"invalid UTF-8", "---\ntitle: \"a\xffb\"\n---\n", "x.zh.md:2:10: invalid UTF-8"},
	}
	for _, tt := range tests {
		start := time.Now()
		_, errs := readOne(t, tt.src)
		if got := errs.Error(); !strings.Contains(got, tt.want) {
			t.Errorf("%s: got %.300s\nwant %s", tt.name, got, tt.want)
		}
		if d := time.Since(start); d > 20*time.Second {
			t.Errorf("%s: took %v", tt.name, d)
		}
	}
	if !strings.Contains(laughs, "j: &j [*i,") {
		t.Fatal("bad test input")
	}
}

// TestItemPos checks where KeyPos and ItemPos place a key and a list item, in each
// notation, and that Value gives what was written (the empty tags the build leaves out).
func TestItemPos(t *testing.T) {
	tests := []struct {
		src             string
		keyLine, keyCol int
		line, col       int
	}{
		{"+++\ntitle = \"T\"\ntags = [\"a\", \"\"]\n+++\n", 3, 1, 3, 14},
		{"+++\ntitle = \"T\"\ntags = [\n  \"a\",\n  \" \",\n]\n+++\n", 3, 1, 5, 3},
		{"---\ntitle: T\ntags: [a, \"\"]\n---\n", 3, 1, 3, 11},
		{"---\ntitle: T\nTags:\n  - a\n  - \" \"\n---\n", 3, 1, 5, 5},
		{"{\"title\": \"T\", \"tags\": [\"a\", \"\"]}\n", 1, 16, 1, 30},
	}
	for _, tt := range tests {
		f, errs := readOne(t, tt.src)
		if f == nil {
			t.Fatalf("%q: %s", tt.src, errs.Error())
		}
		if !reflect.DeepEqual(f.Front.Tags, []string{"a"}) {
			t.Errorf("%q: tags %q, want the empty one left out", tt.src, f.Front.Tags)
		}
		if line, col := f.KeyPos("tags"); line != tt.keyLine || col != tt.keyCol {
			t.Errorf("%q: KeyPos %d:%d, want %d:%d", tt.src, line, col, tt.keyLine, tt.keyCol)
		}
		if line, col := f.ItemPos("tags", ""); line != tt.line || col != tt.col {
			t.Errorf("%q: ItemPos %d:%d, want %d:%d", tt.src, line, col, tt.line, tt.col)
		}
		if v, _ := f.Value("tags").([]any); len(v) != 2 {
			t.Errorf("%q: Value %v", tt.src, f.Value("tags"))
		}
	}
}

// TestNoFrontMatter checks that a file without front matter is read as Hugo reads it:
// the whole file is the body, and the page has no title.
func TestNoFrontMatter(t *testing.T) {
	for _, src := range []string{"# Details\n\nText.\n", "---\nweight: 60\n---\n", ""} {
		f, errs := readOne(t, src)
		if f == nil {
			t.Fatalf("%q: %s", src, errs.Error())
		}
		if f.Front.Title != "" {
			t.Errorf("%q: title %q", src, f.Front.Title)
		}
	}
	f, _ := readOne(t, "# Details\n\nText.\n")
	if f.Front.Format != None || string(f.Body) != "# Details\n\nText.\n" || f.BodyOffset != 0 {
		t.Errorf("format %v, body %q at %d", f.Front.Format, f.Body, f.BodyOffset)
	}
}

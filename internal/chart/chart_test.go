package chart

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden charts in testdata/*.txtar")

// argRE reads the test files' parameter lines: key="value" pairs.
var argRE = regexp.MustCompile(`(\w+)="([^"]*)"`)

// draw draws a chart from a parameter line and CSV data.
func draw(t *testing.T, args, data, lang string) (string, error) {
	t.Helper()
	var as []Arg
	for _, m := range argRE.FindAllStringSubmatch(args, -1) {
		as = append(as, Arg{Key: m[1], Val: m[2]})
	}
	spec, err := ParseSpec(as)
	if err != nil {
		return "", err
	}
	c, err := Build(spec, []byte(data), "csv", lang, nil)
	if err != nil {
		return "", err
	}
	return c.HTML("chart-1"), nil
}

// TestGolden draws each chart of testdata/*.txtar in Chinese and English and compares
// it with the drawing kept in the same file (-update rewrites them). Each is drawn
// twice: the same data must give the same bytes.
func TestGolden(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txtar")
	if len(files) < 5 {
		t.Fatalf("only %d golden files", len(files))
	}
	for _, file := range files {
		ar, err := txtar.ParseFile(file)
		if err != nil {
			t.Fatal(err)
		}
		in := map[string]string{}
		for _, f := range ar.Files {
			in[f.Name] = string(f.Data)
		}
		var out []txtar.File
		for _, lang := range []string{"zh", "en"} {
			args, data, _ := strings.Cut(in[lang], "\n")
			got, err := draw(t, args, data, lang)
			if err != nil {
				t.Errorf("%s %s: %v", file, lang, err)
				continue
			}
			if again, _ := draw(t, args, data, lang); again != got {
				t.Errorf("%s %s: two drawings of the same chart differ", file, lang)
			}
			out = append(out, txtar.File{Name: lang, Data: []byte(in[lang])}, txtar.File{Name: lang + ".html", Data: []byte(got)})
			if !*update && in[lang+".html"] != got {
				t.Errorf("%s %s: drawing differs from the golden one (go test -update rewrites it):\n%s", file, lang, got)
			}
		}
		if *update {
			ar.Files = out
			if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

// TestPreview writes every golden chart into one page with the theme's stylesheet,
// to look at: CHART_PREVIEW=dir go test -run Preview.
func TestPreview(t *testing.T) {
	dir := os.Getenv("CHART_PREVIEW")
	if dir == "" {
		t.Skip("set CHART_PREVIEW=dir")
	}
	files, _ := filepath.Glob("testdata/*.txtar")
	for _, lang := range []string{"zh", "en"} {
		var b bytes.Buffer
		b.WriteString(`<!doctype html><html lang="` + lang + `"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><link rel="stylesheet" href="site.css"><main class="wrap"><div class="content">`)
		for _, file := range files {
			ar, _ := txtar.ParseFile(file)
			for _, f := range ar.Files {
				if f.Name == lang+".html" {
					b.Write(f.Data)
				}
			}
		}
		if err := os.WriteFile(filepath.Join(dir, lang+".html"), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

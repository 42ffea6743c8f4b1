package check

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"golang.org/x/tools/txtar"

	"github.com/briefs/briefs/internal/diag"
)

// The real pairs' numbers as last measured: they may only get better. Raise realCaught
// and lower realFalseAlarms when a change improves them.
const (
	realCaught      = 4 // real errors reported as an error on their figure
	realFalseAlarms = 3 // errors and warnings on figures that are right
)

// realPair is one file of testdata/realpairs: a published paragraph pair and the
// figures worked out by hand, each placed in its side's text.
type realPair struct {
	name     string
	original string
	text     map[string]string // by language
	figs     []realFigure
}

// realFigure is one line of a pair's figures: the figure on each side (start -1 when
// the side has none) and its verdict.
type realFigure struct {
	span    map[string][2]int // by language: byte offsets in text
	raw     map[string]string
	verdict string
}

func (f realFigure) isError() bool { return strings.HasPrefix(f.verdict, "error-") }

func loadRealPairs(t *testing.T) []*realPair {
	t.Helper()
	names, err := filepath.Glob("testdata/realpairs/*.txtar")
	if err != nil || len(names) == 0 {
		t.Fatalf("no real pairs: %v", err)
	}
	var out []*realPair
	for _, name := range names {
		p, err := parseRealPair(name)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

func parseRealPair(name string) (*realPair, error) {
	ar, err := txtar.ParseFile(name)
	if err != nil {
		return nil, err
	}
	p := &realPair{name: filepath.Base(name), original: "zh", text: map[string]string{}}
	for _, line := range strings.Split(string(ar.Comment), "\n") {
		if v, ok := strings.CutPrefix(line, "original: "); ok && v == "en" {
			p.original = "en"
		}
	}
	var figs string
	for _, f := range ar.Files {
		if f.Name == "figures" {
			figs = string(f.Data)
		} else {
			p.text[f.Name] = strings.TrimRight(string(f.Data), "\n")
		}
	}
	next := map[string]int{} // where the next search for a side's raw text starts
	for i, line := range strings.Split(figs, "\n") {
		if line = strings.TrimSpace(line); line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fig, err := p.parseFigure(line, next)
		if err != nil {
			return nil, fmt.Errorf("%s: figures line %d: %v", name, i+1, err)
		}
		p.figs = append(p.figs, fig)
	}
	return p, nil
}

// parseFigure reads `zh <fig> | en "<fig>" | verdict: reason`, finding each side's
// figure after the last place the same text was found (a figure listed twice is the
// second occurrence).
func (p *realPair) parseFigure(line string, next map[string]int) (realFigure, error) {
	parts := strings.SplitN(line, " | ", 3)
	if len(parts) != 3 {
		return realFigure{}, fmt.Errorf("want 3 fields: %q", line)
	}
	verdict, _, _ := strings.Cut(parts[2], ":")
	f := realFigure{span: map[string][2]int{}, raw: map[string]string{}, verdict: verdict}
	for i, lang := range []string{"zh", "en"} {
		raw, ok := strings.CutPrefix(parts[i], lang+" ")
		if !ok {
			return f, fmt.Errorf("field %d does not start with %q", i+1, lang)
		}
		if raw == "-" {
			continue
		}
		if lang == "en" {
			raw = strings.Trim(raw, `"`)
		}
		key := lang + "\x00" + raw
		k := strings.Index(p.text[lang][next[key]:], raw)
		if k < 0 {
			return f, fmt.Errorf("%s %q is not in the text", lang, raw)
		}
		start := next[key] + k
		next[key] = start + len(raw)
		f.span[lang], f.raw[lang] = [2]int{start, start + len(raw)}, raw
	}
	return f, nil
}

// realResult is what check did on one pair.
type realResult struct {
	errors, caught, falseAlarms int
	hits                        int // findings on a real error
	notes                       []string
}

const realFront = "+++\ntitle = \"T\"\ndate = 2024-01-01\nsummary = \"S.\"\n+++\n"

// checkRealPair runs check on a pair as a site whose default language is the pair's
// original, and sorts the findings into caught errors and false alarms.
func checkRealPair(t *testing.T, p *realPair) realResult {
	fsys := fstest.MapFS{"site.toml": {Data: []byte(fmt.Sprintf("defaultLanguage = %q\n[languages.zh]\n[languages.en]\n", p.original))}}
	for lang, text := range p.text {
		fsys["content/p/p."+lang+".md"] = &fstest.MapFile{Data: []byte(realFront + text + "\n")}
	}
	var r realResult
	caught := map[int]bool{}
	for _, f := range run(t, fsys).Findings {
		if f.Severity == diag.SevInfo {
			continue
		}
		lang := strings.TrimSuffix(strings.TrimPrefix(f.File, "content/p/p."), ".md")
		i := p.figureAt(lang, f.Line-5, f.Col)
		switch {
		case i >= 0 && p.figs[i].isError() && f.Severity == diag.SevError:
			caught[i] = true
			r.hits++
			r.notes = append(r.notes, fmt.Sprintf("  caught  %s %d:%d %s [%s]", lang, f.Line-5, f.Col, f.Msg, p.figs[i].verdict))
		case i >= 0 && p.figs[i].isError():
			r.notes = append(r.notes, fmt.Sprintf("  weak    %s %d:%d %s: %s [%s]", lang, f.Line-5, f.Col, f.Severity, f.Msg, p.figs[i].verdict))
		default:
			r.falseAlarms++
			v := "no figure"
			if i >= 0 {
				v = p.figs[i].verdict
			}
			r.notes = append(r.notes, fmt.Sprintf("  FALSE   %s %d:%d %s: %s [%s]", lang, f.Line-5, f.Col, f.Severity, f.Msg, v))
		}
	}
	for i, fig := range p.figs {
		if fig.isError() {
			r.errors++
			if caught[i] {
				r.caught++
			} else {
				r.notes = append(r.notes, fmt.Sprintf("  MISSED  zh %q en %q [%s]", fig.raw["zh"], fig.raw["en"], fig.verdict))
			}
		}
	}
	return r
}

// figureAt returns the index of the figure whose text on side lang holds the place
// line:col of the text, or starts at most three characters from it; -1 when none does.
func (p *realPair) figureAt(lang string, line, col int) int {
	text := p.text[lang]
	off := 0
	for l := 1; l < line; l++ {
		k := strings.IndexByte(text[off:], '\n')
		if k < 0 {
			return -1
		}
		off += k + 1
	}
	for c := 1; c < col && off < len(text); c++ {
		_, size := utf8.DecodeRuneInString(text[off:])
		off += size
	}
	best, bestD := -1, 4
	for i, f := range p.figs {
		s, ok := f.span[lang]
		if !ok {
			continue
		}
		if off >= s[0] && off < s[1] {
			return i
		}
		d := utf8.RuneCountInString(text[min(off, s[0]):max(off, s[0])])
		if off >= s[1] {
			d = utf8.RuneCountInString(text[s[1]:off]) + 1
		}
		if d < bestD {
			best, bestD = i, d
		}
	}
	return best
}

// TestRealPairs runs check on published translations whose figures were verified by
// hand (testdata/realpairs/README.md): every real error must be an error on its figure,
// and figures that are right must raise nothing. With -v it prints a table per pair.
func TestRealPairs(t *testing.T) {
	var errs, caught, alarms, hits int
	var table strings.Builder
	fmt.Fprintf(&table, "%-40s %6s %6s %6s\n", "pair", "errors", "caught", "false")
	for _, p := range loadRealPairs(t) {
		r := checkRealPair(t, p)
		errs, caught, alarms, hits = errs+r.errors, caught+r.caught, alarms+r.falseAlarms, hits+r.hits
		fmt.Fprintf(&table, "%-40s %6d %6d %6d\n", strings.TrimSuffix(p.name, ".txtar"), r.errors, r.caught, r.falseAlarms)
		for _, n := range r.notes {
			table.WriteString(n + "\n")
		}
	}
	fmt.Fprintf(&table, "%-40s %6d %6d %6d\n", "total", errs, caught, alarms)
	if testing.Verbose() {
		fmt.Fprint(os.Stdout, table.String())
	}
	t.Logf("real pairs: %d of %d errors caught (recall %.0f%%), %d false alarms; precision %d of %d findings",
		caught, errs, 100*float64(caught)/float64(errs), alarms, hits, hits+alarms)
	if caught < realCaught || alarms > realFalseAlarms {
		t.Errorf("real pairs: %d errors caught (at least %d before), %d false alarms (at most %d before)",
			caught, realCaught, alarms, realFalseAlarms)
	}
}

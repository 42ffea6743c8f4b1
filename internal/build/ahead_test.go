package build

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
	"github.com/briefs/briefs/internal/render"
)

// aheadSite is a two-language site of n briefs with headings, lists and a footnote.
func aheadSite(n int) fstest.MapFS {
	fsys := fstest.MapFS{"site.toml": {Data: []byte("[languages.zh]\n[languages.en]\n")}}
	for i := range n {
		for _, lang := range []string{"zh", "en"} {
			body := fmt.Sprintf("+++\ntitle = \"B%d\"\ndate = 2024-01-%02d\ntags = [\"t%d\"]\n+++\n## Part %d\n\n- one\n- two[^1]\n\n[^1]: A note.\n", i, 1+i%28, i%3, i)
			fsys[fmt.Sprintf("content/law/b%d.%s.md", i, lang)] = &fstest.MapFile{Data: []byte(body)}
		}
	}
	return fsys
}

// oneShotGraph reads fsys as a one-shot build does and makes its page graph.
func oneShotGraph(t *testing.T, fsys fstest.MapFS) (*state, *diag.List) {
	t.Helper()
	errs := &diag.List{}
	e, err := newEnv(Options{Site: fsys, Theme: briefs.Theme, Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)}, oneShot{}, errs)
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]*content.File{}
	for _, f := range e.mode.load(e, errs) {
		files[f.Path] = f
	}
	st := &state{env: e, files: files, bodies: &bodies{m: map[string]*body{}}}
	st.site = st.graph(nil, errs)
	return st, errs
}

// TestRenderAhead: every brief's body rendered ahead is the body its page renders,
// and is taken once.
func TestRenderAhead(t *testing.T) {
	st, errs := oneShotGraph(t, aheadSite(20))
	a := st.renderAhead()
	<-a.done // all of them, not as many as the claims leave time for
	a.end(st)
	briefs := 0
	for _, p := range st.site.Pages {
		if !readWhenWritten(p) {
			continue
		}
		briefs++
		got, ok := st.ahead.take(p, errs)
		if !ok {
			t.Fatalf("%s: no body rendered ahead", p.Path)
		}
		want, err := st.briefBody(p, errs)
		if err != nil || got != want || !strings.Contains(got, "<li>") {
			t.Errorf("%s: body rendered ahead %q, at its page %q (%v)", p.Path, got, want, err)
		}
		if _, ok := st.ahead.take(p, errs); ok {
			t.Errorf("%s: body rendered ahead taken twice", p.Path)
		}
	}
	if briefs != 40 {
		t.Errorf("%d briefs, want 40", briefs)
	}
	if err := errs.Err(); err != nil {
		t.Error(err)
	}
}

// TestRenderAheadChangedFile: a brief changed after it was read is reported by its
// page, once, though rendering ahead read it first and left it.
func TestRenderAheadChangedFile(t *testing.T) {
	fsys := aheadSite(3)
	st, errs := oneShotGraph(t, fsys)
	fsys["content/law/b1.en.md"].Data = append(fsys["content/law/b1.en.md"].Data, "More.\n"...)
	l, err := render.Parse(st.th, st.cfg)
	if err != nil {
		t.Fatal(err)
	}
	st.r = l.For(st.site)
	a := st.renderAhead()
	<-a.done
	a.end(st)
	for _, p := range st.site.Pages {
		if readWhenWritten(p) {
			st.streamBrief(p, 1, output.NewMemory(), errs, &streamedPages{})
		}
	}
	if n := strings.Count(errs.Error(), "changed while the site was being built"); n != 1 {
		t.Errorf("the changed file reported %d times, want once:\n%v", n, errs)
	}
}

// TestRenderAheadProblemsAtTake: a body's problems are reported when its page takes
// it, not when it is rendered ahead, so a brief whose page is never written (it lost
// its address) reports nothing however far rendering ahead got.
func TestRenderAheadProblemsAtTake(t *testing.T) {
	fsys := aheadSite(2)
	fsys["content/law/b1.en.md"].Data = append(fsys["content/law/b1.en.md"].Data, "{{< nosuch >}}\n"...)
	st, errs := oneShotGraph(t, fsys)
	a := st.renderAhead()
	<-a.done
	a.end(st)
	if err := errs.Err(); err != nil {
		t.Fatalf("problems before any page took its body: %v", err)
	}
	for _, p := range st.site.Pages {
		if readWhenWritten(p) && p.File.Path == "content/law/b1.en.md" {
			if _, ok := st.ahead.take(p, errs); !ok {
				t.Fatal("b1.en.md: no body rendered ahead")
			}
		}
	}
	if got := fmt.Sprint(errs.Err()); !strings.Contains(got, "content/law/b1.en.md:") || !strings.Contains(got, "nosuch") {
		t.Errorf("after its page took it, want b1.en.md's unknown shortcode, got: %v", got)
	}
}

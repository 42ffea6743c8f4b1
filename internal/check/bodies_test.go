package check

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

// TestBodiesAsBuildReportsThem checks that every body problem that makes a build fail
// (an unknown shortcode, a bad num argument, an unclosed shortcode, a ref that leads
// nowhere, a site shortcode that fails) is an error of check, at the place build gives
// and with its words.
func TestBodiesAsBuildReportsThem(t *testing.T) {
	fsys, _ := siteFS(t, "shortcodes.txtar")
	_, err := build.Run(build.Options{Site: fsys, Theme: briefs.Theme, Now: testNow}, output.NewMemory())
	var list *diag.List
	if !errors.As(err, &list) {
		t.Fatalf("build did not fail with a list of problems: %v", err)
	}
	var fromBuild, fromCheck []string
	for _, e := range list.Errors() {
		fromBuild = append(fromBuild, e.Error())
	}
	for _, f := range run(t, fsys).Findings {
		if f.Kind == "markdown" {
			if f.Severity != diag.SevError {
				t.Errorf("%s: severity %s, want error", f, f.Severity)
			}
			fromCheck = append(fromCheck, f.Error.Error())
		}
	}
	slices.Sort(fromBuild)
	slices.Sort(fromCheck)
	if len(fromBuild) < 6 || !slices.Equal(fromBuild, fromCheck) {
		t.Errorf("check reports:\n%q\nbuild reports:\n%q", fromCheck, fromBuild)
	}
	// Hugo's shortcodes: a ref that leads nowhere, an unknown name once with its
	// count, a template that fails, a call left open.
	for _, want := range []string{
		`content/law/x.en.md:9:69: relref "law/gone": no page law/gone`,
		`content/law/x.en.md:10:5: unknown shortcode "nm"`,
		`(used 2 times, in content/law/x.en.md, content/law/x.zh.md)`,
		`content/law/y.en.md:6:1: shortcode broken: layouts/shortcodes/broken.html:1:4:`,
		`content/law/x.en.md:12:1: shortcode details has no closing tag`,
	} {
		if !slices.ContainsFunc(fromCheck, func(s string) bool { return strings.Contains(s, want) }) {
			t.Errorf("check does not report %q:\n%s", want, strings.Join(fromCheck, "\n"))
		}
	}
}

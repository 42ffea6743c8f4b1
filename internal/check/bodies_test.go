package check

import (
	"errors"
	"slices"
	"testing"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

// TestBodiesAsBuildReportsThem checks that every body problem that makes a build fail
// (an unknown shortcode, a bad num argument, an unclosed shortcode) is an error of
// check, at the place build gives and with its words.
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
}

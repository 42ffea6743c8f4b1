package check

import (
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/diag"
)

// TestThemeShortcodesDegraded: a Hugo theme's shortcode that briefs cannot run is a
// warning in check, as in build (one per name, with the count of calls), and so is
// an inline shortcode when the configuration leaves them off.
func TestThemeShortcodesDegraded(t *testing.T) {
	fsys, _ := siteFS(t, "theme.txtar")
	rep := runAsIs(t, fsys)
	var got []string
	for _, f := range rep.Findings {
		if f.Severity == diag.SevError {
			t.Errorf("error: %v", f)
		}
		if f.Severity == diag.SevWarning {
			got = append(got, f.Error.Error())
		}
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"content/a.md:4:1: warning: theme tiny's shortcode fancy uses images.Process, which briefs does not support; its calls show their content as Markdown (or nothing); write layouts/shortcodes/fancy.html to replace it (used 2 times, in content/a.md)",
		"content/a.md:8:1: warning: inline shortcodes are off: this call of y.inline, and every call of an inline shortcode, is left out, as Hugo leaves them out; set enableInlineShortcodes = true in the configuration to run the shortcodes bodies define (used 2 times, in content/a.md)",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings lack %q:\n%s", want, all)
		}
	}
}

// Package briefs holds the default theme: the layouts/ and static/ folders at the root of
// this repository, which are at the same time the example site's own. They are embedded
// in the briefs binary so that a site with no layouts of its own builds with them.
package briefs

import "embed"

// Theme is the default theme, with layouts/ and static/ at its root.
//
//go:embed layouts static
var Theme embed.FS

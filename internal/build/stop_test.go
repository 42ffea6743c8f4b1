package build_test

import (
	"context"
	"errors"
	"testing"

	"github.com/briefs/briefs/internal/build"
)

// TestStoppedBuildRendersNothing checks that a build whose context is done (Ctrl+C,
// or output.Dir after a failed write) renders no more pages and fails with the cause,
// alone: a full disk is one error, not one per page.
func TestStoppedBuildRendersNothing(t *testing.T) {
	full := errors.New("cannot write public/index.html: no space left on device")
	ctx, cancel := context.WithCancelCause(context.Background())
	cancel(full)
	mem, res, err := buildSite(t, siteFS(t, "basic.txtar"), build.Options{Context: ctx})
	if err != full || res != nil {
		t.Errorf("got %v, want the cause alone", err)
	}
	if names := mem.Names(); len(names) > 0 {
		t.Errorf("rendered %v after the build was stopped", names)
	}
}

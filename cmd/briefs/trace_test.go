package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBuildTrace: with BRIEFS_TRACE set, build writes an execution trace there (go
// tool trace's format begins "go 1."); a trace it cannot write is reported, and the
// build goes on without it.
func TestBuildTrace(t *testing.T) {
	dir := writeSite(t, envSite)
	file := filepath.Join(t.TempDir(), "build.trace")
	t.Setenv(traceEnv, file)
	if code, _, errOut := runCmd("build", "--quiet", "-s", dir); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("go 1.")) {
		t.Errorf("%s begins %q, not an execution trace", file, data[:min(len(data), 16)])
	}

	t.Setenv(traceEnv, filepath.Join(dir, "no", "such", "folder", "build.trace"))
	code, _, errOut := runCmd("build", "--quiet", "-s", dir)
	if code != exitOK || !strings.Contains(errOut, "building without a trace") {
		t.Errorf("trace into a missing folder: exit %d, stderr %q", code, errOut)
	}
}

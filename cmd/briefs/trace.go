package main

import (
	"fmt"
	"io"
	"os"
	"runtime/trace"
)

// traceEnv names the file a build writes its execution trace to (go tool trace):
// when each core ran what, which stretches of the build run on one core while the
// other waits. It is for finding where a build's wall time goes, not for users, so it
// is an environment variable rather than a flag in build's help.
const traceEnv = "BRIEFS_TRACE"

// startTrace starts an execution trace into the file env names under traceEnv, if
// any, and returns what stops it; a trace that cannot start is reported and skipped,
// as it changes nothing the build writes.
func startTrace(env func(string) string, stderr io.Writer) (stop func()) {
	file := env(traceEnv)
	if file == "" {
		return func() {}
	}
	f, err := os.Create(file)
	if err == nil {
		if err = trace.Start(f); err != nil {
			f.Close()
			os.Remove(file) // made empty just now: nothing of the user's is lost
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "briefs build: %s: %v; building without a trace\n", traceEnv, err)
		return func() {}
	}
	return func() {
		trace.Stop()
		if err := f.Close(); err != nil {
			fmt.Fprintf(stderr, "briefs build: %s: %v; the trace is incomplete\n", traceEnv, err)
		}
	}
}

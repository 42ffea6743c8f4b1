//go:build !linux

package main

import "os"

// isTerminal is false where briefs does not know how to ask: the build then shows no
// progress line, as when its output is piped.
func isTerminal(*os.File) bool { return false }

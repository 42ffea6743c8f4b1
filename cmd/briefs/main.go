// Command briefs builds bilingual static sites of policy briefs.
//
// Usage:
//
//	briefs build [-s SITE] [-o OUT] [--drafts] [--future] [--expired] [--base-url URL] [--themes-dir DIR]
//	briefs serve [-s SITE] [--bind 127.0.0.1] [--port 1313] [--drafts=true] [--future] [--expired]
//	briefs new [-s SITE] <section>/<slug>[.<lang>.md]
//	briefs list [-s SITE] drafts|future|expired
//	briefs check [-s SITE] [--format text|json] [--strict] [--environment production] [--themes-dir DIR]
//	briefs stamp [-s SITE] FILE...
//	briefs version
//	briefs help [command]
//
// See the README for the site layout, site.toml and front matter.
package main

import (
	"fmt"
	"io"
	"os"
	"sort"
)

// Exit statuses.
const (
	exitOK      = 0
	exitContent = 1 // the content or layouts have errors
	exitUsage   = 2 // the command line is wrong
	// exitInterrupted is the shells' status for a command stopped by Ctrl+C (128+SIGINT).
	exitInterrupted = 130
)

// version is set at link time with -ldflags "-X main.version=…".
var version = "devel"

type command struct {
	summary string
	run     func(args []string, stdout, stderr io.Writer) int
}

var commands map[string]command

func init() {
	commands = map[string]command{
		"build":   {"build the site into public/", runBuild},
		"serve":   {"serve the site on 127.0.0.1, rebuilding on every change", runServe},
		"new":     {"create a new brief in every site language", runNew},
		"list":    {"list drafts, embargoed (future) or expired briefs", runList},
		"check":   {"check translations: figures, outdated translations, links, coverage", runCheck},
		"stamp":   {"record which version of the original a translation translates", runStamp},
		"version": {"print the version", runVersion},
		"help":    {"show help for a command", runHelp},
	}
}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	name := args[0]
	if name == "-h" || name == "-help" || name == "--help" {
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands[name]
	if !ok {
		fmt.Fprintf(stderr, "briefs: unknown command %q\n\n", name)
		usage(stderr)
		return exitUsage
	}
	return cmd.run(args[1:], stdout, stderr)
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "briefs builds bilingual static sites of policy briefs.")
	fmt.Fprintln(w, "\nUsage: briefs <command> [flags]\n\nCommands:")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-8s %s\n", n, commands[n].summary)
	}
	fmt.Fprintln(w, "\nRun 'briefs <command> -h' for a command's flags.")
}

func runVersion(_ []string, stdout, _ io.Writer) int {
	fmt.Fprintln(stdout, "briefs", version)
	return exitOK
}

func runHelp(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stdout)
		return exitOK
	}
	cmd, ok := commands[args[0]]
	if !ok || args[0] == "help" {
		usage(stdout)
		return exitOK
	}
	return cmd.run([]string{"-h"}, stdout, stderr)
}

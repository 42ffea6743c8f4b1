package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
)

// newFlags makes a command's flag set that prints its usage to the right stream.
func newFlags(name, synopsis string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: briefs %s\n\nFlags:\n", synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, telling -h (exit 0, usage on stdout) from a bad flag (exit 2).
// A command takes at most maxArgs arguments after its flags.
func parseFlags(fs *flag.FlagSet, args []string, stdout io.Writer, maxArgs int) (int, bool) {
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK, false
	}
	if err != nil {
		return exitUsage, false
	}
	if fs.NArg() > maxArgs {
		fmt.Fprintf(fs.Output(), "briefs %s: unexpected argument %q\n", fs.Name(), fs.Arg(maxArgs))
		return exitUsage, false
	}
	return 0, true
}

// siteFlags are the flags of the commands that build a site: build and serve.
type siteFlags struct {
	dir                     string
	themesDir               string
	baseURL                 string
	drafts, future, expired bool
	// env is --environment; defaultEnv the command's own (production for build,
	// development for serve), used when neither the flag nor HUGO_ENVIRONMENT is set.
	env, defaultEnv string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "s", ".", "the site `folder` (holds site.toml)")
	fs.StringVar(&f.themesDir, "themes-dir", "", "look for the site's Hugo themes in this `folder` (relative to the site; Hugo's --themesDir)")
	fs.StringVar(&f.baseURL, "base-url", "", "publish under this `URL` instead of site.toml's baseURL")
	fs.BoolVar(&f.drafts, "drafts", false, "include drafts")
	fs.BoolVar(&f.future, "future", false, "include briefs whose publishDate is in the future")
	fs.BoolVar(&f.expired, "expired", false, "include briefs whose expiryDate has passed")
	fs.StringVar(&f.env, "environment", "", "the Hugo `environment` whose config/<environment>/ is merged over config/_default/ (default: HUGO_ENVIRONMENT, else production for build, development for serve)")
}

// environment is the Hugo environment to build for: --environment, else
// HUGO_ENVIRONMENT (as Hugo reads it), else the command's own.
func (f *siteFlags) environment() string { return environment(f.env, f.defaultEnv) }

// environment is the Hugo environment a command reads the site as: flag (its
// --environment), else HUGO_ENVIRONMENT, else def, else production.
func environment(flag, def string) string {
	return cmp.Or(flag, os.Getenv("HUGO_ENVIRONMENT"), def, config.Production)
}

func (f *siteFlags) options() build.Options {
	return build.Options{Site: content.SiteFS(f.dir), Dir: f.dir, ThemesDir: f.themesDir, Theme: briefs.Theme, BaseURL: f.baseURL, Environment: f.environment(),
		Drafts: f.drafts, Future: f.future, Expired: f.expired,
		ImageCache: filepath.Join(f.dir, ".cache", "briefs", "images")}
}

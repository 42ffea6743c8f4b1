package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/briefs/briefs"
	"github.com/briefs/briefs/internal/build"
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
	baseURL                 string
	drafts, future, expired bool
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.dir, "s", ".", "the site `folder` (holds site.toml)")
	fs.StringVar(&f.baseURL, "base-url", "", "publish under this `URL` instead of site.toml's baseURL")
	fs.BoolVar(&f.drafts, "drafts", false, "include drafts")
	fs.BoolVar(&f.future, "future", false, "include briefs whose publishDate is in the future")
	fs.BoolVar(&f.expired, "expired", false, "include briefs whose expiryDate has passed")
}

func (f *siteFlags) options() build.Options {
	return build.Options{Site: content.SiteFS(f.dir), Theme: briefs.Theme, BaseURL: f.baseURL,
		Drafts: f.drafts, Future: f.future, Expired: f.expired,
		ImageCache: filepath.Join(f.dir, ".cache", "briefs", "images")}
}

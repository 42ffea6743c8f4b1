package main

import (
	"os"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/content"
	"github.com/briefs/briefs/internal/diag"
)

// loadSiteConfig reads SITE/site.toml for commands that need only the settings.
func loadSiteConfig(dir string) (*config.Site, error) {
	cfg, err := config.Read(os.DirFS(dir))
	if err != nil {
		return nil, inSiteErr(dir, err)
	}
	return cfg, nil
}

// loadSiteContent reads SITE/site.toml and every content file, for the commands that
// look at the files without building (list, stamp). Files with problems are left out
// and their problems returned.
func loadSiteContent(dir string) (*config.Site, []*content.File, *diag.List, error) {
	cfg, err := loadSiteConfig(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	var errs diag.List
	return cfg, content.Load(os.DirFS(dir), cfg, &errs), &errs, nil
}

package config

import (
	"cmp"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// HugoConfigDir is Hugo's configuration folder: config/_default/ holds what every
// environment shares, config/production/ and config/development/ (or any
// environment's folder) what differs.
const HugoConfigDir = "config"

// HugoDir is the folder of what every environment shares: config/_default/hugo.toml
// holds the top level, and each other file one key (languages.toml is [languages],
// menus.en.toml the English menus).
const HugoDir = HugoConfigDir + "/_default"

// Production and Development are Hugo's environments for a build and for the dev
// server; another may be named (briefs build --environment staging).
const (
	Production  = "production"
	Development = "development"
)

// readHugo reads a Hugo site's configuration: the root file name (src; name "" when
// there is none), then config/_default/, then config/<env>/, each merged over what
// came before (tables key by key, regardless of case; other values replaced), as Hugo
// merges them. It returns nil and no error when there is no configuration at all.
func readHugo(fsys fs.FS, env, name string, src []byte) (*Site, error) {
	raw := map[string]any{}
	main, mainSrc := name, src
	if name != "" {
		m, err := decodeAny(name, src)
		if err != nil {
			return nil, err
		}
		raw = m
	}
	found := name != ""
	for _, dir := range []string{HugoDir, HugoConfigDir + "/" + env} {
		m, file, fileSrc, ok, err := readHugoFolder(fsys, dir)
		if err != nil {
			return nil, err
		}
		if !ok {
			continue
		}
		found = true
		merge(raw, m)
		if main == "" && file != "" {
			main, mainSrc = file, fileSrc
		}
	}
	if !found {
		return nil, nil
	}
	return loadHugoMap(cmp.Or(main, HugoDir+"/hugo.toml"), mainSrc, raw)
}

// readHugoFolder reads one folder of Hugo's configuration into one map: hugo.toml (or
// config.toml) is the top level, each other file the key it is named after
// (params.toml is params), and a file named with a language (menus.en.toml) that
// key of the language (languages.en.menus). ok is false when the folder has no
// configuration file; file and src are its top-level file, if any.
func readHugoFolder(fsys fs.FS, dir string) (raw map[string]any, file string, src []byte, ok bool, err error) {
	entries, rerr := fs.ReadDir(fsys, dir)
	if rerr != nil {
		return nil, "", nil, false, nil
	}
	raw = map[string]any{}
	for _, e := range entries {
		ext := path.Ext(e.Name())
		if e.IsDir() || !slices.Contains([]string{".toml", ".yaml", ".yml", ".json"}, ext) {
			continue
		}
		name := dir + "/" + e.Name()
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			return nil, "", nil, false, diag.At(name, 0, 0, "cannot read: %v", err)
		}
		m, err := decodeAny(name, data)
		if err != nil {
			return nil, "", nil, false, err
		}
		ok = true
		key, lang, _ := strings.Cut(strings.TrimSuffix(e.Name(), ext), ".")
		switch {
		case key == "hugo" || key == "config":
			merge(raw, m)
			file, src = name, data
		case lang != "":
			merge(raw, map[string]any{"languages": map[string]any{lang: map[string]any{key: m}}})
		default:
			merge(raw, map[string]any{key: m})
		}
	}
	return raw, file, src, ok, nil
}

// merge puts src over dst: a table is merged key by key, keys matched regardless of
// case (Hugo's keys have no case) and kept under their first spelling; any other
// value replaces the one before.
func merge(dst, src map[string]any) {
	for k, v := range src {
		old := ""
		for dk := range dst {
			if strings.EqualFold(dk, k) {
				old = dk
				break
			}
		}
		if old == "" {
			dst[k] = v
			continue
		}
		dm, dok := dst[old].(map[string]any)
		sm, sok := v.(map[string]any)
		if dok && sok {
			merge(dm, sm)
			continue
		}
		dst[old] = v // under its first spelling, which layouts may use
	}
}

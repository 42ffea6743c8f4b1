package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/figures"
)

// fillUnits builds the unit registry: the built-in units, then the site's [units.*]
// tables, which may add units or replace built-in ones.
//
//	[units.case]
//	zh = "起"                 # or a list: ["起", "件"]; the first is written
//	en = ["case", "cases"]   # forms by the language's plural categories: one, other
func (s *Site) fillUnits(file string, src []byte, errs *diag.List) {
	s.UnitSet = figures.DefaultUnits()
	keys := make([]string, 0, len(s.Units))
	for k := range s.Units {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, key := range keys {
		names := map[string][]string{}
		for lang, v := range s.Units[key] {
			forms, err := unitForms(v)
			if err != nil {
				line, col := diag.TOMLKeyPos(src, []string{"units", key, lang})
				errs.Add(diag.At(file, line, col, "units.%s.%s: %v", key, lang, err))
				continue
			}
			names[lang] = forms
		}
		if err := s.UnitSet.Add(key, names); err != nil {
			line, col := diag.TOMLKeyPos(src, []string{"units", key})
			errs.Add(diag.At(file, line, col, "units.%s: %v", key, err))
		}
	}
}

func unitForms(v any) ([]string, error) {
	switch x := v.(type) {
	case string:
		return []string{x}, nil
	case []any:
		var out []string
		for _, e := range x {
			s, ok := e.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return nil, fmt.Errorf("give words as strings, such as [\"case\", \"cases\"]")
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("give a word or a list of words, such as \"起\" or [\"case\", \"cases\"]")
}

package config

import (
	"maps"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// Measure is a measure word that briefs check may meet converted in a translation
// (亩 as hectares, 斤 as tonnes). The common ones are built into the check; a site
// declares others in site.toml:
//
//	[measures.li]
//	dimension = "length"   # mass (kg), area (hectare), length (km), or a new one
//	factor = 0.5           # one li in the dimension's base unit
//	zh = ["里"]
//	en = ["li"]
type Measure struct {
	Dimension string   `toml:"dimension"`
	Factor    float64  `toml:"factor"`
	Zh        []string `toml:"zh"`
	En        []string `toml:"en"`
}

// checkMeasures reports a declared measure that cannot be used, at its key.
func (s *Site) checkMeasures(file string, at func(...string) (int, int), errs *diag.List) {
	for _, key := range slices.Sorted(maps.Keys(s.Measures)) {
		m := s.Measures[key]
		line, col := at("measures", key)
		switch {
		case strings.TrimSpace(m.Dimension) == "":
			errs.Add(diag.At(file, line, col, "measures.%s: no dimension; add dimension = \"mass\", \"area\", \"length\" or a name of your own", key))
		case m.Factor <= 0:
			errs.Add(diag.At(file, line, col, "measures.%s: factor must be above 0: what one %s is in the dimension's base unit", key, key))
		case len(m.Zh)+len(m.En) == 0:
			errs.Add(diag.At(file, line, col, "measures.%s: no words; add zh = [\"…\"] and en = [\"…\"]", key))
		}
	}
}

package check

import (
	"maps"
	"slices"
	"strings"

	"github.com/briefs/briefs/internal/config"
)

// A translation may convert a measure: 1.39万亿斤 is "695 million metric tons",
// 1000万亩 "666,667 hectares". The figures package knows counting units only, so the
// scanner notes the measure word after a figure, and the tolerant pass compares two
// figures with measures of one dimension in that dimension's base unit.

// measure is a measure word's dimension and what one of it is in the dimension's base
// unit (mass: kilogram, area: hectare, length: kilometre).
type measure struct {
	dim    string
	factor float64
}

// measureWord is a word that names a measure.
type measureWord struct {
	word string
	m    measure
}

// measureWords are the measure words of each language, longest first.
type measureWords struct{ zh, en []measureWord }

// builtinMeasures are the measure words check knows without a site's declaring them.
var builtinMeasures = measureWords{
	zh: []measureWord{
		{"平方公里", measure{"area", 100}}, {"公顷", measure{"area", 1}}, {"亩", measure{"area", 1.0 / 15}},
		{"公斤", measure{"mass", 1}}, {"千克", measure{"mass", 1}}, {"斤", measure{"mass", 0.5}},
		{"吨", measure{"mass", 1000}}, {"公里", measure{"length", 1}}, {"千米", measure{"length", 1}},
	},
	en: []measureWord{
		{"square kilometers", measure{"area", 100}}, {"square kilometres", measure{"area", 100}}, {"sq km", measure{"area", 100}},
		{"hectares", measure{"area", 1}}, {"hectare", measure{"area", 1}}, {"mu", measure{"area", 1.0 / 15}},
		{"metric tons", measure{"mass", 1000}}, {"metric tonnes", measure{"mass", 1000}}, {"tonnes", measure{"mass", 1000}},
		{"tons", measure{"mass", 1000}}, {"kilograms", measure{"mass", 1}}, {"kg", measure{"mass", 1}}, {"jin", measure{"mass", 0.5}},
		{"kilometers", measure{"length", 1}}, {"kilometres", measure{"length", 1}}, {"km", measure{"length", 1}},
	},
}

// measuresOf adds a site's declared measures ([measures.*] in site.toml) to the
// built-in ones; a declared word replaces a built-in one.
func measuresOf(declared map[string]config.Measure) *measureWords {
	out := &measureWords{zh: slices.Clone(builtinMeasures.zh), en: slices.Clone(builtinMeasures.en)}
	for _, key := range slices.Sorted(maps.Keys(declared)) {
		d := declared[key]
		m := measure{d.Dimension, d.Factor}
		for _, w := range d.Zh {
			out.zh = append([]measureWord{{w, m}}, out.zh...)
		}
		for _, w := range d.En {
			out.en = append([]measureWord{{strings.ToLower(w), m}}, out.en...)
		}
	}
	byLength := func(a, b measureWord) int { return len(b.word) - len(a.word) }
	slices.SortStableFunc(out.zh, byLength)
	slices.SortStableFunc(out.en, byLength)
	return out
}

// measureAt returns the measure word that starts rest (after a space in English).
func (sc scanner) measureAt(rest string) measure {
	words := sc.measures
	if words == nil {
		words = &builtinMeasures
	}
	if sc.cjk {
		for _, w := range words.zh {
			if strings.HasPrefix(rest, w.word) {
				return w.m
			}
		}
		return measure{}
	}
	rest = strings.TrimLeft(rest, " ")
	for _, w := range words.en {
		if hasPrefixFold(rest, w.word) && (len(rest) == len(w.word) || !isWordByte(rest[len(w.word)])) {
			return w.m
		}
	}
	return measure{}
}

// converted is a figure's value and precision in its measure's base unit, or as
// written when it has none.
func (p precise) converted() (value, ulp float64) {
	if p.measure.factor == 0 {
		return p.value, p.ulp
	}
	return p.value * p.measure.factor, p.ulp * p.measure.factor
}

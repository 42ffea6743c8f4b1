package check

import (
	"strings"
)

// A translation may convert a measure: 1.39万亿斤 is "695 million metric tons",
// 1000万亩 "666,667 hectares". The figures package knows counting units only, so the
// scanner notes the measure word after a figure, and the tolerant pass compares two
// figures with measures of one dimension in that dimension's base unit.

// measure is a measure word's dimension and what one of it is in the dimension's base
// unit.
type measure struct {
	dim    string
	factor float64
}

// zhMeasures and enMeasures are the built-in measure words, longest first.
var (
	zhMeasures = []struct {
		word string
		m    measure
	}{
		{"平方公里", measure{"km2", 1}}, {"公顷", measure{"ha", 1}}, {"亩", measure{"ha", 1.0 / 15}},
		{"公斤", measure{"kg", 1}}, {"千克", measure{"kg", 1}}, {"斤", measure{"kg", 0.5}},
		{"吨", measure{"kg", 1000}}, {"公里", measure{"km", 1}}, {"千米", measure{"km", 1}},
	}
	enMeasures = []struct {
		word string
		m    measure
	}{
		{"square kilometers", measure{"km2", 1}}, {"square kilometres", measure{"km2", 1}}, {"sq km", measure{"km2", 1}},
		{"hectares", measure{"ha", 1}}, {"hectare", measure{"ha", 1}}, {"mu", measure{"ha", 1.0 / 15}},
		{"metric tons", measure{"kg", 1000}}, {"metric tonnes", measure{"kg", 1000}}, {"tonnes", measure{"kg", 1000}},
		{"tons", measure{"kg", 1000}}, {"kilograms", measure{"kg", 1}}, {"kg", measure{"kg", 1}}, {"jin", measure{"kg", 0.5}},
		{"kilometers", measure{"km", 1}}, {"kilometres", measure{"km", 1}}, {"km", measure{"km", 1}},
	}
)

// measureAt returns the measure word that starts rest (after a space in English).
func (sc scanner) measureAt(rest string) measure {
	if sc.cjk {
		for _, w := range zhMeasures {
			if strings.HasPrefix(rest, w.word) {
				return w.m
			}
		}
		return measure{}
	}
	rest = strings.TrimLeft(rest, " ")
	for _, w := range enMeasures {
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

package figures

import (
	"bytes"
	"fmt"
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// parseLang reads a BCP 47 language tag for Format and Units.Add.
func parseLang(lang string) (language.Tag, error) {
	if t, ok := langTags.Load(lang); ok {
		return t.(language.Tag), nil
	}
	t, err := language.Parse(lang)
	if err != nil || t == language.Und {
		return language.Und, fmt.Errorf("unknown language %q; use a BCP 47 tag like zh, en or fr", lang)
	}
	langTags.Store(lang, t)
	return t, nil
}

// langTags caches parsed tags: a site formats thousands of figures in two or three
// languages, and parsing the tag each time was a tenth of Format's cost.
var langTags sync.Map

// isZh reports whether t is written in Chinese notation (zh, zh-Hant, zh-TW...).
// zh and en, which nearly every call is for, are decided without Base,
// whose table lookups were 7% of Format's time in a profile.
func isZh(t language.Tag) bool {
	switch t {
	case language.Chinese:
		return true
	case language.English:
		return false
	}
	b, _ := t.Base()
	return b.String() == "zh"
}

// langChain lists the tags to look up unit names for t, most specific
// first: t, its CLDR parents, then its bare language (zh-TW's parent is
// zh-Hant, not zh, but a unit named only in zh should still serve zh-TW).
func langChain(t language.Tag) []language.Tag {
	if c, ok := chains.Load(t); ok {
		return c.([]language.Tag)
	}
	var chain []language.Tag
	for p := t; p != language.Und; p = p.Parent() {
		chain = append(chain, p)
	}
	b, _ := t.Base()
	chain = append(chain, language.Make(b.String()))
	chains.Store(t, chain)
	return chain
}

// chains caches langChain, which every unit lookup of every figure needs.
var chains sync.Map

// notation holds the words a language puts around numbers. Forms of scale
// words are keyed by plural form; a missing form falls back to Other.
type notation struct {
	quals  [Over + 1][]string             // qualifier words, first is the default
	scales [3]map[plural.Form]string      // million, billion, trillion
	link   string                         // between a scale word and a unit word (fr "de")
	elide  func(link, word string) string // optional contraction (fr "d'")
}

var enNotation = notation{
	quals: [...][]string{
		MoreThan: {"more than"},
		Nearly:   {"nearly", "almost"},
		About:    {"about", "around", "approximately"},
		Over:     {"over"},
	},
	scales: [3]map[plural.Form]string{
		{plural.Other: "million"}, {plural.Other: "billion"}, {plural.Other: "trillion"},
	},
}

// frNotation uses the French short scale (milliard is 10^9, billion 10^12)
// and "de" before the unit after a scale word: 1,5 million de personnes.
var frNotation = notation{
	quals: [...][]string{
		MoreThan: {"plus de"}, Nearly: {"près de"}, About: {"environ"}, Over: {"plus de"},
	},
	scales: [3]map[plural.Form]string{
		{plural.One: "million", plural.Other: "millions"},
		{plural.One: "milliard", plural.Other: "milliards"},
		{plural.One: "billion", plural.Other: "billions"},
	},
	link:  "de",
	elide: frElide,
}

var deNotation = notation{
	quals: [...][]string{
		MoreThan: {"mehr als"}, Nearly: {"fast"}, About: {"etwa"}, Over: {"über"},
	},
	scales: [3]map[plural.Form]string{
		{plural.One: "Million", plural.Other: "Millionen"},
		{plural.One: "Milliarde", plural.Other: "Milliarden"},
		{plural.One: "Billion", plural.Other: "Billionen"},
	},
}

// frElide writes "de" as "d'" before a vowel: 2 millions d'entreprises.
func frElide(link, word string) string {
	r := []rune(strings.ToLower(word))
	if len(r) > 0 && strings.ContainsRune("aeiouàâäéèêëîïôöûü", r[0]) {
		return "d'" + word
	}
	return link + " " + word
}

// notationFor returns the number words for t; languages this package has
// no words for use English ones (see the package doc).
func notationFor(t language.Tag) *notation {
	if t == language.English {
		return &enNotation // the usual case, without Base's lookups
	}
	b, _ := t.Base()
	switch b.String() {
	case "fr":
		return &frNotation
	case "de":
		return &deNotation
	}
	return &enNotation
}

// cldrOrder is the order in which CLDR lists plural categories, and so the
// order of a unit's forms in site.toml (en: one, other).
var cldrOrder = []plural.Form{plural.Zero, plural.One, plural.Two, plural.Few, plural.Many, plural.Other}

var formNames = map[plural.Form]string{
	plural.Zero: "zero", plural.One: "one", plural.Two: "two",
	plural.Few: "few", plural.Many: "many", plural.Other: "other",
}

// pluralCategories lists the cardinal plural categories t uses, in CLDR
// order. x/text does not export that list, so it is found by matching a
// sample of integers and decimals that reaches every category of every
// CLDR language.
func pluralCategories(t language.Tag) []plural.Form {
	seen := map[plural.Form]bool{}
	for i := 0; i <= 200; i++ {
		seen[plural.Cardinal.MatchPlural(t, i, 0, 0, 0, 0)] = true
	}
	for _, i := range []int{1000, 10000, 100000, 1000000, 2000000} {
		seen[plural.Cardinal.MatchPlural(t, i, 0, 0, 0, 0)] = true
	}
	for i := 0; i <= 3; i++ {
		for f := 0; f <= 9; f++ {
			seen[plural.Cardinal.MatchPlural(t, i, 1, 1, f, f)] = true
			seen[plural.Cardinal.MatchPlural(t, i, 2, 2, f*10+1, f*10+1)] = true
		}
	}
	var cats []plural.Form
	for _, f := range cldrOrder {
		if seen[f] {
			cats = append(cats, f)
		}
	}
	return cats
}

// matchPlural returns the plural form of |d| in language t, as written with
// all its decimals.
func matchPlural(t language.Tag, d Decimal) plural.Form {
	var buf [40]byte
	digits := d.appendAbs(buf[:0])
	nInt, nFrac := len(digits), 0
	if i := bytes.IndexByte(digits, '.'); i >= 0 {
		digits = append(digits[:i], digits[i+1:]...)
		nInt, nFrac = i, len(digits)-i
	}
	for i := range digits {
		digits[i] -= '0'
	}
	return plural.Cardinal.MatchDigits(t, digits, nInt, nFrac)
}

// numSyms says how a language writes digits: signs, separators, grouping
// sizes and digit characters.
type numSyms struct {
	minus, group, point  string
	digits               [10]string // nil entries mean ASCII digits
	primary, secondary   int        // group sizes from the right; 0 = no grouping
	minGroup             int        // group only numbers with at least primary+minGroup digits
	pctPrefix, pctSuffix string
}

var enSyms = numSyms{minus: "-", group: ",", point: ".", primary: 3, secondary: 3, minGroup: 1, pctSuffix: "%"}

// symbolsFor learns t's number symbols by formatting samples with
// golang.org/x/text/message, which knows CLDR's data but formats only
// machine numbers (float64 would lose exactness).
func symbolsFor(t language.Tag) numSyms {
	p := message.NewPrinter(t)
	s, ok := deriveSyms(p.Sprint(number.Decimal(9876543210)), p.Sprint(number.Decimal(-1234567.5)),
		p.Sprint(number.Decimal(1234)), p.Sprint(number.Percent(0.5)))
	if !ok {
		return enSyms
	}
	return s
}

// sample is a formatted number split at its digits.
type sample struct {
	prefix, suffix string
	digits         []rune
	gaps           []string // gaps[i] is what stands between digits i and i+1
}

func splitSample(s string) sample {
	var sm sample
	var cur strings.Builder
	for _, r := range s {
		if !unicode.IsDigit(r) {
			cur.WriteRune(r)
			continue
		}
		if len(sm.digits) == 0 {
			sm.prefix = cur.String()
		} else {
			sm.gaps = append(sm.gaps, cur.String())
		}
		cur.Reset()
		sm.digits = append(sm.digits, r)
	}
	sm.suffix = cur.String()
	return sm
}

// deriveSyms reads symbols from 9876543210, -1234567.5, 1234 and 50%.
func deriveSyms(all, neg, small, pct string) (numSyms, bool) {
	var s numSyms
	a := splitSample(all)
	if len(a.digits) != 10 {
		return s, false
	}
	for i, r := range a.digits {
		s.digits[9-i] = string(r)
	}
	n := splitSample(neg)
	if len(n.digits) != 8 || n.gaps[6] == "" {
		return s, false
	}
	s.minus, s.point = n.prefix, n.gaps[6]
	last, prev := -1, -1
	for i, g := range n.gaps[:6] {
		if g != "" {
			last, prev, s.group = i, last, g
		}
	}
	if last >= 0 {
		s.primary, s.secondary = 6-last, 6-last
		if prev >= 0 {
			s.secondary = last - prev
		}
	}
	s.minGroup = 2
	if strings.Join(splitSample(small).gaps, "") != "" {
		s.minGroup = 1
	}
	p := splitSample(pct)
	s.pctPrefix, s.pctSuffix = p.prefix, p.suffix
	return s, len(p.digits) == 2
}

// appendAbs appends |d| to dst with s's grouping, decimal mark and digit
// characters (no sign).
func (s *numSyms) appendAbs(dst []byte, d Decimal) []byte {
	var buf [40]byte
	intPart, frac, _ := bytes.Cut(d.appendAbs(buf[:0]), []byte{'.'})
	n := len(intPart)
	grouped := s.primary > 0 && n >= s.primary+s.minGroup
	for i := 0; i < n; i++ {
		dst = s.appendDigit(dst, intPart[i])
		left := n - 1 - i // digits still to come
		if grouped && left > 0 && (left == s.primary || (left > s.primary && (left-s.primary)%s.secondary == 0)) {
			dst = append(dst, s.group...)
		}
	}
	if len(frac) > 0 {
		dst = append(dst, s.point...)
		for i := 0; i < len(frac); i++ {
			dst = s.appendDigit(dst, frac[i])
		}
	}
	return dst
}

func (s *numSyms) appendDigit(dst []byte, c byte) []byte {
	if d := s.digits[c-'0']; d != "" {
		return append(dst, d...)
	}
	return append(dst, c)
}

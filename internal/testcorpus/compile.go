package testcorpus

import (
	"strconv"
	"strings"
	"unicode"
)

// kind is what a template token stands for.
type kind uint8

const (
	lit kind = iota
	region
	dept
	topic
	other
	year
	prevYear
	month
	monthName
	day
	small // {N}
	ord   // {ORD}
	months
	points
	score
	plainRate
	amountFig
	countFig
	changeFig
	rateFig
	link
)

// Value slots of one filled template; a figure keeps its slot so that the English side
// repeats the Chinese side's value.
const (
	slotA     = 0 // A1..A3
	slotC     = 3 // C1..C3
	slotP     = 6 // P1..P2
	slotH     = 8 // H1..H2
	slotN     = 10
	slotQ     = 11
	slotPP    = 12
	slotF     = 13
	slotPCT   = 14
	slotLink  = 15
	slotCount = 16
)

var simpleKeys = map[string]struct {
	k    kind
	slot uint8
}{
	"R": {region, 0}, "D": {dept, 0}, "T": {topic, 0}, "U": {other, 0},
	"Y": {year, 0}, "Y0": {prevYear, 0}, "M": {month, 0}, "MON": {monthName, 0}, "DAY": {day, 0},
	"N": {small, slotN}, "ORD": {ord, slotN}, "Q": {months, slotQ}, "PP": {points, slotPP},
	"F": {score, slotF}, "PCT": {plainRate, slotPCT}, "L": {link, slotLink},
}

var figureKeys = map[byte]struct {
	k     kind
	first uint8
	max   int
}{'A': {amountFig, slotA, 3}, 'C': {countFig, slotC, 3}, 'P': {changeFig, slotP, 2}, 'H': {rateFig, slotH, 2}}

// token is a literal run of text or one placeholder.
type token struct {
	kind kind
	slot uint8
	text string // the literal, or a count's measure word
	han  int    // Han characters in a literal, for measuring Chinese length
}

// template is a compiled pair: both languages' tokens.
type template struct{ zh, en []token }

// compile parses every pair once at start-up, so that generating a brief is appending
// strings, not scanning templates.
func compile(pairs []pair) []template {
	out := make([]template, len(pairs))
	for i, p := range pairs {
		out[i] = template{zh: tokens(p.zh), en: tokens(p.en)}
	}
	return out
}

func tokens(s string) []token {
	var out []token
	for s != "" {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			i = len(s)
		}
		if i > 0 {
			out = append(out, token{kind: lit, text: s[:i], han: hanCount(s[:i])})
			s = s[i:]
			continue
		}
		j := strings.IndexByte(s, '}')
		if j < 0 {
			panic("testcorpus: unclosed placeholder in " + s)
		}
		out = append(out, placeholder(s[1:j]))
		s = s[j+1:]
	}
	return out
}

func placeholder(key string) token {
	if k, ok := simpleKeys[key]; ok {
		return token{kind: k.k, slot: k.slot}
	}
	name, unit, _ := strings.Cut(key, ":")
	if len(name) == 2 {
		if f, ok := figureKeys[name[0]]; ok {
			n, err := strconv.Atoi(name[1:])
			if err == nil && n >= 1 && n <= f.max && (f.k == countFig) == (unit != "") {
				return token{kind: f.k, slot: f.first + uint8(n-1), text: unit}
			}
		}
	}
	panic("testcorpus: unknown placeholder {" + key + "}")
}

// hanCount counts Han characters: Chinese length is measured in them, not in bytes.
func hanCount(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			n++
		}
	}
	return n
}

var (
	cTitles     = compile(titles)
	cLeads      = compile(leads)
	cSentences  = compile(sentences)
	cHeadings   = compile(headings)
	cListIntros = compile(listIntros)
	cListItems  = compile(listItems)
	cTableRows  = compile(tableRows)
)

// keys lists a token list's placeholders, for checking that both sides of a pair
// use the same values; {ORD} is {N} and {MON} is {M}, written in English.
func keys(ts []token) map[string]bool {
	m := map[string]bool{}
	for _, t := range ts {
		k := t.kind
		switch k {
		case ord:
			k = small
		case monthName:
			k = month
		}
		if k != lit {
			m[strconv.Itoa(int(k))+"/"+strconv.Itoa(int(t.slot))+"/"+t.text] = true
		}
	}
	return m
}

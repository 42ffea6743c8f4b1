package figures

import (
	"fmt"
	"slices"
	"strings"
)

// Figure is an exact quantity with an optional unit and qualifier: what a
// brief states once and the site writes in every language.
type Figure struct {
	// Value is the exact quantity, with every scale word applied: 15.06亿
	// has Value 1506000000.
	Value Decimal
	// Percent marks a figure written with %; Value is the number before the
	// % sign (91.36% has Value 91.36). A percentage has no unit.
	Percent bool
	// Unit is a unit key of the Units registry ("yuan", "case", "person"),
	// or "" for a bare number.
	Unit string
	// Word is the unit word as written in the source ("名", "人", "cases").
	// Chinese output reuses it when it is one of the unit's Chinese forms,
	// so an author's 名 does not turn into 人. With Unit "", Word 个 keeps
	// the generic measure word in Chinese.
	Word string
	// Qualifier says whether the figure is exact or approximate.
	Qualifier Qualifier
	// QualWord is the qualifier as written (余 or 多, 约 or 大约, "almost"),
	// so output in the source language keeps the author's choice. English
	// qualifiers are stored in lower case.
	QualWord string
}

// Qualifier says how a figure relates to the true quantity. Translations
// must keep it: "more than 48,000" and "48,000" are different claims.
type Qualifier int

// The qualifiers a figure can carry, with their Chinese and English words.
const (
	None     Qualifier = iota // exact, as far as the source says
	MoreThan                  // 余, 多; "more than"
	Nearly                    // 近, 将近; "nearly", "almost"
	About                     // 约, 大约; "about", "around", "approximately"
	Over                      // 超, 超过, 逾; "over"
)

// String returns the English name of q, for messages and debugging.
func (q Qualifier) String() string {
	switch q {
	case None:
		return "none"
	case MoreThan, Nearly, About, Over:
		return enNotation.quals[q][0]
	}
	return fmt.Sprintf("Qualifier(%d)", int(q))
}

func (q Qualifier) valid() bool { return q >= None && q <= Over }

// zhPrefixQuals are the Chinese qualifiers written before the number,
// longest first so that 将近 is not read as 将 followed by 近.
var zhPrefixQuals = []struct {
	word string
	q    Qualifier
}{
	{"将近", Nearly}, {"近", Nearly},
	{"大约", About}, {"约", About},
	{"超过", Over}, {"超", Over}, {"逾", Over},
}

// zhSuffixQuals are the Chinese "more than" words written after the number
// or its scale word.
var zhSuffixQuals = []string{"余", "多"}

// zhDefaultQuals are the usual Chinese qualifier words, indexed by
// Qualifier, for figures whose source word was not Chinese.
var zhDefaultQuals = [...]string{None: "", MoreThan: "余", Nearly: "近", About: "约", Over: "超"}

// zhQualWord picks the Chinese word for f's qualifier: the source word when
// it is a Chinese word for that qualifier, else the usual one.
func zhQualWord(f Figure) string {
	if f.Qualifier == MoreThan && slices.Contains(zhSuffixQuals, f.QualWord) {
		return f.QualWord
	}
	for _, p := range zhPrefixQuals {
		if p.q == f.Qualifier && p.word == f.QualWord {
			return p.word
		}
	}
	return zhDefaultQuals[f.Qualifier]
}

// otherQualWord picks the qualifier words for a non-Chinese language: the
// source word when the notation lists it for that qualifier, else the
// notation's first word.
func otherQualWord(f Figure, n *notation) string {
	words := n.quals[f.Qualifier]
	if len(words) == 0 {
		return ""
	}
	if w := strings.ToLower(f.QualWord); slices.Contains(words, w) {
		return w
	}
	return words[0]
}

// check reports why f cannot be written, if it cannot.
func (f Figure) check(units *Units) error {
	if !f.Qualifier.valid() {
		return fmt.Errorf("figure %s has an invalid qualifier %d", f.Value, int(f.Qualifier))
	}
	if err := f.Value.inRange(); err != nil {
		return fmt.Errorf("figure %s: %w", f.Value, err)
	}
	if f.Percent && f.Unit != "" {
		return fmt.Errorf("figure %s%%: a percentage takes no unit, but it has unit %q", f.Value, f.Unit)
	}
	if f.Unit != "" && !units.Has(f.Unit) {
		return unknownUnitError(f.Unit)
	}
	return nil
}

func unknownUnitError(key string) error {
	return fmt.Errorf("unknown unit %q; define it in site.toml as [units.%s] zh = \"…\" en = [\"…\", \"…\"]", key, key)
}

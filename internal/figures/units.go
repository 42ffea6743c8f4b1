package figures

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
)

// Units is a registry of units: for each unit key, its words in each
// language. Parse uses it to recognize unit words in any language and Format
// to write them. Sites extend the built-in set from site.toml with Add.
//
// A Units is safe for concurrent use; the usual pattern is to build it once
// at startup and then only read it.
type Units struct {
	mu     sync.Mutex                 // serializes Add
	tables atomic.Pointer[unitTables] // nil in a zero Units

	symMu sync.Mutex
	syms  map[language.Tag]numSyms // digit symbols learned from x/text, per language
}

// unitTables are the contents of a Units. Add builds new tables and swaps
// them in whole, so that readers (every figure parsed and formatted, on
// every core) need no lock: a read-write lock's shared reader count cost
// 8% of Parse and Format on two cores.
type unitTables struct {
	units map[string]unitDef
	index map[string]string // unit word (zh as written, others in lower case) -> key; "" = generic 个
}

// load returns the current tables, empty ones for a zero Units.
func (u *Units) load() *unitTables {
	if t := u.tables.Load(); t != nil {
		return t
	}
	return &noTables
}

var noTables unitTables // never modified

// maxCachedLangs bounds the symbol cache; a site has a handful of languages.
const maxCachedLangs = 64

// symbols returns t's number symbols, learning them once per language:
// asking x/text for them costs far more than formatting a figure. English
// symbols are known, and returned without taking the cache's lock.
func (u *Units) symbols(t language.Tag) numSyms {
	if t == language.English || t == language.AmericanEnglish {
		return enSyms
	}
	u.symMu.Lock()
	s, ok := u.syms[t]
	u.symMu.Unlock()
	if ok {
		return s
	}
	s = symbolsFor(t)
	u.symMu.Lock()
	if u.syms == nil {
		u.syms = map[language.Tag]numSyms{}
	}
	if len(u.syms) < maxCachedLangs {
		u.syms[t] = s
	}
	u.symMu.Unlock()
	return s
}

// unitDef holds a unit's words per language tag.
type unitDef map[language.Tag]forms

// forms are a unit's words in one language. For Chinese they are
// alternatives (the first is written by default); for other languages they
// follow the language's plural categories cats, or are a single invariant
// word, or are empty for a unit written as a bare number.
type forms struct {
	tag   language.Tag
	zh    bool
	words []string
	cats  []plural.Form
}

// genericWord is the Chinese generic measure word: kept in Chinese output,
// naming no unit (3个 is the bare number 3 in English).
const genericWord = "个"

// builtinUnits are the units every site has. A site can override any
// language of them in site.toml.
var builtinUnits = []struct {
	key   string
	names map[string][]string
}{
	{"yuan", map[string][]string{"zh": {"元"}, "en": {"yuan"}, "fr": {"yuan", "yuans"}, "de": {"Yuan"}}},
	{"person", map[string][]string{"zh": {"人", "名"}, "en": {"person", "people"},
		"fr": {"personne", "personnes"}, "de": {"Person", "Personen"}}},
	{"case", map[string][]string{"zh": {"起", "件"}, "en": {"case", "cases"}, "fr": {"cas"}, "de": {"Fall", "Fälle"}}},
	{"company", map[string][]string{"zh": {"家"}, "en": {"company", "companies"},
		"fr": {"entreprise", "entreprises"}, "de": {"Unternehmen"}}},
	{"item", map[string][]string{"zh": {"项"}, "en": {"item", "items"}, "fr": {"point", "points"}, "de": {"Punkt", "Punkte"}}},
	{"time", map[string][]string{"zh": {"次"}, "en": {"time", "times"}, "fr": {"fois"}, "de": {"Mal"}}},
}

func newUnits() *Units {
	u := &Units{}
	u.tables.Store(&unitTables{units: map[string]unitDef{}, index: map[string]string{genericWord: ""}})
	return u
}

// DefaultUnits returns a new registry holding the built-in units: yuan (元),
// person (人, 名), case (起, 件), company (家), item (项) and time (次), each
// with English, French and German words, plus the generic measure word 个.
// Each call returns a fresh registry, so adding to it affects no one else.
func DefaultUnits() *Units {
	u := newUnits()
	for _, b := range builtinUnits {
		_ = u.Add(b.key, b.names) // cannot fail; TestDefaultUnits checks it
	}
	return u
}

// builtin is the registry used when Parse or Format get a nil *Units. It is
// built once and never changed.
var builtin = sync.OnceValue(DefaultUnits)

func orBuiltin(u *Units) *Units {
	if u == nil {
		return builtin()
	}
	return u
}

// Add defines a unit or overrides some of its languages. names maps a
// language tag ("zh", "en", "fr") to that language's words. Languages given
// replace the unit's words in those languages; languages not given are kept,
// so site.toml can add French to a built-in unit without repeating Chinese.
//
// For Chinese, the words are alternatives: all are read, and the first is
// written unless the source used another of them (人 and 名). For other
// languages, the words follow the language's CLDR plural categories in CLDR
// order (en: one, other; ru: one, few, many, other); a single word is
// invariant (yuan), and no words means the unit is written as a bare number
// (which Parse then reads back as a figure without unit).
// Add rejects a word that another unit already uses, since Parse could not
// tell the two apart.
func (u *Units) Add(key string, names map[string][]string) error {
	if err := checkKey(key); err != nil {
		return err
	}
	if len(names) == 0 {
		return fmt.Errorf("unit %q has no words; give at least zh = \"…\" and en = [\"…\", \"…\"]", key)
	}
	def := unitDef{}
	for _, lang := range slices.Sorted(maps.Keys(names)) {
		f, err := makeForms(key, lang, names[lang])
		if err != nil {
			return err
		}
		def[f.tag] = f
	}
	u.mu.Lock()
	defer u.mu.Unlock()
	units := maps.Clone(u.load().units)
	merged := maps.Clone(units[key])
	if merged == nil {
		merged = unitDef{}
	}
	maps.Copy(merged, def)
	units[key] = merged
	index, err := buildIndex(units)
	if err != nil {
		return err
	}
	u.tables.Store(&unitTables{units: units, index: index})
	return nil
}

// Has reports whether key names a unit, so callers can check an explicit
// unit before parsing a whole page of figures.
func (u *Units) Has(key string) bool {
	_, ok := u.load().units[key]
	return ok
}

// Keys lists the unit keys in sorted order, for messages and site docs.
func (u *Units) Keys() []string {
	return slices.Sorted(maps.Keys(u.load().units))
}

// lookup finds the unit a word names, exactly or ignoring case. ok with
// key "" means the generic measure word.
func (u *Units) lookup(word string) (key string, ok bool) {
	index := u.load().index
	if key, ok = index[word]; ok {
		return key, true
	}
	key, ok = index[strings.ToLower(word)]
	return key, ok
}

// formsFor finds the words of unit key for language t or its nearest parent.
// t itself, the usual case, is looked up before its chain, which is slower
// to fetch than the words.
func (u *Units) formsFor(key string, t language.Tag) (forms, bool) {
	def := u.load().units[key]
	if f, ok := def[t]; ok {
		return f, true
	}
	for _, c := range langChain(t)[1:] { // langChain(t)[0] is t
		if f, ok := def[c]; ok {
			return f, true
		}
	}
	return forms{}, false
}

func checkKey(key string) error {
	ok := key != "" && key[0] >= 'a' && key[0] <= 'z'
	for _, r := range key {
		ok = ok && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_' || r == '-')
	}
	if !ok {
		return fmt.Errorf("bad unit key %q; use lower-case ASCII letters, digits, - and _, like yuan or person", key)
	}
	return nil
}

func makeForms(key, lang string, words []string) (forms, error) {
	tag, err := parseLang(lang)
	if err != nil {
		return forms{}, fmt.Errorf("unit %q: %w", key, err)
	}
	f := forms{tag: tag, zh: isZh(tag)}
	for _, w := range words {
		w = strings.Join(strings.Fields(w), " ")
		if err := checkWord(w); err != nil {
			return forms{}, fmt.Errorf("unit %q, %s word %q: %w", key, lang, w, err)
		}
		f.words = append(f.words, w)
	}
	if f.zh {
		return f, nil
	}
	f.cats = pluralCategories(tag)
	if n := len(f.words); n > 1 && len(f.cats) == 1 {
		return forms{}, fmt.Errorf("unit %q: %s has no plural forms; give one word, got %d", key, lang, n)
	} else if n > 1 && n != len(f.cats) {
		names := make([]string, len(f.cats))
		for i, c := range f.cats {
			names[i] = formNames[c]
		}
		return forms{}, fmt.Errorf("unit %q: %s needs %d words (%s) or one invariant word, got %d",
			key, lang, len(f.cats), strings.Join(names, ", "), n)
	}
	return f, nil
}

// checkWord rejects unit words that Parse could not read back after a
// number: empty ones, ones with digits or signs, and ones that start like a
// scale word or qualifier (万人 would read as 万 + 人).
func checkWord(w string) error {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case w == "" || !utf8.ValidString(w):
		return fmt.Errorf("empty or not UTF-8")
	case !unicode.IsLetter(r):
		return fmt.Errorf("a unit word must start with a letter")
	case strings.ContainsFunc(w, func(r rune) bool { return unicode.IsDigit(r) || strings.ContainsRune("%,.+", r) }):
		return fmt.Errorf("a unit word may not contain digits, %%, commas, dots or +")
	case strings.ContainsRune("万亿余多", r):
		return fmt.Errorf("it starts with %c, which would be read as a scale word or qualifier", r)
	}
	if sw, _, ok := leadingScale(w); ok {
		return fmt.Errorf("it starts with %q, which would be read as a scale word", sw)
	}
	if pw, ok := hasWordFold(w, enPercentWords); ok {
		return fmt.Errorf("it starts with %q, which would be read as a percent sign", pw)
	}
	return nil
}

// buildIndex maps every word of every unit to its key, reporting words that
// two units share. Units are visited in key order so errors are stable.
func buildIndex(units map[string]unitDef) (map[string]string, error) {
	index := map[string]string{genericWord: ""}
	for _, key := range slices.Sorted(maps.Keys(units)) {
		def := units[key]
		tags := slices.SortedFunc(maps.Keys(def), func(a, b language.Tag) int { return strings.Compare(a.String(), b.String()) })
		for _, t := range tags {
			f := def[t]
			for _, w := range f.words {
				if !f.zh {
					w = strings.ToLower(w)
				}
				if other := index[w]; other != "" && other != key {
					return nil, fmt.Errorf("unit %q: word %q already names unit %q; each word may name one unit only", key, w, other)
				}
				index[w] = key
			}
		}
	}
	return index, nil
}

// Lookup returns the key of the unit that word names in any language ("起" and
// "cases" both give "case"), or "" when no unit has that word. Quality checks use it
// to tell where a figure written in prose ends.
func (u *Units) Lookup(word string) string {
	key, _ := orBuiltin(u).lookup(word)
	return key
}

// Words returns every unit word the registry reads, mapped to the key of the unit
// it names ("" for the generic measure word 个). Words of languages other than
// Chinese are lower-cased, as Lookup matches them ignoring case. Search indexing
// uses the table so that the browser reads figures with exactly the same words.
func (u *Units) Words() map[string]string {
	return maps.Clone(orBuiltin(u).load().index)
}

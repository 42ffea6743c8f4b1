package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/briefs/briefs/internal/config"
	"github.com/briefs/briefs/internal/diag"
)

// words are the theme's strings as one site language sees them: the tables to look a
// key up in, in order. For a page in language L they are
//
//  1. L's own: [languages.L.strings] in site.toml, then the built-in table that
//     matches L's locale (zh-CN, zh-Hans and zh use zh; zh-TW and zh-Hant use
//     zh-Hant; en-US and en-GB use en);
//  2. the default language's, the same way;
//  3. English: the strings of the first site language in English, then the built-in
//     English ones.
//
// A word found in step 1 is L's; one found later is a fallback, which the build
// reports as a warning once per language and key. A key no table has is an error.
type words struct {
	lang    *config.Language
	sources []wordSource
}

// wordSource is one table of strings in a fallback chain.
type wordSource struct {
	table map[string]string
	site  *config.Language // whose [strings] these are; nil for a built-in table
	name  string           // the language the words are in: a site code or a built-in tag
	own   bool             // in the page's own language
}

// newWords lists the tables language l looks its words up in.
func newWords(cfg *config.Site, l *config.Language) *words {
	w := &words{lang: l}
	w.add(l, true)
	w.add(cfg.Languages[cfg.DefaultLanguage], false)
	for _, code := range cfg.Order {
		if b, _ := cfg.Languages[code].Tag.Base(); b.String() == "en" {
			w.add(cfg.Languages[code], false)
			break
		}
	}
	w.addBuiltin("en", builtinStrings["en"], false)
	return w
}

// add appends the strings of site language l and its built-in table, unless the
// chain has them already.
func (w *words) add(l *config.Language, own bool) {
	if l == nil {
		return
	}
	seen := false
	for _, s := range w.sources {
		seen = seen || s.site == l
	}
	if !seen {
		w.sources = append(w.sources, wordSource{table: l.Strings, site: l, name: l.Code, own: own})
	}
	if name, table, ok := builtinFor(l.Tag); ok {
		w.addBuiltin(name, table, own)
	}
}

func (w *words) addBuiltin(name string, table map[string]string, own bool) {
	for _, s := range w.sources {
		if s.site == nil && s.name == name {
			return
		}
	}
	w.sources = append(w.sources, wordSource{table: table, name: name, own: own})
}

// lookup finds key along the chain; src is nil when no table has it.
func (w *words) lookup(key string) (s string, src *wordSource) {
	for i := range w.sources {
		if s, ok := w.sources[i].table[key]; ok {
			return s, &w.sources[i]
		}
	}
	return "", nil
}

// warnKey names one warning about a theme string, so that it is given once per
// language and key however many pages show the string.
type warnKey struct {
	lang, key string
	arity     bool // a placeholder without a value, rather than a fallback
}

// fallbackWarning says that language l showed another language's word for key.
func fallbackWarning(l *config.Language, key, s string, src *wordSource) *diag.Error {
	p := l.Place
	return diag.Warn(p.File, p.Line, p.Col, "%s has no theme string %q; its pages show %q (%s) instead; add %s = \"…\" under [languages.%s.strings]",
		l.Code, key, s, src.name, key, l.Code)
}

// manyMissing is how many strings a language may lack before its warnings are one.
const manyMissing = 4

// manyMissingWarning says that language l showed other languages' words for keys.
func manyMissingWarning(cfg *config.Site, l *config.Language, keys []string) *diag.Error {
	slices.Sort(keys)
	w := newWords(cfg, l)
	var from []string
	for _, k := range keys {
		if _, src := w.lookup(k); src != nil && !slices.Contains(from, src.name) {
			from = append(from, src.name)
		}
	}
	p := l.Place
	return diag.Warn(p.File, p.Line, p.Col, "%s has no theme strings for %d words its pages show, which show them in %s instead: %s; add them under [languages.%s.strings] (see README, The theme's words)",
		l.Code, len(keys), strings.Join(from, ", "), strings.Join(keys, ", "), l.Code)
}

// arityWarning says that the string for key wants more values than the layout gives.
func arityWarning(l *config.Language, key, s string, src *wordSource, n int) *diag.Error {
	p := l.Place
	if src.site != nil {
		p = src.site.StringPlace(key)
	}
	return diag.Warn(p.File, p.Line, p.Col, "theme string %s %q (%s) has more placeholders than the %d value(s) the layout gives; the extra ones are left empty",
		key, s, src.name, n)
}

// format fills the placeholders of a theme string with args: %s, %d and %v take the
// next value, %[n]s (or d, v) the nth, after which the next is n+1, as in fmt, and
// %% is a percent sign; any other % stands for itself ("50% off"). Unlike fmt it
// never writes "%!(EXTRA …)" or "%!d(string=…)" into a page: a value that no
// placeholder takes is left out (a translation may do without it), and a placeholder
// with no value is left empty and reported by ok.
func format(s string, args []any) (out string, ok bool) {
	if strings.IndexByte(s, '%') < 0 {
		return s, true
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	next, ok := 0, true
	for {
		i := strings.IndexByte(s, '%')
		if i < 0 {
			b.WriteString(s)
			return b.String(), ok
		}
		b.WriteString(s[:i])
		arg, size := placeholder(s[i:], next)
		switch {
		case size == 0: // a lone %
			b.WriteByte('%')
			size = 1
		case arg < 0: // %%
			b.WriteByte('%')
		case arg < len(args):
			writeValue(&b, args[arg])
			next = arg + 1
		default:
			ok, next = false, arg+1
		}
		s = s[i+size:]
	}
}

// writeValue writes a value as fmt's %v would, sparing the usual string and int
// values fmt's reflection.
func writeValue(b *strings.Builder, v any) {
	switch v := v.(type) {
	case string:
		b.WriteString(v)
	case int:
		var buf [20]byte
		b.Write(strconv.AppendInt(buf[:0], int64(v), 10))
	default:
		fmt.Fprint(b, v)
	}
}

// placeholder reads the placeholder at the start of s ("%s", "%[2]d", "%%"), where
// next is the index of the value a plain one takes. It returns the index of the value
// it takes (-1 for "%%") and its length, or a length of 0 when s does not start with
// one. Indexes go from [1] to [9]: no theme string needs more values.
func placeholder(s string, next int) (arg, size int) {
	if strings.HasPrefix(s, "%%") {
		return -1, 2
	}
	i := 1
	if len(s) >= 4 && s[1] == '[' && s[2] >= '1' && s[2] <= '9' && s[3] == ']' {
		next, i = int(s[2]-'1'), 4
	}
	if i < len(s) && strings.IndexByte("sdv", s[i]) >= 0 {
		return next, i + 1
	}
	return 0, 0
}

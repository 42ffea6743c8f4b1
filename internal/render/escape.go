package render

import (
	"bytes"
	"strings"
)

// The escapers of the compiled layouts (see compiled.go): each writes what the
// escaper html/template chooses for a value's place would, for a string value.
// html/template runs them through reflection on every action; here they are plain
// calls that write into the page's buffer. They go byte by byte where html/template
// goes rune by rune: the bytes they replace are ASCII, never part of a longer rune, and
// html/template passes invalid UTF-8 through as it is, as they do.

// escHTML is html/template's escaper of text, RCDATA (<title>) and quoted attribute
// values (htmlEscaper, attrEscaper): NUL becomes U+FFFD and " & ' + < > references.
func escHTML(w *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		rep := htmlEscapes[s[i]]
		if rep == "" {
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(rep)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// htmlEscapes are escHTML's replacements, by byte: a table lookup a byte, where a
// switch cost several comparisons, on every string of every page.
var htmlEscapes = [256]string{0: "\uFFFD", '"': "&#34;", '&': "&amp;", '\'': "&#39;", '+': "&#43;", '<': "&lt;", '>': "&gt;"}

// escURL is what html/template writes for a value that is a whole URL attribute
// (href="{{…}}"): its filter (a scheme other than http, https or mailto becomes
// "#ZgotmplZ"), its normalizer (bytes outside URLs' own percent-encoded, valid
// escapes kept) and the attribute escaper.
func escURL(w *bytes.Buffer, s string) {
	if proto, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(proto, "/") &&
		!strings.EqualFold(proto, "http") && !strings.EqualFold(proto, "https") && !strings.EqualFold(proto, "mailto") {
		w.WriteString("#ZgotmplZ")
		return
	}
	escURLBytes(w, s, true)
}

// escURLPart is what html/template writes for a value in a URL's query or fragment
// (href="#{{…}}"): every byte but letters, digits and - . _ ~ percent-encoded, then the
// attribute escaper.
func escURLPart(w *bytes.Buffer, s string) { escURLBytes(w, s, false) }

// escURLBytes is html/template's processURLOnto (norm: keep reserved characters and
// valid escapes) followed by its attribute escaper, which only & and + of the result
// can need. Runs of bytes kept as they are are written at once.
func escURLBytes(w *bytes.Buffer, s string, norm bool) {
	const hex = "0123456789abcdef"
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch k := urlBytes[c]; {
		case k == urlUnreserved:
			continue
		case !norm:
		case k == urlReserved, k == urlPercent && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]):
			continue
		}
		w.WriteString(s[last:i])
		last = i + 1
		switch {
		case norm && c == '&':
			w.WriteString("&amp;")
		case norm && c == '+':
			w.WriteString("&#43;")
		default:
			w.Write([]byte{'%', hex[c>>4], hex[c&0xf]})
		}
	}
	w.WriteString(s[last:])
}

// urlByte is what escURLBytes does with a byte.
type urlByte uint8

const (
	urlEscaped    urlByte = iota // percent-encoded (& and + referenced when normalizing)
	urlUnreserved                // kept: letters, digits, - . _ ~
	urlReserved                  // kept when normalizing: ! # $ * , / : ; = ? @ [ ]
	urlPercent                   // kept when normalizing and it starts a valid escape
)

// urlBytes classes every byte for escURLBytes.
var urlBytes = func() (t [256]urlByte) {
	for c := range 256 {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', strings.IndexByte("-._~", byte(c)) >= 0:
			t[c] = urlUnreserved
		case strings.IndexByte("!#$*,/:;=?@[]", byte(c)) >= 0:
			t[c] = urlReserved
		case c == '%':
			t[c] = urlPercent
		}
	}
	return t
}()

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

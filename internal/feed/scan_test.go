package feed_test

import (
	"html"
	"strings"
)

// A small HTML tokenizer for the tests, after the HTML standard's tokenization (the
// module has no HTML parser, and takes no dependency for a test): it finds elements
// and attributes where a browser would, so markup that escaping let through shows up
// as a tag here.

type tokenKind int

const (
	textToken tokenKind = iota
	startTag
	endTag
)

type attr struct{ name, value string }

type token struct {
	kind  tokenKind
	name  string // lower case
	attrs []attr // values decoded
	text  string // decoded text; a script's or style's text as it is
}

func (t token) attr(name string) string {
	for _, a := range t.attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// rawText are the elements whose content is text up to their end tag.
var rawText = map[string]bool{"script": true, "style": true, "title": true, "textarea": true}

func tokenize(doc string) []token {
	var toks []token
	text := func(s string) { toks = append(toks, token{kind: textToken, text: html.UnescapeString(s)}) }
	for doc != "" {
		i := strings.IndexByte(doc, '<')
		if i < 0 {
			text(doc)
			break
		}
		if i > 0 {
			text(doc[:i])
			doc = doc[i:]
		}
		switch {
		case strings.HasPrefix(doc, "<!--"):
			doc = after(doc[4:], "-->")
		case len(doc) > 2 && doc[1] == '/' && isLetter(doc[2]):
			name := tagName(doc[2:])
			toks = append(toks, token{kind: endTag, name: name})
			doc = after(doc, ">")
		case len(doc) > 1 && (doc[1] == '!' || doc[1] == '?' || doc[1] == '/'):
			doc = after(doc, ">")
		case len(doc) > 1 && isLetter(doc[1]):
			var tok token
			tok, doc = startTagAt(doc)
			toks = append(toks, tok)
			if rawText[tok.name] {
				end := indexFold(doc, "</"+tok.name)
				if end < 0 {
					end = len(doc)
				}
				content := doc[:end]
				if tok.name == "title" || tok.name == "textarea" {
					content = html.UnescapeString(content)
				}
				toks = append(toks, token{kind: textToken, text: content})
				doc = doc[end:]
			}
		default:
			text("<")
			doc = doc[1:]
		}
	}
	return toks
}

// startTagAt reads the start tag at the beginning of doc.
func startTagAt(doc string) (token, string) {
	tok := token{kind: startTag, name: tagName(doc[1:])}
	doc = doc[1+len(tok.name):]
	for {
		doc = strings.TrimLeft(doc, " \t\n\f\r/")
		if doc == "" || doc[0] == '>' {
			return tok, strings.TrimPrefix(doc, ">")
		}
		n := 1 + strings.IndexAny(doc[1:]+" ", " \t\n\f\r/>=")
		a := attr{name: strings.ToLower(doc[:n])}
		doc = strings.TrimLeft(doc[n:], " \t\n\f\r")
		if strings.HasPrefix(doc, "=") {
			doc = strings.TrimLeft(doc[1:], " \t\n\f\r")
			var v string
			if doc != "" && (doc[0] == '"' || doc[0] == '\'') {
				end := strings.IndexByte(doc[1:], doc[0])
				if end < 0 {
					end = len(doc) - 1
				}
				v, doc = doc[1:1+end], doc[min(2+end, len(doc)):]
			} else {
				end := strings.IndexAny(doc+" ", " \t\n\f\r>")
				v, doc = doc[:end], doc[end:]
			}
			a.value = html.UnescapeString(v)
		}
		tok.attrs = append(tok.attrs, a)
	}
}

func tagName(s string) string {
	n := strings.IndexAny(s+" ", " \t\n\f\r/>")
	return strings.ToLower(s[:n])
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// after returns what follows the first sep in s, or nothing.
func after(s, sep string) string {
	if i := strings.Index(s, sep); i >= 0 {
		return s[i+len(sep):]
	}
	return ""
}

func indexFold(s, sub string) int { return strings.Index(strings.ToLower(s), strings.ToLower(sub)) }

// textOf is the text of the first element named name (with attribute key = value,
// when key is given), its descendants' included.
func textOf(toks []token, name, key, value string) string {
	var b strings.Builder
	depth := 0
	for _, tok := range toks {
		switch {
		case depth == 0 && tok.kind == startTag && tok.name == name && (key == "" || tok.attr(key) == value):
			depth = 1
		case depth > 0 && tok.kind == startTag && tok.name == name:
			depth++
		case depth > 0 && tok.kind == endTag && tok.name == name:
			if depth--; depth == 0 {
				return b.String()
			}
		case depth > 0 && tok.kind == textToken:
			b.WriteString(tok.text)
		}
	}
	return b.String()
}

// attrOf is the attribute want of the first element named name with key = value.
func attrOf(toks []token, name, key, value, want string) string {
	for _, tok := range toks {
		if tok.kind == startTag && tok.name == name && tok.attr(key) == value {
			return tok.attr(want)
		}
	}
	return ""
}

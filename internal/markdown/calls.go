package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file reads shortcode tags as Hugo's page lexer does: {{< name args >}} and
// {{% name args %}}, over as many lines as they take; a closing tag {{< /name >}}; a
// self-closing {{< name />}}; and {{</* … */>}}, which shows the tag itself.
// Arguments are positional or named (key=value), each bare (up to a space), "quoted"
// (with \" inside) or `raw` (anything but a backquote, newlines too). Bare values are
// typed as Hugo types them: true and false are booleans, 42 an int, 4.2 a float.
//
// Reading is linear in the body: a tag left open, or a quote left open, is looked for
// once (closers remembers where the next one is), not once per opening.

// Param is one argument of a shortcode call: Name is "" for a positional one.
type Param struct {
	Name  string
	Value any // string, or bool, int, float64 for a bare true, 42, 4.2
}

// tag is one shortcode tag in a body.
type tag struct {
	start, end  int  // the tag's bytes
	markdown    bool // {{% … %}}
	closing     bool // {{< /name >}}
	selfClosing bool // {{< name />}}
	literal     bool // {{</* … */>}}: show lit, the tag without its comment marks
	lit         string
	name        string
	params      []Param
}

// tagError is a tag that cannot be read, at a byte offset.
type tagError struct {
	at  int
	msg string
}

// closers finds the next occurrence of a string after an offset, remembering the last
// answer: the readers below ask for the same closer from offsets that only grow, so a
// body of many unclosed tags is read once.
type closers struct {
	src  []byte
	memo map[string][2]int // closer -> {asked from, found at (or -1)}
	// openQuote is where a quoted value was found to run to the end, or -1.
	openQuote int
}

func (c *closers) index(from int, s string) int {
	if m, ok := c.memo[s]; ok && m[0] <= from && (m[1] < 0 || m[1] >= from) {
		return m[1]
	}
	at := bytes.Index(c.src[from:], []byte(s))
	if at >= 0 {
		at += from
	}
	if c.memo == nil {
		c.memo = map[string][2]int{}
	}
	c.memo[s] = [2]int{from, at}
	return at
}

// scanTags reads every shortcode tag of src, in order, with the tags that cannot be
// read. An unreadable tag is left as text, and reading goes on after its "{{".
func scanTags(src []byte) ([]tag, []tagError) {
	var tags []tag
	var errs []tagError
	c := &closers{src: src, openQuote: -1}
	for i := 0; i < len(src); {
		k := bytes.Index(src[i:], []byte("{{"))
		if k < 0 {
			break
		}
		i += k
		if i+2 >= len(src) || (src[i+2] != '<' && src[i+2] != '%') {
			i += 2
			continue
		}
		t, err := readTag(src, i, c)
		if err != nil {
			errs = append(errs, *err)
			i += 3
			continue
		}
		tags = append(tags, t)
		i = t.end
	}
	return tags, errs
}

// readTag reads the tag at src[at:], which starts with "{{<" or "{{%".
func readTag(src []byte, at int, c *closers) (tag, *tagError) {
	t := tag{start: at, markdown: src[at+2] == '%'}
	closer := ">}}"
	if t.markdown {
		closer = "%}}"
	}
	open := string(src[at : at+3])
	i := skipSpace(src, at+3)
	if bytes.HasPrefix(src[i:], []byte("/*")) {
		end := c.index(i+2, "*/"+closer)
		if end < 0 {
			return t, &tagError{at, fmt.Sprintf("shortcode comment %s/* has no end: end it with */%s", open, closer)}
		}
		t.literal, t.end = true, end+2+len(closer)
		t.lit = open + string(src[i+2:end]) + closer
		return t, nil
	}
	if i < len(src) && src[i] == '/' {
		t.closing = true
		i = skipSpace(src, i+1)
	}
	name, i := readName(src, i)
	if name == "" {
		if t.closing && bytes.HasPrefix(src[skipSpace(src, i):], []byte(closer)) {
			return t, &tagError{at, fmt.Sprintf("closing shortcode tag has no name; write %s /name %s", open, closer)}
		}
		if c.index(at, closer) < 0 {
			return t, &tagError{at, fmt.Sprintf("unclosed shortcode: end it with %s, as in {{< num \"7.9亿元\" >}}", closer)}
		}
		return t, &tagError{at, fmt.Sprintf("shortcode has no name; write %sname …%s", open, closer)}
	}
	t.name = name
	for {
		i = skipSpace(src, i)
		switch {
		case bytes.HasPrefix(src[i:], []byte(closer)):
			t.end = i + len(closer)
			return t, nil
		case bytes.HasPrefix(src[i:], []byte("/"+closer)) && !t.closing:
			t.selfClosing, t.end = true, i+1+len(closer)
			return t, nil
		case i >= len(src) || c.index(i, closer) < 0:
			return t, &tagError{at, fmt.Sprintf("unclosed shortcode %s: end it with %s (a call may span lines)", name, closer)}
		case t.closing:
			return t, &tagError{at, fmt.Sprintf("closing tag %s /%s %s takes no arguments; write %s /%s %s", open, name, closer, open, name, closer)}
		}
		p, next, err := readParam(src, i, closer, c)
		if err != nil {
			return t, &tagError{at, fmt.Sprintf("shortcode %s: %s", name, err.msg)}
		}
		t.params, i = append(t.params, p), next
	}
}

// readName reads a shortcode's name: letters, digits and _ - / . (a name may be a
// path below layouts/shortcodes/).
func readName(src []byte, i int) (string, int) {
	start := i
	for i < len(src) {
		r, n := utf8.DecodeRune(src[i:])
		if !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-' || r == '.' || (r == '/' && i > start)) {
			break
		}
		i += n
	}
	return string(bytes.TrimRight(src[start:i], "/")), start + len(bytes.TrimRight(src[start:i], "/"))
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// readParam reads one argument at src[i:]: a value, or key=value.
func readParam(src []byte, i int, closer string, c *closers) (Param, int, *tagError) {
	var p Param
	if src[i] != '"' && src[i] != '`' {
		word := bareEnd(src, i, closer)
		if eq := bytes.IndexByte(src[i:word], '='); eq > 0 {
			p.Name = string(src[i : i+eq])
			i += eq + 1
			if i >= len(src) || (src[i] != '"' && src[i] != '`') {
				end := bareEnd(src, i, closer)
				p.Value = typed(string(src[i:end]))
				return p, end, nil
			}
		} else {
			p.Value = typed(string(src[i:word]))
			return p, word, nil
		}
	}
	s, end, err := readQuoted(src, i, c)
	if err != nil {
		return p, 0, err
	}
	p.Value = s
	return p, end, nil
}

// bareEnd is where a bare word starting at i ends: at a space or at the tag's end.
func bareEnd(src []byte, i int, closer string) int {
	for i < len(src) {
		switch b := src[i]; {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r':
			return i
		case bytes.HasPrefix(src[i:], []byte(closer)), bytes.HasPrefix(src[i:], []byte("/"+closer)):
			return i
		}
		i++
	}
	return i
}

// readQuoted reads "…" (\" and \\ are escapes) or `…` (raw) at src[i:].
func readQuoted(src []byte, i int, c *closers) (string, int, *tagError) {
	q := src[i]
	if q == '`' {
		end := c.index(i+1, "`")
		if end < 0 {
			return "", 0, &tagError{i, "raw string has no closing `"}
		}
		return string(src[i+1 : end]), end + 1, nil
	}
	if c.openQuote >= 0 && i >= c.openQuote {
		return "", 0, &tagError{i, `quoted value has no closing quote (")`}
	}
	var b strings.Builder
	for j := i + 1; j < len(src); j++ {
		switch src[j] {
		case '\\':
			if j+1 < len(src) && (src[j+1] == '"' || src[j+1] == '\\') {
				j++
			}
			b.WriteByte(src[j])
		case '"':
			return b.String(), j + 1, nil
		default:
			b.WriteByte(src[j])
		}
	}
	// No quote closes before the end: none opened later will either.
	c.openQuote = i
	return "", 0, &tagError{i, `quoted value has no closing quote (")`}
}

var (
	intValue   = regexp.MustCompile(`^[-+]?\d+$`)
	floatValue = regexp.MustCompile(`^[-+]?\d*\.\d+$`)
)

// typed types a bare value as Hugo does.
func typed(s string) any {
	switch {
	case s == "true" || s == "false":
		return s == "true"
	case intValue.MatchString(s):
		if n, err := strconv.Atoi(s); err == nil {
			return n
		}
	case floatValue.MatchString(s):
		if f, err := strconv.ParseFloat(s, 64); err == nil {
			return f
		}
	}
	return s
}

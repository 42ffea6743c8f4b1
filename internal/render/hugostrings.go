package render

import (
	"fmt"
	"github.com/briefs/briefs/internal/content"
	"regexp"
	"strconv"
	"strings"
	"unicode"
)

// This file holds Hugo's string functions (replaceRE, humanize, title, urlize …)
// for shortcode templates; hugofuncs.go maps them to their names.

// hugoReplace is Hugo's replace: every old in s by new, or the first n.
func hugoReplace(s, old, new any, n ...any) (string, error) {
	limit := -1
	if len(n) > 0 {
		k, err := toInt(n[0])
		if err != nil {
			return "", err
		}
		limit = k
	}
	return strings.Replace(toString(s), toString(old), toString(new), limit), nil
}

func compileRE(pattern string) (*regexp.Regexp, error) {
	return regexp.Compile(pattern)
}

func replaceRE(pattern, repl, s any, n ...any) (string, error) {
	re, err := compileRE(toString(pattern))
	if err != nil {
		return "", fmt.Errorf("replaceRE: %v", err)
	}
	if len(n) > 0 {
		limit, err := toInt(n[0])
		if err != nil {
			return "", err
		}
		src := toString(s)
		out, count := "", 0
		last := 0
		for _, m := range re.FindAllStringSubmatchIndex(src, -1) {
			if limit >= 0 && count >= limit {
				break
			}
			out += src[last:m[0]] + string(re.ExpandString(nil, toString(repl), src, m))
			last = m[1]
			count++
		}
		return out + src[last:], nil
	}
	return re.ReplaceAllString(toString(s), toString(repl)), nil
}

func findRE(pattern, s any, n ...any) ([]string, error) {
	re, err := compileRE(toString(pattern))
	if err != nil {
		return nil, fmt.Errorf("findRE: %v", err)
	}
	limit := -1
	if len(n) > 0 {
		if limit, err = toInt(n[0]); err != nil {
			return nil, err
		}
	}
	return re.FindAllString(toString(s), limit), nil
}

// humanize is Hugo's: "my-first-post" is "My first post"; a number gets its ordinal.
func humanize(v any) string {
	s := toString(v)
	if n, err := strconv.Atoi(s); err == nil {
		suffix := "th"
		switch {
		case n%100 >= 11 && n%100 <= 13:
		case n%10 == 1:
			suffix = "st"
		case n%10 == 2:
			suffix = "nd"
		case n%10 == 3:
			suffix = "rd"
		}
		return s + suffix
	}
	s = strings.NewReplacer("-", " ", "_", " ").Replace(s)
	r := []rune(strings.TrimSpace(s))
	if len(r) == 0 {
		return ""
	}
	r[0] = unicode.ToUpper(r[0])
	return string(r)
}

func substr(v any, start any, length ...any) (string, error) {
	r := []rune(toString(v))
	from, err := toInt(start)
	if err != nil {
		return "", err
	}
	if from < 0 {
		from = max(0, len(r)+from)
	}
	from = min(from, len(r))
	to := len(r)
	if len(length) > 0 {
		n, err := toInt(length[0])
		if err != nil {
			return "", err
		}
		if n < 0 {
			to = max(from, len(r)+n)
		} else {
			to = min(len(r), from+n)
		}
	}
	return string(r[from:to]), nil
}

func truncate(n any, args ...any) (string, error) {
	k, err := toInt(n)
	if err != nil || len(args) == 0 {
		return "", fmt.Errorf("truncate takes a length and a text")
	}
	ellipsis := " …"
	s := toString(args[len(args)-1])
	if len(args) == 2 {
		ellipsis = toString(args[0])
	}
	r := []rune(s)
	if len(r) <= k {
		return s, nil
	}
	return strings.TrimSpace(string(r[:k])) + ellipsis, nil
}

// urlize is Hugo's: a path segment in lower case ("Big Data" is big-data).
func urlize(v any) string {
	return strings.ToLower(content.PathSegment(strings.TrimSpace(toString(v))))
}

// anchorize is Hugo's: text made a heading ID as goldmark makes it.
func anchorize(v any) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(toString(v)) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(unicode.ToLower(r))
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	return b.String()
}

// minorWords stay in lower case inside a title, as in AP style (Hugo's default
// titleCaseStyle): "Rule of Law".
var minorWords = map[string]bool{"a": true, "an": true, "and": true, "as": true, "at": true, "but": true, "by": true,
	"en": true, "for": true, "if": true, "in": true, "nor": true, "of": true, "on": true, "or": true, "per": true,
	"so": true, "the": true, "to": true, "up": true, "v": true, "vs": true, "via": true, "yet": true}

// apTitle is Hugo's title: each word capitalised but the minor ones inside.
func apTitle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		if i > 0 && i < len(words)-1 && minorWords[strings.ToLower(w)] {
			words[i] = strings.ToLower(w)
			continue
		}
		r := []rune(w)
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// plainifyBreaks are the tags Hugo's plainify makes line breaks.
var plainifyBreaks = strings.NewReplacer("\n", " ", "</p>", "\n", "<br>", "\n", "<br />", "\n", "<br/>", "\n")

// plainify is Hugo's: the text without its tags, a paragraph's end a line break.
func plainify(v any) string {
	return tagRE.ReplaceAllString(plainifyBreaks.Replace(toString(v)), "")
}

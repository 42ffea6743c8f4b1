package markdown

import (
	"fmt"
	"sort"
	"strings"

	"github.com/yuin/goldmark/util"
)

// Shortcode is what a name in {{< name … >}} runs: one of briefs' built-ins, or one of
// the site's own templates (layouts/shortcodes/NAME.html, which package render reads).
//
// A built-in is one registration, in its own file:
//
//	func init() { registerBuiltin("chart", chartShortcode{}) }
//
// where chartShortcode has the two methods below.
type Shortcode interface {
	// Inner reports whether a call takes content up to a closing tag,
	// {{< name >}}…{{< /name >}}. Hugo decides it by whether the template reads .Inner;
	// {{< name />}} is a call with no content either way.
	Inner() bool
	// Render returns what one call shows, or an error that the body reports at the call.
	Render(c *Call) (Output, error)
}

// Output is what a call shows: HTML, put into the page as it is, or Markdown, put into
// the body where the call was and rendered with it (a site template called as
// {{% name %}}, as in Hugo).
type Output struct {
	HTML     string
	Markdown string
	// Warnings are the template's warnf messages: warnings at the call.
	Warnings []string
}

// Unsupported is the error of a Hugo theme's shortcode that uses what briefs cannot
// do: the build does not fail; the call shows Show, and the build warns once per
// shortcode name, at its first call, with the count of calls.
type Unsupported struct {
	Msg  string
	Show Output
}

// Error is the warning the build prints.
func (u *Unsupported) Error() string { return u.Msg }

var builtins = map[string]Shortcode{}

// registerBuiltin adds a built-in shortcode; the site's layouts/shortcodes/NAME.html
// replaces it, as Hugo's site shortcodes replace Hugo's own. Called from init only.
func registerBuiltin(name string, s Shortcode) {
	if _, dup := builtins[name]; dup {
		panic("markdown: two built-in shortcodes named " + name)
	}
	builtins[name] = s
}

// Builtins returns the names of the built-in shortcodes, sorted.
func Builtins() []string {
	names := make([]string, 0, len(builtins)+3)
	for n := range builtins {
		names = append(names, n)
	}
	names = append(names, "num", "figure", "chart")
	sort.Strings(names)
	return names
}

// Page is what shortcodes know of the page whose body they are in.
type Page struct {
	// Path is the page's URL path ("zh/law/zibo/"): images are named relative to it.
	Path string
	// File names the content file, for .Position ("content/law/zibo.zh.md").
	File string
	// Lang is the page's language code.
	Lang string
	// Params are the page's front-matter params; SiteParams the site's, which the
	// param shortcode falls back to.
	Params, SiteParams map[string]any
	// Ref finds the page a ref or relref names (Hugo's rules; lang "" is the page's
	// own language) and returns its absolute and site-relative URLs. Nil makes every
	// ref an error.
	Ref func(target, lang string) (abs, rel string, err error)
	// Data is what site templates see as .Page (package render makes it).
	Data any
	// Line gives the line and column of a byte offset of the body, for .Position.
	Line func(offset int) (line, col int)
	// Store is shared by the calls of one rendering of the body (Hugo's
	// .Page.Store and .Page.Scratch); expand makes it.
	Store map[string]any
	// inline are the shortcodes the body defined ({{< x.inline >}}…), by name.
	inline map[string]Shortcode
}

// Call is one shortcode call, as a shortcode sees it (Hugo's shortcode context).
type Call struct {
	Name   string
	Params []Param
	// Inner is the content between the tags, with the calls inside it already
	// run (their HTML stands in as placeholders that the page's HTML gets back).
	Inner string
	// Markdown marks {{% … %}}.
	Markdown bool
	// Ordinal is the call's place among the calls of its parent (or of the body), from 0.
	Ordinal int
	// Parent is the call this one is inside, or nil.
	Parent *Call
	// Offset is where the call starts in the body.
	Offset int
	Page   *Page
	// Store is the call's own (Hugo's .Store): calls inside it may fill it through
	// .Parent.Store before it runs.
	Store map[string]any

	x *expansion // the body's expansion, for RenderMarkdown
}

// Get returns a parameter by position (an int) or name (a string), or nil.
func (c *Call) Get(key any) any {
	switch k := key.(type) {
	case int:
		if k >= 0 && k < len(c.Params) && c.Params[k].Name == "" {
			return c.Params[k].Value
		}
	case string:
		for _, p := range c.Params {
			if p.Name == k && k != "" {
				return p.Value
			}
		}
	}
	return nil
}

// String returns a parameter as text ("" when missing).
func (c *Call) String(key any) string {
	v := c.Get(key)
	if v == nil {
		return ""
	}
	return fmt.Sprint(v)
}

// IsNamedParams reports whether the call's parameters are named.
func (c *Call) IsNamedParams() bool { return len(c.Params) > 0 && c.Params[0].Name != "" }

// Position is where the call is, "file:line:col", as Hugo's .Position prints it.
func (c *Call) Position() string {
	if c.Page == nil || c.Page.Line == nil {
		return ""
	}
	line, col := c.Page.Line(c.Offset)
	return fmt.Sprintf("%s:%d:%d", c.Page.File, line, col)
}

// RenderMarkdown renders Markdown as part of the page (Hugo's markdownify and
// .Page.RenderString): shortcodes inside it run, and its problems are the page's, at
// this call. A text of one paragraph loses its <p> unless block is set, as in Hugo.
func (c *Call) RenderMarkdown(src string, block bool) string {
	if c.x == nil {
		return ""
	}
	if !block && !strings.ContainsAny(src, "*_`[]<>&\\!#{}|~:\n") {
		return string(util.EscapeHTML([]byte(strings.TrimSpace(src)))) // plain text, as goldmark would write it
	}
	html, probs := c.x.md.fragment([]byte(src), c.Page, c.x.depth+1)
	for _, p := range probs {
		c.x.problem(c.Offset, p.Msg, p.Shortcode)
	}
	if !block {
		if s, ok := strings.CutPrefix(strings.TrimSpace(html), "<p>"); ok && strings.Count(s, "<p>") == 0 {
			if s, ok := strings.CutSuffix(s, "</p>"); ok {
				return s
			}
		}
	}
	return html
}

// checkParams reports a parameter a built-in does not take, or a mix of named and
// positional parameters, which Hugo refuses too.
func (c *Call) checkParams(named ...string) error {
	for _, p := range c.Params {
		if p.Name == "" {
			continue
		}
		ok := false
		for _, n := range named {
			ok = ok || n == p.Name
		}
		if !ok {
			return fmt.Errorf("%s: unknown parameter %s=; %s takes %s", c.Name, p.Name, c.Name, strings.Join(named, ", "))
		}
	}
	return nil
}

package markdown

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"html"
	"net/url"
	"strings"

	"github.com/yuin/goldmark/util"
)

// Hugo's built-in shortcodes that content relies on, with Hugo's parameters. Each
// writes its HTML itself: no third-party scripts or frames (video and post embeds are
// links), and no highlighter (highlight writes the code block goldmark writes for a
// fenced block, for the page's own styles).

// builtin is a built-in shortcode made of a function.
type builtin struct {
	inner  bool
	render func(c *Call) (Output, error)
}

func (b builtin) Inner() bool                    { return b.inner }
func (b builtin) Render(c *Call) (Output, error) { return b.render(c) }

func init() {
	registerBuiltin("ref", builtin{render: func(c *Call) (Output, error) { return ref(c, false) }})
	registerBuiltin("relref", builtin{render: func(c *Call) (Output, error) { return ref(c, true) }})
	registerBuiltin("highlight", builtin{inner: true, render: highlight})
	registerBuiltin("details", builtin{inner: true, render: details})
	registerBuiltin("param", builtin{render: param})
	registerBuiltin("youtube", embed("youtube", "YouTube video", "https://www.youtube.com/watch?v=%s", "id"))
	registerBuiltin("vimeo", embed("vimeo", "Vimeo video", "https://vimeo.com/%s", "id"))
	registerBuiltin("instagram", embed("instagram", "Instagram post", "https://www.instagram.com/p/%s/", "id"))
	registerBuiltin("x", embed("x", "Post on X", "https://x.com/%s/status/%s", "user", "id"))
	registerBuiltin("twitter", embed("twitter", "Post on X", "https://x.com/%s/status/%s", "user", "id"))
	registerBuiltin("tweet", embed("tweet", "Post on X", "https://x.com/%s/status/%s", "user", "id"))
	registerBuiltin("gist", embed("gist", "Gist", "https://gist.github.com/%s/%s", "user", "id"))
	// Hugo's _simple variants write the post or video without its script; here
	// both are the same link.
	registerBuiltin("vimeo_simple", embed("vimeo_simple", "Vimeo video", "https://vimeo.com/%s", "id"))
	registerBuiltin("x_simple", embed("x_simple", "Post on X", "https://x.com/%s/status/%s", "user", "id"))
	registerBuiltin("twitter_simple", embed("twitter_simple", "Post on X", "https://x.com/%s/status/%s", "user", "id"))
	registerBuiltin("comment", builtin{inner: true, render: comment})
}

// comment writes nothing: {{< comment >}}a note for the authors{{< /comment >}}.
func comment(c *Call) (Output, error) {
	if len(c.Params) > 0 {
		return Output{}, errors.New(`comment takes no parameters, as in {{< comment >}}a note{{< /comment >}}`)
	}
	return Output{}, nil
}

// ref writes the URL of the page a ref or relref names: {{< ref "law/zibo" >}},
// {{< relref "zibo.md#cases" >}}, {{< ref path="zibo" lang="en" >}}.
func ref(c *Call, relative bool) (Output, error) {
	if err := c.checkParams("path", "lang", "outputFormat"); err != nil {
		return Output{}, err
	}
	target := c.String(0)
	if c.IsNamedParams() {
		target = c.String("path")
	}
	if target == "" {
		return Output{}, fmt.Errorf(`%s needs the page it links to, as in {{< %s "law/zibo" >}}`, c.Name, c.Name)
	}
	if c.Page == nil || c.Page.Ref == nil {
		return Output{}, fmt.Errorf("%s %q: this page cannot link to other pages", c.Name, target)
	}
	path, anchor, _ := strings.Cut(target, "#")
	abs, rel, err := c.Page.Ref(path, c.String("lang"))
	if err != nil {
		return Output{}, fmt.Errorf("%s %q: %v", c.Name, target, err)
	}
	u := abs
	if relative {
		u = rel
	}
	if anchor != "" {
		u += "#" + anchor
	}
	return Output{HTML: html.EscapeString(u)}, nil
}

// highlight writes its content as a code block in a language, as a fenced block
// would be: {{< highlight go "linenos=table,hl_lines=2 4-5" >}}…{{< /highlight >}}.
// Of Hugo's highlighter's options, line numbers and highlighted lines are applied
// (see codeOptions), over the site's [markup.highlight]; the others are read and
// left, as briefs has no highlighter.
func highlight(c *Call) (Output, error) {
	lang := c.String(0)
	if c.IsNamedParams() {
		return Output{}, fmt.Errorf(`highlight takes a language and options, as in {{< highlight go "linenos=table" >}}`)
	}
	o := codeOptions{start: 1}
	if c.x != nil {
		o = siteCodeOptions(c.x.md.opts.Highlight, false)
	}
	o.apply(c.String(1))
	code := strings.TrimLeft(c.Inner, "\r\n")
	code = strings.TrimRight(code, " \t\r\n")
	var b bytes.Buffer
	b.WriteString("<pre><code")
	if lang != "" {
		b.WriteString(` class="language-` + html.EscapeString(lang) + `"`)
	}
	b.WriteString(">")
	if code == "" || o.plain(strings.Count(code, "\n")+1) {
		b.Write(util.EscapeHTML([]byte(code)))
		if code != "" {
			b.WriteString("\n")
		}
	} else {
		w := bufio.NewWriter(&b)
		writeCode(w, bytes.SplitAfter([]byte(code), []byte("\n")), o)
		w.Flush()
	}
	b.WriteString("</code></pre>\n")
	return Output{HTML: b.String()}, nil
}

// details writes a disclosure box: {{< details summary="More" open=true >}}Markdown{{< /details >}}.
func details(c *Call) (Output, error) {
	if err := c.checkParams("summary", "open", "class", "name", "title"); err != nil {
		return Output{}, err
	}
	summary := c.String("summary")
	if summary == "" {
		summary = "Details"
		if strings.HasPrefix(c.Page.Lang, "zh") {
			summary = "详情"
		}
	}
	var b strings.Builder
	b.WriteString("<details")
	for _, a := range []string{"class", "name", "title"} {
		if v := c.String(a); v != "" {
			fmt.Fprintf(&b, ` %s="%s"`, a, html.EscapeString(v))
		}
	}
	if open, _ := c.Get("open").(bool); open || c.String("open") == "true" {
		b.WriteString(" open")
	}
	b.WriteString(">\n<summary>")
	b.WriteString(c.RenderMarkdown(summary, false))
	b.WriteString("</summary>\n")
	b.WriteString(c.RenderMarkdown(strings.TrimSpace(c.Inner), true))
	b.WriteString("</details>\n")
	return Output{HTML: b.String()}, nil
}

// param writes a front-matter param of the page, or the site's param of that name:
// {{< param "author" >}}, {{< param "contact.email" >}}.
func param(c *Call) (Output, error) {
	key := c.String(0)
	if key == "" || c.IsNamedParams() {
		return Output{}, errors.New(`param needs the param's name, as in {{< param "author" >}}`)
	}
	for _, params := range []map[string]any{c.Page.Params, c.Page.SiteParams} {
		if v, ok := lookupParam(params, key); ok {
			return Output{HTML: html.EscapeString(fmt.Sprint(v))}, nil
		}
	}
	return Output{}, fmt.Errorf("param %q: neither the page's params nor the site's have it", key)
}

// lookupParam finds a dotted key ("contact.email") in params, ignoring case as Hugo does.
func lookupParam(params map[string]any, key string) (any, bool) {
	var v any = params
	for _, part := range strings.Split(key, ".") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil, false
		}
		found := false
		for k, x := range m {
			if strings.EqualFold(k, part) {
				v, found = x, true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return v, v != nil
}

// embed makes a shortcode that writes a link to a video or a post, where Hugo's
// writes the other site's frame or script: the page loads nothing from elsewhere.
// keys are its parameters, by name or in order; the last one is the id.
func embed(name, what, pattern string, keys ...string) Shortcode {
	return builtin{render: func(c *Call) (Output, error) {
		if err := c.checkParams(append(keys, "title", "loading", "class", "autoplay", "start", "end", "controls", "mute", "loop", "allowFullScreen", "dnt", "hidecaption", "file")...); err != nil {
			return Output{}, err
		}
		var vals []any
		for i, k := range keys {
			v := c.String(k)
			if !c.IsNamedParams() {
				v = c.String(i)
				if len(keys) == 2 && name != "gist" && len(c.Params) == 1 { // {{< tweet 123 >}}
					v = map[bool]string{true: "i", false: c.String(0)}[k == "user"]
				}
			}
			if v == "" {
				return Output{}, fmt.Errorf(`%s needs %s, as in {{< %s %s >}}`, name, strings.Join(keys, " and "), name, strings.Join(keys, " "))
			}
			vals = append(vals, url.PathEscape(v))
		}
		u := fmt.Sprintf(pattern, vals...)
		title := c.String("title")
		if title == "" {
			title = what + " " + u
		}
		return Output{HTML: fmt.Sprintf(`<p class="embed embed-%s"><a href="%s">%s</a></p>`+"\n", name, html.EscapeString(u), html.EscapeString(title))}, nil
	}}
}

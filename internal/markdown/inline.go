package markdown

import (
	"bytes"
	"fmt"
	"strings"
)

// Hugo's inline shortcodes: with enableInlineShortcodes = true in the configuration,
// a body defines a shortcode and runs it at once,
//
//	{{< year.inline >}}{{ now.Year }}{{< /year.inline >}}
//
// the template being the text between the tags, and a later {{< year.inline />}} in
// the same page runs it again. Off, Hugo leaves such calls out silently; briefs leaves
// them out with one warning for the site (build groups the calls by Degraded).

// inlineSuffix ends the name of an inline shortcode.
const inlineSuffix = ".inline"

// InlineFunc makes the shortcode of an inline definition: name ("year.inline") and
// its template's text.
type InlineFunc func(name, src string) (Shortcode, error)

// inlineCall stands for an inline shortcode while the tree is read: it takes content,
// so that a definition's closing tag is matched.
type inlineCall struct{}

func (inlineCall) Inner() bool { return true }

func (inlineCall) Render(*Call) (Output, error) { return Output{}, nil }

// inlineShortcode returns the shortcode an inline call runs: the template between its tags,
// which it defines for the rest of the page, or the one defined before; nil when
// inline shortcodes are off (with a warning) or the call is wrong (with an error).
func (x *expansion) inlineShortcode(c *Call, n scNode) (Shortcode, error) {
	define := x.md.opts.InlineShortcodes
	if define == nil {
		x.probs = append(x.probs, Problem{Offset: c.Offset, Warning: true, Degraded: "*" + inlineSuffix,
			Msg: fmt.Sprintf("inline shortcodes are off: this call of %s, and every call of an inline shortcode, is left out, as Hugo leaves them out; set enableInlineShortcodes = true in the configuration to run the shortcodes bodies define", c.Name)})
		return nil, nil
	}
	t := n.call
	if !t.selfClosing && n.end > t.end {
		end := bytes.LastIndex(x.src[:n.end], []byte("{{"))
		if end < t.end {
			end = t.end
		}
		s, err := define(c.Name, string(x.src[t.end:end]))
		if err != nil {
			return nil, fmt.Errorf("inline shortcode %s: %v", c.Name, strings.TrimSpace(err.Error()))
		}
		if x.page.inline == nil {
			x.page.inline = map[string]Shortcode{}
		}
		x.page.inline[c.Name] = s
		return s, nil
	}
	if s := x.page.inline[c.Name]; s != nil {
		return s, nil
	}
	return nil, fmt.Errorf("inline shortcode %s is not defined before this call: write its template between {{< %s >}} and {{< /%s >}} first", c.Name, c.Name, c.Name)
}

package chart

import (
	"fmt"
	"path"
	"slices"
	"strings"
)

// Error is a problem with a chart: in its data, at byte Offset of the data's source,
// or, with Offset -1, in the shortcode's own parameters.
type Error struct {
	Offset int
	Msg    string
}

// Error implements error.
func (e *Error) Error() string { return e.Msg }

func argError(format string, args ...any) *Error {
	return &Error{Offset: -1, Msg: "chart: " + fmt.Sprintf(format, args...)}
}

// Arg is one parameter of the shortcode, key="value".
type Arg struct{ Key, Val string }

// Spec is what the shortcode's parameters ask for, before any data is read.
type Spec struct {
	Type                   string // bar, line or number
	Vertical, Stacked      bool
	Title, Caption, Source string
	Unit                   string
	X                      string   // the column of labels; "" is the first
	Columns                []string // the columns of values; nil is all but X
	Sort                   string   // "", "asc" or "desc"
	Highlight              string   // the label of the bar to stand out
	Value                  string   // a number card's figure, when it has no data
	// Data names a file of data (.csv or .toml): next to the brief, else in data/.
	// Empty: the data is the shortcode's inner block.
	Data string
}

// params are the shortcode's parameters, Hugo-style names.
var params = []string{"type", "orient", "stacked", "title", "caption", "source", "unit", "x", "columns", "sort", "highlight", "value", "data"}

// ParseSpec reads the shortcode's parameters; args[0] may be its name, "chart".
func ParseSpec(args []Arg) (*Spec, error) {
	s := &Spec{Type: "bar"}
	if len(args) > 0 && args[0] == (Arg{Val: "chart"}) {
		args = args[1:]
	}
	for _, a := range args {
		if a.Key == "" {
			return nil, argError(`takes named parameters, as in {{< chart type="bar" title="…" >}}; %q has no name`, a.Val)
		}
		if err := s.set(a.Key, a.Val); err != nil {
			return nil, err
		}
	}
	if s.Type == "number" && s.Data == "" && s.Value == "" {
		// The inner block holds the figure; nothing to check yet.
		return s, nil
	}
	if s.Value != "" && s.Type != "number" {
		return nil, argError(`value= is for type="number"; a %s chart reads its values from data`, s.Type)
	}
	return s, nil
}

func (s *Spec) set(key, val string) error {
	field := map[string]*string{"title": &s.Title, "caption": &s.Caption, "source": &s.Source, "unit": &s.Unit,
		"x": &s.X, "highlight": &s.Highlight, "value": &s.Value, "data": &s.Data}[key]
	if field != nil {
		*field = val
		return nil
	}
	switch key {
	case "type":
		if !slices.Contains([]string{"bar", "line", "number"}, val) {
			return argError(`type=%q is not a chart type; write type="bar", "line" or "number"`, val)
		}
		s.Type = val
	case "orient":
		if val != "horizontal" && val != "vertical" {
			return argError(`orient=%q: write orient="horizontal" (the default) or "vertical"`, val)
		}
		s.Vertical = val == "vertical"
	case "stacked":
		if val != "true" && val != "false" {
			return argError(`stacked=%q: write stacked="true" or leave it out`, val)
		}
		s.Stacked = val == "true"
	case "sort":
		if val != "asc" && val != "desc" && val != "" {
			return argError(`sort=%q: write sort="desc" (largest first) or "asc"`, val)
		}
		s.Sort = val
	case "columns":
		for c := range strings.SplitSeq(val, ",") {
			if c = strings.TrimSpace(c); c != "" {
				s.Columns = append(s.Columns, c)
			}
		}
	default:
		return argError("unknown parameter %s=; chart takes %s", key, strings.Join(params, ", "))
	}
	return nil
}

// DataFormat says how the data file is written, from its extension.
func (s *Spec) DataFormat() (string, error) {
	switch ext := strings.ToLower(path.Ext(s.Data)); ext {
	case ".csv":
		return "csv", nil
	case ".toml":
		return "toml", nil
	default:
		return "", argError("data=%q: name a .csv or .toml file", s.Data)
	}
}

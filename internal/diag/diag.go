// Package diag carries the problems a build finds, each tied to a place in a source file.
//
// Every error a user sees from briefs has the form
//
//	file:line:col: what is wrong, and what to do
//
// where file is relative to the site folder, line counts from 1 over the whole file (front
// matter included) and col counts characters (not bytes) from 1, so that an editor's
// "go to line:column" lands on the right Chinese character. A build gathers every problem it
// finds into a List and reports them together, sorted by place, instead of stopping at the
// first: an editor who broke three files fixes all three in one pass.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Severity separates problems that stop a build from those that only deserve attention.
type Severity int

const (
	// SevError stops the build: nothing is written.
	SevError Severity = iota
	// SevWarning is reported but the build goes on.
	SevWarning
	// SevInfo is worth knowing and asks for nothing (briefs check's "no en
	// translation"); a List counts it as neither an error nor a warning.
	SevInfo
)

var sevNames = [...]string{"error", "warning", "info"}

// String names the severity as reports print it: "error", "warning" or "info".
func (s Severity) String() string { return sevNames[s] }

// MarshalText writes the severity's name, as JSON reports give it.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// Error is one problem at one place. Line and Col are 1-based; zero means unknown, and
// the place is then printed with what is known (file, or file:line).
type Error struct {
	File     string
	Line     int
	Col      int
	Msg      string
	Severity Severity
	// Context holds a few source lines around Line, for the dev server's error overlay.
	Context []ContextLine
	Err     error
	// Builtin is true when File is built into briefs (a layout of the default theme,
	// shown as "layouts/x.html (default theme)"), not a file of the site folder: there
	// is no path to show it at and no source lines to show.
	Builtin bool
}

// ContextLine is one numbered line of source shown around a problem.
type ContextLine struct {
	Line int
	Text string
}

// Error formats the problem the way compilers do, so that editors and terminals link it.
func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.Place())
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	if e.Severity == SevWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Place returns "file:line:col", leaving out the parts that are unknown.
func (e *Error) Place() string {
	switch {
	case e.File == "":
		return ""
	case e.Line == 0:
		return e.File
	case e.Col == 0:
		return fmt.Sprintf("%s:%d", e.File, e.Line)
	}
	return fmt.Sprintf("%s:%d:%d", e.File, e.Line, e.Col)
}

// Unwrap gives access to the underlying cause, if any.
func (e *Error) Unwrap() error { return e.Err }

// At makes an error at a place with a formatted message.
func At(file string, line, col int, format string, args ...any) *Error {
	return &Error{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

// Warn makes a warning at a place with a formatted message.
func Warn(file string, line, col int, format string, args ...any) *Error {
	e := At(file, line, col, format, args...)
	e.Severity = SevWarning
	return e
}

// List gathers problems from many goroutines. The zero value is ready to use.
type List struct {
	mu   sync.Mutex
	errs []*Error
}

// Add records problems; plain errors without a place are wrapped as placeless ones.
func (l *List) Add(errs ...error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, err := range errs {
		if err == nil {
			continue
		}
		var joined interface{ Unwrap() []error }
		if errors.As(err, &joined) {
			if _, isList := err.(*List); !isList {
				for _, e := range joined.Unwrap() {
					l.addLocked(e)
				}
				continue
			}
		}
		l.addLocked(err)
	}
}

func (l *List) addLocked(err error) {
	if other, ok := err.(*List); ok {
		l.errs = append(l.errs, other.Sorted()...)
		return
	}
	var de *Error
	if errors.As(err, &de) {
		l.errs = append(l.errs, de)
		return
	}
	l.errs = append(l.errs, &Error{Msg: err.Error(), Err: err})
}

// Sorted returns the problems by file, line and column, with exact duplicates removed.
func (l *List) Sorted() []*Error {
	l.mu.Lock()
	out := slices.Clone(l.errs)
	l.mu.Unlock()
	slices.SortStableFunc(out, func(a, b *Error) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Col, b.Col), cmp.Compare(a.Msg, b.Msg))
	})
	return slices.CompactFunc(out, func(a, b *Error) bool { return a.Error() == b.Error() })
}

// Errors returns only the problems that stop the build, sorted.
func (l *List) Errors() []*Error {
	return slices.DeleteFunc(l.Sorted(), func(e *Error) bool { return e.Severity != SevError })
}

// Warnings returns only the warnings, sorted.
func (l *List) Warnings() []*Error {
	return slices.DeleteFunc(l.Sorted(), func(e *Error) bool { return e.Severity != SevWarning })
}

// Err returns the list as an error when it holds at least one build-stopping problem.
func (l *List) Err() error {
	if len(l.Errors()) == 0 {
		return nil
	}
	return l
}

// Error prints every problem on its own line, sorted.
func (l *List) Error() string {
	var b strings.Builder
	for i, e := range l.Errors() {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Unwrap lets errors.As find the individual problems.
func (l *List) Unwrap() []error {
	errs := l.Errors()
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return out
}

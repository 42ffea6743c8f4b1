package config

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/briefs/briefs/internal/diag"
)

// unknownHint is what an "unknown key" message adds: the key that was probably meant,
// found by diag.Suggest as for front matter, or where to look.
func unknownHint(path []string) string {
	if s := diag.Suggest(path[len(path)-1], knownKeys(path)); s != "" {
		return fmt.Sprintf("did you mean `%s`?", strings.Join(append(path[:len(path)-1:len(path)-1], s), "."))
	}
	return "see the README for the keys site.toml takes"
}

// knownKeys returns the keys of the table that holds the last key of path, read from
// the toml tags of Site, so that the list cannot fall behind the struct. A map's keys
// (the language codes under [languages]) are free, so they are walked over.
func knownKeys(path []string) []string {
	t := reflect.TypeFor[Site]()
	for _, key := range path[:len(path)-1] {
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := fieldByTag(t, key)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var keys []string
	for f := range t.Fields() {
		if tag := f.Tag.Get("toml"); tag != "" && tag != "-" {
			keys = append(keys, tag)
		}
	}
	return keys
}

func fieldByTag(t reflect.Type, tag string) (reflect.StructField, bool) {
	for f := range t.Fields() {
		if f.Tag.Get("toml") == tag {
			return f, true
		}
	}
	return reflect.StructField{}, false
}

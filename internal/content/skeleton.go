package content

import (
	"bytes"
	"fmt"
	"path"
	"text/template"
	"time"

	"github.com/briefs/briefs/internal/config"
)

// SkeletonFile is where a site may keep its own skeleton for "briefs new", below layouts/.
const SkeletonFile = "_new.md"

// DefaultSkeleton is the file "briefs new" writes when the site has no layouts/_new.md.
// A skeleton is a text/template; its fields are those of Skeleton.
const DefaultSkeleton = `+++
title = {{printf "%q" .Title}}
date = {{.Date}}
draft = true
{{- with .TranslationKey}}
translationKey = {{printf "%q" .}}
{{- end}}
{{- with .TranslationOf}}
translationOf = {{printf "%q" .}}
{{- end}}
tags = []
summary = ""
source = ""
editor = ""
+++

{{.Body}}
`

// Skeleton is the data a skeleton template gets.
type Skeleton struct {
	// Title and Body are placeholders in the file's language.
	Title, Body string
	// Date is the current time in the site's zone, as a TOML datetime.
	Date string
	// TranslationKey ties the new files together: "<section>/<slug>", or the
	// original's key; empty when files pair by name.
	TranslationKey string
	// TranslationOf is set when the original already exists: the version of it that
	// the new translation starts from (see briefs check).
	TranslationOf string
	Lang          string
	Section, Slug string
}

var placeholders = map[string][2]string{
	"zh": {"新简报标题", "正文从这里开始。数字请写成 {{< num \"7.9亿元\" >}}，英文页会显示为 790 million yuan。"},
	"en": {"New brief title", "Start the brief here. Write figures as {{< num \"7.9亿元\" >}}: the English page shows 790 million yuan."},
}

// NewFiles returns the path and text of the new brief n: one file per site language, or
// the one file of n.Lang. It does not touch the disk. source, when not nil, is the
// existing original: the new files are its translations and record its BodyHash as
// translationOf.
func NewFiles(cfg *config.Site, n NewName, skeleton string, now time.Time, source *File) (map[string][]byte, error) {
	t, err := template.New(SkeletonFile).Parse(skeleton)
	if err != nil {
		return nil, fmt.Errorf("layouts/%s: %v", SkeletonFile, err)
	}
	out := map[string][]byte{}
	for _, code := range cfg.Order {
		if n.Lang != "" && code != n.Lang {
			continue
		}
		ph, ok := placeholders[code]
		if !ok {
			ph = placeholders["en"]
		}
		data := Skeleton{Title: ph[0], Body: ph[1], Date: now.In(cfg.Location).Format(time.RFC3339),
			TranslationKey: path.Join(n.Section, n.Slug), Lang: code, Section: n.Section, Slug: n.Slug}
		if source != nil {
			if code == source.Lang {
				continue
			}
			// Pair by the original's key, or by file name when it has none.
			data.TranslationOf, data.TranslationKey = source.BodyHash(), source.Front.TranslationKey
		}
		var buf bytes.Buffer
		if err := t.Execute(&buf, data); err != nil {
			return nil, fmt.Errorf("layouts/%s: %v", SkeletonFile, err)
		}
		// In the language's own content folder (Hugo's contentDir) when it has one.
		out[path.Join(cfg.Languages[code].ContentDir, n.Section, n.Slug+"."+code+".md")] = buf.Bytes()
	}
	return out, nil
}

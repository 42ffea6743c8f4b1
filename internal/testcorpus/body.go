package testcorpus

import (
	"strconv"
	"strings"
)

// pairFiles is one generated article pair.
type pairFiles struct {
	dir     string // "content/<section>/"
	slug    string
	zh, en  []byte
	han     int // Han characters in the Chinese body
	enWords int // words in the English body
}

// article generates article idx of the corpus for seed.
func article(seed uint64, idx int) pairFiles {
	b := newBrief(seed, idx)
	title := b.text(&cTitles[b.r.intn(len(cTitles))])
	summary := b.body()
	if !b.r.percent(50) {
		summary = pair{} // the other half let briefs cut the summary from the body
	}
	return pairFiles{
		dir:     "content/" + b.sec.slug + "/",
		slug:    b.slug(),
		zh:      b.file(title.zh, summary.zh, b.zhSide(), b.zh),
		en:      b.file(title.en, summary.en, b.enSide(), b.en),
		han:     b.han,
		enWords: countWords(b.en),
	}
}

// body writes both bodies and returns the lead, which serves as a summary.
func (b *brief) body() pair {
	r := b.r
	deck := r.perm(len(cSentences))
	next := func() *template {
		if len(deck) == 0 {
			deck = r.perm(len(cSentences))
		}
		t := &cSentences[deck[0]]
		deck = deck[1:]
		return t
	}
	zs, es := len(b.zh), len(b.en)
	b.fill(&cLeads[r.intn(len(cLeads))], &b.zh, &b.en, true)
	lead := pair{string(b.zh[zs:]), string(b.en[es:])}
	b.paragraph(r.between(1, 2), es, next)

	target := r.between(1250, 1650)
	order := r.perm(len(cHeadings) - 1) // the last heading closes every brief
	hasTable := r.percent(40)
	listAt := r.intn(2)
	for n := 0; n < 3 || b.han < target; n++ {
		b.heading(n, order)
		paras := r.between(2, 3)
		for p := 0; p < paras && (p == 0 || b.han < target); p++ {
			b.paragraph(r.between(2, 4), len(b.en), next)
		}
		if n == listAt {
			b.list()
		}
		if hasTable && n == listAt+1 {
			b.table()
		}
	}
	b.closing()
	return lead
}

// paragraph writes k sentences. English keeps the paragraph's first sentence and
// each later one with chance enKeep; enStart is where the English paragraph began.
func (b *brief) paragraph(k, enStart int, next func() *template) {
	for i := range k {
		keep := (i == 0 && len(b.en) == enStart) || b.r.percent(enKeep)
		if keep && len(b.en) > enStart {
			b.en = append(b.en, ' ')
		}
		b.fill(next(), &b.zh, &b.en, keep)
	}
	b.zh = append(b.zh, "\n\n"...)
	b.en = append(b.en, "\n\n"...)
}

func (b *brief) heading(n int, order []int) {
	t := &cHeadings[len(cHeadings)-1]
	if n < len(order) {
		t = &cHeadings[order[n]]
	}
	b.zh = append(b.zh, "## "...)
	b.zh = append(b.zh, zhOrdinals[n%len(zhOrdinals)]...)
	b.zh = append(b.zh, "、"...)
	b.en = append(b.en, "## "...)
	b.fill(t, &b.zh, &b.en, true)
	b.zh = append(b.zh, "\n\n"...)
	b.en = append(b.en, "\n\n"...)
}

// list writes a bold introduction and a bullet list of 4 to 6 results.
func (b *brief) list() {
	b.fill(&cListIntros[b.r.intn(len(cListIntros))], &b.zh, &b.en, true)
	b.zh = append(b.zh, "\n\n"...)
	b.en = append(b.en, "\n\n"...)
	for _, i := range b.r.perm(len(cListItems))[:b.r.between(4, 6)] {
		b.zh = append(b.zh, "- "...)
		b.en = append(b.en, "- "...)
		b.fill(&cListItems[i], &b.zh, &b.en, true)
		b.zh = append(b.zh, '\n')
		b.en = append(b.en, '\n')
	}
	b.zh = append(b.zh, '\n')
	b.en = append(b.en, '\n')
}

// table writes a captioned GFM table of 4 to 6 indicators with their yearly change.
func (b *brief) table() {
	y := strconv.Itoa(b.date.Year())
	b.zh = append(b.zh, "**表："+b.region.zh+y+"年"+b.topic.zh+"主要指标**\n\n"...)
	b.en = append(b.en, "**Table: key indicators for "+b.topic.en+" in "+b.region.en+", "+y+"**\n\n"...)
	b.han += 6 + hanCount(b.region.zh+b.topic.zh)
	b.zh = append(b.zh, "| 指标 | "+y+"年 | 同比 |\n| --- | ---: | ---: |\n"...)
	b.en = append(b.en, "| Indicator | "+y+" | Change |\n| --- | ---: | ---: |\n"...)
	for _, i := range b.r.perm(len(cTableRows))[:b.r.between(4, 6)] {
		b.zh = append(b.zh, "| "...)
		b.en = append(b.en, "| "...)
		b.fill(&cTableRows[i], &b.zh, &b.en, true)
		sign := "+"
		if b.r.percent(25) {
			sign = "-"
		}
		cell := " | " + sign + change(b.r) + " |\n"
		b.zh = append(b.zh, cell...)
		b.en = append(b.en, cell...)
	}
	b.zh = append(b.zh, '\n')
	b.en = append(b.en, '\n')
}

// closing credits the source with a link and names the editor, as Chinese news
// pages do at the foot of an article.
func (b *brief) closing() {
	url := b.url(b.outlet)
	b.zh = append(b.zh, "（来源：["+b.outlet.name.zh+"]("+url+")　责任编辑："+b.editor.zh+"）\n"...)
	b.en = append(b.en, "(Source: ["+b.outlet.name.en+"]("+url+"); editor: "+b.editor.en+")\n"...)
	b.han += 6
}

// side is what the front matter of one language's file says beyond title and summary.
type side struct {
	tags           []string
	source, editor string
}

func (b *brief) zhSide() side {
	s := side{source: b.outlet.name.zh, editor: b.editor.zh}
	for _, t := range b.tags {
		s.tags = append(s.tags, t.zh)
	}
	return s
}

func (b *brief) enSide() side {
	s := side{source: b.outlet.name.en, editor: b.editor.en}
	for _, t := range b.tags {
		s.tags = append(s.tags, t.en)
	}
	return s
}

// file puts TOML front matter before a body.
func (b *brief) file(title, summary string, s side, body []byte) []byte {
	out := make([]byte, 0, len(body)+512)
	out = append(out, "+++\ntitle = "...)
	out = quote(out, title)
	out = append(out, "\ndate = "...)
	out = b.date.AppendFormat(out, "2006-01-02T15:04:05-07:00")
	out = append(out, "\ntags = ["...)
	for i, t := range s.tags {
		if i > 0 {
			out = append(out, ", "...)
		}
		out = quote(out, t)
	}
	out = append(out, "]\nsource = "...)
	out = quote(out, s.source)
	out = append(out, "\neditor = "...)
	out = quote(out, s.editor)
	out = append(out, "\ntranslationKey = \"brief-"+pad6(b.idx)+"\"\n"...)
	if summary != "" {
		out = append(out, "summary = "...)
		out = quote(out, summary)
		out = append(out, '\n')
	}
	out = append(out, "+++\n\n"...)
	return append(out, body...)
}

// quote appends s as a TOML basic string. The generated text has no control characters,
// so only quotes and backslashes need escaping.
func quote(out []byte, s string) []byte {
	out = append(out, '"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			out = append(out, '\\')
		}
		out = append(out, s[i])
	}
	return append(out, '"')
}

// countWords counts the words a reader of the English page sees: Markdown marks are not
// words, and a num shortcode shows as about two ("790 million yuan", "4,112 cases").
func countWords(body []byte) int {
	n := 0
	inCode := false
	for _, f := range strings.Fields(string(body)) {
		switch {
		case strings.HasSuffix(f, "{{<"):
			inCode = true
			n += 2
		case inCode:
			inCode = !strings.HasPrefix(f, ">}}")
		case strings.IndexFunc(f, isWordRune) >= 0:
			n++
		}
	}
	return n
}

func isWordRune(r rune) bool {
	return r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 0x7f
}

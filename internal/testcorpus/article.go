package testcorpus

import (
	"strconv"
	"time"
)

// shanghai is UTC+8, fixed, so dates never depend on the machine's time zone data.
var shanghai = time.FixedZone("CST", 8*3600)

// enKeep is the chance, in percent, that a body sentence after a paragraph's first is
// translated. English versions of Chinese government briefs are condensed: every
// heading, list, table and lead is there, but not every sentence. 18 puts about 700
// English words beside about 1,500 Han characters.
const enKeep = 18

// brief is one article pair being written: the values both languages share, and the two
// bodies.
type brief struct {
	r         *rand
	idx       int
	sec       *section
	date      time.Time
	region    pair
	dept      pair
	topic     pair
	other     pair
	tags      []pair
	outlet    outlet
	editor    pair
	linksLeft int // links that sentences may still carry
	linkSeq   int
	v         [slotCount]string
	vEN       string // the English side of a link
	set       uint32
	zh, en    []byte
	han       int // Han characters written to the Chinese body
}

// newBrief draws everything about article idx except its text.
func newBrief(seed uint64, idx int) *brief {
	r := newRand(seed, uint64(idx))
	b := &brief{r: r, idx: idx, zh: make([]byte, 0, 8192), en: make([]byte, 0, 8192)}
	b.sec = &sections[r.intn(len(sections))]
	start := time.Date(2019, 1, 1, 0, 0, 0, 0, shanghai)
	b.date = start.AddDate(0, 0, r.intn(7*365)).Add(time.Duration(r.between(8*60, 20*60+59)) * time.Minute)
	b.region = choose(r, regions)
	b.dept = choose(r, departments)
	b.outlet = choose(r, outlets)
	b.editor = choose(r, editors)
	b.pickTags()
	b.other = b.tags[2]
	b.linksLeft = r.between(1, 4) - 1 // the closing source line is always a link
	return b
}

// pickTags gives 3 to 5 tags: the main topic (a section's first topics are the busiest,
// as on real sites), the region, and 1 to 3 more topics, mostly from the same section.
func (b *brief) pickTags() {
	r := b.r
	i := r.intn(len(b.sec.topics))
	if r.percent(50) {
		i = r.intn(5)
	}
	b.topic = b.sec.topics[i]
	b.tags = []pair{b.topic, b.region}
	want := 2 + r.between(1, 3)
	for len(b.tags) < want {
		s := b.sec
		if r.percent(40) {
			s = &sections[r.intn(len(sections))]
		}
		t := choose(r, s.topics)
		if t != b.topic && (len(b.tags) < 3 || t != b.tags[2]) && (len(b.tags) < 4 || t != b.tags[3]) {
			b.tags = append(b.tags, t)
		}
	}
}

// slug is the file name: the date first, so that a folder listing reads in order.
func (b *brief) slug() string {
	return b.date.Format("20060102") + "-" + pad6(b.idx)
}

func pad6(n int) string {
	s := strconv.Itoa(n)
	for len(s) < 6 {
		s = "0" + s
	}
	return s
}

// fill writes t in Chinese to zh and, when en is true, in English to en, drawing the
// values the first time a placeholder needs them. An English sentence starts with a
// capital even when its template starts with a topic.
func (b *brief) fill(t *template, zh, en *[]byte, withEN bool) {
	b.set = 0
	for i := range t.zh {
		*zh = b.token(&t.zh[i], *zh, true)
	}
	if !withEN {
		return
	}
	start := len(*en)
	for i := range t.en {
		*en = b.token(&t.en[i], *en, false)
	}
	if start < len(*en) && (*en)[start] >= 'a' && (*en)[start] <= 'z' {
		(*en)[start] -= 'a' - 'A'
	}
}

func (b *brief) token(t *token, out []byte, zh bool) []byte {
	switch t.kind {
	case lit:
		if zh {
			b.han += t.han
		}
		return append(out, t.text...)
	case region, dept, topic, other:
		p := b.term(t.kind)
		if zh {
			return append(out, p.zh...)
		}
		return append(out, p.en...)
	case year:
		return strconv.AppendInt(out, int64(b.date.Year()), 10)
	case prevYear:
		return strconv.AppendInt(out, int64(b.date.Year()-1), 10)
	case month:
		return strconv.AppendInt(out, int64(b.date.Month()), 10)
	case monthName:
		return append(out, monthNames[b.date.Month()-1]...)
	case day:
		return strconv.AppendInt(out, int64(b.date.Day()), 10)
	case ord:
		n, _ := strconv.Atoi(b.value(t))
		return append(out, ordinal(n)...)
	case link:
		if v := b.value(t); zh {
			return append(out, v...)
		}
		return append(out, b.vEN...)
	case amountFig, countFig, changeFig, rateFig:
		out = append(out, `{{< num "`...)
		out = append(out, b.value(t)...)
		return append(out, `" >}}`...)
	}
	return append(out, b.value(t)...)
}

// term returns the region, department or topic a placeholder names.
func (b *brief) term(k kind) *pair {
	switch k {
	case region:
		return &b.region
	case dept:
		return &b.dept
	case topic:
		return &b.topic
	}
	return &b.other
}

// value returns the value of a slot, drawing it on first use in this template.
func (b *brief) value(t *token) string {
	if b.set&(1<<t.slot) != 0 {
		return b.v[t.slot]
	}
	r := b.r
	var v string
	switch t.kind {
	case small, ord:
		v = strconv.Itoa(r.between(3, 30))
	case months:
		v = strconv.Itoa(r.between(2, 11))
	case points:
		v = fixed(int64(r.between(1, 99)), 1)
	case score:
		v = fixed(int64(r.between(600, 999)), 1)
	case plainRate:
		v = fixed(int64(r.between(780, 999)), 1) + "%"
	case amountFig:
		v = amount(r)
	case countFig:
		v = count(r, t.text)
	case changeFig:
		v = change(r)
	case rateFig:
		v = rate(r)
	case link:
		v = b.newLink()
	}
	b.v[t.slot] = v
	b.set |= 1 << t.slot
	return v
}

// newLink cites an outlet: a Markdown link while the brief's budget of 1 to 4 links
// lasts, the outlet's name after that. It sets the English side in vEN.
func (b *brief) newLink() string {
	o := choose(b.r, outlets)
	if b.linksLeft == 0 {
		b.vEN = o.name.en
		return o.name.zh
	}
	b.linksLeft--
	url := b.url(o)
	b.vEN = "[" + o.name.en + "](" + url + ")"
	return "[" + o.name.zh + "](" + url + ")"
}

func (b *brief) url(o outlet) string {
	b.linkSeq++
	return o.site + "/" + b.date.Format("20060102") + "/c_" + pad6(b.idx) + "_" + strconv.Itoa(b.linkSeq) + ".htm"
}

// text fills a template outside the body (the title) and returns both languages.
func (b *brief) text(t *template) pair {
	var zh, en []byte
	han := b.han
	b.fill(t, &zh, &en, true)
	b.han = han
	return pair{string(zh), string(en)}
}

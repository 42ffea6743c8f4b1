package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"maps"
	"slices"
)

// File is one file of the written index.
type File struct {
	Name string // path below the output folder
	Data []byte
}

// shardBytes is the size a shard aims at: a query fetches one shard per term.
// Larger shards mean fewer files and a shorter list in index.json.
const shardBytes = 32 << 10

// textsPerFile is how many pages' texts share one file of excerpts: few, as
// the results of a query are rarely neighbours.
const textsPerFile = 4

// maxText bounds the text kept per page for excerpts, in runes.
const maxText = 1000

// Entry is search/<lang>/index.json, the one file with a fixed name: it names
// the others, whose names carry a hash of their content.
type Entry struct {
	Version int               `json:"version"`
	Docs    string            `json:"docs"`   // the page list
	Shards  []string          `json:"shards"` // hashes of the term shards, shard-<hash>.json; term t is in Shards[fnv1a32(t) % len]
	Texts   []string          `json:"texts"`  // excerpt texts, textsPerFile pages per file
	PerText int               `json:"perText"`
	Count   int               `json:"count"`
	AvgLen  float64           `json:"avgLen"`
	Units   map[string]string `json:"units"` // unit word -> unit key, for reading figures
}

// docEntry is one page in the page list.
type docEntry struct {
	URL     string   `json:"u"`
	Title   string   `json:"t"`
	Section string   `json:"s,omitempty"`
	Date    string   `json:"d,omitempty"`
	Tags    []string `json:"g,omitempty"`
	Len     int      `json:"n"`
}

// Files writes the index as files below dir ("search/zh"): the entry, the
// page list, the term shards and the excerpt texts. The same pages give the
// same bytes.
func (ix *Index) Files(dir string) []File {
	var out []File
	hash := func(kind string, v any) string {
		data, _ := json.Marshal(v) // maps, slices and strings only: cannot fail
		sum := sha256.Sum256(data)
		h := hex.EncodeToString(sum[:6])
		out = append(out, File{fmt.Sprintf("%s/%s-%s.json", dir, kind, h), data})
		return h
	}
	put := func(kind string, v any) string { return kind + "-" + hash(kind, v) + ".json" }
	e := Entry{Version: 1, PerText: textsPerFile, Count: len(ix.docs), AvgLen: ix.avg, Units: ix.tok.units}
	docs := make([]docEntry, len(ix.docs))
	for i, d := range ix.docs {
		docs[i] = docEntry{d.URL, d.Title, d.Section, d.Date, d.Tags, ix.lens[i]}
	}
	e.Docs = put("docs", docs)
	for _, s := range ix.shards() {
		e.Shards = append(e.Shards, hash("shard", s))
	}
	for i := 0; i < len(ix.docs); i += textsPerFile {
		var texts []string
		for _, d := range ix.docs[i:min(i+textsPerFile, len(ix.docs))] {
			texts = append(texts, clip(d.Text, maxText))
		}
		e.Texts = append(e.Texts, put("text", texts))
	}
	data, _ := json.Marshal(e)
	return append(out, File{dir + "/index.json", data})
}

// shards splits the terms into shards of about shardBytes each. A term's
// postings are a flat list of numbers, per page: the page number minus the
// previous one, the term's count, 1 if it is in the title else 0, the number
// of positions kept (none for a single CJK
// character), and the positions, each minus the previous.
func (ix *Index) shards() []map[string][]int {
	size := 0
	flat := map[string][]int{}
	for term, ps := range ix.terms {
		var l []int
		prev := 0
		for _, p := range ps {
			l = append(l, p.doc-prev, p.tf, boolInt(p.title), len(p.pos))
			last := 0
			for _, x := range p.pos {
				l = append(l, x-last)
				last = x
			}
			prev = p.doc
		}
		flat[term] = l
		size += len(term) + 4 + 3*len(l)
	}
	n := max(1, size/shardBytes)
	shards := make([]map[string][]int, n)
	for i := range shards {
		shards[i] = map[string][]int{}
	}
	for _, term := range slices.Sorted(maps.Keys(flat)) {
		shards[ShardOf(term, n)][term] = flat[term]
	}
	return shards
}

// ShardOf is the shard that holds term among n: FNV-1a (32 bits) of its UTF-8
// bytes, modulo n.
func ShardOf(term string, n int) int {
	h := fnv.New32a()
	h.Write([]byte(term))
	return int(h.Sum32() % uint32(n))
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n])
}

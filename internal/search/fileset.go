package search

import (
	"encoding/binary"
	"encoding/hex"
	"hash/crc64"

	"github.com/briefs/briefs/internal/pool"
)

// fileSet is what an index's files need beyond the index itself: the record
// files put together, the CRC-64 of every file, and the folder's name, a hash
// of those. The files are named for caching, not for security: a CRC-64 tells
// apart any two versions of a file a host will see, and costs the build a
// sixth of what SHA-256 cost (about 190M of the index's 1,630M instructions
// at 500 pairs, without SHA extensions). An index that Update made keeps its
// set, and the next one hashes and puts together again only the files whose
// bytes are new, so that an edit to one brief of a large site costs what it
// changed, not the whole index (about 100 MB at 10,000 pairs).
type fileSet struct {
	per        int      // how many pages' records share a file (recordsPer)
	records    [][]byte // record file k: the records of pages k*per onwards
	shardSums  []uint64
	recordSums []uint64
	dir        string // the folder: dirName of the sums
}

// newFileSet makes ix's file set, taking from prev's (nil for none) the sums
// of the shards that are the same bytes (the same slice) and the record files
// of the records that are.
func newFileSet(ix, prev *Index) *fileSet {
	var old *fileSet
	if prev != nil {
		old = prev.set
	}
	per := ix.recordsPer()
	oldRecords := old != nil && old.per == per // else the record files are all other ones
	n := (len(ix.records) + per - 1) / per
	set := &fileSet{per: per, records: make([][]byte, n), shardSums: make([]uint64, len(ix.shards)),
		recordSums: make([]uint64, n)}
	var shards, records []int // the files to hash
	for k := range ix.shards {
		if old != nil && k < len(prev.shards) && same(prev.shards[k], ix.shards[k]) {
			set.shardSums[k] = old.shardSums[k]
		} else {
			shards = append(shards, k)
		}
	}
	recs := func(ix *Index, k int) [][]byte { return ix.records[k*per : min((k+1)*per, len(ix.records))] }
	for k := range n {
		if oldRecords && k < len(old.records) && sameRecords(recs(prev, k), recs(ix, k)) {
			set.records[k], set.recordSums[k] = old.records[k], old.recordSums[k]
		} else {
			records = append(records, k)
		}
	}
	pool.Each(len(shards), func(i int) { set.shardSums[shards[i]] = checksum(ix.shards[shards[i]]) })
	pool.Each(len(records), func(i int) {
		k := records[i]
		set.records[k] = recordFile(recs(ix, k))
		set.recordSums[k] = checksum(set.records[k])
	})
	set.dir = set.dirName(ix)
	return set
}

// recordsPer is how many pages' records share a record file: recordsPerFile
// of the records' sizes.
func (ix *Index) recordsPer() int {
	size := 0
	for _, r := range ix.records {
		size += len(r)
	}
	return recordsPerFile(size, len(ix.records))
}

// crcTable is the ECMA polynomial's table, made once.
var crcTable = crc64.MakeTable(crc64.ECMA)

// checksum is a file's CRC-64 (ECMA).
func checksum(b []byte) uint64 { return crc64.Checksum(b, crcTable) }

// dirName is the folder's name: the first 6 bytes, in hex, of the CRC-64
// (ECMA, big-endian) of the numbers of shards and record files and every
// file's CRC-64 (8 bytes, big-endian), in the order Files lists them.
func (set *fileSet) dirName(ix *Index) string {
	b := binary.AppendUvarint(binary.AppendUvarint(nil, uint64(len(set.shardSums))), uint64(len(set.records)))
	for _, s := range set.shardSums {
		b = binary.BigEndian.AppendUint64(b, s)
	}
	for _, s := range set.recordSums {
		b = binary.BigEndian.AppendUint64(b, s)
	}
	b = binary.BigEndian.AppendUint64(b, checksum(ix.lens))
	b = binary.BigEndian.AppendUint64(b, checksum(ix.facets))
	return hex.EncodeToString(binary.BigEndian.AppendUint64(nil, checksum(b))[:6])
}

// recordFile puts records together into a record file: a JSON array.
func recordFile(recs [][]byte) []byte {
	size := 2
	for _, r := range recs {
		size += len(r) + 1
	}
	data := make([]byte, 0, size)
	data = append(data, '[')
	for k, r := range recs {
		if k > 0 {
			data = append(data, ',')
		}
		data = append(data, r...)
	}
	return append(data, ']')
}

// same reports whether a and b are the same bytes in memory, not only equal:
// an index's shards and records are never changed once made, so the same
// slice has the same hash.
func same(a, b []byte) bool { return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0]) }

func sameRecords(a, b [][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !same(a[i], b[i]) {
			return false
		}
	}
	return true
}

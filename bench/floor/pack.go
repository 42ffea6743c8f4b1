package main

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io/fs"
	"os"
	"path"
	"path/filepath"
)

// A pack is a snapshot of a folder in one file: the files briefs wrote for a site, so
// that floor -same can write them again without reading thousands of files first
// (opening each would cost as much as the writes being measured). It reads:
//
//	"floorpack 1\n"
//	entries, in the order of filepath.WalkDir (a folder before what it holds):
//	    'd' uvarint(len(path)) path                      a folder
//	    'f' uvarint(len(path)) path uvarint(len(data)) data  a file
//	'e' CRC-32C (Castagnoli) of everything before the 'e', 4 bytes big-endian
//
// Paths are slash-separated and relative to the folder. The sum at the end is what
// tells a truncated or damaged pack from a good one before anything is written.
const packMagic = "floorpack 1\n"

// packEnd is the length of the end of a pack: the 'e' byte and the CRC-32C.
const packEnd = 5

var castagnoli = crc32.MakeTable(crc32.Castagnoli)

// entry is a folder (data nil and dir true) or a file of a pack.
type entry struct {
	path string // slash-separated, relative to the packed folder
	dir  bool
	data []byte // a file's bytes; in an opened pack, they point into its mapping
}

// writePack snapshots the folder dir into the file file.
func writePack(dir, file string) (files int, size int64, err error) {
	buf := bytes.NewBufferString(packMagic)
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == dir {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		switch {
		case d.IsDir():
			putEntry(buf, 'd', filepath.ToSlash(rel), nil)
		case d.Type().IsRegular():
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			putEntry(buf, 'f', filepath.ToSlash(rel), data)
			files++
			size += int64(len(data))
		default:
			return fmt.Errorf("%s: neither a file nor a folder; a pack holds only those", p)
		}
		return nil
	})
	if err != nil {
		return 0, 0, err
	}
	sum := crc32.Checksum(buf.Bytes(), castagnoli)
	buf.WriteByte('e')
	buf.Write(binary.BigEndian.AppendUint32(nil, sum))
	return files, size, os.WriteFile(file, buf.Bytes(), 0o644)
}

// putEntry appends one entry to a pack being written.
func putEntry(buf *bytes.Buffer, kind byte, rel string, data []byte) {
	buf.WriteByte(kind)
	buf.Write(binary.AppendUvarint(nil, uint64(len(rel))))
	buf.WriteString(rel)
	if kind == 'f' {
		buf.Write(binary.AppendUvarint(nil, uint64(len(data))))
		buf.Write(data)
	}
}

// errDamaged is the error of every pack that cannot be read; its message says what
// to do about it.
var errDamaged = errors.New("truncated or damaged: make it again with floor -pack")

// parsePack checks the pack p (the bytes of the file name, which errors name) and
// returns its entries, whose data point into p. It refuses a pack whose sum does not
// match, and any path that is not local (absolute, or with ".." in it), so that a
// pack can only write inside the folder it is unpacked into.
func parsePack(name string, p []byte) ([]entry, error) {
	if !bytes.HasPrefix(p, []byte(packMagic)) {
		return nil, fmt.Errorf("%s: not a pack (it does not start with %q)", name, packMagic)
	}
	if len(p) < len(packMagic)+packEnd || p[len(p)-packEnd] != 'e' {
		return nil, fmt.Errorf("%s: no end mark: %w", name, errDamaged)
	}
	body := p[:len(p)-packEnd]
	if want, got := binary.BigEndian.Uint32(p[len(p)-4:]), crc32.Checksum(body, castagnoli); want != got {
		return nil, fmt.Errorf("%s: checksum %08x, the pack says %08x: %w", name, got, want, errDamaged)
	}
	var entries []entry
	for off := len(packMagic); off < len(body); {
		e, n, err := readEntry(body[off:])
		if err != nil {
			return nil, fmt.Errorf("%s: entry %d at byte %d: %w", name, len(entries)+1, off, err)
		}
		entries = append(entries, e)
		off += n
	}
	return entries, nil
}

// readEntry reads the entry at the start of b and returns it and its length.
func readEntry(b []byte) (entry, int, error) {
	kind := b[0]
	if kind != 'd' && kind != 'f' {
		return entry{}, 0, fmt.Errorf("kind %q is neither 'd' nor 'f': %w", kind, errDamaged)
	}
	rel, n, err := readBytes(b, 1)
	if err != nil {
		return entry{}, 0, err
	}
	if !filepath.IsLocal(filepath.FromSlash(string(rel))) || path.Clean(string(rel)) != string(rel) {
		return entry{}, 0, fmt.Errorf("path %q leads out of the folder or is not clean: %w", rel, errDamaged)
	}
	e := entry{path: string(rel), dir: kind == 'd'}
	if kind == 'f' {
		if e.data, n, err = readBytes(b, n); err != nil {
			return entry{}, 0, err
		}
	}
	return e, n, nil
}

// readBytes reads a length and that many bytes at b[off:], and returns them and the
// offset after them.
func readBytes(b []byte, off int) ([]byte, int, error) {
	size, k := binary.Uvarint(b[off:])
	if k <= 0 || size > uint64(len(b)-off-k) {
		return nil, 0, fmt.Errorf("a length runs past the end: %w", errDamaged)
	}
	start := off + k
	return b[start : start+int(size)], start + int(size), nil
}

// loadSame returns the entries floor -same writes: those of the pack file src, or,
// when src is a folder, of that folder read file by file (slower: the cost of reading
// it counts in the time measured). release unmaps the pack.
func loadSame(src string) (entries []entry, release func() error, err error) {
	info, err := os.Stat(src)
	if err != nil {
		return nil, nil, err
	}
	if !info.IsDir() {
		p, unmap, err := mapFile(src)
		if err != nil {
			return nil, nil, err
		}
		entries, err := parsePack(src, p)
		if err != nil {
			unmap()
			return nil, nil, err
		}
		return entries, unmap, nil
	}
	err = filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil || p == src {
			return err
		}
		rel, err := filepath.Rel(src, p)
		if err != nil {
			return err
		}
		e := entry{path: filepath.ToSlash(rel), dir: d.IsDir()}
		if !e.dir {
			if e.data, err = os.ReadFile(p); err != nil {
				return err
			}
		}
		entries = append(entries, e)
		return nil
	})
	return entries, func() error { return nil }, err
}

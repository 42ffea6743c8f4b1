package main

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sync"
	"sync/atomic"
)

// writeSame writes entries into the folder out, which must not exist yet, on writers
// goroutines: every folder with one mkdir, parents first and once whichever writer
// needs it, and every file with open, write and close, as briefs' output package
// does. It returns the number of files and bytes written.
func writeSame(out string, entries []entry, writers int) (files, size int64, err error) {
	if err := os.Mkdir(out, 0o755); err != nil {
		return 0, 0, err
	}
	dirs := make(map[string]*madeDir)
	for _, e := range entries {
		if e.dir {
			dirs[e.path] = new(madeDir)
		}
	}
	var next, written, total atomic.Int64
	var wg sync.WaitGroup
	errs := make([]error, writers)
	for w := range errs {
		wg.Go(func() {
			for errs[w] == nil {
				i := int(next.Add(1)) - 1
				if i >= len(entries) {
					return
				}
				e := entries[i]
				if e.dir {
					errs[w] = makeDir(out, dirs, e.path)
					continue
				}
				if errs[w] = makeDir(out, dirs, path.Dir(e.path)); errs[w] == nil {
					errs[w] = writeFile(filepath.Join(out, filepath.FromSlash(e.path)), e.data)
				}
				written.Add(1)
				total.Add(int64(len(e.data)))
			}
		})
	}
	wg.Wait()
	return written.Load(), total.Load(), errors.Join(errs...)
}

// madeDir is a folder of the output: made once, by the first writer that needs it.
type madeDir struct {
	once sync.Once
	err  error
}

// makeDir makes the folder rel of out, after its parents, unless a writer made it
// before; dirs holds every folder of the pack. A file's folder must be in it: a pack
// made by floor -pack lists every folder before what it holds.
func makeDir(out string, dirs map[string]*madeDir, rel string) error {
	if rel == "." {
		return nil
	}
	m, ok := dirs[rel]
	if !ok {
		return fmt.Errorf("%s: folder not in the pack", rel)
	}
	m.once.Do(func() {
		if m.err = makeDir(out, dirs, path.Dir(rel)); m.err == nil {
			m.err = os.Mkdir(filepath.Join(out, filepath.FromSlash(rel)), 0o755)
		}
	})
	return m.err
}

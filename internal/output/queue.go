package output

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
)

// Queue writes files into a Dir on a few goroutines of its own, so that rendering
// goes on while the disk makes folders and files. A build renders on one goroutine per
// core, and each used to wait for its page's mkdir, open, write and close; on the
// project's machine, writing a 1,000-pair site took 0.91 s on 2 goroutines and 0.57 s
// on 4 (BenchmarkWrite in internal/build), with no gain beyond.
//
// WriteFile copies the data and returns at once; a failed write shows in the Dir's
// Context and in every later WriteFile, as with the Dir itself, and Close returns it.
// The copies are made in buffers the writers hand back once a file is written, so a
// build of 3,600 files allocates a few dozen of them rather than 53 MB of copies,
// which garbage collection otherwise ran after.
type Queue struct {
	d    *Dir
	n    int // writers
	jobs chan job
	wg   sync.WaitGroup
	once sync.Once
	bufs sync.Pool // *[]byte
}

type job struct {
	name string
	data *[]byte
}

// maxKept is the largest buffer a Queue keeps for the next file: pages are tens of
// kB, and the rare large file (a sitemap of 50,000 pages) is not kept to hold memory.
const maxKept = 1 << 20

// Queue starts n writers into d. Close must be called before d.Commit or d.Abort.
func (d *Dir) Queue(n int) *Queue {
	q := &Queue{d: d, n: max(n, 1), jobs: make(chan job, 2*n)}
	for range q.n {
		q.wg.Go(func() {
			for j := range q.jobs {
				_ = d.WriteFile(j.name, *j.data) // a failure cancels d's context
				q.put(j.data)
			}
		})
	}
	return q
}

// MakeFolders makes the folders of the files names, in their order, on as many
// goroutines as the queue has writers, while the files are rendered and queued; it
// returns at once, and Close waits for it. On ext4 with its metadata not in memory
// (after the kernel's caches were dropped, as bench/compare.sh does), making a
// folder can wait for the disk, and a writer that waits holds up the files behind
// it until the renderers, their queue full, wait too: a 2,000-pair build spent
// about 0.3 s of its cores' time idle so. Made ahead, the folders wait for the disk
// while pages are rendered. A folder that cannot be made fails the write of its
// files, as when the writer makes it. It must be called before Close.
func (q *Queue) MakeFolders(names []string) {
	var next atomic.Int64
	for range q.n {
		q.wg.Go(func() {
			for q.d.ctx.Err() == nil {
				i := int(next.Add(1)) - 1
				if i >= len(names) {
					return
				}
				q.d.makeFolder(names[i])
			}
		})
	}
}

// WriteFile queues a copy of data to be written under name. The name is checked at
// once, so a bad name is an error of this call.
func (q *Queue) WriteFile(name string, data []byte) error {
	if q.d.ctx.Err() != nil {
		return context.Cause(q.d.ctx)
	}
	if err := checkOutName(name); err != nil {
		return err
	}
	buf, _ := q.bufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	*buf = append((*buf)[:0], data...)
	q.jobs <- job{name, buf}
	return nil
}

// put keeps a written file's buffer for a later one.
func (q *Queue) put(buf *[]byte) {
	if cap(*buf) <= maxKept {
		q.bufs.Put(buf)
	}
}

// Close waits until every queued file is written and returns the first write's
// failure, if any. It may be called more than once.
func (q *Queue) Close() error {
	q.once.Do(func() { close(q.jobs) })
	q.wg.Wait()
	var we *WriteError
	if errors.As(context.Cause(q.d.ctx), &we) {
		return we
	}
	return nil
}

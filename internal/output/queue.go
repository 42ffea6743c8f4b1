package output

import (
	"context"
	"errors"
	"sync"
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
	q := &Queue{d: d, jobs: make(chan job, 2*n)}
	for range max(n, 1) {
		q.wg.Go(func() {
			for j := range q.jobs {
				_ = d.WriteFile(j.name, *j.data) // a failure cancels d's context
				q.put(j.data)
			}
		})
	}
	return q
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

// Package output is the only part of briefs that writes to disk.
//
// A build writes into a fresh staging folder beside the output folder and, only when
// every page rendered, swaps it in place of the old output. So a failed build leaves the
// previous site exactly as it was, and a successful one leaves no stale files behind
// from articles that were deleted. Memory keeps files in memory instead, for the dev
// server and for tests.
package output

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
)

// Dir writes a build into a staging folder and swaps it in on Commit.
type Dir struct {
	final   string
	staging string
	count   atomic.Int64
	bytes   atomic.Int64
	dirs    sync.Map
}

// NewDir prepares a staging folder for the output folder final.
func NewDir(final string) (*Dir, error) {
	final = filepath.Clean(final)
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	staging, err := os.MkdirTemp(parent, "."+filepath.Base(final)+".tmp-")
	if err != nil {
		return nil, fmt.Errorf("cannot create a staging folder next to %s: %w", final, err)
	}
	if err := os.Chmod(staging, 0o755); err != nil {
		return nil, err
	}
	return &Dir{final: final, staging: staging}, nil
}

// WriteFile writes one file; name is a slash-separated path inside the output. It is
// safe for concurrent use.
func (d *Dir) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	full := filepath.Join(d.staging, filepath.FromSlash(name))
	dir := filepath.Dir(full)
	if _, ok := d.dirs.Load(dir); !ok {
		// Mkdir first: its parent is usually made already, and MkdirAll would stat
		// the folder before making it, one system call per page more.
		if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
			if err := os.MkdirAll(dir, 0o755); err != nil {
				return err
			}
		}
		d.dirs.Store(dir, true)
	}
	if err := os.WriteFile(full, data, 0o644); err != nil {
		return err
	}
	d.count.Add(1)
	d.bytes.Add(int64(len(data)))
	return nil
}

// checkName refuses paths that would leave the output folder.
func checkName(name string) error {
	if name == "" || !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return fmt.Errorf("output: refusing to write %q: not a clean path inside the output folder", name)
	}
	return nil
}

// Files is the number of files written so far; Bytes their total size.
func (d *Dir) Files() int { return int(d.count.Load()) }

// Bytes is the total size of the files written so far.
func (d *Dir) Bytes() int64 { return d.bytes.Load() }

// Commit replaces the output folder with the staging folder.
func (d *Dir) Commit() error {
	old := ""
	if _, err := os.Lstat(d.final); err == nil {
		old = d.staging + ".old"
		if err := os.Rename(d.final, old); err != nil {
			return fmt.Errorf("cannot move the previous output aside: %w", err)
		}
	}
	if err := os.Rename(d.staging, d.final); err != nil {
		if old != "" {
			_ = os.Rename(old, d.final)
		}
		return fmt.Errorf("cannot put the new output in place: %w", err)
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
}

// Abort removes the staging folder, leaving the previous output untouched.
func (d *Dir) Abort() error { return os.RemoveAll(d.staging) }

// Memory keeps written files in memory. It is safe for concurrent use.
type Memory struct {
	mu    sync.RWMutex
	files map[string][]byte
}

// NewMemory returns an empty in-memory output.
func NewMemory() *Memory { return &Memory{files: map[string][]byte{}} }

// WriteFile stores a copy of data under name.
func (m *Memory) WriteFile(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[name] = slices.Clone(data)
	m.mu.Unlock()
	return nil
}

// Get returns the file at name.
func (m *Memory) Get(name string) ([]byte, bool) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	b, ok := m.files[path.Clean(name)]
	return b, ok
}

// Names lists the files, sorted.
func (m *Memory) Names() []string {
	m.mu.RLock()
	defer m.mu.RUnlock()
	names := make([]string, 0, len(m.files))
	for n := range m.files {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// Files is the number of files held.
func (m *Memory) Files() int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return len(m.files)
}

// ErrExists is returned by Create when a file is already there.
var ErrExists = errors.New("file exists")

// Create writes a new file at path on disk, refusing to overwrite one; used by
// "briefs new" so that an editor's work is never clobbered.
func Create(file string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(file, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w; choose another slug or edit the existing file", file, ErrExists)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Remove deletes the file at name, if any.
func (m *Memory) Remove(name string) {
	m.mu.Lock()
	delete(m.files, name)
	m.mu.Unlock()
}

// Replace rewrites an existing file atomically (a temporary file renamed over it), so
// that an editor never sees it half written; used by "briefs stamp".
func Replace(file string, data []byte) error {
	info, err := os.Stat(file)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(file), "."+filepath.Base(file)+".tmp-")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(info.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), file)
}

// Package output is the only part of briefs that writes to disk, and it keeps one
// promise: it never deletes or replaces what briefs did not make.
//
// A build writes into a fresh staging folder beside the output folder and, only when
// every page rendered, swaps it in place of the old output. So a failed build leaves the
// previous site exactly as it was, and a successful one leaves no stale files behind
// from articles that were deleted. The contract, enforced by NewDir and Commit:
//
//   - Every output briefs builds holds a marker file, [Marker]. An existing output is
//     replaced only when it holds the marker or is empty; any other folder is refused.
//   - An output that is the site folder, holds it, is inside a folder the build reads
//     (content/, layouts/, static/), is a file, or is the root is refused before any
//     work. Paths are compared with symbolic links and ".." resolved.
//   - An output that is a symbolic link is followed: the folder it names is replaced,
//     the link stays. The staging folder is made beside that folder, and the two are
//     swapped in one step where the system allows it (renameat2 on Linux), otherwise
//     with two renames.
//   - What an interrupted build left (a staging folder, or a previous output moved
//     aside) is recognised by its name and its marker, and removed by the next build; a
//     previous output left aside by a swap cut in half is put back first.
//
// Memory keeps files in memory instead, for the dev server and for tests.
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
)

// checkName refuses paths that would leave the output folder.
func checkName(name string) error {
	if name == "" || !fs.ValidPath(name) || strings.Contains(name, `\`) {
		return fmt.Errorf("output: refusing to write %q: not a clean path inside the output folder", name)
	}
	return nil
}

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

// Adopt stores data itself under name, not a copy: the caller gives it up and must
// never change it again. The dev server hands over this way what an update staged
// and the search index's files, which the index keeps unchanged, rather than copying
// them on every edit (a 10,000-pair site's index is over 100 MB, renamed whole when
// any of it changes).
func (m *Memory) Adopt(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[name] = data
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

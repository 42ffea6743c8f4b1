package output

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
)

// The names of briefs' own folders beside an output folder "public": a build's staging
// folder, and the previous output while a two-rename swap moves it aside.
const (
	stagingTag = ".tmp-" // ".public.tmp-123"
	oldTag     = ".old-" // ".public.old-123"
)

// leftover is a folder an interrupted build left beside the output.
type leftover struct {
	path    string
	old     bool      // a previous output moved aside, not a staging folder
	built   time.Time // when its marker was written
	release func()    // unlocks it
}

// tidy finishes what interrupted builds left beside the output at path. A previous
// output that a swap cut in half left aside, with the output missing, is put back;
// every other leftover is removed. A leftover is a folder named as briefs names them,
// holding the marker (or nothing at all), that no running build holds: anything
// else, whatever its name, is left alone.
func tidy(path string) error {
	found, err := leftovers(path)
	defer func() {
		for _, l := range found {
			l.release()
		}
	}()
	if err != nil {
		return err
	}
	if _, err := os.Lstat(path); errors.Is(err, fs.ErrNotExist) {
		if i := newestOld(found); i >= 0 {
			if err := os.Rename(found[i].path, path); err != nil {
				return fmt.Errorf("cannot put back the previous output %s: %w", found[i].path, err)
			}
			found[i].path = ""
		}
	}
	for _, l := range found {
		if l.path == "" {
			continue
		}
		if err := removeOwn(l.path); err != nil {
			return fmt.Errorf("cannot remove %s, which an interrupted build left: %w", l.path, err)
		}
	}
	return nil
}

// leftovers lists, locked, the leftovers beside the output at path.
func leftovers(path string) ([]leftover, error) {
	parent, base := filepath.Split(path)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return nil, err
	}
	var found []leftover
	for _, e := range entries {
		tag, ok := strings.CutPrefix(e.Name(), "."+base)
		if !ok || !e.IsDir() || !strings.HasPrefix(tag, stagingTag) && !strings.HasPrefix(tag, oldTag) {
			continue
		}
		l := leftover{path: filepath.Join(parent, e.Name()), old: strings.HasPrefix(tag, oldTag)}
		info, err := os.Lstat(filepath.Join(l.path, Marker))
		if err == nil && info.Mode().IsRegular() {
			l.built = info.ModTime()
		} else if empty, _ := isEmpty(l.path); !empty {
			continue // not provably briefs' own
		}
		release, ok := lockDir(l.path)
		if !ok {
			continue // a running build's
		}
		l.release = release
		found = append(found, l)
	}
	return found, nil
}

// newestOld is the index of the most recently built previous output, or -1.
func newestOld(found []leftover) int {
	best := -1
	for i, l := range found {
		if l.old && !l.built.IsZero() && (best < 0 || l.built.After(found[best].built)) {
			best = i
		}
	}
	return best
}

// removeOwn removes a folder of briefs' own with its marker last, so that a removal
// cut short still carries the marker, and the next build finishes it.
func removeOwn(dir string) error {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	names := make([]string, 0, len(entries))
	for _, e := range entries {
		if e.Name() != Marker {
			names = append(names, e.Name())
		}
	}
	slices.SortFunc(names, cmp.Compare)
	for _, n := range names {
		if err := os.RemoveAll(filepath.Join(dir, n)); err != nil {
			return err
		}
	}
	if err := os.Remove(filepath.Join(dir, Marker)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return os.Remove(dir)
}

// swapRenames puts staging in place of final with two renames, moving the previous
// output aside under a name tidy recognises, and returns where it is ("" when there
// was none). Between the renames final does not exist; a build killed there leaves
// the previous output aside, and the next build puts it back.
func swapRenames(staging, final string) (old string, err error) {
	old = filepath.Join(filepath.Dir(staging), strings.Replace(filepath.Base(staging), stagingTag, oldTag, 1))
	if err := os.Rename(final, old); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return "", os.Rename(staging, final)
		}
		return "", err
	}
	if err := os.Rename(staging, final); err != nil {
		if err2 := os.Rename(old, final); err2 != nil {
			return "", fmt.Errorf("%w; the previous output is at %s", err, old)
		}
		return "", err
	}
	return old, nil
}

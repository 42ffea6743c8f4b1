//go:build unix

package output

import (
	"os"

	"golang.org/x/sys/unix"
)

// lockDir takes an exclusive lock on dir, without waiting, and reports whether it got
// it. A build holds the lock on its staging folder until it ends, and tidy removes
// only folders it could lock: another build's work in progress is left alone. The
// system drops the lock when the process dies, however it dies.
func lockDir(dir string) (release func(), ok bool) {
	f, err := os.Open(dir)
	if err != nil {
		return nil, false
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX|unix.LOCK_NB); err != nil {
		f.Close()
		return nil, false
	}
	return func() { f.Close() }, true
}

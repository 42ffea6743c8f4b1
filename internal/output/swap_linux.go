package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts staging in place of final in one step, exchanging the two folders with
// renameat2, so that final always holds a whole site, the old one or the new. It
// returns where the previous output now is ("" when there was none). File systems
// without the exchange get two renames.
func swap(staging, final string) (old string, err error) {
	err = unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, final, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return staging, nil
	case errors.Is(err, unix.ENOENT):
		// No previous output: a plain rename, which must not land on a folder made since.
		err = unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, final, unix.RENAME_NOREPLACE)
		if errors.Is(err, unix.EINVAL) || errors.Is(err, unix.ENOSYS) {
			err = os.Rename(staging, final)
		}
		if err != nil {
			return "", &os.LinkError{Op: "rename", Old: staging, New: final, Err: err}
		}
		return "", nil
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS):
		return swapRenames(staging, final)
	}
	return "", &os.LinkError{Op: "exchange", Old: staging, New: final, Err: err}
}

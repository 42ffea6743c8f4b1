//go:build unix

package content

import (
	"io/fs"
	"syscall"

	"golang.org/x/sys/unix"
)

// readFile reads the file at path with open, fstat, read (until it returns 0) and
// close, and returns errors as os.ReadFile does.
func readFile(path string) ([]byte, error) {
	data, _, err := readOpen(path, 0, -1)
	return data, err
}

// readUnlinked is readFile for a file that must not be a symbolic link, in one system
// call fewer than an lstat before it: the file is opened with O_NOFOLLOW, and its size
// read from the fstat readFile makes anyway. A file larger than max is not read: it
// returns its size and no data. It returns unlinked false, and nothing else, when the
// open fails with ELOOP (EMLINK on FreeBSD): the file is a link, or its path loops;
// lstat tells which.
func readUnlinked(path string, max int64) (data []byte, size int64, unlinked bool, err error) {
	data, size, err = readOpen(path, unix.O_NOFOLLOW, max)
	if pe, ok := err.(*fs.PathError); ok && pe.Op == "open" && (pe.Err == unix.ELOOP || pe.Err == unix.EMLINK) { // EMLINK: FreeBSD's
		return nil, 0, false, nil
	}
	return data, size, true, err
}

// readOpen opens path with flags and reads it, unless it is a regular file larger than
// max (max < 0: no limit); size is its size from fstat, or -1 when not known.
func readOpen(path string, flags int, max int64) (data []byte, size int64, err error) {
	fd, err := openRead(path, flags)
	if err != nil {
		return nil, -1, &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	n, size := 512, int64(-1)
	if unix.Fstat(fd, &st) == nil && st.Mode&unix.S_IFMT == unix.S_IFREG {
		size = st.Size
		if max >= 0 && size > max {
			return nil, size, nil
		}
		if size > 0 {
			n = int(size) + 1 // room for the read that finds the end
		}
	}
	data, err = readAll(fd, path, n)
	return data, size, err
}

// readAll reads fd until a read returns 0, into a buffer of n bytes to start with,
// from the pool of buffers (buffers.go).
func readAll(fd int, path string, n int) ([]byte, error) {
	data := buffer(n)
	for {
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
		n, err := unix.Read(fd, data[len(data):cap(data)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return nil, &fs.PathError{Op: "read", Path: path, Err: err}
		}
		if n == 0 {
			return data, nil
		}
		data = data[:len(data)+n]
	}
}

func openRead(path string, flags int) (int, error) {
	for {
		fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC|flags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

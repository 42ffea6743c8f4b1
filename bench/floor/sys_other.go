//go:build !unix

package main

import "os"

// mapFile reads the file name whole where there is no mmap.
func mapFile(name string) (data []byte, unmap func() error, err error) {
	data, err = os.ReadFile(name)
	return data, func() error { return nil }, err
}

// writeFile writes data to a new file.
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

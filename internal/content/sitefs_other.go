//go:build !unix

package content

import "os"

// readFile reads the file at path, as os.ReadFile does.
func readFile(path string) ([]byte, error) { return os.ReadFile(path) }

//go:build !unix

package output

import "os"

// writeFile writes data to the file name, as os.WriteFile does.
func writeFile(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

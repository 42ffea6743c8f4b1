//go:build !linux

package output

// swap puts staging in place of final with two renames; see swapRenames.
func swap(staging, final string) (old string, err error) { return swapRenames(staging, final) }

package diag

import "strconv"

// Count writes n followed by its noun, singular for one and plural otherwise ("1
// problem", "3 problems"), for the counts that end a report. The command line and the
// dev server word their counts through it alike.
func Count(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + other
}

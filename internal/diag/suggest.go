package diag

import (
	"strings"
	"unicode/utf8"
)

// Suggest returns the key among known that an unknown key was probably meant to be, or ""
// when none is close enough. It serves every "unknown key" message, so that front matter
// and site.toml guess the same way.
//
// A guess must be likely, or it misleads: `math` is not a misspelt `date`, though only two
// letters differ. So a key matches when it differs only in case or in Hugo's other
// spellings (`Title`, `publishdate`, `publish_date` for `publishDate`), or else when it is
// within a few typos, counted relative to its length: one for keys of up to 4 letters,
// two up to 8, three above. A swap of two letters (`tilte`) counts as one typo.
func Suggest(key string, known []string) string {
	norm := normalizeKey(key)
	for _, k := range known {
		if normalizeKey(k) == norm {
			return k
		}
	}
	n := utf8.RuneCountInString(key)
	limit := 3
	switch {
	case n <= 4:
		limit = 1
	case n <= 8:
		limit = 2
	}
	best, bestD := "", limit+1
	for _, k := range known {
		if d := typos(norm, normalizeKey(k)); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

// normalizeKey folds case and drops the separators people put between words.
func normalizeKey(s string) string {
	return strings.ToLower(strings.NewReplacer("_", "", "-", "").Replace(s))
}

// typos is the optimal string alignment distance between a and b: the insertions,
// deletions, substitutions and swaps of neighbouring characters that turn a into b.
func typos(a, b string) int {
	x, y := []rune(a), []rune(b)
	// d[i][j] is the distance between x[:i] and y[:j]; three rows are enough.
	prev2, prev, cur := make([]int, len(y)+1), make([]int, len(y)+1), make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}

package check

import (
	"strconv"
	"strings"
	"unicode"
)

// One side often adds an equivalent in brackets that the other leaves out: "53.9
// trillion yuan ($8.06 trillion)", "43.39 million mu (about 2.89 million hectares)".
// Such a figure has nothing to match, but it is not a dropped or added figure: it is
// reported as information, with its ratio to the figure it converts, for a reviser to
// check the rate.

// equivalentWords may open the brackets before an equivalent.
var equivalentWords = []string{"about", "approximately", "roughly", "around", "some", "or", "equivalent to",
	"约合", "折合", "相当于", "约", "合", "US$", "HK$", "RMB", "$", "€", "£", "¥"}

// equivalentOf returns the figure that side[i] gives an equivalent of in brackets right
// after it, or nil.
func equivalentOf(side []*figure, i int) *figure {
	if i == 0 || side[i-1].soft || side[i].file != side[i-1].file {
		return nil
	}
	prev, x := side[i-1], side[i]
	if claimKind(prev) != count || claimKind(x) != count {
		return nil // a percentage converts into nothing
	}
	body := x.file.Body
	from := prev.off + len(prev.raw)
	if from > x.off || x.off > len(body) {
		return nil
	}
	between := string(body[from:x.off])
	k := strings.IndexAny(between, "(（")
	if k < 0 || len(between[:k]) > 24 || strings.ContainsFunc(between[:k], isNoWord) {
		return nil
	}
	rest := strings.TrimLeft(between[k:], "(（ ")
	for rest != "" {
		w, ok := hasPrefixWord(rest, equivalentWords)
		if !ok {
			return nil
		}
		rest = strings.TrimLeft(rest[len(w):], " ")
	}
	return prev
}

// isNoWord reports what may not stand between a figure and the brackets of its
// equivalent: a digit, a punctuation mark that ends a phrase.
func isNoWord(r rune) bool {
	return unicode.IsDigit(r) || strings.ContainsRune(",;.，；。、", r)
}

func hasPrefixWord(s string, words []string) (string, bool) {
	for _, w := range words {
		if hasPrefixFold(s, w) {
			return s[:len(w)], true
		}
	}
	return "", false
}

// ratio is b / a, with four significant digits.
func ratio(a, b *figure) string {
	fa, _ := strconv.ParseFloat(a.fig.Value.String(), 64)
	fb, _ := strconv.ParseFloat(b.fig.Value.String(), 64)
	if fa == 0 {
		return "undefined"
	}
	return strconv.FormatFloat(fb/fa, 'g', 4, 64)
}

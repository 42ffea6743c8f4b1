package testcorpus

import (
	"math/bits"
	"strconv"
)

// rand is a SplitMix64 generator. It is written out here rather than taken from
// math/rand because the corpus must be byte-identical across Go versions: the standard
// library promises its sources, not the helpers (IntN, Shuffle) built on them.
type rand struct{ state uint64 }

// newRand gives article stream its own generator, so that article i depends only on
// (seed, i) and a corpus of N pairs is a prefix of any larger one.
func newRand(seed, stream uint64) *rand {
	r := &rand{state: seed*0xA0761D6478BD642F ^ (stream+0x9E3779B97F4A7C15)*0xE7037ED1A0B428DB}
	r.next()
	return r
}

func (r *rand) next() uint64 {
	r.state += 0x9E3779B97F4A7C15
	z := r.state
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n) by multiplying and keeping the high word; the
// slight bias for the small n used here does not matter, determinism does.
func (r *rand) intn(n int) int {
	hi, _ := bits.Mul64(r.next(), uint64(n))
	return int(hi)
}

// between returns a number in [lo, hi], both included.
func (r *rand) between(lo, hi int) int { return lo + r.intn(hi-lo+1) }

// percent reports true pct times in a hundred.
func (r *rand) percent(pct int) bool { return r.intn(100) < pct }

// perm returns a random permutation of [0, n).
func (r *rand) perm(n int) []int {
	p := make([]int, n)
	for i := range p {
		p[i] = i
	}
	for i := n - 1; i > 0; i-- {
		j := r.intn(i + 1)
		p[i], p[j] = p[j], p[i]
	}
	return p
}

func choose[T any](r *rand, xs []T) T { return xs[r.intn(len(xs))] }

// fixed writes v/10^places with trailing zeros (and a bare point) removed.
func fixed(v int64, places int) string {
	s := strconv.FormatInt(v, 10)
	if places == 0 {
		return s
	}
	for len(s) <= places {
		s = "0" + s
	}
	head, tail := s[:len(s)-places], s[len(s)-places:]
	for len(tail) > 0 && tail[len(tail)-1] == '0' {
		tail = tail[:len(tail)-1]
	}
	if tail == "" {
		return head
	}
	return head + "." + tail
}

// qualifier returns a Chinese hedge (约, 近, 超) about one time in five; editors hedge
// figures often, and each hedge is a separate path through the figure parser.
func qualifier(r *rand) string {
	switch n := r.intn(20); {
	case n < 2:
		return "约"
	case n == 2:
		return "近"
	case n == 3:
		return "超"
	}
	return ""
}

// amount returns a sum of money as an editor writes it: 7.9亿元, 2235万元, 8219万余元.
func amount(r *rand) string {
	q := qualifier(r)
	if r.percent(45) {
		switch r.intn(3) {
		case 0:
			return q + fixed(int64(r.between(1, 300)), 0) + "亿元"
		case 1:
			return q + fixed(int64(r.between(10, 3000)), 1) + "亿元"
		default:
			return q + fixed(int64(r.between(100, 30000)), 2) + "亿元"
		}
	}
	if r.percent(70) {
		w := fixed(int64(r.between(10, 9999)), 0)
		if q == "" && r.percent(12) {
			return w + "万余元"
		}
		return q + w + "万元"
	}
	return q + fixed(int64(r.between(100, 999999)), 2) + "万元"
}

// count returns a number of 2 to 5 digits followed by its measure word (4112起).
func count(r *rand, unit string) string {
	digits := r.between(2, 5)
	lo := 1
	for range digits - 1 {
		lo *= 10
	}
	return qualifier(r) + strconv.Itoa(lo+r.intn(lo*9)) + unit
}

// change returns a year-on-year change such as 12.5% or 3.08%.
func change(r *rand) string {
	return fixed(int64(r.between(3, 350))*10+int64(r.intn(10))*int64(r.intn(2)), 2) + "%"
}

// rate returns a high share such as 91.36%, for satisfaction and completion rates.
func rate(r *rand) string {
	if r.percent(50) {
		return fixed(int64(r.between(780, 999)), 1) + "%"
	}
	return fixed(int64(r.between(7800, 9999)), 2) + "%"
}

// ordinal writes n as an English ordinal: 1st, 2nd, 13th, 22nd.
func ordinal(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

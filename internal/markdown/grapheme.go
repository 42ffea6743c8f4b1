package markdown

import (
	"unicode"
	"unicode/utf8"
)

// graphemeLen returns the length in bytes of the character s starts with, as a reader
// sees it (a grapheme cluster, after Unicode's UAX #29, simplified): a letter with its
// combining marks, an emoji with its skin tone, variation selector and the emoji it is
// joined to by U+200D, a flag of two regional indicators, a Hangul syllable written
// as jamo, CR LF. A summary is never cut inside one.
func graphemeLen(s string) int {
	if s[0] < utf8.RuneSelf && s[0] != '\r' && (len(s) == 1 || s[1] < utf8.RuneSelf) {
		return 1 // nothing ASCII joins characters
	}
	r, n := utf8.DecodeRuneInString(s)
	if r == '\r' && len(s) > 1 && s[1] == '\n' {
		return 2
	}
	if isRegional(r) {
		if r2, size := utf8.DecodeRuneInString(s[n:]); isRegional(r2) {
			n += size
		}
	}
	prev := r
	for n < len(s) {
		r2, size := utf8.DecodeRuneInString(s[n:])
		if !extends(prev, r2) {
			break
		}
		n += size
		if r2 == '\u200d' && n < len(s) { // a joiner takes the next character with it
			r3, size3 := utf8.DecodeRuneInString(s[n:])
			if !unicode.IsSpace(r3) {
				n += size3
				r2 = r3
			}
		}
		prev = r2
	}
	return n
}

// extends reports whether r continues the character that prev is part of.
func extends(prev, r rune) bool {
	switch {
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc),
		r == '\u200d', r == '\u200c',
		r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, // variation selectors
		r >= 0x1F3FB && r <= 0x1F3FF, // skin tones
		r >= 0xE0020 && r <= 0xE007F: // tags (subdivision flags)
		return true
	case isJamoL(prev):
		return isJamoL(r) || isJamoV(r)
	case isJamoV(prev):
		return isJamoV(r) || isJamoT(r)
	case isJamoT(prev):
		return isJamoT(r)
	}
	return false
}

func isRegional(r rune) bool { return r >= 0x1F1E6 && r <= 0x1F1FF }

func isJamoL(r rune) bool { return r >= 0x1100 && r <= 0x115F || r >= 0xA960 && r <= 0xA97C }

func isJamoV(r rune) bool { return r >= 0x1160 && r <= 0x11A7 || r >= 0xD7B0 && r <= 0xD7C6 }

func isJamoT(r rune) bool { return r >= 0x11A8 && r <= 0x11FF || r >= 0xD7CB && r <= 0xD7FB }

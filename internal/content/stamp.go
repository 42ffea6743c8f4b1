package content

import (
	"bytes"
	"fmt"
	"regexp"
)

var translationOfLine = regexp.MustCompile(`(?m)^translationOf\s*=.*$`)

// Stamp returns f's text with translationOf set to hash in its front matter: the line
// is replaced where there is one, or added before the closing +++. The rest of the
// file is kept byte for byte.
func Stamp(f *File, hash string) ([]byte, error) {
	front := f.Src[:f.BodyOffset]
	line := []byte(fmt.Sprintf("translationOf = %q", hash))
	if translationOfLine.Match(front) {
		front = translationOfLine.ReplaceAllLiteral(front, line)
	} else {
		end := bytes.LastIndex(front, []byte("+++"))
		if end < 0 {
			return nil, fmt.Errorf("%s: no front matter to stamp", f.Path)
		}
		front = append(append(append(bytes.Clone(front[:end]), line...), '\n'), front[end:]...)
	}
	return append(bytes.Clone(front), f.Body...), nil
}

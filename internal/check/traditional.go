package check

import "strings"

// traditional maps the traditional characters that figures are written with to their
// simplified forms (13億多 is 13亿多, 6600萬人以上 is 6600万人以上). Every pair has the
// same length in UTF-8, so offsets in the simplified text are offsets in the original:
// a page printed in traditional characters is read as it is and reported at its places.
var traditional = strings.NewReplacer(
	"萬", "万", "億", "亿", "兩", "两", "個", "个", "點", "点", "餘", "余", "約", "约",
	"過", "过", "將", "将", "幾", "几", "項", "项", "條", "条", "種", "种", "處", "处",
	"級", "级", "類", "类", "歲", "岁", "號", "号", "時", "时", "週", "周", "圓", "元",
)

// simplified returns text with the traditional characters of figures simplified, the
// same length as text.
func simplified(text string) string {
	out := traditional.Replace(text)
	if len(out) != len(text) {
		return text // cannot happen: every pair has the same length
	}
	return out
}

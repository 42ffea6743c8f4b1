package check

import (
	"strings"
	"testing"

	"github.com/briefs/briefs/internal/figures"
)

func scanString(text string, cjk bool) string {
	sc := scanner{units: figures.DefaultUnits(), cjk: cjk}
	var parts []string
	for f := range sc.scan(text) {
		parts = append(parts, f.raw+"="+f.fig.Value.String())
	}
	return strings.Join(parts, " ")
}

func TestScan(t *testing.T) {
	tests := []struct {
		text string
		cjk  bool
		want string
	}{
		{"淄博市共破获电诈案件4112起，抓获犯罪嫌疑人4810名，止付冻结资金7.9亿元。", true, "4112起=4112 4810名=4810 7.9亿元=790000000"},
		{"执行到位金额8219万余元，挽回损失15.06亿元。", true, "8219万余元=82190000 15.06亿元=1506000000"},
		{"一审服判息诉率91.36%，同比下降20.07%。", true, "91.36%=91.36 20.07%=20.07"},
		{"2023年，淄博市于2024年3月15日11:29发布", true, ""},
		{"明确改革7大体系、55项重点项目，细化19项63条", true, "7=7 55项=55 19项=19 63=63"},
		{"出台三项措施，开展十大行动，第三次会议", true, "三项=3 十大=10"},
		{"打造一个平台，约2亿元，近3000人，超15亿元", true, "约2亿元=200000000 近3000人=3000 超15亿元=1500000000"},
		{"E+智慧法庭674处，G20峰会，5G网络", true, "674=674"},
		{"Police solved 4,112 cases and froze 790 million yuan.", false, "4,112 cases=4112 790 million yuan=790000000"},
		{"more than 48,000 people, about 200 million, 91.36% and 7.62 percent", false, "more than 48,000 people=48000 about 200 million=200000000 91.36%=91.36 7.62 percent=7.62"},
		{"On 15 March 2024, in 2023, at 11:29, on March 15, 2024-03-15", false, ""},
		{"three new measures, one of the cities, seventeen results, the 1st and 2nd", false, "three=3 seventeen=17"},
		{"COVID-19, the G20, 5G, No. 7", false, ""},
		{"the 20 Measures", false, "20=20"},
	}
	for _, tt := range tests {
		if got := scanString(tt.text, tt.cjk); got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.text, got, tt.want)
		}
	}
}

// TestScanReadingRules pins each rule of reading digits, with snippets from real
// pages (issue 12): commas, full-width forms, and numbers that are not figures.
func TestScanReadingRules(t *testing.T) {
	tests := []struct {
		rule, text string
		cjk        bool
		want       string
	}{
		{"a half-width comma after a Chinese character separates clauses",
			"全市检察机关近三年办理审查起诉案件18668件,24817人,无一起无罪判决案件", true, "18668件=18668 24817人=24817"},
		{"a figure right after a half-width comma is read",
			"8个区县、88个镇街中心达到B级以上标准,3项矛调经验入选全省“枫桥式工作法”", true, "8=8 88=88 3项=3"},
		{"a comma groups a first group of one to three digits and groups of three",
			"1,234 people, 12,345,678 yuan and 123,456 cases", false, "1,234 people=1234 12,345,678 yuan=12345678 123,456 cases=123456"},
		{"a comma after four digits, or before two or four, does not group",
			"分别为4112,481和12,3456以及1,23", true, "4112=4112 481=481 12=12 3456=3456 1=1 23=23"},
		{"full-width digits, comma and point",
			"抓获１２，３４５人，冻结７．９亿元，检查１２３家，占４６％", true, "１２，３４５人=12345 ７．９亿元=790000000 １２３家=123 ４６％=46"},
		{"an IP address is not a figure", "服务器地址为127.0.0.1，共3台", true, "3=3"},
		{"an IP address is not a figure", "the server at 127.0.0.1 answered 3 times", false, "3 times=3"},
		{"version numbers are not figures", "升级到v1.2.3版本和Go 1.26，以及2.0版", true, ""},
		{"version numbers are not figures", "built with Go 1.26, Python 3.12 and v1.2.3, version 2", false, ""},
		{"a heading number is not a figure", "01", true, ""},
		{"a heading number is not a figure", "02 Fighting fraud", false, ""},
		{"articles and parts name things", "Article 1: ten departments; Part 3 of the law", false, "ten=10"},
		{"a list of times ends with its unit", "持续巩固“小案侦防”和“1、3、5分钟”快速反应机制", true, ""},
		{"a licence number and its suffix", "京ICP备 14028866 号-1", true, ""},
		{"a long bare number is a phone or ID number", "举报电话12345678901，身份证号码", true, ""},
		{"a date and a time after a half-width colon", "时间:2024-03-15 11:29来源:山东长安网", true, ""},
		{"a figure after a half-width colon", "破获案件数:4112起", true, "4112起=4112"},
		{"an idiom with a counter is not a count", "打造“惩治、教育、修复、宣传”四位一体的平台", true, ""},
		{"a grouped number is never a year", "spent 2,000 and 2,024 yuan in 2024", false, "2,000=2000 2,024 yuan=2024"},
		{"a ratio is a figure", "一审服判息诉率91.36%、案访比928.79,均列全省第一", true, "91.36%=91.36 928.79=928.79"},
	}
	for _, tt := range tests {
		if got := scanString(tt.text, tt.cjk); got != tt.want {
			t.Errorf("%s: %s\n got %s\nwant %s", tt.rule, tt.text, got, tt.want)
		}
	}
}

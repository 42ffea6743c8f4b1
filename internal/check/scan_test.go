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

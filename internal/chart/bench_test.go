package chart

import "testing"

// BenchmarkBarChart reads, formats and draws a five-bar chart, as a page does.
func BenchmarkBarChart(b *testing.B) {
	data := []byte("项目,金额\n止付冻结,7.9亿\n返还,2235万\n执行到位,8219万余\n挽回损失,15.06亿\n雪亮工程,15亿\n")
	spec := &Spec{Type: "bar", Title: "资金", Unit: "元", Highlight: "挽回损失"}
	for b.Loop() {
		c, err := Build(spec, data, "csv", "zh", nil)
		if err != nil {
			b.Fatal(err)
		}
		_ = c.HTML("chart-1")
	}
}

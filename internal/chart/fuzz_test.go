package chart

import "testing"

// FuzzBuild feeds any data to every chart type: an error is fine, a panic is not, and
// a chart that builds must draw.
func FuzzBuild(f *testing.F) {
	f.Add("项目,金额\n止付冻结,7.9亿\n返还,2235万\n", "元", "bar", false)
	f.Add("Year,A,B\n2022,1,-2\n2023,3,4\n", "%", "line", true)
	f.Add("a,b\n\"x,\"\"y\",1\n", "", "number", false)
	f.Add("columns = [\"a\", \"b\"]\nrows = [[\"x\", 1.5]]\n", "", "bar", true)
	f.Fuzz(func(t *testing.T, data, unit, typ string, stacked bool) {
		for _, format := range []string{"csv", "toml"} {
			for _, vertical := range []bool{false, true} {
				spec := &Spec{Type: typ, Unit: unit, Stacked: stacked, Vertical: vertical, Sort: "desc"}
				c, err := Build(spec, []byte(data), format, "en", nil)
				if err != nil {
					continue
				}
				if c.HTML("chart-1") == "" {
					t.Fatal("empty chart")
				}
			}
		}
	})
}

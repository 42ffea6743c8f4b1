package chart

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

// lineCol places a byte offset of src as line:col (col in characters), as messages do.
func lineCol(src string, off int) string {
	if off < 0 {
		return "args"
	}
	before := src[:off]
	line := strings.Count(before, "\n") + 1
	col := len([]rune(before[strings.LastIndex(before, "\n")+1:])) + 1
	return fmt.Sprintf("%d:%d", line, col)
}

// TestDataErrors checks each problem in a chart's data is reported at the cell, row or
// header it is about, or at the shortcode (args) for a parameter.
func TestDataErrors(t *testing.T) {
	tests := []struct {
		args, format, data string
		at, msg            string
	}{
		{`unit="亿元"`, "csv", "项目,金额\n止付冻结,abc\n", "2:6", `"abc亿元": not a figure`},
		{`unit="亿元"`, "csv", "项目,金额\n甲,1\n乙,2,3\n", "3:1", "this row has 3 fields, but the header has 2"},
		{`unit="亿元"`, "csv", "项目,金额\n甲,\n", "2:3", "this cell is empty"},
		{``, "csv", "项目,金额\n\"甲,1\n", "2:1", "no closing quote"},
		{``, "csv", "项目,项目\n甲,1\n", "1:4", `column "项目" is named twice`},
		{``, "csv", "项目,金额\n", "1:1", "has a header but no rows"},
		{``, "csv", "\n\n", "1:1", "the chart has no data"},
		{``, "csv", "项目\n甲\n", "1:1", "at least one column of values"},
		{``, "csv", "项目,金额\n甲,7.9亿元\n乙,91.36%\n", "3:3", "another unit"},
		{`unit="亿圆"`, "csv", "项目,金额\n甲,1\n", "args", `unit="亿圆" does not read as a unit`},
		{`x="年份"`, "csv", "项目,金额\n甲,1\n", "args", `no column "年份"`},
		{`columns="金额,人数"`, "csv", "项目,金额\n甲,1\n", "args", `no column "人数"`},
		{`highlight="丙"`, "csv", "项目,金额\n甲,1\n乙,2\n", "args", `highlight="丙" names no bar; the labels are 甲, 乙`},
		{`type="number"`, "csv", "项目,金额\n甲,1\n乙,2\n", "1:1", "a number card shows one figure"},
		{``, "toml", "columns = [\"年\", \"值\"]\nrows = [\n  [\"2022\", 1],\n  [\"2023\"],\n]\n", "4:3", "this row has 1 cells, but columns names 2"},
		{``, "toml", "columns = [\"年\", \"值\"]\nrows = [\n  [\"2022\", \"x\"],\n]\n", "3:3", `"x": not a figure`},
		{``, "toml", "columns = [\"年\", \"值\"]\nrows = [\n  [\"2022\", true],\n]\n", "3:3", "cell 2 of this row is a bool"},
		{``, "toml", "columns = [\"年\", \"值\"]\nrow = []\n", "2:1", `unknown key "row"`},
		{``, "toml", "columns = [\"年\", \"值\"\n", "1:20", "TOML: expected a comma"},
	}
	for _, tt := range tests {
		var as []Arg
		for _, m := range argRE.FindAllStringSubmatch(tt.args, -1) {
			as = append(as, Arg{Key: m[1], Val: m[2]})
		}
		spec, err := ParseSpec(as)
		if err == nil {
			_, err = Build(spec, []byte(tt.data), tt.format, "zh", nil)
		}
		var ce *Error
		if !errors.As(err, &ce) {
			t.Errorf("%s %q: error %v, want one at %s", tt.args, tt.data, err, tt.at)
			continue
		}
		if at := lineCol(tt.data, ce.Offset); at != tt.at || !strings.Contains(ce.Msg, tt.msg) {
			t.Errorf("%s %q: %s: %s\nwant %s: …%s…", tt.args, tt.data, at, ce.Msg, tt.at, tt.msg)
		}
	}
}

func TestSpecErrors(t *testing.T) {
	tests := []struct {
		args []Arg
		msg  string
	}{
		{[]Arg{{Key: "type", Val: "pie"}}, `type="pie" is not a chart type`},
		{[]Arg{{Key: "orient", Val: "up"}}, `orient="up"`},
		{[]Arg{{Key: "stacked", Val: "yes"}}, `stacked="yes"`},
		{[]Arg{{Key: "sort", Val: "random"}}, `sort="random"`},
		{[]Arg{{Key: "colour", Val: "red"}}, "unknown parameter colour="},
		{[]Arg{{Val: "bar"}}, "takes named parameters"},
		{[]Arg{{Key: "value", Val: "7.9亿元"}}, `value= is for type="number"`},
	}
	for _, tt := range tests {
		_, err := ParseSpec(tt.args)
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%v: %v, want …%s…", tt.args, err, tt.msg)
		}
	}
	if _, err := (&Spec{Data: "x.json"}).DataFormat(); err == nil {
		t.Error("data=x.json accepted")
	}
}

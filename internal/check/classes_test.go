package check

import (
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/briefs/briefs/internal/diag"
)

// pairFindings checks zh against en as a one-paragraph brief whose original is in
// lang, and returns the findings that are not information, as "file:line:col
// severity: message" with the line in the body.
func pairFindings(t *testing.T, lang, zh, en string) []string {
	t.Helper()
	var out []string
	for _, f := range pairFindingsAll(t, lang, zh, en) {
		if !strings.Contains(f, " info: ") {
			out = append(out, f)
		}
	}
	return out
}

// pairFindingsAll is pairFindings with information.
func pairFindingsAll(t *testing.T, lang, zh, en string) []string {
	t.Helper()
	fsys := fstest.MapFS{
		"site.toml":         {Data: []byte(fmt.Sprintf("defaultLanguage = %q\n[languages.zh]\n[languages.en]\n", lang))},
		"content/p/p.zh.md": {Data: []byte(realFront + zh + "\n")},
		"content/p/p.en.md": {Data: []byte(realFront + en + "\n")},
	}
	var out []string
	for _, f := range run(t, fsys).Findings {
		if f.Kind == "figure" {
			out = append(out, fmt.Sprintf("%s:%d:%d %s: %s", strings.TrimPrefix(f.File, "content/p/"), f.Line-5, f.Col, f.Severity, f.Msg))
		}
	}
	return out
}

// classTest is a pair of sentences and what check must say about them: nothing for a
// right rendering, or the severities of its findings, each with a part of its message.
type classTest struct {
	zh, en string
	want   []string // "p.en.md:1:9 error: part of the message"; empty when right
}

// runClassTests runs every test with each side as the original: a rendering is right
// or wrong whichever way the translation went.
func runClassTests(t *testing.T, tests []classTest) {
	t.Helper()
	for _, tt := range tests {
		for _, lang := range []string{"zh", "en"} {
			got := pairFindings(t, lang, tt.zh, tt.en)
			if !findingsMatch(got, tt.want) {
				t.Errorf("%s original, %q / %q:\ngot  %q\nwant %q", lang, tt.zh, tt.en, got, tt.want)
			}
		}
	}
}

func findingsMatch(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i, w := range want {
		place, part, _ := strings.Cut(w, ": ")
		if !strings.HasPrefix(got[i], place+": ") || !strings.Contains(got[i], part) {
			return false
		}
	}
	return true
}

func TestPercentagePoints(t *testing.T) {
	runClassTests(t, []classTest{
		{"增速放缓0.1个百分点。", "Growth slowed by 0.1 percentage points.", nil},
		{"提高2.9个百分点。", "up 2.9 points.", nil},
		{"增长7.6个百分点。", "up 7.6 percent.", []string{
			"p.en.md:1:4 error: has no match", "p.zh.md:1:3 error: has no match"}},
	})
}

func TestTraditionalCharacters(t *testing.T) {
	runClassTests(t, []classTest{
		{"財政收入從11.7萬億元增加到17.3萬億元。", "Revenue rose from 11.7 trillion to 17.3 trillion yuan.", nil},
		{"13億多人口", "a population of over 1.3 billion", nil},
		{"13億多人口", "a population of over 1.3 million", []string{
			"p.en.md:1:17 error: has no match", "p.zh.md:1:1 error: has no match"}},
	})
}

func TestRounding(t *testing.T) {
	runClassTests(t, []classTest{
		{"国内生产总值305160亿元。", "GDP was 30.5 trillion yuan.", nil},
		{"达到342107亿元。", "reached 34.21 trillion yuan.", nil},
		{"劳动年龄人口9.37亿。", "a working-age population of 937.27 million.", nil},
		// One significant digit is too coarse to be a rounding without a qualifier.
		{"破获案件4112起。", "solved 4,000 cases.", []string{
			"p.en.md:1:8 error: has no match", "p.zh.md:1:5 error: has no match"}},
		// Same precision, other digits: a slip, not a rounding.
		{"审查24817人。", "examined 24,871 people.", []string{
			"p.en.md:1:10 error: has no match", "p.zh.md:1:3 error: has no match"}},
	})
}

func TestApproximationWords(t *testing.T) {
	runClassTests(t, []classTest{
		{"城镇新增就业6600万人以上。", "More than 66 million new urban jobs.", nil},
		{"国内生产总值增长7%左右。", "GDP grew by approximately 7 percent.", nil},
		{"达到53.9万亿元。", "reached nearly 54 trillion yuan.", nil},
		{"支出1680亿元。", "spent more than 168 billion yuan.", nil},
	})
}

// TestQualifierChanged: a qualifier that says something else is a warning on the
// translation, since the value is right.
func TestQualifierChanged(t *testing.T) {
	zh, en := "执行到位金额8219万余元。", "about 82.19 million yuan was enforced."
	if got := pairFindings(t, "zh", zh, en); !findingsMatch(got, []string{"p.en.md:1:1 warning: says about where 8219万余元"}) {
		t.Errorf("zh original: %q", got)
	}
	if got := pairFindings(t, "en", zh, en); !findingsMatch(got, []string{"p.zh.md:1:7 warning: says more than where about 82.19 million yuan"}) {
		t.Errorf("en original: %q", got)
	}
}

func TestCurrencyWords(t *testing.T) {
	runClassTests(t, []classTest{
		{"从120亿元增加到305160亿元。", "from RMB12 billion to RMB30.5 trillion.", nil},
		{"花费了1680亿人民币。", "spent 168 billion yuan.", nil},
		{"花费了1680亿人民币。", "spent 16.8 billion yuan.", []string{
			"p.en.md:1:7 error: has no match", "p.zh.md:1:4 error: has no match"}},
	})
}

func TestNotFigures(t *testing.T) {
	runClassTests(t, []classTest{
		{"1、6.5%是底线", "1. 6.5% is the minimum", nil},
		{"详见附注二。", "See note 2.", nil},
		{"预期寿命从35岁提高到77岁。", "Life expectancy rose from 35 to 77.", nil},
	})
}

func TestMixedNumerals(t *testing.T) {
	runClassTests(t, []classTest{
		{"国民生产总值为1万2千8百80亿美元。", "GDP stood at $1.288 trillion.", nil},
		{"新增3亿7500万个工作岗位", "Adds 375 Million Jobs", nil},
		{"出口超过1千零50亿美元。", "exports topped more than $105 billion.", nil},
		{"国民生产总值为1万3千3百70亿美元。", "GDP stood at $1.373 trillion.", []string{
			"p.en.md:1:15 error: has no match", "p.zh.md:1:8 error: has no match"}},
	})
}

func TestMixedValue(t *testing.T) {
	for _, tt := range []struct {
		in   string
		want int64
	}{
		{"1万2千8百80亿", 1_288_000_000_000}, {"3亿7500万", 375_000_000}, {"1千零50亿", 105_000_000_000},
		{"2千两百", 2200}, {"1万〇5", 10005}, {"1亿亿亿亿", 0}, {"99999999999999999999万5", 0},
	} {
		if got, end := mixedValue(tt.in, 0); got != tt.want || tt.want != 0 && end != len(tt.in) {
			t.Errorf("mixedValue(%q) = %d, %d; want %d, %d", tt.in, got, end, tt.want, len(tt.in))
		}
	}
}

// TestRepeatedFigure: a headline or label that repeats a figure of its own side is not
// a dropped figure; one that repeats nothing still is.
func TestRepeatedFigure(t *testing.T) {
	runClassTests(t, []classTest{
		{"国内生产总值增长7%左右", "7%: Increase GDP by approximately 7 percent", nil},
		{"助学贷款额度提高4000元\n决定将助学贷款额度提高4000元。", "The new limit is an increase of 4,000 yuan.", nil},
		{"助学贷款额度提高4000元\n决定将助学贷款额度提高3000元。", "The new limit is an increase of 4,000 yuan.", []string{
			"p.zh.md:2:12 error: has no match"}},
	})
}

func TestNumbersInWords(t *testing.T) {
	runClassTests(t, []classTest{
		{"人口总数不超过10亿。", "a total population of less than a billion people.", nil},
		{"葡萄牙、瑞典等处在千万的量级", "Portugal and Sweden have just over 10 million each", nil},
		{"出口增长近30%", "There was a 30-percent increase in exports.", nil},
		{"在受调查的152个国家中进步最快。(注1)", "the fastest among the 152 countries covered.1", nil},
	})
}

func TestConversions(t *testing.T) {
	runClassTests(t, []classTest{
		{"粮食产量1.39万亿斤", "Grain output reached 695 million metric tons.", nil},
		{"粮食产量1.3万亿斤以上", "Grain output of over 650 million metric tons", nil},
		{"新增高标准农田1000万亩。", "an extra 666,667 hectares of high-standard farmland.", nil},
		{"粮食产量1.39万亿斤", "Grain output reached 1.39 billion metric tons.", []string{
			"p.en.md:1:22 error: has no match", "p.zh.md:1:5 error: has no match"}},
	})
}

// TestEquivalentOnOneSide: an equivalent in brackets that one side adds is
// information, with its ratio; a figure in brackets that is no equivalent is not.
func TestEquivalentOnOneSide(t *testing.T) {
	runClassTests(t, []classTest{
		{"从2012年的53.9万亿元上升到114.4万亿元。", "from 53.9 trillion yuan ($8.06 trillion) in 2012 to 114.4 trillion yuan ($17.11 trillion).", nil},
		{"国内生产总值增加到121万亿元（约17.5万亿美元）。", "GDP increased to 121 trillion yuan.", nil},
		{"国内生产总值增加到121万亿元。", "GDP increased to 121 trillion yuan, up 5.2 percent (2.1 percent in 2012).", []string{
			"p.en.md:1:40 error: has no match", "p.en.md:1:53 error: has no match"}},
	})
	got := pairFindingsAll(t, "zh", "全国已建成高标准农田面积4339万亩。", "the country developed 43.39 million mu (about 2.89 million hectares).")
	if want := `p.en.md:1:41 info: "about 2.89 million" is an equivalent of 43.39 million given in p.en.md only (ratio 0.06661); check the rate`; len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestDiagnosis: the message says what kind of slip it most likely is.
func TestDiagnosis(t *testing.T) {
	runClassTests(t, []classTest{
		{"冻结资金7.9亿元。", "froze 79 million yuan.", []string{
			"p.en.md:1:7 error: (scale ÷10); nearest is 7.9亿元", "p.zh.md:1:5 error: (scale ×10); nearest is 79 million yuan"}},
		{"利润总额39038.1亿元。", "profits of 390.83 billion yuan.", []string{
			"p.en.md:1:12 error: (scale ÷10, and the digits differ)", "p.zh.md:1:5 error: (scale ×10, and the digits differ)"}},
		{"审查24817人。", "examined 24,871 people.", []string{
			"p.en.md:1:10 error: (digits transposed)", "p.zh.md:1:3 error: (digits transposed)"}},
		{"返还2235万元。", "returned 2.35 million yuan.", []string{
			"p.en.md:1:10 error: (one digit fewer)", "p.zh.md:1:3 error: (one digit more)"}},
		{"抓获4810名。", "arrested 4,810 cases.", []string{
			"p.en.md:1:10 error: (unit: case for person)", "p.zh.md:1:3 error: (unit: person for case)"}},
		{"增长7.6个百分点。", "up 7.6 percent.", []string{
			"p.en.md:1:4 error: (kind: percentages for percentage points)", "p.zh.md:1:3 error: (kind: percentage points for percentages)"}},
		{"新增3万人。", "created 30,000 jobs and 12 parks.", []string{
			"p.en.md:1:25 error: (dropped or added: nothing of its kind comes near)"}},
	})
}

func TestTokenNoise(t *testing.T) {
	runClassTests(t, []classTest{
		{"从54万亿元增加到82.7万亿元", "rose from54trillion yuan to 82.7 trillion yuan", nil},
		{"城镇居民人均可支配收入31346.8元", "per capita disposable income was[1]31346.8 yuan[1]", nil},
		{"27个省份GDP增速出现回升", "27 provinces saw growth rebound2 in the first half", nil},
	})
}

func TestRangesAndMultiples(t *testing.T) {
	runClassTests(t, []classTest{
		{"此后一直保持在4%至4.3%之间", "stayed between 4 percent and 4.3 percent", nil},
		{"预期增长6%—7%", "expected growth of 6%-7%", nil},
		{"按不变价格计算增长970倍", "up 970 times at constant prices", nil},
		{"按不变价格计算增长970倍", "up 97 times at constant prices", []string{
			"p.en.md:1:4 error: (scale ÷10)", "p.zh.md:1:10 error: (scale ×10)"}},
	})
}

func TestChineseNumerals(t *testing.T) {
	runClassTests(t, []classTest{
		{"推出一百零五项措施", "launched 105 measures", nil},
		{"廿五项改革", "25 reforms", nil},
		{"两项任务", "two tasks", nil},
		{"第一产业增加值增长3.5%，第二产业增长5.8%，第三产业增长7.6%。", "The primary industry grew 3.5%, the secondary 5.8% and the tertiary 7.6%.", nil},
		{"推出一百零五项措施", "launched 150 measures", []string{"p.en.md:1:10 error: has no match"}},
	})
}

// TestQualifierDirection: "nearly" is below, "more than" above.
func TestQualifierDirection(t *testing.T) {
	runClassTests(t, []classTest{
		{"达到53.9万亿元。", "reached nearly 54 trillion yuan.", nil},
		{"达到54.2万亿元。", "reached more than 54 trillion yuan.", nil},
		{"达到53.9万亿元。", "reached more than 54 trillion yuan.", []string{
			"p.en.md:1:9 error: has no match", "p.zh.md:1:3 error: has no match"}},
		{"利润4195.5亿元，支出3455亿元。", "profits of 4,195.5 billion yuan and spending of 34.55 billion yuan.", []string{
			"p.en.md:1:12 error: (scale ×10)", "p.en.md:1:49 error: (scale ÷10)",
			"p.zh.md:1:3 error: (scale ÷10)", "p.zh.md:1:14 error: (scale ×10)"}},
	})
}

// TestDeclaredMeasure: a measure declared in site.toml converts like a built-in one.
func TestDeclaredMeasure(t *testing.T) {
	site := "defaultLanguage = \"zh\"\n[languages.zh]\n[languages.en]\n[measures.li]\ndimension = \"length\"\nfactor = 0.5\nzh = [\"里\"]\nen = [\"li\"]\n"
	for _, tt := range []struct {
		en   string
		want int
	}{{"a road of 150 km", 0}, {"a road of 300 li", 0}, {"a road of 300 km", 2}} {
		fsys := fstest.MapFS{
			"site.toml":         {Data: []byte(site)},
			"content/p/p.zh.md": {Data: []byte(realFront + "修路300里。\n")},
			"content/p/p.en.md": {Data: []byte(realFront + tt.en + "\n")},
		}
		if got := run(t, fsys).Count(diag.SevError); got != tt.want {
			t.Errorf("%q: %d errors, want %d", tt.en, got, tt.want)
		}
	}
}

func TestPrecisionDiagnosis(t *testing.T) {
	runClassTests(t, []classTest{
		{"劳动年龄人口9.37亿。", "a working-age population of 937.8 million.", []string{
			"p.en.md:1:29 error: (precision: more digits than the nearest, and they do not round to it)",
			"p.zh.md:1:7 error: (precision: not the nearest rounded)"}},
	})
}

// TestListOrder: 分别 lists may give their figures in another order.
func TestListOrder(t *testing.T) {
	runClassTests(t, []classTest{
		{"城镇和农村居民收入分别增长8.8%、9.9%。", "Rural incomes rose 9.9% and urban incomes 8.8%.", nil},
		{"城镇和农村居民收入分别增长8.8%、9.9%。", "Rural incomes rose 9.9% and urban incomes 8.9%.", []string{
			"p.en.md:1:43 error: (one digit changed)", "p.zh.md:1:14 error: (one digit changed)"}},
	})
}

func TestMultiples(t *testing.T) {
	runClassTests(t, []classTest{
		{"增长70倍", "jumped 70 times", nil},
		{"是2010年的3倍", "three times as large as in 2010", nil},
		{"增长3倍", "a 3-fold increase", nil},
		{"增长20多倍", "grew more than 20 times", nil},
		{"比2010年翻一番", "doubled from 2010", nil},
		{"比2000年翻两番", "quadrupled from 2000", nil},
		{"过去20年中，国内生产总值增长了近五倍。", "In the past 20 years, GDP increased nearly six times.", nil},
		{"“发展”一词出现140次", "the word was mentioned 140 times", nil},
		{"增长5倍", "up 5%", []string{
			"p.en.md:1:4 error: (kind: percentages for multiples)", "p.zh.md:1:3 error: (kind: multiples for percentages)"}},
		{"增长5倍", "grew by 5 cases", []string{
			"p.en.md:1:9 error: (kind: counts for multiples)", "p.zh.md:1:3 error: (kind: multiples for counts)"}},
		{"增长5倍", "up 6 times", []string{"p.en.md:1:4 error: has no match", "p.zh.md:1:3 error: has no match"}},
	})
}

func TestOrdersOfMagnitude(t *testing.T) {
	runClassTests(t, []classTest{
		{"惠及上亿人", "benefiting hundreds of millions of people", nil},
		{"人口规模都处在数千万的量级", "have populations in the tens of millions", nil},
		{"几千万人", "tens of millions of people", nil},
		{"处在数百万的量级", "are all in the order of a few millions", nil},
		{"数百万人受益", "millions of people benefited", nil},
		{"数十亿元", "billions of yuan", nil},
		{"覆盖3.2亿人", "covering hundreds of millions of people", nil},
		{"覆盖3.2亿人", "covering tens of millions of people", []string{
			"p.en.md:1:10 error: has no match", "p.zh.md:1:3 error: has no match"}},
		{"惠及上亿人", "benefiting tens of millions of people", []string{
			"p.en.md:1:12 error: has no match", "p.zh.md:1:3 error: has no match"}},
		{"数千万人", "3 million people", []string{
			"p.en.md:1:1 error: has no match", "p.zh.md:1:1 error: has no match"}},
	})
}

func TestFractions(t *testing.T) {
	runClassTests(t, []classTest{
		{"仅相当于城镇的1/3", "a third of their urban peers", nil},
		{"占三分之一", "accounts for one-third", nil},
		{"占三分之一", "accounts for one third", nil},
		{"约占四分之三", "about three quarters of it", nil},
		{"占世界总人口的1/5", "approximately one-fifth of the global total", nil},
		{"只是中国的1/11", "one-eleventh of China's population", nil},
		{"每三人中就有一人，即1/3", "one in three people", nil},
		{"占1/3", "accounts for 1/3 of the total", nil},
		{"七成以上的企业", "more than 70% of firms", nil},
		{"五成", "50 percent", nil},
		{"占1/3", "accounts for 1/4 of the total", []string{
			"p.en.md:1:14 error: has no match", "p.zh.md:1:2 error: has no match"}},
		{"占1/3", "accounts for 3 of them", []string{
			"p.en.md:1:14 error: has no match", "p.zh.md:1:2 error: has no match"}},
		{"在3/15召开", "met on 3/15", nil},
		{"占2/3", "two-thirds of the total", nil},
	})
}

func TestRatios(t *testing.T) {
	runClassTests(t, []classTest{
		{"男女比例为1:3", "a male-to-female ratio of 1:3", nil},
		{"两者之比为2∶5", "the ratio is 2:5", nil},
		{"男女比例为1:3", "a male-to-female ratio of 1:4", []string{
			"p.en.md:1:27 error: has no match", "p.zh.md:1:6 error: has no match"}},
		{"男女比例为1:3", "one third are men, a ratio of 1:3", nil},
		{"11:29发布", "released at 11:29", nil},
	})
}

package figures

import (
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestDefaultUnits(t *testing.T) {
	u := newUnits()
	for _, b := range builtinUnits {
		if err := u.Add(b.key, b.names); err != nil {
			t.Fatalf("built-in unit %q: %v", b.key, err)
		}
	}
	want := []string{"case", "company", "item", "person", "time", "yuan"}
	if got := DefaultUnits().Keys(); !slices.Equal(got, want) {
		t.Errorf("Keys() = %v, want %v", got, want)
	}
	if DefaultUnits().Has("") || !DefaultUnits().Has("yuan") {
		t.Error("Has is wrong")
	}
}

func TestUnitsAddErrors(t *testing.T) {
	cases := []struct {
		key   string
		names map[string][]string
		err   string
	}{
		{"Bad Key", map[string][]string{"zh": {"宗"}}, "bad unit key"},
		{"", map[string][]string{"zh": {"宗"}}, "bad unit key"},
		{"incident", nil, "has no words"},
		{"incident", map[string][]string{"zh": {"起"}}, `word "起" already names unit "case"`},
		{"incident", map[string][]string{"en": {"Cases"}}, `already names unit "case"`},
		{"incident", map[string][]string{"en": {"a", "b", "c"}}, "en needs 2 words (one, other) or one invariant word, got 3"},
		{"incident", map[string][]string{"ru": {"a", "b"}}, "ru needs 4 words (one, few, many, other)"},
		{"incident", map[string][]string{"zh": {"万人"}}, "would be read as a scale word"},
		{"incident", map[string][]string{"zh": {"余"}}, "would be read as a scale word or qualifier"},
		{"incident", map[string][]string{"en": {"million things"}}, "would be read as a scale word"},
		{"incident", map[string][]string{"en": {"2nd"}}, "must start with a letter"},
		{"incident", map[string][]string{"en": {"k9"}}, "may not contain digits"},
		{"incident", map[string][]string{"en": {""}}, "empty"},
		{"incident", map[string][]string{"en": {"\xff"}}, "empty or not UTF-8"},
		{"incident", map[string][]string{"!!": {"x"}}, `unknown language "!!"`},
	}
	for _, c := range cases {
		err := DefaultUnits().Add(c.key, c.names)
		if err == nil || !strings.Contains(err.Error(), c.err) {
			t.Errorf("Add(%q, %v) error = %v, want %q", c.key, c.names, err, c.err)
		}
	}
}

func TestUnitsAddMergesLanguages(t *testing.T) {
	u := DefaultUnits()
	if err := u.Add("case", map[string][]string{"en": {"incident", "incidents"}}); err != nil {
		t.Fatal(err)
	}
	f, err := Parse("4112起", "", u)
	if err != nil || f.Unit != "case" {
		t.Fatalf("zh kept: %+v, %v", f, err)
	}
	if _, err := Parse("4112 cases", "", u); err == nil {
		t.Error("old English word still read")
	}
	if got, _ := Format(f, "en", u); got != "4,112 incidents" {
		t.Errorf("Format = %q", got)
	}
	// The generic measure word can be claimed by a unit.
	if err := u.Add("piece", map[string][]string{"zh": {"个"}, "en": {"piece", "pieces"}}); err != nil {
		t.Fatal(err)
	}
	if f, _ := Parse("3个", "", u); f.Unit != "piece" {
		t.Errorf("个 = %+v", f)
	}
	if got, _ := Format(Figure{Value: NewDecimal(3), Word: "个"}, "zh", u); got != "3" {
		t.Errorf("generic 个 after it was claimed = %q", got)
	}
}

func TestUnitsNoWordLanguage(t *testing.T) {
	u := DefaultUnits()
	if err := u.Add("household", map[string][]string{"zh": {"户"}, "en": {}}); err != nil {
		t.Fatal(err)
	}
	f, err := Parse("300户", "", u)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := Format(f, "en", u); got != "300" {
		t.Errorf("Format = %q", got)
	}
}

func TestUnitsConcurrent(t *testing.T) {
	u := DefaultUnits()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			if i == 0 {
				_ = u.Add("ton", map[string][]string{"zh": {"吨"}, "en": {"ton", "tons"}})
				return
			}
			f, err := Parse("4.8万余人", "", u)
			if err != nil {
				t.Error(err)
			}
			if _, err := Format(f, "en", u); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
}

func TestUnitsAddOneFormLanguage(t *testing.T) {
	err := DefaultUnits().Add("case", map[string][]string{"ja": {"件", "件数"}})
	if err == nil || !strings.Contains(err.Error(), "ja has no plural forms; give one word, got 2") {
		t.Errorf("error = %v", err)
	}
}

// TestUnitsZero checks that a zero Units reads as an empty registry.
func TestUnitsZero(t *testing.T) {
	var u Units
	if u.Has("yuan") || len(u.Keys()) != 0 || u.Lookup("元") != "" {
		t.Error("zero Units is not empty")
	}
	if _, err := Parse("4112起", "", &u); err == nil {
		t.Error("zero Units knows 起")
	}
}

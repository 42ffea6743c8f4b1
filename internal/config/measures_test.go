package config

import (
	"strings"
	"testing"
)

func TestMeasures(t *testing.T) {
	s, err := Load("site.toml", []byte("[languages.zh]\n[measures.li]\ndimension = \"length\"\nfactor = 0.5\nzh = [\"里\"]\nen = [\"li\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if m := s.Measures["li"]; m.Dimension != "length" || m.Factor != 0.5 || m.Zh[0] != "里" || m.En[0] != "li" {
		t.Errorf("got %+v", m)
	}
}

func TestMeasureErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"[measures.li]\nfactor = 0.5\nzh = [\"里\"]\n", "site.toml:2:11: measures.li: no dimension"},
		{"[measures.li]\ndimension = \"length\"\nzh = [\"里\"]\n", "site.toml:2:11: measures.li: factor must be above 0"},
		{"[measures.li]\ndimension = \"length\"\nfactor = 0.5\n", "site.toml:2:11: measures.li: no words"},
		{"[measures.li]\ndimension = \"length\"\nfactr = 0.5\n", "unknown key `measures.li.factr`"},
	}
	for _, tt := range tests {
		_, err := Load("site.toml", []byte("[languages.zh]\n"+tt.src))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%q: got %v, want %q", tt.src, err, tt.want)
		}
	}
}

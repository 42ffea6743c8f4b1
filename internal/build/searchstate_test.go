package build

import "testing"

// TestFolderOf: the folder of an index's files is read from the first file and
// the last, index.json; a list that is not an index's has none.
func TestFolderOf(t *testing.T) {
	for _, c := range []struct {
		files []string
		want  string
	}{
		{[]string{"search/zh/ab12/0/s0.bin", "search/zh/ab12/facets.json", "search/zh/index.json"}, "search/zh/ab12/"},
		{[]string{"search/en/ff/lengths.bin", "search/en/index.json"}, "search/en/ff/"},
		{[]string{"search/zh/index.json"}, ""},
		{nil, ""},
		{[]string{"other/a.bin", "search/zh/index.json"}, ""},
		{[]string{"search/zh/a.bin", "search/zh/index.json"}, ""},
	} {
		if got := folderOf(c.files); got != c.want {
			t.Errorf("folderOf(%q) = %q, want %q", c.files, got, c.want)
		}
	}
}

package content

import (
	"reflect"
	"strings"
	"testing"
)

// flatSeeds are front matters as sites write them, and the shapes at the edges of
// what decodeFlatTOML reads.
var flatSeeds = []string{
	"title = \"Jilin reports on its work\"\ndate = 2024-06-21T09:59:00+08:00\ntags = [\"digital government\", \"Jilin\"]\nsource = \"Supreme People's Court\"\ntranslationKey = \"brief-000375\"\ndraft = false\nsummary = \"On June 21, reporters learned…\"\n",
	"title = \"浙江出台15条措施\"\r\ndate = 2022-11-21T18:58:00Z\r\ntags = [ '数字政府' , \"浙江\", ]\r\nweight = 3\r\n",
	"\ttitle\t=\t\"a\tb\"\t\n\n  weight = -12\nx = 0\ny = []\nz = [ ]\n",
	"date = 2024-01-01\n", "date = 2024-01-01T10:00:00\n", "date = 2024-01-01 10:00:00+08:00\n",
	"date = 2024-13-01T10:00:00+08:00\n", "date = 2024-01-01T10:00:00.123456789+08:00\n",
	"date = 2024-01-01T10:00:00.+08:00\n", "date = 2024-01-01T24:00:00Z\n", "date = 2024-01-01t10:00:00z\n",
	"a = 1\na = 2\n", "a = \"x\" # note\n", "[params]\na = 1\n", "a.b = 1\n", "\"a\" = 1\n",
	"a = 1_000\n", "a = 0x10\n", "a = 1.5\n", "a = 00\n", "a = -0\n", "a = +1\n", "a = 999999999999999999\n",
	"a = 9223372036854775807\n", "a = \"\"\"x\"\"\"\n", "a = '''x'''\n", "a = ''\n", "a = \"\"\n",
	"a = \"x\ry\"\n", "a = 1\r", "a = \"\x7f\"\n", "a = \"\xff\"\n", "a = '\\'\n", "a = true\nb = falsey\n",
	"a = [\"x\",\n\"y\"]\n", "a = [1, 2]\n", "a = [\"x\" \"y\"]\n", "a = [,]\n", "a = inf\n", "a =\n", "= 1\n", "a 1\n",
}

// FuzzFlatTOML holds decodeFlatTOML to BurntSushi/toml: whatever it reads, the decoder
// reads the same way, the same keys in the same order and values equal in type and value.
//
//	go test -run '^$' -fuzz '^FuzzFlatTOML$' -fuzztime 60s ./internal/content/
func FuzzFlatTOML(f *testing.F) {
	for _, s := range flatSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		got, ok := decodeFlatTOML([]byte(src))
		if !ok {
			return
		}
		want, err := decodeTOMLDecoder("x.md", []byte(src))
		if err != nil {
			t.Fatalf("%q: read flat, but the decoder refuses it: %v", src, err)
		}
		if !reflect.DeepEqual(got.keys, want.keys) && !(len(got.keys) == 0 && len(want.keys) == 0) {
			t.Fatalf("%q: keys %q, the decoder's %q", src, got.keys, want.keys)
		}
		if len(got.vals) != len(want.vals) {
			t.Fatalf("%q: %d values, the decoder's %d", src, len(got.vals), len(want.vals))
		}
		for k, v := range want.vals {
			if !reflect.DeepEqual(got.vals[k], v) {
				t.Fatalf("%q: %s = %#v, the decoder's %#v", src, k, got.vals[k], v)
			}
		}
	})
}

// TestFlatTOMLReads checks that the front matter sites write takes the flat path
// (where decodeFlatTOML declines, the decoder reads it as before, only slower).
func TestFlatTOMLReads(t *testing.T) {
	for _, src := range flatSeeds[:3] {
		if _, ok := decodeFlatTOML([]byte(src)); !ok {
			t.Errorf("declined: %q", src)
		}
	}
	for _, src := range []string{"a = 1\na = 2\n", "[params]\na = 1\n", "date = 2024-01-01\n", "a = \"x\\ty\"\n"} {
		if _, ok := decodeFlatTOML([]byte(src)); ok {
			t.Errorf("read flat: %q", strings.TrimSpace(src))
		}
	}
}

package output

import "testing"

// TestAdopt: Adopt keeps the bytes it is given, not a copy, and refuses a name
// that leaves the output folder, as WriteFile does.
func TestAdopt(t *testing.T) {
	m := NewMemory()
	data := []byte("shard")
	if err := m.Adopt("search/zh/abc/0/s0.bin", data); err != nil {
		t.Fatal(err)
	}
	got, ok := m.Get("search/zh/abc/0/s0.bin")
	if !ok || &got[0] != &data[0] {
		t.Errorf("Adopt stored %q (%v), not the bytes given", got, ok)
	}
	for _, name := range []string{"", "../x", "/abs", `a\b`} {
		if err := m.Adopt(name, data); err == nil {
			t.Errorf("Adopt(%q) was accepted", name)
		}
	}
}

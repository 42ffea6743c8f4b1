package build

// LastEdit names how the last good update made its graph from the one before, for
// tests that check an edit took the cheap path: "graph" (built anew), "bodies"
// (copied with new bodies) or "front" (copied with new front matter).
func LastEdit(l *Live) string {
	return [...]string{editGraph: "graph", editBodies: "bodies", editFront: "front"}[l.st.edit]
}

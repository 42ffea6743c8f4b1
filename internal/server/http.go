package server

import (
	"bytes"
	_ "embed"
	"mime"
	"net/http"
	"path"
	"strings"
)

// prefix is where the server's own endpoints live; no site page can be there because
// site paths are checked to be clean slugs.
const prefix = "/__briefs/"

//go:embed live.js
var liveJS []byte

var liveTag = []byte(`<script src="` + prefix + `live.js" defer></script>`)

// ServeHTTP answers from the built site in memory, and serves the live-reload endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case prefix + "live.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Write(liveJS)
		return
	case prefix + "events":
		s.hub.serve(w, r)
		return
	case prefix + "problems":
		w.Header().Set("Content-Type", "application/json")
		w.Write(s.problemsJSON())
		return
	}
	s.servePage(w, r)
}

func (s *Server) servePage(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if strings.ContainsAny(p, "\x00\\") {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	name, data, ok := s.lookup(p)
	if !ok {
		if _, _, dir := s.lookup(p + "/"); dir && !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, path.Clean(p)+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w)
		return
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasSuffix(name, ".html") {
		data = inject(data)
	}
	w.Write(data)
}

// notFound serves the site's 404 page when it has one, with the live script, so that a
// page that disappears while open comes back when it is rebuilt.
func (s *Server) notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if data, ok := s.out.Get("404.html"); ok {
		w.Write(inject(data))
		return
	}
	page := "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>No page at this address. <a href=\"/\">Home</a></p></body></html>"
	w.Write(inject([]byte(page)))
}

// inject adds the live-reload script before </body>, or at the end.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(liveTag))
	out = append(out, page[:i]...)
	out = append(out, liveTag...)
	return append(out, page[i:]...)
}

package server

import (
	"bytes"
	_ "embed"
	"html/template"
	"mime"
	"net/http"
	"path"
	"strings"

	"github.com/briefs/briefs/internal/output"
)

// prefix is where the server's own endpoints live; no site page can be there because
// site paths are checked to be clean slugs.
const prefix = "/__briefs/"

//go:embed live.js
var liveJS []byte

var liveTag = []byte(`<script src="` + prefix + `live.js" defer></script>`)

// ServeHTTP answers from the built site in memory, and serves the live-reload endpoints.
// A request whose Host does not name this server gets 403, whatever its path: a page
// on another site could otherwise point its own name at 127.0.0.1 (DNS rebinding)
// and read drafts and the problems, which quote the sources.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !s.hostAllowed(r.Host) {
		s.forbidHost(w, r)
		return
	}
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
		s.hub.serve(w, r, s.cfg.Timeouts.orDefault().Write, s.problemsEvent)
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
	out := s.out.Load()
	if out == nil {
		s.unbuilt(w)
		return
	}
	name, data, ok := lookup(out, p)
	if !ok {
		if _, _, dir := lookup(out, p+"/"); dir && !strings.HasSuffix(p, "/") {
			http.Redirect(w, r, path.Clean(p)+"/", http.StatusMovedPermanently)
			return
		}
		notFound(w, out)
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
func notFound(w http.ResponseWriter, out *output.Memory) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusNotFound)
	if data, ok := out.Get("404.html"); ok {
		w.Write(inject(data))
		return
	}
	page := "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head><body><h1>Not found</h1><p>No page at this address. <a href=\"/\">Home</a></p></body></html>"
	w.Write(inject([]byte(page)))
}

// unbuiltPage stands for every page until a build succeeds. The live script shows
// the problems over it, and reloads it once the site builds; the list is also in the
// page itself, for a browser without JavaScript.
var unbuiltPage = template.Must(template.New("unbuilt").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>
<body id="briefs-unbuilt"><h1>Build failed</h1>
<p>The site has not built yet, so there is nothing to serve. Fix the problems and save: this page reloads by itself.</p>
{{range .}}<pre>{{with .Place}}{{.}}: {{end}}{{.Message}}</pre>
{{end}}</body></html>
`))

// unbuilt answers any page request while no build has succeeded: the error page, for
// every path, since there is no site to look the path up in.
func (s *Server) unbuilt(w http.ResponseWriter) {
	var page bytes.Buffer
	if err := unbuiltPage.Execute(&page, s.Problems()); err != nil {
		http.Error(w, "build failed: "+err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(inject(page.Bytes()))
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

// Package server is the editors' dev server: it builds a site in memory with the same
// Session as the build command, serves it on 127.0.0.1, watches the site's files and
// rebuilds what each edit touches. Pages open in a browser reload themselves after a
// rebuild (server-sent events), and a build error is shown over the page, with its
// file:line:col and the lines around it, while the last good build stays served.
// Until a first build succeeds, every page is an error page with that overlay: the
// files of a failed build are never served.
//
// The server only ever answers from the built site held in memory: no request reaches
// the file system, so no path (../, encoded or not, or a symbolic link in static/) can
// read a file outside the site. It answers only requests whose Host names it (see
// [Server.ServeHTTP]), and its [Server.HTTPServer] bounds how long a client may hold a
// connection.
package server

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/briefs/briefs/internal/build"
	"github.com/briefs/briefs/internal/diag"
	"github.com/briefs/briefs/internal/output"
)

// Config sets up a server.
type Config struct {
	// Dir is the site folder on disk, for watching and for showing source lines.
	Dir string
	// Build are the build options; Build.Site is usually os.DirFS(Dir).
	Build build.Options
	// Bind is the address the server listens on (serve's --bind); requests must name
	// it, or loopback, in their Host header. Empty means loopback only.
	Bind string
	// Timeouts bound slow clients; zero fields take the defaults.
	Timeouts Timeouts
	// OnRebuild is called after every rebuild, for the terminal.
	OnRebuild func(Rebuild)
}

// Rebuild describes one rebuild.
type Rebuild struct {
	// Changed are the site files that triggered it.
	Changed []string
	// Pages are the URL paths whose output changed.
	Pages []string
	Full  bool
	Took  time.Duration
	// Err is the build's problems when it failed.
	Err error
	// Unbuilt is true when no build has succeeded yet, so nothing is served.
	Unbuilt bool
}

// String is the one line the terminal shows for a rebuild.
func (r Rebuild) String() string {
	what := strings.Join(r.Changed, ", ")
	if len(r.Changed) > 3 {
		what = fmt.Sprintf("%s and %d more", strings.Join(r.Changed[:3], ", "), len(r.Changed)-3)
	}
	if what == "" {
		what = "site"
	}
	if r.Err != nil {
		served := "still serving the last good build"
		if r.Unbuilt {
			served = "nothing to serve until it builds"
		}
		return fmt.Sprintf("changed %s: build failed in %d ms; %s:\n%v", what, r.Took.Milliseconds(), served, r.Err)
	}
	kind := ""
	if r.Full {
		kind = " (full rebuild)"
	}
	return fmt.Sprintf("changed %s: %s re-rendered%s in %d ms", what, diag.Count(len(r.Pages), "page", "pages"), kind, r.Took.Milliseconds())
}

// Server serves a site from memory and rebuilds it on changes.
type Server struct {
	cfg Config
	hub *hub

	rebuildMu sync.Mutex  // one rebuild at a time; guards sess
	sess      *build.Live // the session of the served build
	// out is the served build, nil until a build succeeds. The first good build is
	// swapped in whole; later ones update it in place.
	out atomic.Pointer[output.Memory]

	mu       sync.RWMutex
	problems []Problem // of the last build, empty when it succeeded

	// watching is closed once Watch has registered the site's folders, from when on an
	// edit is seen (the tests wait for it, rather than for a guessed while).
	watching     chan struct{}
	watchingOnce sync.Once
}

// Problem is one build problem as the browser overlay shows it.
type Problem struct {
	Place   string             `json:"place"`
	Message string             `json:"message"`
	Lines   []diag.ContextLine `json:"lines,omitempty"`
	Line    int                `json:"line,omitempty"`
}

// New builds the site and returns a server for it. A site that fails to build still
// gets a server: it shows the problems until they are fixed.
func New(cfg Config) *Server {
	s := &Server{cfg: cfg, hub: newHub(), watching: make(chan struct{})}
	start := time.Now()
	ch, err := s.firstBuild()
	s.setResult(err)
	if cfg.OnRebuild != nil {
		ev := Rebuild{Changed: []string{"(start)"}, Full: true, Took: time.Since(start), Err: err, Unbuilt: ch == nil}
		if ch != nil {
			ev.Pages = ch.Written
		}
		cfg.OnRebuild(ev)
	}
	return s
}

// firstBuild builds the site in a new session and output, and serves them only when
// the build succeeded. A failed build writes part of the site (layouts run despite
// content errors, to report every problem at once); none of it may be served, nor
// outlive the build: a brief deleted before the first good build must stay deleted.
func (s *Server) firstBuild() (*build.Change, error) {
	sess := build.NewLive(s.cfg.Build)
	out := output.NewMemory()
	if _, err := sess.Build(out); err != nil {
		return nil, err
	}
	s.sess = sess
	s.out.Store(out)
	return &build.Change{Written: out.Names(), Full: true}, nil
}

// Rebuild applies changes to the given site files (slash-separated, relative to the
// site folder) and tells open browsers what changed.
func (s *Server) Rebuild(changed []string) Rebuild {
	s.rebuildMu.Lock()
	defer s.rebuildMu.Unlock()
	start := time.Now()
	ev := Rebuild{Changed: changed}
	var ch *build.Change
	var err error
	if out := s.out.Load(); out != nil {
		ch, err = s.sess.Update(changed, out)
	} else {
		ch, err = s.firstBuild()
	}
	ev.Took, ev.Err, ev.Unbuilt = time.Since(start), err, s.out.Load() == nil
	s.setResult(err)
	if err != nil {
		s.hub.send("problems", s.Problems())
	} else {
		ev.Full = ch.Full
		for _, name := range append(slices.Clone(ch.Written), ch.Removed...) {
			ev.Pages = append(ev.Pages, urlPath(name))
		}
		s.hub.send("reload", map[string]any{"paths": reloadPaths(ev.Pages)})
	}
	if s.cfg.OnRebuild != nil {
		s.cfg.OnRebuild(ev)
	}
	return ev
}

// reloadPaths is what a reload event names of the changed URL paths: the files of
// a language's search index (thousands, moved to a new folder by most edits) are
// named once, as that language's /search/<lang>/index.json, which every page's
// script tells from its own path; the rest are kept, in order.
func reloadPaths(paths []string) []string {
	out := make([]string, 0, len(paths))
	seen := map[string]bool{}
	for _, p := range paths {
		if rest, ok := strings.CutPrefix(p, "/search/"); ok {
			if lang, file, ok := strings.Cut(rest, "/"); ok && strings.Contains(file, "/") {
				p = "/search/" + lang + "/index.json"
			}
			if seen[p] {
				continue
			}
			seen[p] = true
		}
		out = append(out, p)
	}
	return out
}

// urlPath turns an output file into the URL path a browser shows for it.
func urlPath(name string) string {
	if name == "index.html" {
		return "/"
	}
	if dir, ok := strings.CutSuffix(name, "/index.html"); ok {
		return "/" + dir + "/"
	}
	return "/" + name
}

// setResult records the problems of the latest build, with source lines for the overlay.
func (s *Server) setResult(err error) {
	var probs []Problem
	if err != nil {
		probs = s.describe(err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.problems = probs
}

func (s *Server) describe(err error) []Problem {
	var list []*diag.Error
	var dl *diag.List
	var de *diag.Error
	switch {
	case errors.As(err, &dl):
		list = dl.Errors()
	case errors.As(err, &de):
		list = []*diag.Error{de}
	default:
		return []Problem{{Message: err.Error()}}
	}
	probs := make([]Problem, 0, len(list))
	for _, e := range list {
		p := Problem{Place: e.Place(), Message: e.Msg, Line: e.Line}
		if e.File != "" && e.Line > 0 && !e.Builtin {
			if src, err := os.ReadFile(filepath.Join(s.cfg.Dir, filepath.FromSlash(e.File))); err == nil {
				p.Lines = diag.Excerpt(src, e.Line, 3)
			}
		}
		probs = append(probs, p)
	}
	return probs
}

// Problems returns the problems of the latest build; none when it succeeded.
func (s *Server) Problems() []Problem {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return slices.Clone(s.problems)
}

// problemsEvent is the problems event for a page that starts listening while the
// last build failed, nil while it succeeded.
func (s *Server) problemsEvent() []byte {
	if p := s.Problems(); len(p) > 0 {
		return eventMessage("problems", p)
	}
	return nil
}

func (s *Server) problemsJSON() []byte {
	b, _ := json.Marshal(s.Problems())
	if string(b) == "null" {
		return []byte("[]")
	}
	return b
}

// lookup finds the output file for a URL path: "/zh/" is zh/index.html.
func lookup(out *output.Memory, urlPath string) (name string, data []byte, ok bool) {
	name = strings.TrimPrefix(path.Clean("/"+urlPath), "/")
	if name == "" || strings.HasSuffix(urlPath, "/") {
		name = path.Join(name, "index.html")
	}
	data, ok = out.Get(name)
	return name, data, ok
}

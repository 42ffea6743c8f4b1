package server

import (
	"fmt"
	"net"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The dev server serves drafts and build problems (which quote the sources) to
// whatever can reach it. Binding to 127.0.0.1 keeps other computers out, but not other
// web sites open in the editor's browser: a page on evil.example can make its own name
// resolve to 127.0.0.1 (DNS rebinding) and then read the preview as same-origin. Such
// a request still carries Host: evil.example, so the server answers only requests
// whose Host names it. An IP address cannot be rebound, so when the server listens on
// every interface (--bind 0.0.0.0) any address literal is accepted.

// hostAllowed reports whether a Host header names this server: localhost, 127.0.0.1,
// [::1] or the bound address, with any port.
func (s *Server) hostAllowed(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	}
	name = strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(name, "["), "]"))
	switch name {
	case "":
		return false
	case "localhost", "127.0.0.1", "::1":
		return true
	}
	bind := strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(s.cfg.Bind, "["), "]"))
	if name == bind {
		return true
	}
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		return net.ParseIP(name) != nil
	}
	return false
}

// forbidHost refuses a request for another host name, and says why.
func (s *Server) forbidHost(w http.ResponseWriter, r *http.Request) {
	names := "localhost, 127.0.0.1 or [::1]"
	if b := s.cfg.Bind; b != "" && !slices.Contains([]string{"localhost", "127.0.0.1", "::1", "[::1]"}, b) {
		names = "localhost, 127.0.0.1, [::1] or " + b
	}
	http.Error(w, fmt.Sprintf("briefs serve answers only to its own address (%s), not to Host %q; "+
		"open the preview at the address the terminal shows. (This keeps other web sites from reading drafts.)",
		names, r.Host), http.StatusForbidden)
}

// Timeouts bound how long a client may take. Without them, a client that sends
// Content-Length: 100000 and no body, or keeps idle connections open, holds a
// connection and its goroutine for as long as it likes.
type Timeouts struct {
	// ReadHeader bounds reading a request's headers.
	ReadHeader time.Duration
	// Read bounds reading a whole request, body included.
	Read time.Duration
	// Write bounds writing a response. The live-reload stream, which stays open,
	// instead gets this long for each event it sends.
	Write time.Duration
	// Idle bounds how long a kept-alive connection waits for its next request.
	Idle time.Duration
}

// DefaultTimeouts are generous for a browser on the same computer, and short enough
// that a stuck client is let go within a minute.
var DefaultTimeouts = Timeouts{ReadHeader: 5 * time.Second, Read: 10 * time.Second, Write: 30 * time.Second, Idle: 60 * time.Second}

func (t Timeouts) orDefault() Timeouts {
	d := DefaultTimeouts
	if t.ReadHeader > 0 {
		d.ReadHeader = t.ReadHeader
	}
	if t.Read > 0 {
		d.Read = t.Read
	}
	if t.Write > 0 {
		d.Write = t.Write
	}
	if t.Idle > 0 {
		d.Idle = t.Idle
	}
	return d
}

// HTTPServer returns an http.Server that serves s with its timeouts; call its Serve
// with the listener.
func (s *Server) HTTPServer() *http.Server {
	t := s.cfg.Timeouts.orDefault()
	return &http.Server{Handler: s, ReadHeaderTimeout: t.ReadHeader, ReadTimeout: t.Read,
		WriteTimeout: t.Write, IdleTimeout: t.Idle}
}

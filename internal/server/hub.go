package server

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// hub fans server-sent events out to every open page.
type hub struct {
	mu      sync.Mutex
	clients map[chan []byte]bool
}

func newHub() *hub { return &hub{clients: map[chan []byte]bool{}} }

// send broadcasts an event; a page too slow to take it misses it rather than
// holding up the rebuild.
func (h *hub) send(event string, data any) {
	b, _ := json.Marshal(data)
	msg := []byte(fmt.Sprintf("event: %s\ndata: %s\n\n", event, b))
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default:
		}
	}
}

// Clients is the number of pages listening.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// serve streams events to one page until it goes. The server's WriteTimeout would
// cut the stream when it runs out, so each write gets writeTimeout from when it
// starts instead: a page that stops reading is still let go. (ReadTimeout does not
// reach the stream: net/http lifts the read deadline once a request without a body
// is read.)
func (h *hub) serve(w http.ResponseWriter, r *http.Request, writeTimeout time.Duration) {
	rc := http.NewResponseController(w)
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Connection", "keep-alive")
	c := make(chan []byte, 16)
	h.mu.Lock()
	h.clients[c] = true
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		delete(h.clients, c)
		h.mu.Unlock()
	}()
	send := func(msg []byte) error {
		_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
		if _, err := w.Write(msg); err != nil {
			return err
		}
		return rc.Flush()
	}
	if send([]byte("retry: 500\n: connected\n\n")) != nil {
		return
	}
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		var err error
		select {
		case msg := <-c:
			err = send(msg)
		case <-ping.C:
			err = send([]byte(": ping\n\n"))
		case <-r.Context().Done():
			return
		}
		if err != nil {
			return
		}
	}
}

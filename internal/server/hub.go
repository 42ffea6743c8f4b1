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
	msg := eventMessage(event, data)
	h.mu.Lock()
	defer h.mu.Unlock()
	for c := range h.clients {
		select {
		case c <- msg:
		default:
		}
	}
}

// eventMessage is one server-sent event.
func eventMessage(event string, data any) []byte {
	b, _ := json.Marshal(data)
	return []byte(fmt.Sprintf("event: %s\ndata: %s\n\n", event, b))
}

// Clients is the number of pages listening.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

// serve streams events to one page until it goes, starting with the event now
// gives, if any (the build's problems): a page that loaded just before a build failed
// asked for the problems before there were any, and connects after the broken
// build's event went out, so it would never show them. now is read after the page
// is listening, so an event sent after it is not missed either. The server's WriteTimeout would
// cut the stream when it runs out, so each write gets writeTimeout from when it
// starts instead: a page that stops reading is still let go. (ReadTimeout does not
// reach the stream: net/http lifts the read deadline once a request without a body
// is read.)
func (h *hub) serve(w http.ResponseWriter, r *http.Request, writeTimeout time.Duration, now func() []byte) {
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
	if msg := now(); msg != nil && send(msg) != nil {
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

// SPDX-License-Identifier: MIT
//
// A Go peer for bench/loadgen: the common net/http SSE broadcaster (a mutex and
// a set of buffered subscriber channels), in memory, with notify-server's stream
// and POST /api/v1/events/ (single and batch form). It takes notify-server's
// command line, uses --users FILE and --port N and ignores the rest.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"strconv"
	"strings"
	"sync"
)

type event struct {
	Event, User string
	Data        json.RawMessage
}

type subscriber struct {
	user string
	ch   chan []byte
	done chan struct{} // closed when the stream ends, so that no publisher waits on it
}

type broadcaster struct {
	mu     sync.Mutex
	lastID int64
	subs   map[*subscriber]bool
}

// publish numbers the events and hands each to the streams that may see it.
// A full channel holds the publisher back: nothing is dropped (there is no replay).
func (b *broadcaster) publish(events []event) []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	ids := make([]string, len(events))
	for i, e := range events {
		b.lastID++
		ids[i] = strconv.FormatInt(b.lastID, 10)
		frame := []byte("id: " + ids[i] + "\nevent: " + e.Event + "\ndata: " + string(e.Data) + "\n\n")
		for s := range b.subs {
			if e.User == "" || e.User == s.user {
				select {
				case s.ch <- frame:
				case <-s.done:
				}
			}
		}
	}
	return ids
}

func (b *broadcaster) stream(w http.ResponseWriter, r *http.Request, user string) {
	w.Header().Set("Content-Type", "text/event-stream; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.Header().Set("Transfer-Encoding", "identity") // not chunked: the body ends with the connection
	s := &subscriber{user, make(chan []byte, 1024), make(chan struct{})}
	b.mu.Lock()
	b.subs[s] = true
	b.mu.Unlock()
	defer func() {
		close(s.done)
		b.mu.Lock()
		delete(b.subs, s)
		b.mu.Unlock()
	}()
	frame := []byte("retry: 3000\n: connected\n\n")
	for {
		if _, err := w.Write(frame); err != nil {
			return
		}
		w.(http.Flusher).Flush()
		select {
		case frame = <-s.ch:
		case <-r.Context().Done():
			return
		}
	}
}

// post takes {"event","user"?,"data"} or {"events":[…]} (1 to 1000) and answers 201 {"id"} or {"ids"}.
func (b *broadcaster) post(w http.ResponseWriter, r *http.Request) {
	var body struct {
		event
		Events []event
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 1<<20)).Decode(&body); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	events := body.Events
	if events == nil {
		events = []event{body.event}
	}
	if len(events) == 0 || len(events) > 1000 {
		http.Error(w, "events: 1 to 1000", http.StatusBadRequest)
		return
	}
	for i, e := range events {
		var data bytes.Buffer
		if e.Event == "" || e.Event == "reset" || strings.ContainsAny(e.Event, "\r\n") ||
			json.Compact(&data, e.Data) != nil || data.Bytes()[0] != '{' {
			http.Error(w, fmt.Sprintf("events[%d]: a type and a data object", i), http.StatusBadRequest)
			return
		}
		events[i].Data = data.Bytes()
	}
	var answer []byte
	if ids := b.publish(events); body.Events == nil {
		answer, _ = json.Marshal(map[string]string{"id": ids[0]})
	} else {
		answer, _ = json.Marshal(map[string][]string{"ids": ids})
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Content-Length", strconv.Itoa(len(answer))) // never chunked, however many ids
	w.WriteHeader(http.StatusCreated)
	w.Write(answer)
}

func main() {
	usersFile, port := "", "0"
	for i := 1; i+1 < len(os.Args); i++ {
		switch os.Args[i] {
		case "--users":
			usersFile = os.Args[i+1]
		case "--port":
			port = os.Args[i+1]
		}
	}
	var config struct {
		Users []struct {
			Name, Token string
			Admin       bool
		}
	}
	raw, err := os.ReadFile(usersFile)
	if err == nil {
		err = json.Unmarshal(raw, &config)
	}
	if err != nil {
		log.Fatal("--users: ", err)
	}
	names, admins := map[string]string{}, map[string]bool{}
	for _, u := range config.Users {
		names[u.Token], admins[u.Token] = u.Name, u.Admin
	}
	b := &broadcaster{subs: map[*subscriber]bool{}}
	http.HandleFunc("/api/v1/notifications/sse/stream/", func(w http.ResponseWriter, r *http.Request) {
		if name, ok := names[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")]; ok {
			b.stream(w, r, name)
		} else {
			http.Error(w, "unknown token", http.StatusUnauthorized)
		}
	})
	http.HandleFunc("/api/v1/events/", func(w http.ResponseWriter, r *http.Request) {
		if admins[strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")] && r.Method == http.MethodPost {
			b.post(w, r)
		} else {
			http.Error(w, "an admin's POST only", http.StatusForbidden)
		}
	})
	listener, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("listening on http://127.0.0.1:%d/\n", listener.Addr().(*net.TCPAddr).Port)
	log.Fatal(http.Serve(listener, nil))
}

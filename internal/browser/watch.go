package browser

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
)

// Watch collects what a page must not do: JavaScript exceptions, console
// errors, and requests or WebSocket connections to anything but its server.
type Watch struct {
	mu       sync.Mutex
	problems []string
}

func (w *Watch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

// Take returns the problems seen so far and forgets them.
func (w *Watch) Take() []string {
	time.Sleep(200 * time.Millisecond) // let the event goroutines catch up
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

// Seen reports whether a problem seen so far, not yet taken, contains text.
func (w *Watch) Seen(text string) bool {
	time.Sleep(200 * time.Millisecond) // let the event goroutines catch up
	w.mu.Lock()
	defer w.mu.Unlock()
	for _, p := range w.problems {
		if strings.Contains(p, text) {
			return true
		}
	}
	return false
}

// beforeUnloadNotice starts the message Chromium logs when a test leaves a
// notebook whose outputs changed after its last save (notebook 04's live
// explorer redraws after the browser step), and JupyterLab asks, through
// beforeunload, to confirm: a page without a user gesture may not ask. It is
// no JavaScript error.
const beforeUnloadNotice = "Blocked attempt to show a 'beforeunload' confirmation panel"

// WatchPage watches the page of ctx (Start); server is the address of the
// only server the page may connect to (http://127.0.0.1:PORT).
func WatchPage(ctx context.Context, server string) *Watch {
	w := &Watch{}
	console := chromedp.Console(ctx)
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	sockets := chromedp.Events(ctx, network.WebSocketCreated)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				if strings.HasPrefix(m.Text, beforeUnloadNotice) {
					continue
				}
				where := m.URL
				if where != "" {
					where = fmt.Sprintf(" (at %s:%d)", m.URL, m.Line+1)
				}
				w.add("JavaScript %s: %s%s", m.Type, m.Text, where)
			}
		}
	}()
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if ev.Request != nil && !SameServer(ev.Request.URL, server) {
				w.add("request to another server than the lab's: %s", ev.Request.URL)
			}
		}
	}()
	go func() {
		for ev, err := range sockets {
			if err != nil {
				return
			}
			if !SameServer(ev.URL, server) {
				w.add("WebSocket to another server than the lab's: %s", ev.URL)
			}
		}
	}()
	return w
}

// SameServer reports whether a page served by server may load or connect to
// u: server itself (http or ws, same host and port), or data, blob and about
// URLs.
func SameServer(u, server string) bool {
	parsed, err := url.Parse(u)
	if err != nil {
		return false
	}
	lab, err := url.Parse(server)
	if err != nil {
		return false
	}
	switch parsed.Scheme {
	case "data", "blob", "about":
		return true
	case "http", "ws":
		return parsed.Host == lab.Host
	}
	return false
}

package notebooktest_test

// Headless Chromium for the browser tests, and what the page must not do.

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/eif-notebooks/eif-notebooks/internal/browser"
)

// startBrowser starts headless Chromium at the test's viewport size
// (internal/browser). It stops at cleanup.
func startBrowser(t *testing.T, chrome string) context.Context {
	t.Helper()
	return browser.Start(t, chrome, viewportWidth, viewportHeight)
}

// pageWatch collects what the page must not do: JavaScript exceptions,
// console errors, errors of the browser log, and requests or WebSocket
// connections to anything but the lab server.
type pageWatch struct {
	mu       sync.Mutex
	problems []string
}

func (w *pageWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

// take returns the problems seen so far and forgets them.
func (w *pageWatch) take() []string {
	time.Sleep(200 * time.Millisecond) // let the event goroutines catch up
	w.mu.Lock()
	defer w.mu.Unlock()
	p := w.problems
	w.problems = nil
	return p
}

// watchPage watches the page of ctx; server is the lab server's address
// (http://127.0.0.1:PORT), the only one the page may connect to.
// beforeUnloadNotice starts the message Chromium logs when the test leaves a
// notebook whose outputs changed after its last save (notebook 04's live
// explorer redraws after the browser step), and JupyterLab asks, through
// beforeunload, to confirm: a page without a user gesture may not ask.
const beforeUnloadNotice = "Blocked attempt to show a 'beforeunload' confirmation panel"

func watchPage(ctx context.Context, server string) *pageWatch {
	w := &pageWatch{}
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
					continue // the browser's note on leaving a page with unsaved edits: no JavaScript error
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
			if ev.Request != nil && !labURL(ev.Request.URL, server) {
				w.add("request to another server than the lab's: %s", ev.Request.URL)
			}
		}
	}()
	go func() {
		for ev, err := range sockets {
			if err != nil {
				return
			}
			if !labURL(ev.URL, server) {
				w.add("WebSocket to another server than the lab's: %s", ev.URL)
			}
		}
	}()
	return w
}

// labURL reports whether the page may load or connect to u: the lab server
// (http or ws, same host and port), or data, blob and about URLs.
func labURL(u, server string) bool {
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

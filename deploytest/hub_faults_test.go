package deploytest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/hub"
)

// checkHubRestart: with s01's and s02's servers running and a kernel of
// s01's open, the hub's process stops (SIGTERM, as systemd stops it) and
// starts again. While it is down, the open kernel still runs cells through
// the proxy; after, the hub has both servers again (the same containers, not
// restarted), the kernel is the same (its execution count goes on), and a new
// websocket reaches it.
func checkHubRestart(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	tok, err := loginToken(ctx, h, "s02")
	if err != nil {
		t.Fatal(err)
	}
	f.tokens["s02"] = tok
	took, err := spawn(ctx, h, "s02", tok)
	if err != nil {
		t.Fatalf("s02's server: %v", err)
	}
	f.report["spawn_s02_s"] = round1(took.Seconds())

	k, err := h.StartKernel(ctx, "s01", f.tokens["s01"])
	if err != nil {
		t.Fatal(err)
	}
	defer k.Shutdown(ctx)
	first := mustRun(t, ctx, k, "%%\nfmt.Println(\"before the restart\")", "before the restart")
	containers := map[string]string{}
	for _, u := range []string{"s01", "s02"} {
		containers[u] = containerState(ctx, h, u)
	}

	var during hub.Result
	var duringErr error
	var apiDown int
	down := h.Restart(t, func() {
		apiDown = h.Status(ctx, "/hub/api/", "")
		during, duringErr = k.Execute(ctx, "%%\nfmt.Println(\"while the hub is down\")")
	})
	if apiDown == 200 {
		t.Errorf("the hub's API answered 200 while the hub was stopped: the test restarted nothing")
	}
	if duringErr != nil || !strings.Contains(during.Stdout, "while the hub is down") {
		t.Errorf("s01's open kernel while the hub was down: %v %+v, want the cell's output", duringErr, during)
	}
	f.report["hub_restart"] = map[string]any{"down_s": round1(down.Seconds())}
	t.Logf("the hub was down %.1f s", down.Seconds())

	for _, u := range []string{"s01", "s02"} {
		if !ready(ctx, h, u, f.tokens[u]) {
			t.Errorf("after the restart, the hub does not have %s's server ready", u)
		}
		if got := containerState(ctx, h, u); got != containers[u] {
			t.Errorf("%s's container after the restart: %q, want the same one, never restarted: %q", u, got, containers[u])
		}
		if code := h.Status(ctx, "/user/"+u+"/api/status", f.tokens[u]); code != 200 {
			t.Errorf("%s's server through the proxy after the restart: HTTP %d", u, code)
		}
	}
	after := mustRun(t, ctx, k, "%%\nfmt.Println(\"after the restart\")", "after the restart")
	if err := k.Connect(ctx); err != nil {
		t.Fatalf("a new websocket to s01's kernel after the restart: %v", err)
	}
	again := mustRun(t, ctx, k, "%%\nfmt.Println(\"on a new websocket\")", "on a new websocket")
	if after.Count != first.Count+2 || again.Count != first.Count+3 {
		t.Errorf("execution counts %d, %d, %d (with one cell while the hub was down): want the same kernel counting on", first.Count, after.Count, again.Count)
	}
}

// checkContainerKilled: s01 has saved a notebook and runs a long cell when
// their container is killed (docker kill). The cell's websocket closes; the
// next page says the server is not running; one action (the hub's "Start
// My Server", a POST of the server) starts a new one; the saved notebook is
// there byte for byte, and the course too.
func checkContainerKilled(t *testing.T, ctx context.Context, f *frontTest) {
	h, tok := f.h, f.tokens["s01"]
	marker := "saved before the kill " + fmt.Sprint(time.Now().UnixNano())
	saved := savedNotebook(marker)
	if code := h.Put(ctx, "/user/s01/api/contents/saved.ipynb", tok, map[string]any{"type": "notebook", "format": "json", "content": saved}); code != 200 && code != 201 {
		t.Fatalf("s01 could not save saved.ipynb: HTTP %d", code)
	}
	_, before := h.Do(ctx, "GET", "/user/s01/files/saved.ipynb", tok, nil)
	old := containerState(ctx, h, "s01")

	k, err := h.StartKernel(ctx, "s01", tok)
	if err != nil {
		t.Fatal(err)
	}
	mustRun(t, ctx, k, "%%\nfmt.Println(\"ready\")", "ready")
	cell := make(chan error, 1)
	go func() {
		_, err := k.Execute(ctx, "%%\ntime.Sleep(5 * time.Minute)")
		cell <- err
	}()
	time.Sleep(3 * time.Second)
	if _, err := docker.Run(ctx, "kill", h.Prefix+"-s01"); err != nil {
		t.Fatal(err)
	}
	killed := time.Now()
	select {
	case err := <-cell:
		if err == nil {
			t.Errorf("the long cell finished in spite of the kill")
		}
	case <-time.After(time.Minute):
		t.Errorf("the long cell's websocket stayed open a minute after its server was killed")
	}
	k.Close()

	// The student's next page: JupyterLab reloaded.
	b := newBrowser(h)
	if code, msg, _ := b.login(ctx, "s01", h.Password); code != 302 {
		t.Fatalf("s01's login: HTTP %d %q", code, msg)
	}
	code, page, _ := b.follow(ctx, "/user/s01/lab")
	said := pageText(regexp.MustCompile(`(?s)<div[^>]*class="[^"]*container[^"]*"[^>]*>(.*)</div>`), page)
	if (code != 424 && code != 503) || !regexp.MustCompile(`not running|appears to be down`).MatchString(page) {
		t.Errorf("s01's JupyterLab after the kill: HTTP %d %.300q, want 424 or 503 saying the server is not running", code, said)
	}
	f.report["killed_page"] = map[string]any{"status": code, "after_s": round1(time.Since(killed).Seconds())}

	// One action: the hub's Start My Server.
	start := time.Now()
	if code, body := h.Do(ctx, "POST", "/hub/api/users/s01/server", tok, nil); code != 201 && code != 202 {
		t.Fatalf("starting s01's server again: HTTP %d %s", code, body)
	}
	if !waitReady(ctx, h, "s01", tok, 5*time.Minute) {
		t.Fatalf("s01's server did not come back within 5 minutes")
	}
	f.report["killed_restart_s"] = round1(time.Since(start).Seconds())
	if now := containerState(ctx, h, "s01"); now == old {
		t.Errorf("s01's server came back in the killed container %q", now)
	}
	if code, after := h.Do(ctx, "GET", "/user/s01/files/saved.ipynb", tok, nil); code != 200 || string(after) != string(before) {
		t.Errorf("saved.ipynb after the kill: HTTP %d, %d bytes, want the %d bytes saved before", code, len(after), len(before))
	}
	if code := h.Status(ctx, "/user/s01/api/contents/eif-notebooks/notebooks/01-part-a-no-current.ipynb", tok); code != 200 {
		t.Errorf("the course in s01's home after the kill: HTTP %d", code)
	}
}

// checkOutOfMemory: a cell of s01's allocates past the 2 GB limit of their
// container. The cell fails with a message that says so (Go's "fatal error:
// out of memory", as the hub limits each process's data below the container's
// limit); the kernel runs the next cell; s01's server and s02's kernel carry on.
func checkOutOfMemory(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	k, err := h.StartKernel(ctx, "s01", f.tokens["s01"])
	if err != nil {
		t.Fatal(err)
	}
	defer k.Shutdown(ctx)
	other, err := h.StartKernel(ctx, "s02", f.tokens["s02"])
	if err != nil {
		t.Fatal(err)
	}
	defer other.Shutdown(ctx)
	mustRun(t, ctx, k, "%%\nfmt.Println(\"ready\")", "ready")
	mustRun(t, ctx, other, "%%\nfmt.Println(\"ready\")", "ready")
	old := containerState(ctx, h, "s01")

	var wg sync.WaitGroup
	var meanwhile hub.Result
	var meanErr error
	wg.Add(1)
	go func() { // s02 works while s01's cell eats memory
		defer wg.Done()
		meanwhile, meanErr = other.Execute(ctx, "%%\nfmt.Println(\"s02 carries on\")")
	}()
	start := time.Now()
	res, err := k.Execute(ctx, `%%
var hog [][]byte
for {
	b := make([]byte, 64<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	hog = append(hog, b)
}`)
	took := time.Since(start)
	wg.Wait()
	if err != nil {
		t.Fatalf("the memory-hungry cell: %v (the kernel's websocket closed)", err)
	}
	msg := res.Error + "\n" + res.Stderr
	said := regexp.MustCompile(`(?m)^.*(fatal error|out of memory|signal: killed).*$`).FindString(msg)
	f.report["out_of_memory"] = map[string]any{"message": said, "error": res.Error, "took_s": round1(took.Seconds())}
	t.Logf("the cell past the memory limit failed after %.1f s with %q; its output begins:\n%s", took.Seconds(), res.Error, firstLines(res.Stderr, 4))
	if res.Error == "" || !regexp.MustCompile(`(?i)memory`).MatchString(msg) {
		t.Errorf("the cell past the memory limit: error %q, stderr %q; want an error that speaks of memory", res.Error, lastLines(res.Stderr, 6))
	}
	mustRun(t, ctx, k, "%%\nfmt.Println(\"next cell\")", "next cell")
	if meanErr != nil || !strings.Contains(meanwhile.Stdout, "s02 carries on") {
		t.Errorf("s02's cell meanwhile: %v %+v", meanErr, meanwhile)
	}
	if now := containerState(ctx, h, "s01"); now != old {
		t.Errorf("s01's container after the cell: %q, want the same, still running: %q", now, old)
	}
	if code := h.Status(ctx, "/user/s01/api/status", f.tokens["s01"]); code != 200 {
		t.Errorf("s01's server after the cell: HTTP %d", code)
	}
}

// checkHomeFull: s02's home (a 300 MB volume) fills up with a program's
// output. Saving a notebook then fails with a message JupyterLab shows, and
// the version saved before is kept whole; s01 saves meanwhile; s02 deletes
// the big file from JupyterLab (the contents API), and saving works again.
func checkHomeFull(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	tok := f.tokens["s02"]
	put := func(user, token, marker string) (int, string) {
		code, body := h.Do(ctx, "PUT", "/user/"+user+"/api/contents/work.ipynb", token,
			map[string]any{"type": "notebook", "format": "json", "content": savedNotebook(marker)})
		var e struct{ Message string }
		_ = json.Unmarshal(body, &e)
		return code, e.Message
	}
	if code, msg := put("s02", tok, "version 1"); code != 200 && code != 201 {
		t.Fatalf("s02's first save: HTTP %d %s", code, msg)
	}
	_, v1 := h.Do(ctx, "GET", "/user/s02/files/work.ipynb", tok, nil)
	out, _ := docker.Run(ctx, "exec", "-u", "1000", h.Prefix+"-s02", "sh", "-c",
		`dd if=/dev/zero of="$HOME/big-output.dat" bs=1M 2>&1; df -k "$HOME" | tail -n 1`)
	t.Logf("s02's home filled:\n%s", out)
	if !strings.Contains(out, "No space left on device") {
		t.Fatalf("s02's home did not fill up: %s", out)
	}
	report := map[string]any{}
	f.report["home_full"] = report
	code, msg := put("s02", tok, "version 2")
	report["save"] = fmt.Sprintf("HTTP %d: %s", code, msg)
	if code < 400 || !regexp.MustCompile(`No space left on device|disk is full`).MatchString(msg) {
		t.Errorf("saving in a full home: HTTP %d %q, want an error that says the disk is full", code, msg)
	}
	if code, raw := h.Do(ctx, "GET", "/user/s02/files/work.ipynb", tok, nil); code != 200 || string(raw) != string(v1) {
		t.Errorf("after the failed save, work.ipynb: HTTP %d, %d bytes, want version 1 whole (%d bytes)", code, len(raw), len(v1))
	}
	code, body := h.Do(ctx, "GET", "/user/s02/api/contents/work.ipynb", tok, nil)
	report["open"] = fmt.Sprintf("HTTP %d: %.120s", code, body)
	t.Logf("opening a notebook in the full home: HTTP %d %.200s", code, body)
	if code, msg := put("s01", f.tokens["s01"], "s01 saves meanwhile"); code != 200 && code != 201 {
		t.Errorf("s01's save while s02's home is full: HTTP %d %s", code, msg)
	}
	if code := h.Status(ctx, "/user/s02/api/status", tok); code != 200 {
		t.Errorf("s02's server with a full home: HTTP %d", code)
	}
	code, body = h.Do(ctx, "DELETE", "/user/s02/api/contents/big-output.dat", tok, nil)
	report["delete"] = fmt.Sprintf("HTTP %d: %.120s", code, body)
	if code != 204 {
		t.Errorf("s02 deleting big-output.dat in the full home: HTTP %d %.300s, want 204", code, body)
	}
	if code, msg := put("s02", tok, "version 3"); code != 200 && code != 201 {
		t.Errorf("s02's save once space is freed: HTTP %d %s", code, msg)
	}
}

// --- helpers

// loginToken logs user in with a browser and asks for an API token.
func loginToken(ctx context.Context, h *hub.Hub, user string) (string, error) {
	b := newBrowser(h)
	if code, msg, _ := b.login(ctx, user, h.Password); code != 302 {
		return "", fmt.Errorf("%s's login: HTTP %d %q", user, code, msg)
	}
	return b.token(ctx, user)
}

// spawn starts user's server through the hub's API and waits until it is ready.
func spawn(ctx context.Context, h *hub.Hub, user, token string) (time.Duration, error) {
	start := time.Now()
	if code, body := h.Do(ctx, "POST", "/hub/api/users/"+user+"/server", token, nil); code != 201 && code != 202 {
		return 0, fmt.Errorf("POST of %s's server: HTTP %d %s", user, code, body)
	}
	if !waitReady(ctx, h, user, token, 5*time.Minute) {
		return 0, fmt.Errorf("%s's server was not ready within 5 minutes", user)
	}
	return time.Since(start), nil
}

// ready reports whether the hub says user's server is ready.
func ready(ctx context.Context, h *hub.Hub, user, token string) bool {
	_, body := h.Do(ctx, "GET", "/hub/api/users/"+user, token, nil)
	var u struct {
		Servers map[string]struct {
			Ready bool `json:"ready"`
		} `json:"servers"`
	}
	return json.Unmarshal(body, &u) == nil && u.Servers[""].Ready
}

func waitReady(ctx context.Context, h *hub.Hub, user, token string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && ctx.Err() == nil {
		if ready(ctx, h, user, token) {
			return true
		}
		time.Sleep(time.Second)
	}
	return false
}

// containerState is the id and start time of user's container.
func containerState(ctx context.Context, h *hub.Hub, user string) string {
	out, err := docker.Run(ctx, "inspect", "-f", "{{.Id}} {{.State.StartedAt}} {{.State.Status}}", h.Prefix+"-"+user)
	if err != nil {
		return "none: " + err.Error()
	}
	return out
}

// mustRun runs a cell that must print want.
func mustRun(t *testing.T, ctx context.Context, k *hub.Kernel, code, want string) hub.Result {
	t.Helper()
	cctx, cancel := context.WithTimeout(ctx, 5*time.Minute)
	defer cancel()
	r, err := k.Execute(cctx, code)
	if err != nil || r.Error != "" || !strings.Contains(r.Stdout, want) {
		t.Fatalf("%s's cell %q: %v, error %q, stdout %q, stderr %q", k.User, code, err, r.Error, r.Stdout, lastLines(r.Stderr, 5))
	}
	return r
}

// savedNotebook is a notebook of one Markdown cell holding marker.
func savedNotebook(marker string) map[string]any {
	return map[string]any{"nbformat": 4, "nbformat_minor": 5, "metadata": map[string]any{},
		"cells": []any{map[string]any{"cell_type": "markdown", "id": "note", "metadata": map[string]any{}, "source": marker}}}
}

func firstLines(s string, n int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

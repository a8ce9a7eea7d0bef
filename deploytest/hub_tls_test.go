package deploytest_test

import (
	"context"
	"crypto/tls"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/hub"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// checkHTTPS: nginx serves the hub over HTTPS only. Plain HTTP answers a
// redirect to the same page over HTTPS and nothing else; HTTPS answers with
// HSTS; TLS below 1.2 is refused; the hub's own port is on loopback only.
func checkHTTPS(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	req, _ := http.NewRequestWithContext(ctx, "GET", h.HTTPURL+"/hub/login?next=%2Fhub%2Fhome", nil)
	resp, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatalf("plain HTTP: %v", err)
	}
	resp.Body.Close()
	if want := h.URL + "/hub/login?next=%2Fhub%2Fhome"; resp.StatusCode != http.StatusMovedPermanently || resp.Header.Get("Location") != want {
		t.Errorf("plain HTTP /hub/login: HTTP %d to %q; want 301 to %s", resp.StatusCode, resp.Header.Get("Location"), want)
	}
	if len(resp.Cookies()) > 0 || resp.Header.Get("Strict-Transport-Security") != "" {
		t.Errorf("plain HTTP answered cookies %v or HSTS %q: it should only redirect", resp.Cookies(), resp.Header.Get("Strict-Transport-Security"))
	}

	b := newBrowser(h)
	code, body := b.get(ctx, "/hub/login")
	if code != 200 || !strings.Contains(body, "Sign up") {
		t.Errorf("HTTPS /hub/login: HTTP %d, want 200 and NativeAuthenticator's login page with its sign-up link", code)
	}
	if got := b.hsts["/hub/login"]; !strings.HasPrefix(got, "max-age=") || maxAge(got) < 180*24*3600 {
		t.Errorf("HTTPS /hub/login: Strict-Transport-Security %q, want max-age of at least half a year", got)
	}

	// TLS 1.1 is refused; 1.2 works.
	host := strings.TrimPrefix(h.URL, "https://")
	for _, v := range []struct {
		version uint16
		ok      bool
	}{{tls.VersionTLS11, false}, {tls.VersionTLS12, true}} {
		conn, err := tls.DialWithDialer(&net.Dialer{Timeout: 10 * time.Second}, "tcp", host,
			&tls.Config{MinVersion: v.version, MaxVersion: v.version, InsecureSkipVerify: true}) //nolint:gosec // only the version is under test
		if err == nil {
			conn.Close()
		}
		if (err == nil) != v.ok {
			t.Errorf("TLS version %x: handshake error %v, want accepted %v", v.version, err, v.ok)
		}
	}
	f.report["hsts"] = b.hsts["/hub/login"]
}

// maxAge reads max-age=N of an HSTS header (0 if absent).
func maxAge(hsts string) int {
	for _, part := range strings.Split(hsts, ";") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(part), "max-age="); ok {
			n := 0
			for _, c := range v {
				if c < '0' || c > '9' {
					return 0
				}
				n = n*10 + int(c-'0')
			}
			return n
		}
	}
	return 0
}

// checkNotebookOverHTTPS: s01 (signed up and approved) logs in, starts their
// server, pulls the course and runs notebook 01 through HTTPS and the kernel's
// WSS (deploy/hub/student.py trusting the test's authority); then a browser
// opens the server's JupyterLab, and every cookie set along the way is
// Secure, the sessions' also HttpOnly, and the server's pages carry HSTS.
func checkNotebookOverHTTPS(t *testing.T, ctx context.Context, f *frontTest) {
	h := f.h
	const name = "01-part-a-no-current.ipynb"
	out := t.TempDir()
	start := time.Now()
	s := hub.RunStudentN(ctx, f.venv, h, "s01", "notebooks/"+name, out, 1)
	if s.Err != "" {
		t.Fatalf("s01 over HTTPS: %s", s.Err)
	}
	f.tokens["s01"] = s.Token
	f.report["https_notebook01"] = map[string]any{"spawn_s": round1(s.SpawnS), "pull_s": round1(s.PullS),
		"run_s": round1(s.Runs[0].ToLastOutputS), "total_s": round1(time.Since(start).Seconds())}
	nb, err := notebooks.Read(filepath.Join(s.Runs[0].Notebook))
	if err != nil {
		t.Fatal(err)
	}
	notebooktest.CheckExecuted(t, name, nb)

	b := newBrowser(h)
	if code, msg, _ := b.login(ctx, "s01", h.Password); code != 302 {
		t.Fatalf("s01's login: HTTP %d %q", code, msg)
	}
	if code, _, last := b.follow(ctx, "/user/s01/lab"); code != 200 || !strings.HasPrefix(last, h.URL+"/user/s01/lab") {
		t.Fatalf("s01's JupyterLab: HTTP %d at %s, want 200 at /user/s01/lab", code, last)
	}
	if got := b.hsts["/user/s01/lab"]; maxAge(got) < 180*24*3600 {
		t.Errorf("the server's /user/s01/lab: Strict-Transport-Security %q, want it as on the hub's pages", got)
	}
	session := map[string]bool{"jupyterhub-hub-login": true, "jupyterhub-session-id": true, "jupyterhub-user-s01": true}
	seen := map[string]bool{}
	for _, c := range b.cookies {
		if c.MaxAge < 0 || c.Value == "" {
			continue // a cookie being cleared
		}
		seen[c.Name] = true
		if !c.Secure {
			t.Errorf("cookie %s (path %s) is not Secure", c.Name, c.Path)
		}
		if session[c.Name] && !c.HttpOnly {
			t.Errorf("session cookie %s is not HttpOnly", c.Name)
		}
	}
	for name := range session {
		if !seen[name] {
			t.Errorf("no cookie %s was set: the check of its attributes did not happen (cookies seen: %v)", name, seen)
		}
	}
	var names []string
	for n := range seen {
		names = append(names, n)
	}
	f.report["cookies"] = names
}

package deploytest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/hub"
)

// TestHubFront starts the class hub once as a class meets it on a network, and
// runs its checks on it in order (each in the file named):
//
//   - hub_tls_test.go: HTTPS through nginx (deploy/hub/nginx-site.sh) with a
//     certificate made for 127.0.0.1: plain HTTP redirected, HSTS, TLS 1.2 at
//     least; then a notebook run over HTTPS and WSS, and the cookies of the
//     hub and of a server, all Secure, the sessions' HttpOnly;
//   - hub_signup_test.go: NativeAuthenticator's sign-up (weak and common
//     passwords refused), a login before approval told why, the teacher's
//     approval from /hub/authorize, the admin pages 403 to a student, and
//     the wait after failed logins;
//   - hub_load_test.go: 30 students log in within 10 s (p50, p95, the hub's
//     CPU and memory);
//   - hub_faults_test.go: the hub restarted while servers run, a student's
//     container killed mid-run, a kernel past the memory limit, a full home.
//
// The proxy runs on its own (deploy/hub/proxy.sh, EIF_PROXY=external), as a
// class's hub should, so that the hub can restart under the servers.
func TestHubFront(t *testing.T) {
	img := docker.RequireImage(t)
	venv := hub.Venv(t)
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()
	work := t.TempDir()
	course := filepath.Join(work, "course.git")
	publishCourse(t, course)

	h := hub.StartWith(t, ctx, venv, img, work, course, hub.Options{Native: true, TLS: true, External: true,
		Env: []string{fmt.Sprintf("EIF_LOGIN_ATTEMPTS=%d", lockAttempts), fmt.Sprintf("EIF_LOGIN_WAIT=%d", lockWait)}})
	f := &frontTest{h: h, venv: venv, work: work, tokens: map[string]string{}, report: map[string]any{
		"cores": runtime.NumCPU(), "login_attempts": lockAttempts, "login_wait_s": lockWait}}
	// s02's home: a small volume of its own (tmpfs, 300 MB), made before its
	// first start as DockerSpawner would make it, to fill up in "home-full".
	if _, err := docker.Run(ctx, "volume", "create", "--driver", "local", "--opt", "type=tmpfs", "--opt", "device=tmpfs",
		"--opt", "o=size=300m,uid=1000,gid=1000,mode=0700", h.Prefix+"-home-s02"); err != nil {
		t.Fatal(err)
	}

	steps := []struct {
		name string
		run  func(*testing.T, context.Context, *frontTest)
		must bool // the later steps need it
	}{
		{"https", checkHTTPS, false},
		{"signup", checkSignup, true},
		{"lockout", checkLockout, false},
		{"logins-under-load", checkLoginLoad, false},
		{"notebook-over-https", checkNotebookOverHTTPS, true},
		{"hub-restart", checkHubRestart, true},
		{"container-killed", checkContainerKilled, true},
		{"out-of-memory", checkOutOfMemory, false},
		{"home-full", checkHomeFull, false},
	}
	for _, s := range steps {
		start := time.Now()
		ok := t.Run(s.name, func(t *testing.T) { s.run(t, ctx, f) })
		f.report["step_s."+s.name] = round1(time.Since(start).Seconds())
		if !ok && s.must {
			t.Fatalf("%s failed: the steps after it need it", s.name)
		}
	}
	b, _ := json.MarshalIndent(f.report, "", "  ")
	out := filepath.Join(repoRoot, "out", "test", "hub-front")
	_ = os.MkdirAll(out, 0o755)
	_ = os.WriteFile(filepath.Join(out, "summary.json"), b, 0o644)
	t.Logf("summary (%s):\n%s", filepath.Join(out, "summary.json"), b)
}

// The lockout of the test's hub: 3 wrong passwords, then 6 s of wait (the
// defaults, 5 and 300 s, are documented in docs/classroom.md).
const (
	lockAttempts = 3
	lockWait     = 6
)

// frontTest is what TestHubFront's steps share: the hub, the teacher's
// browser, the students' API tokens, the figures for the summary.
type frontTest struct {
	h       *hub.Hub
	venv    string
	work    string
	teacher *browser
	tokens  map[string]string // user: API token
	report  map[string]any
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }
func round2(x float64) float64 { return math.Round(x*100) / 100 }

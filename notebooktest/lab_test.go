package notebooktest_test

import (
	"bytes"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/jupyterlab"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// TestMakeLab starts the real `make lab` and checks what guards the notebook server:
//   - the token is on no process's command line, and the file that passes it is private
//     and removed when the server stops;
//   - the API refuses requests without the token and answers with it;
//   - only the Go kernel starts: POST /api/kernels {"name": "python3"} fails with 403;
//   - an empty LAB_TOKEN is refused before anything starts;
//   - LAB_NO_AUTH=1 runs without a token, and says so;
//   - LAB_LANG=fr opens notebooks/fr with French as JupyterLab's default language, and the
//     French language pack is served; another LAB_LANG is refused, naming the editions.
func TestMakeLab(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not starting JupyterLab")
	}
	requireVenv(t)
	if _, err := exec.LookPath("make"); err != nil {
		skipOrFail(t, "no make: %v", err)
	}

	t.Run("empty token refused", func(t *testing.T) {
		port := testenv.FreePort(t)
		out, err := makeCommand("lab", fmt.Sprintf("LAB_PORT=%d", port), "LAB_TOKEN=").CombinedOutput()
		if err == nil {
			t.Fatalf("make lab LAB_TOKEN= succeeded:\n%s", out)
		}
		if !strings.Contains(string(out), "LAB_TOKEN is empty") || !strings.Contains(string(out), "LAB_NO_AUTH=1") {
			t.Errorf("make lab LAB_TOKEN= did not say why it stopped and what to do:\n%s", out)
		}
		if code, err := (&jupyterlab.Server{Base: fmt.Sprintf("http://127.0.0.1:%d", port)}).API("GET", "/api/status", nil); err == nil {
			t.Errorf("a server answers on port %d (HTTP %d) after make lab LAB_TOKEN=", port, code)
		}
	})

	t.Run("random token", func(t *testing.T) {
		before := tokenFiles(t) // those of a `make lab` someone runs in this checkout
		lab, out := startMakeLab(t)
		if lab.Token == "" {
			t.Fatalf("make lab printed no address with a token:\n%s", out())
		}
		if code, _ := (&jupyterlab.Server{Base: lab.Base}).API("GET", "/api/status", nil); code != http.StatusForbidden {
			t.Errorf("GET /api/status without the token: HTTP %d, want 403", code)
		}
		if code, _ := (&jupyterlab.Server{Base: lab.Base, Token: "wrong"}).API("GET", "/api/status", nil); code != http.StatusForbidden {
			t.Errorf("GET /api/status with a wrong token: HTTP %d, want 403", code)
		}
		if code, err := lab.API("GET", "/api/status", nil); code != http.StatusOK {
			t.Errorf("GET /api/status with the token: HTTP %d (%v), want 200", code, err)
		}
		for _, pid := range processesWith(t, lab.Token) {
			t.Errorf("the token is on the command line of process %s", pid)
		}
		files := newFiles(tokenFiles(t), before)
		if len(files) != 1 {
			t.Errorf("%d token file(s) in the runtime folder, want 1: %v", len(files), files)
		}
		for _, f := range files {
			if st, err := os.Stat(f); err == nil && st.Mode().Perm()&0o077 != 0 {
				t.Errorf("token file %s has mode %v: others can read it", f, st.Mode().Perm())
			}
		}
		if st, err := os.Stat(filepath.Join(repoRoot, ".venv", "share", "jupyter", "runtime")); err == nil && st.Mode().Perm()&0o077 != 0 {
			t.Errorf("the Jupyter runtime folder has mode %v: others can read the server files there", st.Mode().Perm())
		}

		// Only the Go kernel starts.
		var refused struct{ Message string }
		code, _ := lab.Post("/api/kernels", `{"name": "python3"}`, &refused)
		if code != http.StatusForbidden {
			t.Errorf(`POST /api/kernels {"name": "python3"}: HTTP %d, want 403`, code)
		} else {
			t.Logf("python3 kernel refused: %s", refused.Message)
		}
		var started struct{ ID, Name string }
		if code, err := lab.Post("/api/kernels", `{"name": "gonb"}`, &started); code != http.StatusCreated || started.Name != "gonb" {
			t.Errorf(`POST /api/kernels {"name": "gonb"}: HTTP %d %+v (%v), want 201 and a gonb kernel`, code, started, err)
		}
		var kernels []struct{ Name string }
		if _, err := lab.API("GET", "/api/kernels", &kernels); err != nil {
			t.Error(err)
		}
		for _, k := range kernels {
			if k.Name != "gonb" {
				t.Errorf("a %q kernel runs", k.Name)
			}
		}
		var specs struct {
			Kernelspecs map[string]any `json:"kernelspecs"`
		}
		if _, err := lab.API("GET", "/api/kernelspecs", &specs); err != nil || len(specs.Kernelspecs) != 1 || specs.Kernelspecs["gonb"] == nil {
			t.Errorf("GET /api/kernelspecs lists %v (%v), want gonb only", specs.Kernelspecs, err)
		}
		lab.stop()
		if files := newFiles(tokenFiles(t), before); len(files) > 0 {
			t.Errorf("token file(s) left after the server stopped: %v", files)
		}
	})

	t.Run("LAB_LANG=fr", func(t *testing.T) {
		out, err := makeCommand("lab", fmt.Sprintf("LAB_PORT=%d", testenv.FreePort(t)), "LAB_LANG=de").CombinedOutput()
		if err == nil || !strings.Contains(string(out), "the editions are en") {
			t.Errorf("make lab LAB_LANG=de did not stop naming the editions (%v):\n%s", err, out)
		}
		lab, out2 := startMakeLab(t, "LAB_LANG=fr")
		if !strings.Contains(out2(), "/lab/tree/fr?token=") {
			t.Errorf("make lab LAB_LANG=fr does not open notebooks/fr:\n%s", out2())
		}
		var plugin struct { // an override sets the schema's default
			Schema struct {
				Properties struct {
					Locale struct{ Default string }
				}
			}
		}
		if code, err := lab.API("GET", "/lab/api/settings/@jupyterlab/translation-extension:plugin", &plugin); code != http.StatusOK || plugin.Schema.Properties.Locale.Default != "fr_FR" {
			t.Errorf("LAB_LANG=fr: the default language is %q (HTTP %d, %v), want fr_FR", plugin.Schema.Properties.Locale.Default, code, err)
		}
		var pack struct {
			Data map[string]any `json:"data"`
		}
		if code, err := lab.API("GET", "/lab/api/translations/fr_FR", &pack); code != http.StatusOK || len(pack.Data) == 0 {
			t.Errorf("GET /lab/api/translations/fr_FR: HTTP %d, %d domains (%v), want the French language pack", code, len(pack.Data), err)
		}
	})

	t.Run("LAB_NO_AUTH=1", func(t *testing.T) {
		lab, out := startMakeLab(t, "LAB_NO_AUTH=1")
		if !strings.Contains(out(), "WITHOUT authentication") {
			t.Errorf("make lab LAB_NO_AUTH=1 printed no warning:\n%s", out())
		}
		if code, err := (&jupyterlab.Server{Base: lab.Base}).API("GET", "/api/status", nil); code != http.StatusOK {
			t.Errorf("LAB_NO_AUTH=1: GET /api/status without a token: HTTP %d (%v), want 200", code, err)
		}
	})
}

// makeCommand is `make ARGS...` in the repository root, without the flags of a make
// that runs this test.
func makeCommand(args ...string) *exec.Cmd {
	cmd := exec.Command("make", append([]string{"--no-print-directory"}, args...)...)
	cmd.Dir = repoRoot
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); k != "MAKEFLAGS" && k != "MAKELEVEL" && k != "MFLAGS" && !strings.HasPrefix(k, "LAB_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	return cmd
}

// runningLab is a `make lab` started by a test.
type runningLab struct {
	*jupyterlab.Server
	stop func() // stops it (also at cleanup) and waits until it has exited
}

var labAddress = regexp.MustCompile(`JupyterLab: (http://127\.0\.0\.1:\d+)/lab(?:/tree/fr)?(?:\?token=([0-9a-f]+))?`)

// startMakeLab runs `make lab` on a free port with the extra make arguments, waits until
// the server answers, and returns it with a function giving make's output so far.
func startMakeLab(t *testing.T, args ...string) (runningLab, func() string) {
	t.Helper()
	var mu sync.Mutex
	var buf bytes.Buffer
	out := func() string { mu.Lock(); defer mu.Unlock(); return buf.String() }
	cmd := makeCommand(append([]string{"lab", fmt.Sprintf("LAB_PORT=%d", testenv.FreePort(t))}, args...)...)
	w := lockedWriter{&mu, &buf}
	cmd.Stdout, cmd.Stderr = w, w
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { _ = cmd.Wait(); close(exited) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM) // make, the script and the server
			select {
			case <-exited:
			case <-time.After(30 * time.Second):
				_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
				<-exited
			}
		})
	}
	t.Cleanup(stop)

	deadline := time.Now().Add(jupyterlab.StartTimeout)
	for {
		if m := labAddress.FindStringSubmatch(out()); m != nil {
			lab := &jupyterlab.Server{Base: m[1], Token: m[2]}
			if code, _ := lab.API("GET", "/api/status", nil); code == http.StatusOK {
				return runningLab{lab, stop}, out
			}
		}
		select {
		case <-exited:
			t.Fatalf("make lab exited:\n%s", out())
		default:
		}
		if time.Now().After(deadline) {
			t.Fatalf("make lab did not answer within %v:\n%s", jupyterlab.StartTimeout, out())
		}
		time.Sleep(300 * time.Millisecond)
	}
}

type lockedWriter struct {
	mu  *sync.Mutex
	buf *bytes.Buffer
}

func (w lockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.Write(p)
}

// processesWith lists the processes of this machine whose command line contains s.
func processesWith(t *testing.T, s string) []string {
	t.Helper()
	paths, _ := filepath.Glob("/proc/[0-9]*/cmdline")
	if len(paths) == 0 {
		t.Fatal("no /proc/*/cmdline: cannot look at command lines here")
	}
	var pids []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err == nil && bytes.Contains(b, []byte(s)) {
			pids = append(pids, filepath.Base(filepath.Dir(p))+": "+strings.ReplaceAll(string(b), "\x00", " "))
		}
	}
	return pids
}

// newFiles returns the files of after that are not in before.
func newFiles(after, before []string) []string {
	var out []string
	for _, f := range after {
		if !slices.Contains(before, f) {
			out = append(out, f)
		}
	}
	return out
}

// tokenFiles lists the token files of scripts/lab.sh in the venv's Jupyter runtime folder.
func tokenFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(repoRoot, ".venv", "share", "jupyter", "runtime", "lab-token.*"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// Package jupyterlab starts a real JupyterLab for the project's browser tests and
// speaks to its REST API: from the venv (`make setup`), on a free loopback
// port, with a token passed by the environment, the project's settings
// (scripts/lab_config.py: no request to other hosts, only the Go kernel), and
// temporary data and config folders, so that notebook signatures, workspaces
// and settings of one test do not leak into the next.
package jupyterlab

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// StartTimeout bounds how long a JupyterLab may take to answer.
const StartTimeout = 90 * time.Second

// Server is a Jupyter server: its address and token ("" for none).
type Server struct {
	Base  string // http://127.0.0.1:PORT
	Token string
}

// Start starts JupyterLab from the venv v on a free loopback port, serving
// root, its log written to logPath. Its data and config folders are
// temporary; kernels come from the venv; every cell is rendered (no virtual
// scrolling), so every chart is in the page. It stops, with its kernels, at
// the end of the test.
func Start(t testing.TB, v testenv.Venv, root, logPath string) *Server {
	t.Helper()
	port := testenv.FreePort(t)
	token := testenv.RandomHex(16)
	dataDir, configDir := t.TempDir(), t.TempDir()
	// The project's settings (jupyter/overrides.json, in the venv) turn the
	// news prompt off and start the kernel without asking.
	WriteSetting(t, configDir, "@jupyterlab/notebook-extension", "tracker", `{"windowingMode": "none"}`)

	logFile, err := os.Create(logPath)
	if err != nil {
		t.Fatal(err)
	}
	args := []string{
		"--no-browser", "--expose-app-in-browser", "--JupyterNotebookApp.expose_app_in_browser=True",
		"--ServerApp.ip=127.0.0.1",
		fmt.Sprintf("--ServerApp.port=%d", port),
		"--ServerApp.port_retries=0",
		"--ServerApp.root_dir=" + root,
		// As `make lab`: no request to other hosts, only the Go kernel.
		"--config=" + filepath.Join(testenv.RepoRoot(), "scripts", "lab_config.py"),
	}
	if os.Geteuid() == 0 {
		args = append(args, "--allow-root") // CI runs as root
	}
	cmd := exec.Command(filepath.Join(v.Bin, "jupyter-lab"), args...)
	cmd.Dir = root
	// The token goes by the environment, as `make lab` does: not on the command line,
	// where other users of the machine would see it.
	cmd.Env = append(v.JupyterEnv(dataDir, configDir), "JUPYTER_TOKEN="+token)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logFile.Close() }()

	lab := &Server{Base: fmt.Sprintf("http://127.0.0.1:%d", port), Token: token}
	t.Cleanup(func() {
		lab.ShutdownKernels()
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	})

	deadline := time.Now().Add(StartTimeout)
	for {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("JupyterLab exited at start (%v); see %s", err, logPath)
		default:
		}
		if code, _ := lab.API("GET", "/api/status", nil); code == http.StatusOK {
			return lab
		}
		if time.Now().After(deadline) {
			t.Fatalf("JupyterLab did not answer on %s within %v; see %s", lab.Base, StartTimeout, logPath)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// WriteSetting writes the user setting of plugin of extension (JSON body)
// into the Jupyter config folder configDir.
func WriteSetting(t testing.TB, configDir, extension, plugin, body string) {
	t.Helper()
	dir := filepath.Join(configDir, "lab", "user-settings", extension)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, plugin+".jupyterlab-settings"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// API calls the server's REST API and decodes a JSON answer into out.
func (l *Server) API(method, path string, out any) (int, error) {
	return l.Request(method, path, nil, out)
}

// Post posts the JSON body to the server's REST API and decodes a JSON answer into out.
func (l *Server) Post(path, body string, out any) (int, error) {
	return l.Request("POST", path, strings.NewReader(body), out)
}

// Request sends body (nil: none) to the server's REST API, with the token
// if there is one, and decodes a JSON answer into out.
func (l *Server) Request(method, path string, body io.Reader, out any) (int, error) {
	req, err := http.NewRequest(method, l.Base+path, body)
	if err != nil {
		return 0, err
	}
	if l.Token != "" {
		req.Header.Set("Authorization", "token "+l.Token)
	}
	client := http.Client{Timeout: 10 * time.Second}
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if out != nil {
		err = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode, err
}

// ShutdownKernels stops every kernel of the server.
func (l *Server) ShutdownKernels() {
	var kernels []struct {
		ID string `json:"id"`
	}
	if _, err := l.API("GET", "/api/kernels", &kernels); err != nil {
		return
	}
	for _, k := range kernels {
		_, _ = l.API("DELETE", "/api/kernels/"+k.ID, nil)
	}
}

// NotebookURL opens one notebook (a path under the server's root) in
// JupyterLab in a fresh workspace (?reset), so Lab does not reopen the
// notebooks of earlier steps.
func (l *Server) NotebookURL(name string) string {
	return l.Base + "/lab/tree/" + EscapePath(name) + "?reset&token=" + l.Token
}

// Notebook7URL opens one notebook in Notebook 7, served by the same server.
func (l *Server) Notebook7URL(name string) string {
	return l.Base + "/notebooks/" + EscapePath(name) + "?token=" + l.Token
}

// EscapePath escapes each part of a slash-separated path for a URL.
func EscapePath(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

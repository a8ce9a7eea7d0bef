package notebooktest_test

// The JupyterLab server of the browser tests: started from the venv on a free
// loopback port, with temporary data and config folders, and its REST API.

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

type labServer struct {
	base  string // http://127.0.0.1:PORT
	token string
}

// startLab starts JupyterLab from the venv on a free loopback port, serving
// root. Its data and config folders are temporary (notebook signatures,
// workspaces and settings); kernels come from the venv. It stops at cleanup.
func startLab(t *testing.T, v venv, root, logPath string) *labServer {
	t.Helper()
	port := testenv.FreePort(t)
	token := testenv.RandomHex(16)
	dataDir, configDir := t.TempDir(), t.TempDir()
	// Every cell rendered (no virtual scrolling), so every chart is in the
	// page. The project's settings (jupyter/overrides.json, in the venv) turn
	// the news prompt off and start the kernel without asking.
	writeLabSetting(t, configDir, "@jupyterlab/notebook-extension", "tracker", `{"windowingMode": "none"}`)

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
		"--config=" + filepath.Join(repoRoot, "scripts", "lab_config.py"),
	}
	if os.Geteuid() == 0 {
		args = append(args, "--allow-root") // CI runs as root
	}
	cmd := exec.Command(filepath.Join(v.bin, "jupyter-lab"), args...)
	cmd.Dir = root
	// The token goes by the environment, as `make lab` does: not on the command line,
	// where other users of the machine would see it.
	cmd.Env = append(v.jupyterEnv(dataDir, configDir), "JUPYTER_TOKEN="+token)
	cmd.Stdout, cmd.Stderr = logFile, logFile
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait(); logFile.Close() }()

	lab := &labServer{base: fmt.Sprintf("http://127.0.0.1:%d", port), token: token}
	t.Cleanup(func() {
		lab.shutdownKernels()
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(20 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			<-exited
		}
	})

	deadline := time.Now().Add(labStartTimeout)
	for {
		select {
		case err := <-exited:
			exited <- err
			t.Fatalf("JupyterLab exited at start (%v); see %s", err, logPath)
		default:
		}
		if code, _ := lab.api("GET", "/api/status", nil); code == http.StatusOK {
			return lab
		}
		if time.Now().After(deadline) {
			t.Fatalf("JupyterLab did not answer on %s within %v; see %s", lab.base, labStartTimeout, logPath)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

func writeLabSetting(t *testing.T, configDir, extension, plugin, body string) {
	t.Helper()
	dir := filepath.Join(configDir, "lab", "user-settings", extension)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, plugin+".jupyterlab-settings"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// api calls the Jupyter server's REST API and decodes a JSON answer into out.
func (l *labServer) api(method, path string, out any) (int, error) {
	return l.request(method, path, nil, out)
}

// request sends body (nil: none) to the Jupyter server's REST API, with the token
// if there is one, and decodes a JSON answer into out.
func (l *labServer) request(method, path string, body io.Reader, out any) (int, error) {
	req, err := http.NewRequest(method, l.base+path, body)
	if err != nil {
		return 0, err
	}
	if l.token != "" {
		req.Header.Set("Authorization", "token "+l.token)
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

func (l *labServer) shutdownKernels() {
	var kernels []struct {
		ID string `json:"id"`
	}
	if _, err := l.api("GET", "/api/kernels", &kernels); err != nil {
		return
	}
	for _, k := range kernels {
		_, _ = l.api("DELETE", "/api/kernels/"+k.ID, nil)
	}
}

// notebookURL opens one notebook in a fresh workspace (?reset), so Lab does
// not reopen the notebooks of earlier steps.
func (l *labServer) notebookURL(name string) string {
	return l.base + "/lab/tree/" + escapePath(name) + "?reset&token=" + l.token
}

// escapePath escapes each part of a slash-separated path for a URL.
func escapePath(name string) string {
	parts := strings.Split(name, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

package deploytest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// TestImageRunsNotebooksOffline builds the image (make image, from the local
// Debian base) and runs the notebooks inside it with no network at all
// (--network none), as the image's user, with the Go build cache seeded as a
// student's server seeds it: every English notebook and one French one
// (notebooks.Sample; the French code is the English code, which
// TestNotebooksExecute runs in both editions). Each executed notebook must
// have run every cell with no error and print the numbers of
// notebooktest.PrintedNumbers, as in TestNotebooksExecute.
//
// The user is new: their cell cache is empty, so every cell's build must be
// the image's seed's binary (image_seed_test.go). Notebook 02 then runs again
// in both editions, and the log compares a new student's first run with a
// warm one (wall, and CPU of the container).
func TestImageRunsNotebooksOffline(t *testing.T) {
	img := docker.RequireImage(t)
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()

	for _, c := range []struct{ what, format, want string }{
		{"user", "{{.Config.User}}", "jovyan"},
		{"GOPROXY", "{{.Config.Env}}", "GOPROXY=off"},
		{"GOSUMDB", "{{.Config.Env}}", "GOSUMDB=off"},
		{"GOTOOLCHAIN", "{{.Config.Env}}", "GOTOOLCHAIN=local"},
		{"GOFLAGS", "{{.Config.Env}}", "GOFLAGS=-mod=mod"},
	} {
		got, err := docker.Run(ctx, "image", "inspect", "-f", c.format, img)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(" "+strings.Trim(got, "[]")+" ", c.want) {
			t.Errorf("image %s: %s: %q does not contain %q", img, c.what, got, c.want)
		}
	}
	if id, err := docker.Run(ctx, "run", "--rm", "--network", "none", img, "id", "-u"); err != nil || id != "1000" {
		t.Errorf("the image's user: uid %q (%v), want 1000", id, err)
	}
	// Go at the version go.mod pins.
	gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	if m := regexp.MustCompile(`(?m)^go (\S+)$`).FindSubmatch(gomod); m == nil {
		t.Error("go.mod has no go line")
	} else if v, err := docker.Run(ctx, "run", "--rm", "--network", "none", img, "go", "env", "GOVERSION"); err != nil || v != "go"+string(m[1]) {
		t.Errorf("Go in the image: %q (%v), want go%s as in go.mod", v, err, m[1])
	}
	// Everything the user runs or reads is readable by them; their home is private.
	if out, err := docker.Run(ctx, "run", "--rm", "--network", "none", img, "sh", "-c",
		`find /opt/eif /usr/local/go ! -readable | head -5; stat -c %a "$HOME"`); err != nil || out != "700" {
		t.Errorf("the image's files and home: %q (%v), want only the home's mode 700", out, err)
	}

	out := filepath.Join(repoRoot, "out", "test", "image", "executed")
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o777); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(out, 0o777); err != nil { // written by the image's user
		t.Fatal(err)
	}
	// A new user (an empty ~/.cache/eif-cells): the sample's first run, each
	// notebook alone, then notebook 02 again in both editions (warm).
	names := notebooks.Sample(notebookNames(t))
	warm := []string{classNotebook, notebooks.SampleFrench}
	passes := []string{}
	for _, n := range names {
		passes = append(passes, "first", n)
	}
	for _, n := range warm {
		passes = append(passes, "warm", n)
	}
	start := time.Now()
	report, err := docker.Run(ctx, append([]string{"run", "--rm", "--network", "none", "-v", out + ":/out", img,
		"eif-start", "bash", "-c", seedRunScript, "bash"}, passes...)...)
	t.Logf("run_notebooks.py in the image, --network none, a new user (%.1f s):\n%s", time.Since(start).Seconds(), report)
	if err != nil {
		t.Errorf("the notebooks failed in the image: %v", err)
	}
	for _, pass := range []string{"first", "warm"} {
		for _, name := range map[string][]string{"first": names, "warm": warm}[pass] {
			nb, err := notebooks.Read(filepath.Join(out, pass, name))
			if err != nil {
				t.Errorf("%s: no executed notebook from the image (%s run): %v", name, pass, err)
				continue
			}
			notebooktest.CheckExecuted(t, name, nb)
			if pass == "first" {
				checkSeedServed(t, out, name, nb)
			}
		}
	}
	ts := seedTimes(report)
	var firstWall, firstCPU float64
	for _, x := range ts {
		if x.pass == "first" {
			firstWall += x.wall
			firstCPU += x.cpu
		}
	}
	cmp, _ := firstVsWarm(ts)
	t.Logf("a new user's first runs, the sample of %d notebooks: %.1f s wall, %.1f CPU-s of the container (each run_notebooks.py included);"+
		" first against warm:\n%s", len(names), firstWall, firstCPU, cmp)
}

// TestImageServesJupyterLab starts the image as `docker run` does (its CMD),
// and checks that JupyterLab answers with a token, offers only the Go kernel
// and shows the notebooks. The test's daemon has no bridge network, so the
// container uses the host's network on a free port instead of -p.
func TestImageServesJupyterLab(t *testing.T) {
	img := docker.RequireImage(t)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	port := testenv.FreePort(t)
	id, err := docker.Run(ctx, "run", "-d", "--rm", "--network", "host",
		"-e", "EIF_IP=127.0.0.1", "-e", fmt.Sprintf("EIF_PORT=%d", port), img)
	if err != nil {
		t.Fatal(err)
	}
	defer docker.Run(context.Background(), "rm", "-f", id) //nolint:errcheck

	tokenRE := regexp.MustCompile(`/lab\?token=([0-9a-f]{16,})`)
	var token string
	for token == "" {
		time.Sleep(time.Second)
		logs, err := docker.Logs(ctx, id)
		if m := tokenRE.FindStringSubmatch(logs); m != nil {
			token = m[1]
		} else if ctx.Err() != nil || err != nil {
			t.Fatalf("JupyterLab in the image printed no address with a token (%v); its log:\n%s", err, logs)
		}
	}
	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	get := func(path, tok string) (int, string) {
		req, _ := http.NewRequestWithContext(ctx, "GET", base+path, nil)
		if tok != "" {
			req.Header.Set("Authorization", "token "+tok)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	if code, _ := get("/api/contents", ""); code != http.StatusForbidden {
		t.Errorf("GET /api/contents without the token: HTTP %d, want 403", code)
	}
	code, body := get("/api/kernelspecs", token)
	var specs struct {
		Default     string         `json:"default"`
		Kernelspecs map[string]any `json:"kernelspecs"`
	}
	if err := json.Unmarshal([]byte(body), &specs); code != 200 || err != nil {
		t.Fatalf("GET /api/kernelspecs: HTTP %d (%v): %s", code, err, body)
	}
	if len(specs.Kernelspecs) != 1 || specs.Kernelspecs["gonb"] == nil || specs.Default != "gonb" {
		t.Errorf("kernels offered: %v (default %q), want only gonb", keys(specs.Kernelspecs), specs.Default)
	}
	code, body = get("/api/contents", token)
	for _, name := range notebookNames(t) {
		name, _, _ = strings.Cut(name, "/") // the French edition shows as its folder, fr
		if !strings.Contains(body, `"`+name+`"`) {
			t.Errorf("JupyterLab in the image does not show %s (HTTP %d)", name, code)
		}
	}
	if code, _ := get("/lab?token="+token, ""); code != 200 {
		t.Errorf("GET /lab?token=…: HTTP %d", code)
	}
}

// dockerLogs returns a container's log, standard output and error together.
func dockerLogs(ctx context.Context, id string) (string, error) {
	cmd := exec.CommandContext(ctx, "docker", "logs", id)
	cmd.Env = docker.Env()
	out, err := cmd.CombinedOutput()
	return string(out), err
}

func keys(m map[string]any) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

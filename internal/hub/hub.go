// Package hub is the test tooling for the class hub of deploy/hub/: its venv
// and proxy (`make hub-setup`), a real JupyterHub started on loopback with
// DockerSpawner and the image (Start), its REST API and login form, nbgitpuller's
// API, and a student as deploy/hub/student.py plays one (RunStudent).
package hub

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// Venv makes the hub's venv and proxy (make hub-setup) and returns .venv-hub;
// it skips the test (fails it in CI) when that cannot be done. With -short
// (make unit) it skips: a test that runs the hub is not a unit test.
func Venv(t testing.TB) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no hub")
	}
	root := testenv.RepoRoot()
	cmd := exec.Command("make", "--no-print-directory", "hub-setup")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		testenv.SkipOrFail(t, "the hub's environment could not be set up (make hub-setup: %v):\n%s", err, out)
	}
	return filepath.Join(root, ".venv-hub")
}

// Hub is a running JupyterHub of deploy/hub/ for a test.
type Hub struct {
	URL      string // http://127.0.0.1:PORT
	Prefix   string // of its containers and volumes: PREFIX-USER, PREFIX-home-USER
	Password string // every student's (the dummy authenticator's)
	Log      string // the hub's log file

	cmd     *exec.Cmd
	done    chan struct{}
	stopped bool
}

// Start starts the hub of deploy/hub/ from venv (Venv) on free loopback ports,
// with the dummy authenticator and students s01…sNN, spawning the image img,
// its state under work and the course from the bare repository course. It
// waits until the hub answers; the hub stops, and its containers and volumes
// are removed, at the end of the test.
func Start(t testing.TB, ctx context.Context, venv, img, work, course string, students int) *Hub {
	t.Helper()
	root := testenv.RepoRoot()
	h := &Hub{Prefix: "eiftest" + testenv.RandomHex(3), Password: testenv.RandomHex(8), done: make(chan struct{})}
	port := testenv.FreePort(t)
	h.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	var users []string
	for i := 1; i <= students; i++ {
		users = append(users, fmt.Sprintf("s%02d", i))
	}
	state := filepath.Join(work, "hub")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	h.Log = filepath.Join(work, "hub.log")
	logf, err := os.Create(h.Log)
	if err != nil {
		t.Fatal(err)
	}
	h.cmd = exec.CommandContext(ctx, filepath.Join(venv, "bin", "jupyterhub"), "-f", filepath.Join(root, "deploy", "hub", "jupyterhub_config.py"))
	h.cmd.Dir = state
	h.cmd.Env = append(docker.Env(),
		"PATH="+filepath.Join(venv, "bin")+":"+os.Getenv("PATH"),
		"EIF_HUB_AUTH=dummy", "EIF_HUB_PASSWORD="+h.Password, "EIF_HUB_USERS="+strings.Join(users, ","),
		fmt.Sprintf("EIF_HUB_PORT=%d", port), fmt.Sprintf("EIF_HUB_API_PORT=%d", testenv.FreePort(t)),
		fmt.Sprintf("EIF_PROXY_API_PORT=%d", testenv.FreePort(t)), "EIF_HUB_STATE="+state, "EIF_IMAGE="+img,
		"EIF_COURSE_GIT_DIR="+course, "EIF_PREFIX="+h.Prefix, "EIF_MEM_LIMIT=2G", "EIF_CPU_LIMIT=1")
	h.cmd.Stdout, h.cmd.Stderr = logf, logf
	h.cmd.Cancel = func() error { return h.cmd.Process.Signal(syscall.SIGINT) }
	h.cmd.WaitDelay = time.Minute
	if err := h.cmd.Start(); err != nil {
		t.Fatalf("cannot start jupyterhub: %v", err)
	}
	go func() { _ = h.cmd.Wait(); logf.Close(); close(h.done) }()
	t.Cleanup(func() { h.cleanup(t) })
	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case <-h.done:
			t.Fatalf("jupyterhub exited at start; the end of its log:\n%s", testenv.TailFile(h.Log, 20))
		default:
		}
		if resp, err := http.Get(h.URL + "/hub/api/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				t.Logf("hub on %s (containers %s-*)", h.URL, h.Prefix)
				return h
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the hub did not answer on %s within 90 s; its log:\n%s", h.URL, testenv.TailFile(h.Log, 20))
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// Stop stops the hub with SIGINT, as Ctrl-C does (once).
func (h *Hub) Stop(t testing.TB) {
	if h.stopped {
		return
	}
	h.stopped = true
	_ = h.cmd.Process.Signal(syscall.SIGINT)
	select {
	case <-h.done:
	case <-time.After(90 * time.Second):
		t.Errorf("the hub did not stop within 90 s of SIGINT; killing it")
		_ = h.cmd.Process.Kill()
		<-h.done
	}
}

// cleanup removes what the test's hub left in Docker: containers and volumes.
func (h *Hub) cleanup(t testing.TB) {
	h.Stop(t)
	ctx := context.Background()
	if ids, _ := docker.Run(ctx, "ps", "-aq", "--filter", "name=^"+h.Prefix+"-"); ids != "" {
		_, _ = docker.Run(ctx, append([]string{"rm", "-f"}, strings.Fields(ids)...)...)
	}
	if vols, _ := docker.Run(ctx, "volume", "ls", "-q", "--filter", "name=^"+h.Prefix+"-"); vols != "" {
		_, _ = docker.Run(ctx, append([]string{"volume", "rm", "-f"}, strings.Fields(vols)...)...)
	}
	if t.Failed() {
		t.Logf("the end of the hub's log:\n%s", testenv.TailFile(h.Log, 40))
	}
}

// Do sends a request to the hub (path: from its root) with the API token
// token and a JSON body (nil for none), without following redirects, and
// returns the status (0 if the request failed) and the body.
func (h *Hub) Do(ctx context.Context, method, path, token string, body any) (int, []byte) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequestWithContext(ctx, method, h.URL+path, rd)
	req.Header.Set("Authorization", "token "+token)
	resp, err := noRedirect.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

// Status is the status of a GET of path with token.
func (h *Hub) Status(ctx context.Context, path, token string) int {
	code, _ := h.Do(ctx, "GET", path, token, nil)
	return code
}

// Put is the status of a PUT of body to path with token.
func (h *Hub) Put(ctx context.Context, path, token string, body any) int {
	code, _ := h.Do(ctx, "PUT", path, token, body)
	return code
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// Login posts the hub's login form and reports the status and whether the
// hub set its login cookie. With a jar, the cookies stay in it.
func Login(hubURL, user, password string, jar http.CookieJar) (int, bool) {
	if jar == nil {
		jar, _ = cookiejar.New(nil)
	}
	c := &http.Client{Jar: jar, CheckRedirect: noRedirect.CheckRedirect, Timeout: time.Minute}
	resp, err := c.Get(hubURL + "/hub/login")
	if err != nil {
		return 0, false
	}
	resp.Body.Close()
	u, _ := url.Parse(hubURL + "/hub/")
	var xsrf string
	for _, ck := range jar.Cookies(u) {
		if ck.Name == "_xsrf" {
			xsrf = ck.Value
		}
	}
	resp, err = c.PostForm(hubURL+"/hub/login?next=/hub/home", url.Values{"username": {user}, "password": {password}, "_xsrf": {xsrf}})
	if err != nil {
		return 0, false
	}
	resp.Body.Close()
	for _, ck := range jar.Cookies(u) {
		if ck.Name == "jupyterhub-hub-login" {
			return resp.StatusCode, true
		}
	}
	return resp.StatusCode, false
}

// CookieGet follows redirects (the single-user server's OAuth with the hub)
// with the cookies of jar and returns the final status.
func CookieGet(ctx context.Context, jar http.CookieJar, u string) int {
	c := &http.Client{Jar: jar, Timeout: time.Minute}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// GitPull calls nbgitpuller's API and returns an error unless it finished.
func (h *Hub) GitPull(ctx context.Context, user, token string) error {
	q := url.Values{"repo": {"/srv/course.git"}, "branch": {"main"}, "targetpath": {"eif-notebooks"}}
	req, _ := http.NewRequestWithContext(ctx, "GET", h.URL+"/user/"+user+"/git-pull/api?"+q.Encode(), nil)
	req.Header.Set("Authorization", "token "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	var log strings.Builder
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		data, ok := strings.CutPrefix(sc.Text(), "data:")
		if !ok {
			continue
		}
		var ev struct{ Phase, Message, Output string }
		_ = json.Unmarshal([]byte(data), &ev)
		log.WriteString(ev.Output)
		switch ev.Phase {
		case "finished":
			return nil
		case "error":
			return fmt.Errorf("nbgitpuller: %s: %s", ev.Message, log.String())
		}
	}
	return fmt.Errorf("nbgitpuller's stream ended (HTTP %d) without finishing: %s", resp.StatusCode, log.String())
}

// StopServers stops every student's server through the hub's API and waits
// until the hub reports none running.
func (h *Hub) StopServers(t testing.TB, ctx context.Context, students []Student) {
	t.Helper()
	start := time.Now()
	for _, r := range students {
		if r.Token == "" {
			continue
		}
		if code, body := h.Do(ctx, "DELETE", "/hub/api/users/"+r.User+"/server", r.Token, nil); code != 202 && code != 204 {
			t.Errorf("stopping %s's server: HTTP %d: %s", r.User, code, body)
		}
	}
	for _, r := range students {
		for r.Token != "" {
			_, body := h.Do(ctx, "GET", "/hub/api/users/"+r.User, r.Token, nil)
			var u struct {
				Servers map[string]any `json:"servers"`
			}
			if json.Unmarshal(body, &u) == nil && len(u.Servers) == 0 {
				break
			}
			if ctx.Err() != nil {
				t.Fatalf("%s's server did not stop", r.User)
			}
			time.Sleep(500 * time.Millisecond)
		}
	}
	t.Logf("every server stopped through the hub in %.1f s", time.Since(start).Seconds())
}

// Student is what deploy/hub/student.py reports of one student: the summary
// it prints, and Err when it failed.
type Student struct {
	User   string  `json:"user"`
	Token  string  `json:"token"`
	SpawnS float64 `json:"spawn_s"`
	PullS  float64 `json:"pull_s"`
	Runs   []struct {
		ToLastOutputS float64 `json:"to_last_output_s"`
		Notebook      string  `json:"notebook"`
		Start         float64 `json:"start_epoch"`
		End           float64 `json:"end_epoch"`
	} `json:"runs"`
	Err string `json:"-"`
}

// RunStudent runs deploy/hub/student.py as user on h: log in, start the server,
// pull the course, run notebook (a path in the repository) twice, the
// executed copies written to the folder out.
func RunStudent(ctx context.Context, venv string, h *Hub, user, notebook, out string) Student {
	cmd := exec.CommandContext(ctx, filepath.Join(venv, "bin", "python"), filepath.Join(testenv.RepoRoot(), "deploy", "hub", "student.py"),
		"--hub", h.URL, "--user", user, "--password", h.Password, "--repo", "/srv/course.git",
		"--notebook", notebook, "--runs", "2", "--out", out)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := Student{User: user}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if jerr := json.Unmarshal([]byte(lines[len(lines)-1]), &r); jerr != nil && err == nil {
		err = jerr
	}
	if err != nil {
		r.Err = fmt.Sprintf("student.py: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return r
}

// Package hub is the test tooling for the class hub of deploy/hub/: its venv
// and proxy (`make hub-setup`), a real JupyterHub started on loopback with
// DockerSpawner and the image (Start, or StartWith for NativeAuthenticator,
// HTTPS through nginx and a proxy of its own, front.go), its REST API and
// login form, nbgitpuller's API, and a student as deploy/hub/student.py plays
// one (RunStudent).
package hub

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
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
	URL      string // where students connect: http://127.0.0.1:PORT, or https:// through nginx (Options.TLS)
	Prefix   string // of its containers and volumes: PREFIX-USER, PREFIX-home-USER
	Password string // every student's (the dummy authenticator's; with Options.Native, what the test signs up with)
	Teacher  string // with Options.Native: the admin's name ("teacher"); TeacherPassword is what it signs up with
	Log      string // the hub's log file, in Dir
	// Dir keeps what explains a failure after the test: the hub's log, and
	// the log and state of each container that stopped (diagnose.go).
	Dir string

	TeacherPassword string
	// With Options.TLS: nginx's plain-HTTP address, and the certificate of the
	// authority that signed nginx's (PEM file; Client trusts it).
	HTTPURL, CAFile string
	// Client makes the test's requests: it trusts CAFile, follows no redirect.
	Client *http.Client

	ctx     context.Context
	args    []string
	env     []string
	state   string
	cmd     *exec.Cmd
	done    chan struct{}
	stopped bool
	front   front
	unwatch context.CancelFunc
}

// Options are a hub's settings beyond Start's.
type Options struct {
	Students int      // the dummy authenticator with students s01…sNN (Start's)
	Native   bool     // NativeAuthenticator (EIF_HUB_AUTH=native) with the admin Teacher; students sign up
	TLS      bool     // nginx in front (deploy/hub/nginx-site.sh), with a certificate for 127.0.0.1
	External bool     // the proxy runs on its own (EIF_PROXY=external, deploy/hub/proxy.sh), so Restart keeps it
	Env      []string // more NAME=VALUE settings, last (they win)
}

// Start starts the hub of deploy/hub/ from venv (Venv) on free loopback ports,
// with the dummy authenticator and students s01…sNN, spawning the image img,
// its state under work and the course from the bare repository course; env
// adds settings (NAME=VALUE). It waits until the hub answers; the hub stops,
// and its containers and volumes are removed, at the end of the test.
func Start(t testing.TB, ctx context.Context, venv, img, work, course string, students int, env ...string) *Hub {
	t.Helper()
	return StartWith(t, ctx, venv, img, work, course, Options{Students: students, Env: env})
}

// StartWith starts the hub as Start does, with the settings of o.
func StartWith(t testing.TB, ctx context.Context, venv, img, work, course string, o Options) *Hub {
	t.Helper()
	root := testenv.RepoRoot()
	h := &Hub{Prefix: "eiftest" + testenv.RandomHex(3), Password: testenv.RandomHex(8), ctx: ctx}
	port := testenv.FreePort(t)
	h.URL = fmt.Sprintf("http://127.0.0.1:%d", port)
	h.state = filepath.Join(work, "hub")
	if err := os.MkdirAll(h.state, 0o755); err != nil {
		t.Fatal(err)
	}
	h.Dir = outDir(t, h.Prefix)
	h.Log = filepath.Join(h.Dir, "hub.log")
	h.args = []string{filepath.Join(venv, "bin", "jupyterhub"), "-f", filepath.Join(root, "deploy", "hub", "jupyterhub_config.py")}
	h.env = append(docker.Env(),
		"PATH="+filepath.Join(venv, "bin")+":"+os.Getenv("PATH"),
		fmt.Sprintf("EIF_HUB_PORT=%d", port), fmt.Sprintf("EIF_HUB_API_PORT=%d", testenv.FreePort(t)),
		fmt.Sprintf("EIF_PROXY_API_PORT=%d", testenv.FreePort(t)), "EIF_HUB_STATE="+h.state, "EIF_IMAGE="+img,
		"EIF_COURSE_GIT_DIR="+course, "EIF_PREFIX="+h.Prefix, "EIF_MEM_LIMIT=2G", "EIF_CPU_LIMIT=1",
		// The students' ports (base + number) of a hub of its own, as the
		// other ports are: two test hubs on one machine share a base 1 time
		// in 110. Up to 30900: the hub wants base + 1000 below the system's
		// ports (ip_local_port_range, from 32768).
		fmt.Sprintf("EIF_SERVER_PORT_BASE=%d", 20000+100*rand.IntN(110)))
	if o.Native {
		h.Teacher, h.TeacherPassword = "teacher", testenv.RandomHex(16)
		h.env = append(h.env, "EIF_HUB_AUTH=native", "EIF_HUB_ADMINS="+h.Teacher)
	} else {
		var users []string
		for i := 1; i <= o.Students; i++ {
			users = append(users, fmt.Sprintf("s%02d", i))
		}
		h.env = append(h.env, "EIF_HUB_AUTH=dummy", "EIF_HUB_PASSWORD="+h.Password, "EIF_HUB_USERS="+strings.Join(users, ","))
	}
	h.Client = &http.Client{CheckRedirect: noRedirect.CheckRedirect, Transport: http.DefaultTransport}
	t.Cleanup(func() { h.cleanup(t) })
	var watch context.Context
	watch, h.unwatch = context.WithCancel(context.Background())
	h.watchContainers(watch)
	if o.External {
		h.env = append(h.env, "EIF_PROXY=external")
		h.startProxy(t, root)
	}
	if o.TLS {
		h.startNginx(t, root, work, port)
	}
	h.env = append(h.env, o.Env...)
	h.start(t)
	return h
}

// start starts the hub's process and waits until it answers.
func (h *Hub) start(t testing.TB) {
	t.Helper()
	logf, err := os.OpenFile(h.Log, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	h.cmd = exec.CommandContext(h.ctx, h.args[0], h.args[1:]...)
	h.cmd.Dir = h.state
	h.cmd.Env = h.env
	h.cmd.Stdout, h.cmd.Stderr = logf, logf
	h.cmd.Cancel = func() error { return h.cmd.Process.Signal(syscall.SIGINT) }
	h.cmd.WaitDelay = time.Minute
	if err := h.cmd.Start(); err != nil {
		t.Fatalf("cannot start jupyterhub: %v", err)
	}
	done := make(chan struct{})
	h.done, h.stopped = done, false
	cmd := h.cmd
	go func() { _ = cmd.Wait(); logf.Close(); close(done) }()
	deadline := time.Now().Add(90 * time.Second)
	for {
		select {
		case <-h.done:
			t.Fatalf("jupyterhub exited at start; the end of its log:\n%s", testenv.TailFile(h.Log, 20))
		default:
		}
		if code := h.Status(h.ctx, "/hub/api/", ""); code == 200 {
			t.Logf("hub on %s (containers %s-*)", h.URL, h.Prefix)
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the hub did not answer on %s within 90 s; its log:\n%s", h.URL, testenv.TailFile(h.Log, 20))
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// PID is the hub process's.
func (h *Hub) PID() int { return h.cmd.Process.Pid }

// Restart stops the hub's process with SIGTERM (as systemd does), calls
// whileDown (if not nil), and starts the hub again with the same settings and
// state, as after an upgrade or a crash; it returns how long the hub was down.
func (h *Hub) Restart(t testing.TB, whileDown func()) time.Duration {
	t.Helper()
	start := time.Now()
	h.signalStop(t, syscall.SIGTERM)
	if whileDown != nil {
		whileDown()
	}
	h.start(t)
	return time.Since(start)
}

// Stop stops the hub with SIGINT, as Ctrl-C does (once).
func (h *Hub) Stop(t testing.TB) {
	h.signalStop(t, syscall.SIGINT)
}

func (h *Hub) signalStop(t testing.TB, sig os.Signal) {
	if h.stopped || h.cmd == nil {
		return
	}
	h.stopped = true
	_ = h.cmd.Process.Signal(sig)
	select {
	case <-h.done:
	case <-time.After(90 * time.Second):
		t.Errorf("the hub did not stop within 90 s of %v; killing it", sig)
		_ = h.cmd.Process.Kill()
		<-h.done
	}
}

// cleanup removes what the test's hub left in Docker: containers and volumes.
func (h *Hub) cleanup(t testing.TB) {
	h.Stop(t)
	h.front.stop()
	ctx := context.Background()
	if ids, _ := docker.Run(ctx, "ps", "-aq", "--filter", "name=^"+h.Prefix+"-"); ids != "" {
		_, _ = docker.Run(ctx, append([]string{"rm", "-f"}, strings.Fields(ids)...)...)
	}
	if vols, _ := docker.Run(ctx, "volume", "ls", "-q", "--filter", "name=^"+h.Prefix+"-"); vols != "" {
		_, _ = docker.Run(ctx, append([]string{"volume", "rm", "-f"}, strings.Fields(vols)...)...)
	}
	if h.unwatch != nil {
		h.unwatch()
	}
	if t.Failed() {
		t.Logf("the end of the hub's log:\n%s\n(the hub's log, and the log and state of each container that stopped, are in %s)", testenv.TailFile(h.Log, 40), h.Dir)
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
	if token != "" {
		req.Header.Set("Authorization", "token "+token)
	}
	resp, err := h.Client.Do(req)
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
	return login(http.DefaultTransport, hubURL, user, password, jar)
}

// Login is Login on h, through h.Client's transport.
func (h *Hub) Login(user, password string, jar http.CookieJar) (int, bool) {
	return login(h.Client.Transport, h.URL, user, password, jar)
}

func login(rt http.RoundTripper, hubURL, user, password string, jar http.CookieJar) (int, bool) {
	if jar == nil {
		jar, _ = cookiejar.New(nil)
	}
	c := &http.Client{Jar: jar, CheckRedirect: noRedirect.CheckRedirect, Timeout: time.Minute, Transport: rt}
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
	resp, err := (&http.Client{Transport: h.Client.Transport}).Do(req)
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
	return RunStudentN(ctx, venv, h, user, notebook, out, 2)
}

// RunStudentN is RunStudent with runs runs of the notebook.
func RunStudentN(ctx context.Context, venv string, h *Hub, user, notebook, out string, runs int) Student {
	r := Student{User: user}
	r.Err = runStudentPy(ctx, venv, h, user, &r, "--repo", "/srv/course.git", "--notebook", notebook,
		"--runs", fmt.Sprint(runs), "--out", out)
	return r
}

// runStudentPy runs deploy/hub/student.py as user on h with the arguments args,
// and reads its report, the last line of its output, into report (JSON). It
// returns "" or what went wrong, with h's diagnosis of user.
func runStudentPy(ctx context.Context, venv string, h *Hub, user string, report any, args ...string) string {
	cmd := exec.CommandContext(ctx, filepath.Join(venv, "bin", "python"), append([]string{
		filepath.Join(testenv.RepoRoot(), "deploy", "hub", "student.py"),
		"--hub", h.URL, "--user", user, "--password", h.Password}, args...)...)
	if h.CAFile != "" {
		cmd.Env = append(os.Environ(), "SSL_CERT_FILE="+h.CAFile) // Python's ssl trusts the test's authority
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if jerr := json.Unmarshal([]byte(lines[len(lines)-1]), report); jerr != nil && err == nil {
		err = jerr
	}
	if err == nil {
		return ""
	}
	return fmt.Sprintf("student.py %s: %v: %s\n%s", strings.Join(args, " "), err, strings.TrimSpace(stderr.String()), h.Diagnose(user))
}

// Graded is what deploy/hub/student.py reports of a student's graded work
// (--assignment): the assignments the Assignment List showed, the run of the
// notebook (the executed copy is in Notebook), the feedback pages fetched, and
// Err when a step failed.
type Graded struct {
	User     string   `json:"user"`
	Token    string   `json:"token"`
	SpawnS   float64  `json:"spawn_s"`
	FetchS   float64  `json:"fetch_s"`
	SubmitS  float64  `json:"submit_s"`
	Listed   []string `json:"listed"`
	Feedback []string `json:"feedback"`
	Runs     []struct {
		ToLastOutputS float64 `json:"to_last_output_s"`
		Notebook      string  `json:"notebook"`
	} `json:"runs"`
	Err string `json:"-"`
}

// RunGraded runs deploy/hub/student.py as user on h with --assignment and the
// other arguments args (--answers FILE, --submit, --feedback, --course),
// writing into the folder out.
func RunGraded(ctx context.Context, venv string, h *Hub, user, out string, args ...string) Graded {
	r := Graded{User: user}
	r.Err = runStudentPy(ctx, venv, h, user, &r, append([]string{"--out", out}, args...)...)
	return r
}

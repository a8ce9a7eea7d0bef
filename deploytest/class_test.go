package deploytest_test

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
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// The class test: the real JupyterHub of deploy/hub/ on loopback, with the
// real proxy (configurable-http-proxy from npm) and the real DockerSpawner
// running each student's server in the image. EIF_CLASS_STUDENTS (default 10)
// students, each a separate process (deploy/hub/student.py), log in, start
// their server, pull the course with nbgitpuller and run notebook 02 twice
// through the kernel websocket, all at the same time. The test checks every
// run, measures time to the last output (cold: the first run on a new server;
// warm: the second), spawn time and memory per student, then isolation, a
// wrong password, a second pull over a student's edit, and that nothing of a
// server survives it being stopped.

const classNotebook = "02-part-b-current.ipynb"

func TestClassOnHub(t *testing.T) {
	img := requireImage(t)
	venv := hubVenv(t)
	students := 10
	if s := os.Getenv("EIF_CLASS_STUDENTS"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 2 {
			t.Fatalf("EIF_CLASS_STUDENTS=%q: want a whole number ≥ 2", s)
		}
		students = n
	}
	ctx, cancel := context.WithTimeout(context.Background(), 25*time.Minute)
	defer cancel()

	work := t.TempDir()
	course := filepath.Join(work, "course.git")
	gitRun(t, "", "init", "--quiet", "--bare", course)
	gitRun(t, repoRoot, "push", "--quiet", "--force", course, "HEAD:refs/heads/main")
	gitRun(t, "", "--git-dir="+course, "symbolic-ref", "HEAD", "refs/heads/main")

	h := startHub(t, ctx, venv, img, work, course, students)
	defer h.stop(t)

	// --- a wrong password is refused
	if code, ok := hubLogin(h.url, "s01", "not-the-password", nil); code != http.StatusForbidden || ok {
		t.Errorf("login with a wrong password: HTTP %d, logged in %v; want 403, not logged in", code, ok)
	}

	// --- the class: every student at once, each in their own process
	sampler := newProcSampler(h.prefix)
	go sampler.run(ctx)
	outDir := filepath.Join(repoRoot, "out", "test", "class")
	_ = os.RemoveAll(outDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	results := make([]studentResult, students)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = runStudent(ctx, venv, h, fmt.Sprintf("s%02d", i+1), outDir)
		}(i)
	}
	wg.Wait()
	t.Logf("%d students: all done in %.1f s", students, time.Since(start).Seconds())
	mem := sampler.report()

	var cold, warm, spawn, pull, cpuCold, cpuWarm []float64
	for _, r := range results {
		if r.err != "" {
			t.Errorf("student %s: %s", r.User, r.err)
			continue
		}
		spawn = append(spawn, r.SpawnS)
		pull = append(pull, r.PullS)
		for k, run := range r.Runs {
			nb, err := notebooks.Read(run.Notebook)
			if err != nil {
				t.Errorf("student %s, run %d: %v", r.User, k+1, err)
				continue
			}
			t.Run(fmt.Sprintf("%s-run%d", r.User, k+1), func(t *testing.T) { notebooktest.CheckExecuted(t, classNotebook, nb) })
			cpu := sampler.cpuBetween(r.User, epoch(run.Start), epoch(run.End))
			if k == 0 {
				cold = append(cold, run.ToLastOutputS)
				cpuCold = append(cpuCold, cpu)
			} else {
				warm = append(warm, run.ToLastOutputS)
				cpuWarm = append(cpuWarm, cpu)
			}
		}
	}
	summary := map[string]any{
		"students": students, "cores": numCPU(), "notebook": classNotebook,
		"cold_s": stats(cold), "warm_s": stats(warm), "spawn_s": stats(spawn), "pull_s": stats(pull),
		"memory_mb": mem, "cpu_s_cold": stats(cpuCold), "cpu_s_warm": stats(cpuWarm),
		"load_average": round1(sampler.loadAverage()),
	}
	b, _ := json.MarshalIndent(summary, "", "  ")
	_ = os.WriteFile(filepath.Join(outDir, "summary.json"), b, 0o644)
	t.Logf("class of %d on %d cores (mean load average %.1f), notebook 02, time to the last output:\n  cold %s\n  warm %s\n  spawn %s\n  pull %s\n"+
		"  CPU time of a student's container during a run: cold %s, warm %s\n  memory per student (MB): %s",
		students, numCPU(), sampler.loadAverage(), fmtStats(cold), fmtStats(warm), fmtStats(spawn), fmtStats(pull), fmtStats(cpuCold), fmtStats(cpuWarm), b2s(mem))
	if len(results) < 2 || results[0].err != "" || results[1].err != "" {
		t.Fatal("students s01 and s02 did not both get a server: no isolation checks")
	}
	a, bStudent := results[0], results[1]

	// --- isolation: tokens, cookies, files
	if code := h.status(ctx, "/user/s02/api/contents", a.Token); code != http.StatusForbidden {
		t.Errorf("s01's token on s02's server: HTTP %d, want 403", code)
	}
	if code := h.status(ctx, "/user/s02/api/contents", bStudent.Token); code != http.StatusOK {
		t.Errorf("s02's token on s02's own server: HTTP %d, want 200", code)
	}
	jar, _ := cookiejar.New(nil)
	if code, ok := hubLogin(h.url, "s01", h.password, jar); !ok {
		t.Errorf("s01 could not log in with the right password (HTTP %d)", code)
	} else {
		if code := cookieGet(ctx, jar, h.url+"/user/s02/lab"); code != http.StatusForbidden {
			t.Errorf("s01's cookie on s02's server: HTTP %d, want 403", code)
		}
		if code := cookieGet(ctx, jar, h.url+"/user/s01/lab"); code != http.StatusOK {
			t.Errorf("s01's cookie on s01's own server: HTTP %d, want 200", code)
		}
	}
	secret := "secret-of-s02-" + testenv.RandomHex(8)
	if code := h.put(ctx, "/user/s02/api/contents/secret.txt", bStudent.Token,
		map[string]any{"type": "file", "format": "text", "content": secret}); code != 200 && code != 201 {
		t.Errorf("s02 could not save a file: HTTP %d", code)
	}
	if code := h.status(ctx, "/user/s01/api/contents/..%2Fsecret.txt", a.Token); code == http.StatusOK {
		t.Errorf("s01 read ../secret.txt through its own server")
	}
	if out, err := docker(ctx, "exec", "-u", "1000", h.prefix+"-s01", "sh", "-c",
		"grep -rIl --exclude-dir=.cache "+secret+" /home /srv /tmp /mnt /media /root 2>/dev/null; true"); err != nil || out != "" {
		t.Errorf("s02's file is readable in s01's container (%v): %q", err, out)
	}

	// --- limits and mounts: 2G and one core each; only the student's own home
	if got, err := docker(ctx, "inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.CpuQuota}} {{.HostConfig.CpuPeriod}}", h.prefix+"-s01"); err != nil || got != "2147483648 100000 100000" {
		t.Errorf("s01's container limits (memory, CPU quota, period): %q (%v), want 2 GiB and one core", got, err)
	}
	if got, err := docker(ctx, "inspect", "-f", "{{range .Mounts}}{{if .Name}}{{.Name}}{{else}}{{.Source}}{{end}}:{{.Destination}}:{{.RW}} {{end}}", h.prefix+"-s01"); err != nil ||
		!strings.Contains(got, h.prefix+"-home-s01:/home/jovyan:true") || strings.Contains(got, "-home-s02") || !strings.Contains(got, ":/srv/course.git:false") {
		t.Errorf("s01's container mounts %q (%v): want its own home (rw) and the course (read-only) only", got, err)
	}

	// --- a student's edit survives a second pull, which brings the teacher's new file
	h.secondPull(t, ctx, a.Token, work, course)

	// --- stopping every server leaves no process behind
	h.stopServers(t, ctx, results)
	sampler.stop()
	h.stop(t)
	checkNoneLeft(t, sampler.seen(), sampler.containerIDs())
}

// hub is a running JupyterHub of deploy/hub/ for the test.
type hub struct {
	cmd      *exec.Cmd
	url      string
	prefix   string
	password string
	log      string
	done     chan struct{}
	stopped  bool
}

func startHub(t *testing.T, ctx context.Context, venv, img, work, course string, students int) *hub {
	t.Helper()
	h := &hub{prefix: "eiftest" + testenv.RandomHex(3), password: testenv.RandomHex(8), done: make(chan struct{})}
	port := testenv.FreePort(t)
	h.url = fmt.Sprintf("http://127.0.0.1:%d", port)
	var users []string
	for i := 1; i <= students; i++ {
		users = append(users, fmt.Sprintf("s%02d", i))
	}
	state := filepath.Join(work, "hub")
	if err := os.MkdirAll(state, 0o755); err != nil {
		t.Fatal(err)
	}
	h.log = filepath.Join(work, "hub.log")
	logf, err := os.Create(h.log)
	if err != nil {
		t.Fatal(err)
	}
	h.cmd = exec.CommandContext(ctx, filepath.Join(venv, "bin", "jupyterhub"), "-f", filepath.Join(repoRoot, "deploy", "hub", "jupyterhub_config.py"))
	h.cmd.Dir = state
	h.cmd.Env = append(dockerEnv(),
		"PATH="+filepath.Join(venv, "bin")+":"+os.Getenv("PATH"),
		"EIF_HUB_AUTH=dummy", "EIF_HUB_PASSWORD="+h.password, "EIF_HUB_USERS="+strings.Join(users, ","),
		fmt.Sprintf("EIF_HUB_PORT=%d", port), fmt.Sprintf("EIF_HUB_API_PORT=%d", testenv.FreePort(t)),
		fmt.Sprintf("EIF_PROXY_API_PORT=%d", testenv.FreePort(t)), "EIF_HUB_STATE="+state, "EIF_IMAGE="+img,
		"EIF_COURSE_GIT_DIR="+course, "EIF_PREFIX="+h.prefix, "EIF_MEM_LIMIT=2G", "EIF_CPU_LIMIT=1")
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
			t.Fatalf("jupyterhub exited at start; the end of its log:\n%s", testenv.TailFile(h.log, 20))
		default:
		}
		if resp, err := http.Get(h.url + "/hub/api/"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				t.Logf("hub on %s (containers %s-*)", h.url, h.prefix)
				return h
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the hub did not answer on %s within 90 s; its log:\n%s", h.url, testenv.TailFile(h.log, 20))
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// stop stops the hub with SIGINT, as Ctrl-C does (once).
func (h *hub) stop(t *testing.T) {
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
func (h *hub) cleanup(t *testing.T) {
	h.stop(t)
	ctx := context.Background()
	if ids, _ := docker(ctx, "ps", "-aq", "--filter", "name=^"+h.prefix+"-"); ids != "" {
		_, _ = docker(ctx, append([]string{"rm", "-f"}, strings.Fields(ids)...)...)
	}
	if vols, _ := docker(ctx, "volume", "ls", "-q", "--filter", "name=^"+h.prefix+"-"); vols != "" {
		_, _ = docker(ctx, append([]string{"volume", "rm", "-f"}, strings.Fields(vols)...)...)
	}
	if t.Failed() {
		t.Logf("the end of the hub's log:\n%s", testenv.TailFile(h.log, 40))
	}
}

func (h *hub) do(ctx context.Context, method, path, token string, body any) (int, []byte) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequestWithContext(ctx, method, h.url+path, rd)
	req.Header.Set("Authorization", "token "+token)
	resp, err := noRedirect.Do(req)
	if err != nil {
		return 0, []byte(err.Error())
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b
}

func (h *hub) status(ctx context.Context, path, token string) int {
	code, _ := h.do(ctx, "GET", path, token, nil)
	return code
}

func (h *hub) put(ctx context.Context, path, token string, body any) int {
	code, _ := h.do(ctx, "PUT", path, token, body)
	return code
}

var noRedirect = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// hubLogin posts the hub's login form and reports the status and whether the
// hub set its login cookie. With a jar, the cookies stay in it.
func hubLogin(hubURL, user, password string, jar http.CookieJar) (int, bool) {
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

// cookieGet follows redirects (the single-user server's OAuth with the hub)
// with the cookies of jar and returns the final status.
func cookieGet(ctx context.Context, jar http.CookieJar, u string) int {
	c := &http.Client{Jar: jar, Timeout: time.Minute}
	req, _ := http.NewRequestWithContext(ctx, "GET", u, nil)
	resp, err := c.Do(req)
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// gitPull calls nbgitpuller's API and returns an error unless it finished.
func (h *hub) gitPull(ctx context.Context, user, token string) error {
	q := url.Values{"repo": {"/srv/course.git"}, "branch": {"main"}, "targetpath": {"eif-notebooks"}}
	req, _ := http.NewRequestWithContext(ctx, "GET", h.url+"/user/"+user+"/git-pull/api?"+q.Encode(), nil)
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

// secondPull edits notebook 02 in s01's home, adds a file to the course
// upstream, pulls again, and checks that both the edit and the file are there.
func (h *hub) secondPull(t *testing.T, ctx context.Context, token, work, course string) {
	t.Helper()
	path := "/user/s01/api/contents/eif-notebooks/notebooks/" + classNotebook
	code, body := h.do(ctx, "GET", path, token, nil)
	var model struct {
		Content map[string]any `json:"content"`
	}
	if err := json.Unmarshal(body, &model); code != 200 || err != nil {
		t.Fatalf("GET notebook 02 from s01's server: HTTP %d (%v)", code, err)
	}
	edit := "STUDENT EDIT " + testenv.RandomHex(6)
	cells := model.Content["cells"].([]any)
	first := cells[0].(map[string]any)
	first["source"] = notebooks.JoinText(first["source"]) + "\n\n" + edit
	if code := h.put(ctx, path, token, map[string]any{"type": "notebook", "format": "json", "content": model.Content}); code != 200 {
		t.Fatalf("s01 could not save the edited notebook: HTTP %d", code)
	}
	clone := filepath.Join(work, "teacher")
	gitRun(t, "", "clone", "--quiet", course, clone)
	news := "teacher-news-" + testenv.RandomHex(4) + ".md"
	if err := os.WriteFile(filepath.Join(clone, "notebooks", news), []byte("New this week.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	gitRun(t, clone, "add", ".")
	gitRun(t, clone, "-c", "user.name=Teacher", "-c", "user.email=teacher@example.org", "commit", "--quiet", "-m", "news")
	gitRun(t, clone, "push", "--quiet", "origin", "HEAD:main")
	if err := h.gitPull(ctx, "s01", token); err != nil {
		t.Errorf("second pull: %v", err)
	}
	_, body = h.do(ctx, "GET", path, token, nil)
	if !strings.Contains(string(body), edit) {
		t.Errorf("the student's edit of %s did not survive the second pull", classNotebook)
	}
	if code := h.status(ctx, "/user/s01/api/contents/eif-notebooks/notebooks/"+news, token); code != 200 {
		t.Errorf("the second pull did not bring the teacher's new file %s: HTTP %d", news, code)
	}
}

// stopServers stops every student's server through the hub's API and waits
// until the hub reports none running.
func (h *hub) stopServers(t *testing.T, ctx context.Context, results []studentResult) {
	t.Helper()
	start := time.Now()
	for _, r := range results {
		if r.Token == "" {
			continue
		}
		if code, body := h.do(ctx, "DELETE", "/hub/api/users/"+r.User+"/server", r.Token, nil); code != 202 && code != 204 {
			t.Errorf("stopping %s's server: HTTP %d: %s", r.User, code, body)
		}
	}
	for _, r := range results {
		for r.Token != "" {
			_, body := h.do(ctx, "GET", "/hub/api/users/"+r.User, r.Token, nil)
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

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	testenv.Run(t, dir, nil, "git", args...)
}

// studentResult is the summary deploy/hub/student.py prints.
type studentResult struct {
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
	err string
}

func runStudent(ctx context.Context, venv string, h *hub, user, out string) studentResult {
	cmd := exec.CommandContext(ctx, filepath.Join(venv, "bin", "python"), filepath.Join(repoRoot, "deploy", "hub", "student.py"),
		"--hub", h.url, "--user", user, "--password", h.password, "--repo", "/srv/course.git",
		"--notebook", "notebooks/"+classNotebook, "--runs", "2", "--out", out)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	r := studentResult{User: user}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if jerr := json.Unmarshal([]byte(lines[len(lines)-1]), &r); jerr != nil && err == nil {
		err = jerr
	}
	if err != nil {
		r.err = fmt.Sprintf("student.py: %v: %s", err, strings.TrimSpace(stderr.String()))
	}
	return r
}

// --- statistics

type summaryStats struct {
	N             int
	P50, P95, Max float64
}

func stats(xs []float64) summaryStats {
	if len(xs) == 0 {
		return summaryStats{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return summaryStats{N: len(s), P50: quantile(s, 0.5), P95: quantile(s, 0.95), Max: s[len(s)-1]}
}

// quantile of sorted data, by linear interpolation between order statistics.
func quantile(s []float64, q float64) float64 {
	pos := q * float64(len(s)-1)
	i := int(pos)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (pos-float64(i))*(s[i+1]-s[i])
}

func fmtStats(xs []float64) string {
	s := stats(xs)
	return fmt.Sprintf("n=%d p50 %.1f s, p95 %.1f s, max %.1f s", s.N, s.P50, s.P95, s.Max)
}

func epoch(sec float64) time.Time { return time.Unix(0, int64(sec*1e9)) }

func b2s(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

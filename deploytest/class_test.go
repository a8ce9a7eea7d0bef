package deploytest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/cookiejar"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/hub"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/procs"
	"github.com/eif-notebooks/eif-notebooks/internal/stats"
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
	img := docker.RequireImage(t)
	venv := hub.Venv(t)
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
	publishCourse(t, course)

	h := hub.Start(t, ctx, venv, img, work, course, students)
	defer h.Stop(t)

	// --- a wrong password is refused
	if code, ok := hub.Login(h.URL, "s01", "not-the-password", nil); code != http.StatusForbidden || ok {
		t.Errorf("login with a wrong password: HTTP %d, logged in %v; want 403, not logged in", code, ok)
	}

	// --- the class: every student at once, each in their own process
	sampler := procs.NewSampler(h.Prefix)
	go sampler.Run(ctx)
	outDir := filepath.Join(repoRoot, "out", "test", "class")
	_ = os.RemoveAll(outDir)
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	results := make([]hub.Student, students)
	var wg sync.WaitGroup
	start := time.Now()
	for i := range results {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = hub.RunStudent(ctx, venv, h, fmt.Sprintf("s%02d", i+1), "notebooks/"+classNotebook, outDir)
		}(i)
	}
	wg.Wait()
	t.Logf("%d students: all done in %.1f s", students, time.Since(start).Seconds())
	mem := sampler.Report()

	var cold, warm, spawn, pull, cpuCold, cpuWarm []float64
	for _, r := range results {
		if r.Err != "" {
			t.Errorf("student %s: %s", r.User, r.Err)
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
			cpu := sampler.CPUBetween(r.User, epoch(run.Start), epoch(run.End))
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
		"students": students, "cores": runtime.NumCPU(), "notebook": classNotebook,
		"cold_s": stats.Of(cold), "warm_s": stats.Of(warm), "spawn_s": stats.Of(spawn), "pull_s": stats.Of(pull),
		"memory_mb": mem, "cpu_s_cold": stats.Of(cpuCold), "cpu_s_warm": stats.Of(cpuWarm),
		"load_average": stats.Round1(sampler.LoadAverage()),
	}
	b, _ := json.MarshalIndent(summary, "", "  ")
	_ = os.WriteFile(filepath.Join(outDir, "summary.json"), b, 0o644)
	t.Logf("class of %d on %d cores (mean load average %.1f), notebook 02, time to the last output:\n  cold %s\n  warm %s\n  spawn %s\n  pull %s\n"+
		"  CPU time of a student's container during a run: cold %s, warm %s\n  memory per student (MB): %s",
		students, runtime.NumCPU(), sampler.LoadAverage(), stats.Seconds(cold), stats.Seconds(warm), stats.Seconds(spawn), stats.Seconds(pull), stats.Seconds(cpuCold), stats.Seconds(cpuWarm), b2s(mem))
	if len(results) < 2 || results[0].Err != "" || results[1].Err != "" {
		t.Fatal("students s01 and s02 did not both get a server: no isolation checks")
	}
	a, bStudent := results[0], results[1]

	// --- isolation: tokens, cookies, files
	if code := h.Status(ctx, "/user/s02/api/contents", a.Token); code != http.StatusForbidden {
		t.Errorf("s01's token on s02's server: HTTP %d, want 403", code)
	}
	if code := h.Status(ctx, "/user/s02/api/contents", bStudent.Token); code != http.StatusOK {
		t.Errorf("s02's token on s02's own server: HTTP %d, want 200", code)
	}
	jar, _ := cookiejar.New(nil)
	if code, ok := hub.Login(h.URL, "s01", h.Password, jar); !ok {
		t.Errorf("s01 could not log in with the right password (HTTP %d)", code)
	} else {
		if code := hub.CookieGet(ctx, jar, h.URL+"/user/s02/lab"); code != http.StatusForbidden {
			t.Errorf("s01's cookie on s02's server: HTTP %d, want 403", code)
		}
		if code := hub.CookieGet(ctx, jar, h.URL+"/user/s01/lab"); code != http.StatusOK {
			t.Errorf("s01's cookie on s01's own server: HTTP %d, want 200", code)
		}
	}
	secret := "secret-of-s02-" + testenv.RandomHex(8)
	if code := h.Put(ctx, "/user/s02/api/contents/secret.txt", bStudent.Token,
		map[string]any{"type": "file", "format": "text", "content": secret}); code != 200 && code != 201 {
		t.Errorf("s02 could not save a file: HTTP %d", code)
	}
	if code := h.Status(ctx, "/user/s01/api/contents/..%2Fsecret.txt", a.Token); code == http.StatusOK {
		t.Errorf("s01 read ../secret.txt through its own server")
	}
	if out, err := docker.Run(ctx, "exec", "-u", "1000", h.Prefix+"-s01", "sh", "-c",
		"grep -rIl --exclude-dir=.cache "+secret+" /home /srv /tmp /mnt /media /root 2>/dev/null; true"); err != nil || out != "" {
		t.Errorf("s02's file is readable in s01's container (%v): %q", err, out)
	}

	// --- the cell cache: each student's in their own home; the image's seed read-only
	checkCellCaches(t, ctx, h, a, bStudent)

	// --- limits and mounts: 2G and one core each; only the student's own home
	if got, err := docker.Run(ctx, "inspect", "-f", "{{.HostConfig.Memory}} {{.HostConfig.CpuQuota}} {{.HostConfig.CpuPeriod}}", h.Prefix+"-s01"); err != nil || got != "2147483648 100000 100000" {
		t.Errorf("s01's container limits (memory, CPU quota, period): %q (%v), want 2 GiB and one core", got, err)
	}
	if got, err := docker.Run(ctx, "inspect", "-f", "{{range .Mounts}}{{if .Name}}{{.Name}}{{else}}{{.Source}}{{end}}:{{.Destination}}:{{.RW}} {{end}}", h.Prefix+"-s01"); err != nil ||
		!strings.Contains(got, h.Prefix+"-home-s01:/home/jovyan:true") || strings.Contains(got, "-home-s02") || !strings.Contains(got, ":/srv/course.git:false") {
		t.Errorf("s01's container mounts %q (%v): want its own home (rw) and the course (read-only) only", got, err)
	}

	// --- a student's edit survives a second pull, which brings the teacher's new file
	secondPull(t, ctx, h, a.Token, work, course)

	// --- stopping every server leaves no process behind
	h.StopServers(t, ctx, results)
	sampler.Stop()
	h.Stop(t)
	procs.CheckNoneLeft(t, sampler.Seen(), sampler.ContainerIDs())
}

// checkCellCaches checks the kernel's cell cache on the hub (internal/cellcache):
// the two runs of notebook 02 took every cell from the image's seed (s01's own
// cache has no cell, and its kernels logged no problem of the cache); a new
// cell that s01 runs is stored in s01's home (the volume mounted at
// /home/jovyan), owned by s01 and private; s02's container does not have it
// and cannot write into the seed, whose every file is root's and read-only.
func checkCellCaches(t *testing.T, ctx context.Context, h *hub.Hub, a, b hub.Student) {
	t.Helper()
	inContainer := func(user, script string) string {
		out, err := docker.Run(ctx, "exec", "-u", "1000", h.Prefix+"-"+user, "bash", "-c", script)
		if err != nil {
			t.Errorf("in %s's container: %v", user, err)
		}
		return out
	}
	cells := inContainer(a.User, `ls -A ~/.cache/eif-cells/v1/cells 2>/dev/null | wc -l`)
	logs, _ := docker.Logs(ctx, h.Prefix+"-"+a.User)
	var said []string
	for _, line := range strings.Split(logs, "\n") {
		if strings.Contains(line, "eif cell cache") {
			said = append(said, line)
		}
	}
	if cells != "0" || len(said) > 0 {
		t.Errorf("s01's runs of %s did not take every cell from the image's seed: %s cells in s01's own cache; the cache's log:\n  %s\n"+
			"(the course and the image must hold the same eif/ and notebooks: commit before make image)", classNotebook, cells, strings.Join(said, "\n  "))
	}

	// A cell that is in no seed: built and stored in s01's own cache.
	k, err := h.StartKernel(ctx, a.User, a.Token)
	if err != nil {
		t.Errorf("a kernel on s01's server: %v", err)
		return
	}
	marker := "cell-cache-of-s01-" + testenv.RandomHex(6)
	res, err := k.Execute(ctx, "%%\nfmt.Println(\""+marker+"\")")
	k.Shutdown(ctx)
	if err != nil || res.Error != "" || !strings.Contains(res.Stdout, marker) {
		t.Errorf("s01's new cell: %v %s, output %q", err, res.Error, res.Stdout+res.Stderr)
	}
	got := inContainer(a.User, `set -u
c=~/.cache/eif-cells
dir=$(grep -l -- '`+marker+`' $c/v1/cells/*/main.go | xargs -r dirname)
[ -n "$dir" ] || { echo "no entry of the new cell in $c"; exit 0; }
echo "$(basename "$dir") $(df --output=target "$dir" | tail -1) $(stat -c '%u:%a' $c $c/v1 "$dir" "$dir/entry" "$dir/entry.key" | tr '\n' ' ')"`)
	f := strings.Fields(got)
	if len(f) != 7 || f[1] != "/home/jovyan" {
		t.Fatalf("s01's new cell in s01's cell cache: %q; want its entry in the home's volume (/home/jovyan)", got)
	}
	for i, st := range f[2:] {
		uid, mode, _ := strings.Cut(st, ":")
		if m, err := strconv.ParseUint(mode, 8, 32); uid != "1000" || err != nil || m&0o022 != 0 || (i < 3 && m&0o077 != 0) {
			t.Errorf("s01's cell cache: %s is uid:mode %s; want s01's (1000), folders private, no file writable by others", []string{"the cache", "v1", "the cell", "entry", "entry.key"}[i], st)
		}
	}
	t.Logf("s01's new cell: entry %s in s01's home (%s), %s", f[0], f[1], strings.Join(f[2:], " "))

	// s02 sees none of it, and cannot write into the seed that every kernel reads.
	if out := inContainer(b.User, `ls -d ~/.cache/eif-cells/v1/cells/`+f[0]+` 2>/dev/null; grep -rlF -- '`+marker+`' /home /tmp /opt/eif/cell-cache 2>/dev/null | head -3; true`); out != "" {
		t.Errorf("s01's cell is in s02's container: %q", out)
	}
	seed := inContainer(b.User, `s=/opt/eif/cell-cache
ls -A $s/v1/cells | wc -l
find $s \( ! -user root -o -perm /022 -o -writable \) -print | head -3
for p in $s $s/v1 $s/v1/cells "$(ls -d $s/v1/cells/* | head -1)"; do
	touch "$p/x" 2>/dev/null && echo "wrote $p/x"; mkdir "$p/d" 2>/dev/null && echo "made $p/d"
done; true`)
	if lines := strings.Split(seed, "\n"); len(lines) != 1 || lines[0] == "0" {
		t.Errorf("the image's seed, from s02's container: want cells, all root's and read-only, nothing written; got %q", seed)
	} else {
		t.Logf("the image's seed: %s cells, root's and read-only for s02", lines[0])
	}
}

// secondPull edits notebook 02 in s01's home, adds a file to the course
// upstream, pulls again, and checks that both the edit and the file are there.
func secondPull(t *testing.T, ctx context.Context, h *hub.Hub, token, work, course string) {
	t.Helper()
	path := "/user/s01/api/contents/eif-notebooks/notebooks/" + classNotebook
	code, body := h.Do(ctx, "GET", path, token, nil)
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
	if code := h.Put(ctx, path, token, map[string]any{"type": "notebook", "format": "json", "content": model.Content}); code != 200 {
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
	if err := h.GitPull(ctx, "s01", token); err != nil {
		t.Errorf("second pull: %v", err)
	}
	_, body = h.Do(ctx, "GET", path, token, nil)
	if !strings.Contains(string(body), edit) {
		t.Errorf("the student's edit of %s did not survive the second pull", classNotebook)
	}
	if code := h.Status(ctx, "/user/s01/api/contents/eif-notebooks/notebooks/"+news, token); code != 200 {
		t.Errorf("the second pull did not bring the teacher's new file %s: HTTP %d", news, code)
	}
}

func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	testenv.Run(t, dir, nil, "git", args...)
}

func epoch(sec float64) time.Time { return time.Unix(0, int64(sec*1e9)) }

func b2s(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

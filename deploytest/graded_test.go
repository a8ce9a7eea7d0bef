package deploytest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/course"
	"github.com/eif-notebooks/eif-notebooks/internal/docker"
	"github.com/eif-notebooks/eif-notebooks/internal/hub"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// The graded work through the real hub (docs/exercises.md, as a teacher and
// students do it, with no hand edit): the hub of deploy/hub/ with its proxy,
// DockerSpawner and the image, the teacher's make targets on the server.
//
//  1. An English class (EIF_CLASS_LANG=en): the teacher generates part-a
//     and its French twin, releases (make release releases part-a, the class's
//     language); students s01 (A) and s02 (B) log in, fetch part-a in their own
//     containers through the Assignment List's API, run the setup cell (the
//     released go.mod points at the image's copy of the module), answer, run,
//     submit; A submits twice (the second replaces the first); B also submits
//     from her container in A's name. The teacher collects (no cheating
//     warning; B's submission in A's name skipped), grades as an unprivileged
//     user, generates and releases the feedback; each fetches their own (HTML,
//     score per cell). B cannot list, read or change A's submissions, feedback
//     or grades: they are not in her container. Students get no instructor
//     tools. grades.csv lists part-a only (its French twin was not released).
//  2. The same hub restarted as a French class (EIF_CLASS_LANG=fr, the one
//     setting): s03 gets JupyterLab in French, lands in notebooks/fr/, and
//     make release releases partie-a, which s03 fetches, answers in French and
//     submits; graded, with its feedback.
func TestGradedWorkOnHub(t *testing.T) {
	// Part of make test since TestAssignments' cost was cut: 130 s on a quiet
	// 2-core machine (625 s beside a whole CI run, before that cut).
	if testing.Short() {
		t.Skip("-short: no hub")
	}
	if os.Getuid() != 0 {
		testenv.SkipOrFail(t, "the graded work on the hub runs as root (the hub makes each student's folders of the exchange, owned by the containers' uid)")
	}
	img := docker.RequireImage(t)
	venv := hub.Venv(t)
	v := testenv.RequireVenv(t, repoRoot, "nbgrader")
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Minute)
	defer cancel()
	start := time.Now()
	times := map[string]time.Duration{}
	step := func(name string, f func()) {
		t.Helper()
		s := time.Now()
		f()
		times[name] += time.Since(s)
	}

	c := course.New(t, v, append(v.JupyterEnv("", ""), "EIF_CELL_TIMEOUT=120"), "part-a", "partie-a")
	git := filepath.Join(c.Work, "course.git")
	publishCourse(t, git)
	step("make assignments", func() { c.Make(t, "assignments", "ASSIGNMENTS=part-a partie-a") })
	gomod, _ := os.ReadFile(filepath.Join(c.Dir, "release", "part-a", "go.mod"))
	if !strings.Contains(string(gomod), "=> /opt/eif/eif-notebooks") {
		t.Errorf("the released go.mod does not point at the image's copy of the module:\n%s", gomod)
	}

	h := hub.Start(t, ctx, venv, img, c.Work, git, 3, "EIF_NBGRADER_EXCHANGE="+c.Exchange, "EIF_CLASS_LANG=en")
	var released string
	step("make release", func() { released = c.Make(t, "release", "ASSIGNMENTS=part-a") })
	if !strings.Contains(released, "releasing part-a") || strings.Contains(released, "partie-a") {
		t.Errorf("make release, English class: want part-a only released:\n%s", released)
	}

	out := filepath.Join(repoRoot, "out", "test", "graded")
	_ = os.RemoveAll(out)
	solutions := course.Answers(t, "part-a")
	wrong := map[string]string{}
	for k, s := range solutions {
		wrong[k] = s
	}
	// B: a wrong curvature (Ex. 2), and an os.Exit(0) that must not pass for a test run to its end (Ex. 3).
	wrong["ex2-solution"] = "func curvatureFD(n *eif.Neuron, u, h float64) float64 {\n\treturn (n.DuDt(u+h, 0) - n.DuDt(u, 0)) / h\n}"
	wrong["ex3-solution"] = "import \"os\"\n\nfunc toSI(curvature float64) float64 {\n\tos.Exit(0)\n\treturn 0\n}"
	firstTry := map[string]string{} // A's first submission: a wrong Ex. 1, which her second replaces
	for k, s := range solutions {
		firstTry[k] = s
	}
	firstTry["ex1-solution"] = "func fixedPointsI0(n *eif.Neuron) (u1, u2 float64, err error) {\n\treturn -70, -30, nil\n}"
	files := map[string]string{
		"A1": course.WriteAnswers(t, filepath.Join(c.Work, "a1.json"), firstTry),
		"A2": course.WriteAnswers(t, filepath.Join(c.Work, "a2.json"), solutions),
		"B":  course.WriteAnswers(t, filepath.Join(c.Work, "b.json"), wrong),
	}
	graded := func(user, file string, more ...string) hub.Graded {
		t.Helper()
		args := append([]string{"--assignment", "part-a", "--course", course.ID}, more...)
		if file != "" {
			args = append(args, "--answers", file)
		}
		r := hub.RunGraded(ctx, venv, h, user, out, args...)
		if r.Err != "" {
			t.Fatalf("%s: %s", user, r.Err)
		}
		return r
	}

	// --- the students, at once: fetch, setup, answer, run, submit
	var a1, b hub.Graded
	var wg sync.WaitGroup
	step("students: fetch, run, submit", func() {
		wg.Add(2)
		go func() {
			defer wg.Done()
			a1 = hub.RunGraded(ctx, venv, h, "s01", out, "--assignment", "part-a", "--answers", files["A1"], "--submit")
		}()
		go func() {
			defer wg.Done()
			b = hub.RunGraded(ctx, venv, h, "s02", out, "--assignment", "part-a", "--answers", files["B"], "--submit")
		}()
		wg.Wait()
	})
	for _, r := range []hub.Graded{a1, b} {
		if r.Err != "" {
			t.Fatalf("%s: %s", r.User, r.Err)
		}
		if strings.Join(r.Listed, " ") != "part-a" {
			t.Errorf("%s's Assignment List shows %v, want part-a only", r.User, r.Listed)
		}
		ran := readRun(t, r)
		if got := stdout(cellByID(t, ran, "setup")); !strings.Contains(got, "setup done") {
			t.Errorf("%s's setup cell in the container: %q, stderr %q", r.User, got, stderrOf(cellByID(t, ran, "setup")))
		}
		t.Logf("%s: spawn %.1f s, fetch %.1f s, run %.1f s (setup cell included), submit %.1f s", r.User, r.SpawnS, r.FetchS, r.Runs[0].ToLastOutputS, r.SubmitS)
	}
	if got := stdout(cellByID(t, readRun(t, b), "ex4-test")); !strings.Contains(got, "Ex. 4: the checks passed") {
		t.Errorf("B's right answer to Ex. 4 does not pass in her container: %q", got)
	}
	// A resubmits, the solutions this time; B submits from her container in A's name.
	step("students: fetch, run, submit", func() { graded("s01", files["A2"], "--submit") })
	bForge := mustDocker(t, ctx, "exec", "-u", "1000", h.Prefix+"-s02", "sh", "-c",
		"cd ~ && nbgrader submit part-a --student=s01 2>&1; echo rc=$?")
	if !strings.Contains(bForge, "rc=0") {
		t.Logf("B's submission in A's name was refused in her container: %s", bForge)
	}

	// --- what B's container holds of the exchange: her own submissions, nothing of A's;
	// and no solution anywhere (the image and the course are published without them)
	checkSealed(t, ctx, h, c.Exchange, "s01", "s02")
	if found := mustDocker(t, ctx, "exec", "-u", "1000", h.Prefix+"-s02", "sh", "-c",
		"ls -d /opt/eif/eif-notebooks/exercises/source 2>/dev/null; grep -rlE --include='*.ipynb' 'BEGIN SOLUTION|BEGIN HIDDEN TESTS' /opt/eif/eif-notebooks /home/jovyan 2>/dev/null; true"); strings.TrimSpace(found) != "" {
		t.Errorf("a student's container holds the solutions: %s", found)
	}

	// --- the teacher: collect, grade, feedback
	var collected, gradedOut string
	step("make collect", func() { collected = c.Make(t, "collect") })
	if strings.Contains(collected, "cheating attempt") {
		t.Errorf("make collect warned of a cheating attempt for honest work:\n%s", collected)
	}
	if bForge != "" && strings.Contains(bForge, "rc=0") && !strings.Contains(collected, "s02's submission folder but claims to be s01's") {
		t.Errorf("B's submission in A's name was not skipped by make collect:\n%s", collected)
	}
	step("make grade", func() { gradedOut = c.Make(t, "grade") })
	t.Logf("make grade:\n%s", lastLines(gradedOut, 8))
	step("make feedback", func() { c.Make(t, "feedback") })
	totals := course.ReadCSV(t, filepath.Join(c.Dir, "grades.csv"))
	for _, r := range totals {
		if r["assignment"] != "part-a" {
			t.Errorf("grades.csv lists %s, which was not released: %v", r["assignment"], r)
		}
	}
	want := map[string]string{"s01": "7.0", "s02": "4.0"} // A: all 7 autograded points; B: Ex. 1 and Ex. 4 only
	for user, score := range want {
		found := false
		for _, r := range totals {
			if r["student_id"] == user && r["assignment"] == "part-a" {
				found = true
				if r["raw_score"] != score {
					t.Errorf("%s scores %s on part-a, want %s (A: her second submission; B: a wrong answer and an os.Exit(0))", user, r["raw_score"], score)
				}
			}
		}
		if !found {
			t.Errorf("no part-a row for %s in grades.csv", user)
		}
	}

	// --- each student fetches their own feedback: an HTML page, a score per cell
	step("students: fetch feedback", func() {
		for _, user := range []string{"s01", "s02"} {
			r := graded(user, "", "--feedback")
			if len(r.Feedback) != 1 {
				t.Errorf("%s fetched %d feedback pages, want 1", user, len(r.Feedback))
				continue
			}
			page, _ := os.ReadFile(r.Feedback[0])
			scores := regexp.MustCompile(`\(Score: [0-9.]+ / [0-9.]+\)`).FindAllString(string(page), -1)
			if len(scores) < 5 {
				t.Errorf("%s's feedback shows %d scores, want one per graded cell and the total", user, len(scores))
			}
			if user == "s02" && !strings.Contains(string(page), "did not run to its end") {
				t.Errorf("B's feedback does not say why her Ex. 3 (os.Exit(0)) lost its points")
			}
		}
	})
	checkSealed(t, ctx, h, c.Exchange, "s01", "s02")
	checkNoTeacherTools(t, ctx, h, a1.Token, "s01")
	english := time.Since(start)

	// --- a French class: the same hub, restarted with the one setting
	stopping := time.Now()
	h.Stop(t) // SIGINT, as Ctrl-C: the hub stops the two students' servers
	t.Logf("the hub stopped with 2 running servers in %.1f s (SIGINT, as Ctrl-C)", time.Since(stopping).Seconds())
	h = hub.Start(t, ctx, venv, img, c.Work, git, 3, "EIF_NBGRADER_EXCHANGE="+c.Exchange, "EIF_CLASS_LANG=fr")
	step("make release", func() { released = c.Make(t, "release", "ASSIGNMENTS=part-a") })
	if !strings.Contains(released, "releasing partie-a") {
		t.Errorf("make release, French class: want partie-a released:\n%s", released)
	}
	var fr hub.Graded
	step("students: fetch, run, submit", func() {
		fr = hub.RunGraded(ctx, venv, h, "s03", out, "--assignment", "partie-a", "--course", course.ID,
			"--answers", course.WriteAnswers(t, filepath.Join(c.Work, "fr.json"), course.Answers(t, "partie-a")), "--submit")
	})
	if fr.Err != "" {
		t.Fatalf("s03 (French class): %s", fr.Err)
	}
	ran := readRun(t, fr)
	if got := stdout(cellByID(t, ran, "ex1-test")); !strings.Contains(got, "Ex. 1 : vérifications réussies") {
		t.Errorf("the French assignment's test in s03's container: %q, stderr %q", got, stderrOf(cellByID(t, ran, "ex1-test")))
	}
	checkFrenchServer(t, ctx, h, fr.Token, "s03")
	step("make collect", func() { c.Make(t, "collect") })
	step("make grade", func() { c.Make(t, "grade") })
	step("make feedback", func() { c.Make(t, "feedback") })
	step("students: fetch feedback", func() {
		r := hub.RunGraded(ctx, venv, h, "s03", out, "--assignment", "partie-a", "--course", course.ID, "--feedback")
		if r.Err != "" || len(r.Feedback) != 1 {
			t.Errorf("s03's feedback: %d pages (%s)", len(r.Feedback), r.Err)
		}
	})
	totals = course.ReadCSV(t, filepath.Join(c.Dir, "grades.csv"))
	seen := map[string]bool{}
	for _, r := range totals {
		seen[r["assignment"]] = true
		if r["student_id"] == "s03" && r["assignment"] == "partie-a" && r["raw_score"] != "7.0" {
			t.Errorf("s03 scores %s on partie-a, want 7.0", r["raw_score"])
		}
	}
	if !seen["part-a"] || !seen["partie-a"] || len(seen) != 2 {
		t.Errorf("grades.csv lists %v, want the two released assignments", seen)
	}
	t.Logf("graded work through the hub: English class %.0f s, with the French class %.0f s; %s", english.Seconds(), time.Since(start).Seconds(), fmtTimes(times))
}

// publishCourse publishes the course for the students into the bare
// repository dest, as `make hub` does (deploy/hub/publish-course.sh), and
// checks that nothing of the assignments' sources is in it, history included.
func publishCourse(t *testing.T, dest string) {
	t.Helper()
	gitRun(t, "", "init", "--quiet", "--bare", dest)
	testenv.Run(t, repoRoot, nil, filepath.Join(repoRoot, "deploy", "hub", "publish-course.sh"), dest, "main")
	gitRun(t, "", "--git-dir="+dest, "symbolic-ref", "HEAD", "refs/heads/main")
	objects := testenv.Run(t, "", nil, "git", "--git-dir="+dest, "rev-list", "--all", "--objects")
	if strings.Contains(objects, "exercises/source/") {
		t.Fatalf("the course published for the students holds exercises/source (the solutions)")
	}
}

// checkSealed checks that nothing of A's submissions and feedback, as the
// server keeps them (EXCHANGE/eif/inbound/A, feedback/A), is anywhere in B's
// container (by name: B may have made her own submissions in A's name), and
// that B's container mounts only her own folders of the exchange.
func checkSealed(t *testing.T, ctx context.Context, h *hub.Hub, exchange, a, b string) {
	t.Helper()
	container := h.Prefix + "-" + b
	var names []string
	for _, dir := range []string{"inbound", "feedback"} {
		entries, _ := os.ReadDir(filepath.Join(exchange, course.ID, dir, a))
		for _, e := range entries {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatalf("no submission of %s on the server to look for", a)
	}
	var find []string
	for _, n := range names {
		find = append(find, "-name '"+n+"'")
	}
	found := mustDocker(t, ctx, "exec", "-u", "1000", container, "sh", "-c",
		"find /srv /home /tmp \\( "+strings.Join(find, " -o ")+" \\) 2>/dev/null; true")
	if strings.TrimSpace(found) != "" {
		t.Errorf("%s's container holds %s's submissions or feedback: %s", b, a, found)
	}
	mounts := mustDocker(t, ctx, "inspect", "-f", "{{range .Mounts}}{{.Source}}:{{.Destination}}:{{.RW}} {{end}}", container)
	for _, m := range strings.Fields(mounts) {
		if strings.Contains(m, "/inbound/"+a+":") || strings.Contains(m, "/feedback/"+a+":") || strings.Contains(m, "/course:") ||
			strings.Contains(m, ":/srv/nbgrader/exchange/eif/outbound:true") {
			t.Errorf("%s's container mounts %s", b, m)
		}
	}
	if !strings.Contains(mounts, "/inbound/"+b+":/srv/nbgrader/exchange/eif/inbound:true") {
		t.Errorf("%s's container does not mount her own submissions folder read-write: %s", b, mounts)
	}
	t.Logf("%s's container: none of %s's %d submissions and feedback pages; mounts %s", b, a, len(names), mounts)
}

// checkNoTeacherTools checks that a student's server has none of nbgrader's
// instructor tools: no formgrader, no course list; the Create Assignment and
// formgrader plugins disabled in JupyterLab.
func checkNoTeacherTools(t *testing.T, ctx context.Context, h *hub.Hub, token, user string) {
	t.Helper()
	// /formgrader and /formgraders (nbgrader's course_list) are the teacher's;
	// /courses is the Assignment List's own list of the student's courses.
	for _, path := range []string{"/formgrader", "/formgraders"} {
		if code := h.Status(ctx, "/user/"+user+path, token); code != 404 {
			t.Errorf("a student's %s: HTTP %d, want 404 (the instructor's tools are off)", path, code)
		}
	}
	if code := h.Status(ctx, "/user/"+user+"/assignments?course_id=eif", token); code != 200 {
		t.Errorf("a student's Assignment List: HTTP %d, want 200", code)
	}
	_, page := h.Do(ctx, "GET", "/user/"+user+"/lab", token, nil)
	for _, plugin := range []string{"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment", "@jupyter/nbgrader:course-list"} {
		if !regexp.MustCompile(`"disabledExtensions":\s*[\[{][^\]}]*"` + regexp.QuoteMeta(plugin) + `"`).Match(page) {
			t.Errorf("JupyterLab's page for a student does not disable %s", plugin)
		}
	}
}

// checkFrenchServer checks the French class's server: the French settings of
// JupyterLab, the French charts, and the landing in notebooks/fr.
func checkFrenchServer(t *testing.T, ctx context.Context, h *hub.Hub, token, user string) {
	t.Helper()
	_, page := h.Do(ctx, "GET", "/user/"+user+"/lab", token, nil)
	if !strings.Contains(string(page), "settings-fr") {
		t.Errorf("the French class's JupyterLab does not read the French settings (settings-fr)")
	}
	env := mustDocker(t, ctx, "inspect", "-f", "{{range .Config.Env}}{{println .}}{{end}}", h.Prefix+"-"+user)
	if !strings.Contains(env, "EIF_LANG=fr") {
		t.Errorf("the French class's container has no EIF_LANG=fr")
	}
	if !regexp.MustCompile(`JUPYTERHUB_DEFAULT_URL=\S*notebooks(%2F|/)fr`).MatchString(env) {
		t.Errorf("the French class does not land in notebooks/fr: %s", regexp.MustCompile(`JUPYTERHUB_DEFAULT_URL=\S*`).FindString(env))
	}
}

func mustDocker(t *testing.T, ctx context.Context, args ...string) string {
	t.Helper()
	out, err := docker.Run(ctx, args...)
	if err != nil {
		t.Fatalf("docker %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return out
}

func readRun(t *testing.T, r hub.Graded) *notebooks.Notebook {
	t.Helper()
	if len(r.Runs) == 0 {
		t.Fatalf("%s ran no notebook", r.User)
	}
	nb, err := notebooks.Read(r.Runs[0].Notebook)
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func cellByID(t *testing.T, nb *notebooks.Notebook, id string) notebooks.Cell {
	t.Helper()
	for _, c := range nb.Cells {
		if strings.Contains(string(c.Metadata), `"grade_id": "`+id+`"`) || strings.Contains(string(c.Metadata), `"grade_id":"`+id+`"`) {
			return c
		}
	}
	t.Fatalf("no cell %s", id)
	return notebooks.Cell{}
}

func stdout(c notebooks.Cell) string {
	var b strings.Builder
	for _, o := range c.Outputs {
		if o.OutputType == "stream" && o.Name == "stdout" {
			b.WriteString(string(o.Text))
		}
	}
	return b.String()
}

func stderrOf(c notebooks.Cell) string {
	var out []string
	for _, o := range c.Outputs {
		if p := notebooks.OutputProblem(o); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, "; ")
}

func fmtTimes(times map[string]time.Duration) string {
	var parts []string
	for _, k := range []string{"make assignments", "make release", "students: fetch, run, submit", "make collect", "make grade", "make feedback", "students: fetch feedback"} {
		parts = append(parts, fmt.Sprintf("%s %.1f s", k, times[k].Seconds()))
	}
	return strings.Join(parts, ", ")
}

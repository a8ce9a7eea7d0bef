package exercises_test

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/course"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// repoRoot is the repository root: the tests run in exercises/.
var repoRoot = testenv.RepoRoot()

// cellTimeout is the per-cell timeout of the test's grading (s): it cuts the
// endless loop of one submission, and leaves room for a loaded machine.
const cellTimeout = 30

const courseID = course.ID

// TestAssignments runs the whole nbgrader loop as the teacher and the students
// of docs/exercises.md do, on a copy of the course folder and a local
// exchange laid out as the hub lays it out (each student sees the released
// assignments and their own submissions and feedback only: symbolic links
// stand for the hub's mounts): make assignments (generate the student
// versions in both languages), make release, each student's fetch, answers
// and submit with the students' nbgrader configuration of the image, make
// collect, make grade (autograde as an unprivileged user, export
// the tables), make feedback and each student's fetch_feedback. It checks
// every score against what each answer deserves (answers_test.go), the
// cheats and wrong answers that must lose their points, resubmission,
// lateness, bad input, what the grader's kernel can read, and the feedback.
// A French class shares the course and the exchange (make's CLASS_LANG picks
// the language): its student, amelie, goes through the same loop with the
// French twin of part-a. The hub test (deploytest/graded_test.go) runs the
// loop through the real hub.
//
// What it costs: each run of a notebook (validate, autograde) takes about 5 s
// of CPU on a quiet machine and 25 s under CI's load, and each nbgrader
// process about 2 s of CPU to start. So the test runs each source at most
// once: make assignments validates only validated (below), because the graded
// solutions (alice's, and amelie's French ones but one) run the sources the
// test releases, with their hidden tests, and TestFrenchAssignmentsInStep
// holds the French twins not run to the English ones' code. Each student
// runs one Assignment List process (testdata/assignment_list.py), not one
// nbgrader per fetch and submit.
func TestAssignments(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the nbgrader loop takes minutes")
	}
	v := testenv.RequireVenv(t, repoRoot, "nbgrader")
	env := append(v.JupyterEnv("", ""), fmt.Sprintf("EIF_CELL_TIMEOUT=%d", cellTimeout))
	english, french := allNames(course.Pairs(t))
	frenchClass := french[:1] // released to the French class
	c := course.New(t, v, env, append(english, french...)...)
	dir, work, exchange := c.Dir, c.Work, c.Exchange
	// The students of this test run on this machine: their go.mod points at the module here.
	mk := func(target string, more ...string) string {
		t.Helper()
		return c.Make(t, target, append([]string{"STUDENT_MODULE_DIR=" + c.Module}, more...)...)
	}

	// make assignments generates every source; it validates one, a French
	// twin that no student submits (its English one is graded, and the
	// twins' code is held in step): the validation step of make assignments
	// is proven, and one more French source runs with its solutions.
	var class *class
	laps := newStopwatch(func() float64 { return class.listsCPU() })
	validated := french[len(french)-1]
	made := mk("assignments", "VALIDATE="+validated)
	if want := "== validating source/" + validated + "/"; strings.Count(made, "== validating ") != 1 || !strings.Contains(made, want) {
		t.Errorf("make assignments VALIDATE=%s did not validate that one source only:\n%s", validated, made)
	}
	generated := laps.lap()
	sources := map[string]*notebook{}
	for _, a := range append(english, french...) {
		sources[a] = readNotebook(t, filepath.Join(dir, "source", a, a+".ipynb"))
		release := readNotebook(t, filepath.Join(dir, "release", a, a+".ipynb"))
		t.Run("no solution left/"+a, func(t *testing.T) { checkNoSolution(t, sources[a], release) })
	}

	// --- the teacher releases the English assignments (an English class)
	class = newClass(t, v, env, exchange, filepath.Join(work, "home"))
	for _, s := range students {
		class.join(s.name)
	}
	t.Log(strings.TrimSpace(mk("release", "CLASS_LANG=en")))

	// --- the students fetch, answer, submit (each in their Assignment List)
	submitAll := func(lang string) {
		for _, s := range students {
			if s.class != lang {
				continue
			}
			for _, a := range s.assignments(english) {
				class.do(s.name, "fetch", a)
				path := filepath.Join(class.home(s.name), a, a+".ipynb")
				if _, err := os.Stat(filepath.Join(filepath.Dir(path), "go.mod")); err != nil {
					t.Errorf("%s's fetched %s has no go.mod: %v", s.name, a, err)
				}
				if s.name == "rita" { // first the untouched version; the solutions come late, below
					class.do(s.name, "submit", a)
					continue
				}
				answerAll(t, path, a, s.name, sources[a], dir)
				if s.name == "eve" {
					class.do(s.name, "submit", a, "as", "alice") // from eve's server, in alice's name (nbgrader submit --student=alice)
					continue
				}
				class.do(s.name, "submit", a)
			}
		}
	}
	submitAll("en")
	// The due date of part-b falls now: rita's second submission is late.
	time.Sleep(1100 * time.Millisecond)
	dueDate := time.Now().UTC().Format("2006-01-02 15:04:05.000000+00:00")
	time.Sleep(1100 * time.Millisecond)
	answerAll(t, filepath.Join(class.home("rita"), "part-b", "part-b.ipynb"), "part-b", "alice", sources["part-b"], dir)
	class.do("rita", "submit", "part-b")
	mk("release", "CLASS_LANG=en", "ASSIGNMENTS=part-b", "DUE="+dueDate)

	// --- the French class: the French twin of part-a, released by its English name
	t.Log(strings.TrimSpace(mk("release", "CLASS_LANG=fr", "ASSIGNMENTS="+english[0])))
	submitAll("fr")

	// --- the teacher collects, grades, returns feedback
	collected := mk("collect") + mk("collect", "CLASS_LANG=fr", "ASSIGNMENTS="+strings.Join(frenchClass, " "))
	if strings.Contains(collected, "cheating attempt") {
		t.Errorf("make collect warned of a cheating attempt:\n%s", collected)
	}
	if !regexp.MustCompile(`eve's submission folder but claims to be alice's`).MatchString(collected) {
		t.Errorf("make collect did not say that eve's submission in alice's name was skipped:\n%s", collected)
	}
	exchanged := laps.lap()
	before := hashes(t, filepath.Join(dir, "submitted"))

	graded := mk("grade")
	gradeTime := laps.lap()
	mk("feedback")
	mk("feedback", "CLASS_LANG=fr", "ASSIGNMENTS="+strings.Join(frenchClass, " "))
	feedbackTime := laps.lap()
	t.Logf("%d students: make assignments (%d sources, %s validated) %s, release+fetch+submit+collect %s, make grade (%d submissions) %s, make feedback %s",
		len(students), len(sources), validated, generated, exchanged, countSubmissions(t, dir), gradeTime, feedbackTime)

	parts := course.ReadCSV(t, filepath.Join(dir, "grades-by-part.csv"))
	totals := course.ReadCSV(t, filepath.Join(dir, "grades.csv"))
	graded2 := func(student, a string) *notebook {
		return readNotebook(t, filepath.Join(dir, "autograded", student, a, a+".ipynb"))
	}
	for _, s := range students {
		if s.name == "eve" {
			continue // her only submission was in alice's name: skipped
		}
		for _, a := range s.assignments(english) {
			want := expected(t, s.name, a, sources[a])
			checkScores(t, a, s.name, want, parts, totals)
			nb := graded2(s.name, a)
			t.Run(fmt.Sprintf("faults/%s/%s", s.name, a), func(t *testing.T) {
				checkFaults(t, s.name, a, nb, readNotebook(t, filepath.Join(dir, "release", a, a+".ipynb")))
			})
		}
	}
	t.Run("released only", func(t *testing.T) {
		checkReleasedOnly(t, append(english, frenchClass...), french[len(frenchClass):], totals, parts)
	})
	for _, a := range english {
		t.Run("solutions write nothing to stderr/"+a, func(t *testing.T) { checkClean(t, graded2("alice", a), "the checks passed", nil) })
		t.Run("student version compiles/"+a, func(t *testing.T) { checkStubsCompile(t, graded2("bob", a)) })
	}
	for _, a := range frenchClass { // amelie's answers are the solutions but for her faults
		t.Run("French solutions pass/"+a, func(t *testing.T) {
			checkClean(t, graded2("amelie", a), "vérifications réussies", faults["amelie"][a])
		})
	}
	t.Run("endless loop cut, grading goes on", func(t *testing.T) { checkTimeoutCut(t, graded2("carol", "part-b"), "ex1-test", "ex2-test") })
	t.Run("resubmission and lateness", func(t *testing.T) { checkLate(t, totals, dueDate) })
	t.Run("bad input", func(t *testing.T) {
		checkBadInput(t, dir, graded2, graded, before, hashes(t, filepath.Join(dir, "submitted")))
	})
	if os.Getuid() == 0 {
		t.Run("graded as "+course.GraderUser+", who reads nothing", func(t *testing.T) { checkGrader(t, graded2("carol", "beyond")) })
	}
	t.Run("feedback", func(t *testing.T) { checkFeedback(t, class, parts) })
	t.Run("messages", func(t *testing.T) { checkMessages(t, v, dir, class, french[len(frenchClass)]) })
}

// stopwatch times the steps of the loop: their wall time, and the CPU time
// of the processes the test started (make, nbgrader and the kernels, once
// ended, and the students' Assignment Lists, still running).
type stopwatch struct {
	live    func() float64 // the CPU seconds of the processes still running
	last    time.Time
	lastCPU float64
}

type lap struct{ wall, cpu float64 }

func (l lap) String() string { return fmt.Sprintf("%.1f s (CPU %.1f s)", l.wall, l.cpu) }

func newStopwatch(live func() float64) *stopwatch {
	w := &stopwatch{live: live, last: time.Now()}
	w.lastCPU = w.cpu()
	return w
}

func (w *stopwatch) cpu() float64 {
	var u syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_CHILDREN, &u) != nil {
		return 0
	}
	return time.Duration(u.Utime.Nano()+u.Stime.Nano()).Seconds() + w.live()
}

// lap returns the time since the last lap (or the start).
func (w *stopwatch) lap() lap {
	now, cpu := time.Now(), w.cpu()
	l := lap{now.Sub(w.last).Seconds(), cpu - w.lastCPU}
	w.last, w.lastCPU = now, cpu
	return l
}

func copyFile(t *testing.T, from, to string) { t.Helper(); testenv.CopyFile(t, from, to) }

// run runs a command, failing the test with its output if it fails.
func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	return testenv.Run(t, "", env, name, args...)
}

// --- the class: the exchange as the hub lays it out, and the students' side

type class struct {
	t         *testing.T
	v         testenv.Venv
	env       []string
	exchange  string
	homes     string
	studentPy string // the students' nbgrader configuration (the image's)
	lists     map[string]*assignmentList
}

func newClass(t *testing.T, v testenv.Venv, env []string, exchange, homes string) *class {
	return &class{t: t, v: v, env: env, exchange: exchange, homes: homes,
		studentPy: filepath.Join(repoRoot, "deploy", "image", "nbgrader_config.py"), lists: map[string]*assignmentList{}}
}

func (c *class) home(student string) string { return filepath.Join(c.homes, student) }

// join makes the student's folders of the exchange as the hub does before
// it starts their server (eifgrader.layout), and their view of it: links in
// place of the hub's mounts.
func (c *class) join(student string) {
	t := c.t
	t.Helper()
	cmd := exec.Command(c.v.Python, "-m", "eifgrader.layout", c.exchange, courseID, student, strconv.Itoa(os.Getuid()))
	cmd.Env = append(os.Environ(), "PYTHONPATH="+filepath.Join(repoRoot, "exercises"))
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("eifgrader.layout %s: %v", student, err)
	}
	var mounts map[string][2]string
	if err := json.Unmarshal(b, &mounts); err != nil {
		t.Fatalf("eifgrader.layout %s: %v: %s", student, err, b)
	}
	view := filepath.Join(c.homes, ".views", student)
	for host, m := range mounts {
		link := filepath.Join(view, strings.TrimPrefix(m[0], "/srv/nbgrader/exchange/"))
		if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(host, link); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.MkdirAll(c.home(student), 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, c.studentPy, filepath.Join(c.home(student), "nbgrader_config.py"))
}

// studentEnv is the environment of a student's nbgrader: as the hub sets it
// for their server.
func (c *class) studentEnv(student string) []string {
	return append(append([]string{}, c.env...),
		"HOME="+c.home(student), "JUPYTERHUB_USER="+student, "EIF_REPO="+repoRoot, "EIF_COURSE_ID="+courseID,
		"EIF_NBGRADER_EXCHANGE="+filepath.Join(c.homes, ".views", student),
		"JUPYTER_DATA_DIR="+filepath.Join(c.home(student), ".local", "share", "jupyter"))
}

// assignmentList is a student's Assignment List, one Python process
// (testdata/assignment_list.py) that runs nbgrader's own AssignmentList in
// the student's home, as JupyterLab's does in their server.
type assignmentList struct {
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	stderr *lockedBuffer
}

type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string { b.mu.Lock(); defer b.mu.Unlock(); return b.b.String() }

// listsCPU returns the CPU seconds of the students' Assignment Lists so far
// (from /proc; 0 where it cannot be read).
func (c *class) listsCPU() float64 {
	if c == nil {
		return 0
	}
	var ticks float64
	for _, l := range c.lists {
		b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", l.cmd.Process.Pid))
		if err != nil {
			continue
		}
		_, rest, _ := strings.Cut(string(b), ") ") // after the command's name
		f := strings.Fields(rest)
		if len(f) > 12 {
			u, _ := strconv.ParseFloat(f[11], 64) // utime, stime: fields 14 and 15
			s, _ := strconv.ParseFloat(f[12], 64)
			ticks += u + s
		}
	}
	return ticks / 100 // USER_HZ
}

// do runs one command of the student's Assignment List: fetch NAME, submit
// NAME (submit NAME as STUDENT: in another's name), feedback NAME (fetch the
// feedback). It fails the test if the command fails.
func (c *class) do(student string, command ...string) {
	t := c.t
	t.Helper()
	l := c.lists[student]
	if l == nil {
		l = &assignmentList{stderr: &lockedBuffer{}}
		l.cmd = exec.Command(c.v.Python, filepath.Join(repoRoot, "exercises", "testdata", "assignment_list.py"))
		l.cmd.Dir, l.cmd.Env, l.cmd.Stderr = c.home(student), c.studentEnv(student), l.stderr
		var err error
		if l.in, err = l.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
		stdout, err := l.cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		l.out = bufio.NewReader(stdout)
		if err := l.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		c.lists[student] = l
		t.Cleanup(func() { l.in.Close(); l.cmd.Wait() })
	}
	if _, err := fmt.Fprintln(l.in, strings.Join(command, " ")); err != nil {
		t.Fatalf("%s's Assignment List: %v\n%s", student, err, tail(l.stderr.String(), 3000))
	}
	line, err := l.out.ReadString('\n')
	var r struct {
		Success bool
		Value   any
	}
	if err == nil {
		err = json.Unmarshal([]byte(line), &r)
	}
	if err != nil {
		t.Fatalf("%s's Assignment List, %s: %v\n%s", student, strings.Join(command, " "), err, tail(l.stderr.String(), 3000))
	}
	if !r.Success {
		t.Fatalf("%s's Assignment List, %s failed: %v\n%s", student, strings.Join(command, " "), r.Value, tail(l.stderr.String(), 3000))
	}
}

// studentFails runs nbgrader as the student and returns its output, which must be a failure.
func (c *class) studentFails(student string, env []string, args ...string) string {
	c.t.Helper()
	cmd := exec.Command(filepath.Join(c.v.Bin, "nbgrader"), args...)
	cmd.Dir, cmd.Env = c.home(student), append(c.studentEnv(student), env...)
	b, err := cmd.CombinedOutput()
	if err == nil {
		c.t.Errorf("nbgrader %v as %s succeeded; want a failure:\n%s", args, student, b)
	}
	return string(b)
}

// --- the students' answers

// answerAll answers the fetched student version at path as the student does
// (see answers_test.go).
func answerAll(t *testing.T, path, a, student string, src *notebook, dir string) {
	t.Helper()
	nb := readNotebook(t, path)
	if student != "bob" {
		for _, c := range nb.Cells {
			if !is(c, "solution") {
				continue
			}
			id := gradeID(c)
			if c["cell_type"] == "markdown" {
				if student == "alice" {
					c["source"] = source(src.cell(t, id))
				}
				continue
			}
			c["source"] = answer(solution(src.cell(t, id)), faults[student][a][id])
		}
	}
	switch {
	case student == "carol" && a == "beyond": // an extra cell of hers says who runs it, and what it can read
		nb.Cells = append(nb.Cells, map[string]any{
			"cell_type": "code", "execution_count": nil, "metadata": map[string]any{}, "outputs": []any{},
			"source": graderProbe(dir),
		})
	case student == "lena": // she makes the test of Ex. 1 pass whatever her answer
		nb.cell(t, "ex1-test")["source"] = "%%\ncheck.Passed(\"Ex. 1\")"
	case student == "dora": // she deletes the test of Ex. 2 and her answer to Ex. 3
		var kept []map[string]any
		for _, c := range nb.Cells {
			if id := gradeID(c); id != "ex2-test" && id != "ex3-solution" {
				kept = append(kept, c)
			}
		}
		nb.Cells = kept
	}
	nb.write(t, path)
	if student == "ivan" { // his notebook is no longer JSON
		if err := os.WriteFile(path, []byte("{\"cells\": [ this is not JSON"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// graderProbe is a cell that prints the uid it runs as, and which of the
// course's private files it can read.
func graderProbe(dir string) string {
	var paths []string
	for _, p := range []string{"source/beyond/beyond.ipynb", "release/beyond/beyond.ipynb", "submitted/alice/beyond/beyond.ipynb",
		"autograded/alice/beyond/beyond.ipynb", "gradebook.db", "../exchange/eif/inbound"} {
		paths = append(paths, strconv.Quote(filepath.Join(dir, p)))
	}
	return fmt.Sprintf(`import "os"

%%%%
fmt.Printf("grading uid=%%d\n", os.Getuid())
for _, p := range []string{%s} {
	if _, err := os.ReadFile(p); err == nil {
		fmt.Println("grader can read", p)
	} else if _, err := os.ReadDir(p); err == nil {
		fmt.Println("grader can list", p)
	}
}`, strings.Join(paths, ", "))
}

// expected returns the points each graded part of the student's submission
// deserves (-1: waits for the teacher).
func expected(t *testing.T, student, a string, src *notebook) map[string]float64 {
	want := map[string]float64{}
	for _, c := range src.Cells {
		if !is(c, "grade") {
			continue
		}
		id := gradeID(c)
		points := meta(c)["points"].(float64)
		manual := is(c, "solution")
		_, faulty := faults[student][a][strings.TrimSuffix(id, "-test")+"-solution"]
		switch {
		case student == "bob" || student == "ivan":
			want[id] = 0
		case manual && (student == "alice" || student == "rita"):
			want[id] = -1
		case manual:
			want[id] = 0 // unanswered
		case faulty:
			want[id] = 0
		case student == "dora" && id == "ex3-test":
			want[id] = 0 // her answer cell is gone
		default:
			want[id] = points
		}
	}
	return want
}

// checkScores compares a student's score on each graded part, and the total,
// with what the submission deserves.
func checkScores(t *testing.T, a, student string, want map[string]float64, parts, totals []map[string]string) {
	t.Helper()
	got := map[string]map[string]string{}
	for _, r := range parts {
		if r["assignment"] == a && r["student_id"] == student {
			got[r["part"]] = r
		}
	}
	var total float64
	for id, w := range want {
		r, ok := got[id]
		if !ok {
			t.Errorf("%s/%s: no grade for %s in grades-by-part.csv", student, a, id)
			continue
		}
		if r["needs_manual_grade"] != strconv.FormatBool(w < 0) {
			t.Errorf("%s/%s %s: needs_manual_grade = %s, want %v", student, a, id, r["needs_manual_grade"], w < 0)
		}
		if w < 0 {
			continue
		}
		if score, err := strconv.ParseFloat(r["score"], 64); err != nil || score != w {
			t.Errorf("%s/%s %s: score %q, want %g of %s", student, a, id, r["score"], w, r["max_score"])
		}
		total += w
	}
	for _, r := range totals {
		if r["assignment"] == a && r["student_id"] == student {
			if s, _ := strconv.ParseFloat(r["score"], 64); s != total {
				t.Errorf("%s/%s: total %s in grades.csv, want %g", student, a, r["score"], total)
			}
			return
		}
	}
	t.Errorf("%s/%s: no row in grades.csv", student, a)
}

// checkFaults checks how each fault of the student lost its points: the test
// cell of that exercise failed, and for a fault meant to be caught by the
// visible test, the check that failed is one the student sees (it is in the
// released test cell); for a sealed one, the grader's note says the test did
// not run to its end.
func checkFaults(t *testing.T, student, a string, graded, release *notebook) {
	for cell, f := range faults[student][a] {
		test := strings.TrimSuffix(cell, "-solution") + "-test"
		errs := stderr(graded.cell(t, test))
		if errs == "" {
			t.Errorf("%s (%s): the test %s did not fail", f.why, cell, test)
			continue
		}
		switch f.caught {
		case "seal":
			if !strings.Contains(errs, "Unfinished: "+unfinished[language(t, graded)]) {
				t.Errorf("%s: want the grader's note that the test did not run to its end, got %q", f.why, tail(errs, 300))
			}
		case "visible", "hidden":
			name := failedCheck(errs)
			if name == "" {
				t.Errorf("%s: no failed check in %q", f.why, tail(errs, 300))
				continue
			}
			if visible := checkNamed(source(release.cell(t, test)), name); visible != (f.caught == "visible") {
				t.Errorf("%s: failed on the check %q, which the student sees: %v; want the %s test", f.why, name, visible, f.caught)
			}
		}
		t.Logf("%s/%s, %s: %s", student, a, f.why, firstLine(errs))
	}
}

// failedCheck returns the name of the check that failed, from the message
// exercises/check writes ("check failed: NAME = 2, expected …", "NAME does
// not hold", "NAME: error").
func failedCheck(errs string) string {
	for _, re := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^check failed: (.*) = [^ ]*, expected`),
		regexp.MustCompile(`(?m)^check failed: (.*) does not hold$`),
		regexp.MustCompile(`(?m)^check failed: (Ex\. [0-9]+): `),
	} {
		if m := re.FindStringSubmatch(errs); m != nil {
			return m[1]
		}
	}
	return ""
}

// checkNamed reports whether a check of the test cell's source has the name:
// one of its string literals, its formatting verbs standing for any text.
func checkNamed(src, name string) bool {
	for _, lit := range regexp.MustCompile(`"(?:[^"\\\n]|\\.)*"`).FindAllString(src, -1) {
		s, err := strconv.Unquote(lit)
		if err != nil {
			continue
		}
		pieces := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z]`).Split(s, -1)
		for i := range pieces {
			pieces[i] = regexp.QuoteMeta(pieces[i])
		}
		if regexp.MustCompile("^" + strings.Join(pieces, ".*") + "$").MatchString(name) {
			return true
		}
	}
	return false
}

func firstLine(s string) string { l, _, _ := strings.Cut(strings.TrimSpace(s), "\n"); return l }

// checkReleasedOnly checks that the tables list the released assignments only.
func checkReleasedOnly(t *testing.T, english, french []string, tables ...[]map[string]string) {
	for _, rows := range tables {
		seen := map[string]bool{}
		for _, r := range rows {
			seen[r["assignment"]] = true
		}
		for _, a := range english {
			if !seen[a] {
				t.Errorf("the released %s is not in the grade tables", a)
			}
		}
		for _, a := range french {
			if seen[a] {
				t.Errorf("%s, never released, is in the grade tables", a)
			}
		}
	}
}

// checkClean checks that every graded test cell of a graded solution passed:
// no error, nothing on stderr (nbgrader counts stderr as a failure), and its
// "checks passed" line without the grader's seal; but the tests of the
// answers with a fault (checkFaults checks those).
func checkClean(t *testing.T, nb *notebook, passed string, faulty map[string]fault) {
	for _, c := range nb.Cells {
		if c["cell_type"] != "code" || meta(c) == nil {
			continue
		}
		if _, ok := faulty[strings.TrimSuffix(gradeID(c), "-test")+"-solution"]; ok {
			continue
		}
		if e := stderr(c); e != "" {
			t.Errorf("cell %s: %s", gradeID(c), tail(e, 300))
		}
		if is(c, "grade") && (!strings.Contains(stdout(c), passed) || strings.Contains(stdout(c), "seal")) {
			t.Errorf("cell %s printed %q, want its %q line (unsealed)", gradeID(c), stdout(c), passed)
		}
	}
}

// checkStubsCompile checks that the untouched student version compiles: the
// only errors are the stubs' panics, in the cells that call them.
func checkStubsCompile(t *testing.T, nb *notebook) {
	failed := 0
	for _, c := range nb.Cells {
		if c["cell_type"] != "code" {
			continue
		}
		if c["execution_count"] == nil {
			t.Errorf("cell %s did not run", gradeID(c))
		}
		var errs strings.Builder
		for _, o := range outputs(c) {
			if compileError(o) {
				t.Errorf("cell %s does not compile: %s", gradeID(c), tail(notebooks.HTMLText(string(o.Data["text/html"])), 500))
			}
			if o.Name == "stderr" {
				errs.WriteString(string(o.Text))
			}
		}
		if s := errs.String(); s != "" {
			failed++
			if !strings.Contains(s, "no answer given") || is(c, "solution") || gradeID(c) == "setup" {
				t.Errorf("cell %s: stderr %q, want only the stub's panic in a cell that calls it", gradeID(c), tail(s, 300))
			}
		}
	}
	if failed == 0 {
		t.Error("no cell failed: the stubs do not stop the tests")
	}
}

// checkTimeoutCut checks that the endless loop in cell loop was cut by the
// timeout and that the next graded cell still ran and passed.
func checkTimeoutCut(t *testing.T, nb *notebook, loop, next string) {
	if !strings.Contains(stderr(nb.cell(t, loop)), "Error") {
		t.Errorf("cell %s: %q, want an error from the timeout", loop, stderr(nb.cell(t, loop)))
	}
	if !strings.Contains(stdout(nb.cell(t, next)), "the checks passed") {
		t.Errorf("cell %s after the endless loop did not pass", next)
	}
}

// checkLate checks that rita's second submission of part-b, after the due
// date, is the one graded (full marks, where the first had none) and is late,
// and that alice's, before it, is not.
func checkLate(t *testing.T, totals []map[string]string, due string) {
	row := func(student string) map[string]string {
		for _, r := range totals {
			if r["assignment"] == "part-b" && r["student_id"] == student {
				return r
			}
		}
		t.Fatalf("no part-b row for %s in grades.csv", student)
		return nil
	}
	alice, rita := row("alice"), row("rita")
	if rita["raw_score"] != alice["raw_score"] {
		t.Errorf("rita's second submission (the solutions) scores %s, alice's solutions %s: the first was graded?", rita["raw_score"], alice["raw_score"])
	}
	if late, _ := strconv.ParseFloat(rita["seconds_late"], 64); late <= 0 {
		t.Errorf("rita submitted after the due date %s (at %s), yet seconds_late = %s", due, rita["timestamp"], rita["seconds_late"])
	}
	if late, _ := strconv.ParseFloat(alice["seconds_late"], 64); late != 0 || alice["duedate"] == "" {
		t.Errorf("alice submitted before the due date %q: seconds_late = %s", alice["duedate"], alice["seconds_late"])
	}
}

// checkBadInput checks the three bad submissions: each graded with a note
// first in the graded notebook, the others untouched.
func checkBadInput(t *testing.T, dir string, graded func(student, a string) *notebook, log string, before, after map[string]string) {
	for _, c := range []struct{ student, note string }{
		{"ivan", "could not be read"},
		{"dora", "`ex2-test` (2 points) was missing: it was added back"},
		{"dora", "the answer cell `ex3-solution` was missing"},
		{"lena", "the locked cell `ex1-test` had been changed: it was put back as released"},
	} {
		nb := graded(c.student, "part-a")
		if first := source(nb.Cells[0]); !strings.Contains(first, c.note) {
			t.Errorf("%s's graded part-a starts with %q, want a note with %q", c.student, tail(first, 300), c.note)
		}
	}
	if !strings.Contains(stdout(graded("dora", "part-a").cell(t, "ex2-test")), "the checks passed") {
		t.Error("dora's test of Ex. 2, added back, did not pass her right answer")
	}
	kept := filepath.Join(dir, "submitted", "ivan", "part-a", "part-a.ipynb.unreadable")
	if b, err := os.ReadFile(kept); err != nil || !strings.Contains(string(b), "this is not JSON") {
		t.Errorf("ivan's unreadable notebook is not kept as it was in %s: %v", kept, err)
	}
	if !strings.Contains(log, "ivan/part-a/part-a.ipynb is unreadable") {
		t.Errorf("make grade did not say that ivan's notebook is unreadable:\n%s", tail(log, 2000))
	}
	for path, h := range before {
		if strings.Contains(path, "/ivan/") {
			continue
		}
		if after[path] != h {
			t.Errorf("grading changed %s", path)
		}
	}
}

// checkGrader checks that the students' code ran as the grader, not as root,
// and could read none of the course's private files.
func checkGrader(t *testing.T, nb *notebook) {
	var out strings.Builder
	for _, c := range nb.Cells {
		out.WriteString(stdout(c))
	}
	m := regexp.MustCompile(`grading uid=(\d+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("the extra cell printing the uid did not run: %s", stderr(nb.Cells[len(nb.Cells)-1]))
	}
	u, _ := exec.Command("id", "-u", course.GraderUser).Output()
	if m[1] == "0" || strings.TrimSpace(string(u)) != m[1] {
		t.Errorf("the students' code ran as uid %s, not %s (%s)", m[1], course.GraderUser, strings.TrimSpace(string(u)))
	}
	if strings.Contains(out.String(), "grader can") {
		t.Errorf("the students' code can read private files:\n%s", out.String())
	}
}

var feedbackScore = regexp.MustCompile(`href="#(ex[0-9]+-(?:test|answer))">[^<]*</a> \(Score: ([0-9.]+) / ([0-9.]+)\)`)

// unfinished is the grader's note on a test that did not run to its end
// (eifgrader/seal.py), in each language, up to its first apostrophe.
var unfinished = map[string]string{
	"en": "The test did not run to its end",
	"fr": "Le test ne s",
}

// language is the notebook's language, as the grader tells it
// (eifgrader/seal.py): fr when its setup cell sets EIF_LANG fr.
func language(t *testing.T, nb *notebook) string {
	if regexp.MustCompile(`(?m)^\s*%env\s+EIF_LANG\s+fr\s*$`).MatchString(source(nb.cell(t, "setup"))) {
		return "fr"
	}
	return "en"
}

// checkFeedback checks that each student who was graded fetched their own
// feedback, an HTML page with the score of each graded cell, the one the
// tables give, and, for a test their answer stopped early, the grader's note
// in their language: mallory's in English, amelie's in French.
func checkFeedback(t *testing.T, c *class, parts []map[string]string) {
	for _, f := range []struct{ student, a, note string }{
		{"alice", "part-a", ""}, {"mallory", "part-a", "did not run to its end"}, {"dora", "part-a", ""},
		{"amelie", "partie-a", "pas déroulé jusqu"},
	} {
		s, a := f.student, f.a
		c.do(s, "feedback", a)
		files, _ := filepath.Glob(filepath.Join(c.home(s), a, "feedback", "*", a+".html"))
		if len(files) != 1 {
			t.Errorf("%s fetched %d feedback pages for %s, want 1", s, len(files), a)
			continue
		}
		b, _ := os.ReadFile(files[0])
		cells := feedbackScore.FindAllStringSubmatch(string(b), -1)
		if len(cells) < 4 {
			t.Errorf("%s's feedback has %d cells with a score, want every graded cell", s, len(cells))
		}
		for _, m := range cells {
			for _, r := range parts {
				if r["assignment"] == a && r["student_id"] == s && r["part"] == m[1] && r["score"] != "" {
					if want, _ := strconv.ParseFloat(r["score"], 64); fmt.Sprint(want) != strings.TrimSuffix(m[2], ".0") {
						t.Errorf("%s's feedback gives %s %s points, the table %s", s, m[1], m[2], r["score"])
					}
				}
			}
		}
		if f.note != "" && !strings.Contains(string(b), f.note) {
			t.Errorf("%s's feedback on %s does not say why the test stopped early lost its points (%q)", s, a, f.note)
		}
	}
}

// checkMessages checks what a student sees when something is wrong: in the
// student version of part-b, a test cell run before the setup cell, the
// chart cell with I := 7,25, a stub that leaves a variable unused, and the
// setup cell of a notebook whose go.mod points at a missing module; and
// nbgrader without an exchange, or asked for an assignment not released
// (unreleased).
func checkMessages(t *testing.T, v testenv.Venv, dir string, c *class, unreleased string) {
	release := readNotebook(t, filepath.Join(dir, "release", "part-b", "part-b.ipynb"))
	var intro strings.Builder
	for _, c := range release.Cells {
		if c["cell_type"] == "markdown" {
			intro.WriteString(source(c))
		}
	}
	text := intro.String()
	early := release.cell(t, "ex1-test")
	setup := release.cell(t, "setup")
	var chart map[string]any
	for _, c := range release.Cells {
		if strings.Contains(source(c), "I := 6.0") {
			chart = c
		}
	}
	if chart == nil {
		t.Fatal("no cell with I := 6.0 in part-b")
	}
	chart["source"] = strings.Replace(source(chart), "I := 6.0", "I := 7,25", 1)
	// The unused-variable trap of a badly cut stub: the compile check must see it.
	trap := map[string]any{"cell_type": "code", "execution_count": nil, "metadata": map[string]any{}, "outputs": []any{},
		"source": "func trap(n *eif.Neuron) float64 {\n\tp := n.Params()\n\t// YOUR CODE HERE\n\tpanic(\"no answer given\")\n}"}
	release.Cells = []map[string]any{early, setup, chart, trap}
	ran := execute(t, v, dir, "messages", release, "")
	trapped := false
	for _, o := range outputs(ran.Cells[3]) {
		trapped = trapped || compileError(o) && strings.Contains(notebooks.HTMLText(string(o.Data["text/html"])), "declared and not used: p")
	}
	if !trapped {
		t.Error("a stub that leaves a variable unused is not reported as a compile error")
	}
	for i, m := range []struct{ error, text, fix string }{
		{"undefined: eif", "`undefined: eif`", "run the setup cell"},
		{"", "", ""}, // the setup cell itself
		{"assignment mismatch: 1 variable but 2 values", "`assignment mismatch: 1 variable but 2 values`", "replace the comma by a point"},
	} {
		all := stdout(ran.Cells[i]) + stderr(ran.Cells[i])
		if m.error == "" {
			if e := stderr(ran.Cells[i]); e != "" {
				t.Errorf("the setup cell failed: %s", tail(e, 500))
			}
			continue
		}
		if !strings.Contains(all, m.error) {
			t.Errorf("cell %d: the student does not see %q: %s", i, m.error, tail(all, 500))
		}
		if !strings.Contains(text, m.text) || !strings.Contains(strings.ToLower(text), m.fix) {
			t.Errorf("the statement does not explain %s with %q", m.text, m.fix)
		}
	}

	// A go.mod that points at a module not on this server (STUDENT_MODULE_DIR wrong).
	lost := execute(t, v, dir, "lost", &notebook{&notebooks.Raw{Doc: release.Doc, Cells: []map[string]any{setup}}}, "/nonexistent/eif-notebooks")
	if e := stderr(lost.Cells[0]); !strings.Contains(e, "SETUP FAILED") || !strings.Contains(e, "go.mod") || !strings.Contains(e, "STUDENT_MODULE_DIR") {
		t.Errorf("a go.mod pointing at a missing module: the setup cell says %q, want SETUP FAILED naming go.mod and STUDENT_MODULE_DIR", tail(e, 500))
	}

	// nbgrader on a server without the exchange, and an assignment not released.
	if out := c.studentFails("alice", []string{"EIF_NBGRADER_EXCHANGE=/nonexistent/exchange"}, "list"); !strings.Contains(out, "EIF_NBGRADER_EXCHANGE") {
		t.Errorf("nbgrader list without an exchange says %q, want the hub's setting EIF_NBGRADER_EXCHANGE named", tail(out, 500))
	}
	if out := c.studentFails("alice", nil, "fetch_assignment", unreleased); !strings.Contains(out, "make release ASSIGNMENTS="+unreleased) {
		t.Errorf("fetching an assignment not released says %q, want what the teacher runs (make release ASSIGNMENTS=%s)", tail(out, 500), unreleased)
	}
	if out := c.studentFails("alice", nil, "fetch_assignment", "part-a"); !strings.Contains(out, "rename that folder") {
		t.Errorf("fetching part-a again says %q, want what to do with the folder there", tail(out, 500))
	}
}

// execute runs the notebook nb in the folder dir/name, next to part-b's
// released go.mod (or one pointing at module, if given), and returns it run.
func execute(t *testing.T, v testenv.Venv, dir, name string, nb *notebook, module string) *notebook {
	t.Helper()
	folder := filepath.Join(dir, name)
	copyFile(t, filepath.Join(dir, "release", "part-b", "go.mod"), filepath.Join(folder, "go.mod"))
	if module != "" {
		b, _ := os.ReadFile(filepath.Join(folder, "go.mod"))
		b = regexp.MustCompile(`(?m)^(replace \S+ => ).*$`).ReplaceAll(b, []byte("${1}"+module))
		if err := os.WriteFile(filepath.Join(folder, "go.mod"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	nb.write(t, filepath.Join(folder, name+".ipynb"))
	cmd := exec.Command(filepath.Join(v.Bin, "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
		"--ExecutePreprocessor.timeout=300", "--output", "ran.ipynb", name+".ipynb")
	cmd.Dir, cmd.Env = folder, v.JupyterEnv("", "")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nbconvert: %v\n%s", err, tail(string(b), 3000))
	}
	ran := readNotebook(t, filepath.Join(folder, "ran.ipynb"))
	if len(ran.Cells) != len(nb.Cells) {
		t.Fatalf("%d cells ran, want %d", len(ran.Cells), len(nb.Cells))
	}
	return ran
}

// checkNoSolution checks that no line of a solution region (or of a hidden
// test) of the source is left in the student version.
func checkNoSolution(t *testing.T, src, release *notebook) {
	var whole strings.Builder
	for _, c := range release.Cells {
		whole.WriteString(source(c) + "\n")
	}
	rel := whole.String()
	for _, marker := range []string{"BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"} {
		if strings.Contains(rel, marker) {
			t.Errorf("the student version still holds %q", marker)
		}
	}
	secret := regexp.MustCompile(`(?s)BEGIN (SOLUTION|HIDDEN TESTS)[^\n]*\n(.*?)\n[^\n]*END (SOLUTION|HIDDEN TESTS)`)
	sources := make([]string, len(src.Cells))
	var visible strings.Builder // what the source shows outside its secret regions
	for i, c := range src.Cells {
		sources[i] = source(c)
		if is(c, "solution") && c["cell_type"] == "markdown" {
			sources[i] = "BEGIN SOLUTION\n" + sources[i] + "\nEND SOLUTION" // a whole Markdown answer is the solution
		}
		visible.WriteString(secret.ReplaceAllString(sources[i], "") + "\n")
	}
	checked := 0
	for i, c := range src.Cells {
		for _, m := range secret.FindAllStringSubmatch(sources[i], -1) {
			for _, line := range strings.Split(m[2], "\n") {
				line = strings.TrimSpace(line)
				if len(line) < 16 || strings.HasPrefix(line, "//") || strings.Contains(visible.String(), line) {
					continue // short lines, comments and lines also shown to students may recur
				}
				checked++
				if strings.Contains(rel, line) {
					t.Errorf("cell %s: the student version still holds the line %q", gradeID(c), line)
				}
			}
		}
	}
	if checked < 20 {
		t.Errorf("only %d solution lines checked: are the delimiters right?", checked)
	}
}

// hashes returns the SHA-256 of every file under dir.
func hashes(t *testing.T, dir string) map[string]string {
	t.Helper()
	h := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		h[path] = hex.EncodeToString(sum[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func countSubmissions(t *testing.T, dir string) int {
	m, _ := filepath.Glob(filepath.Join(dir, "submitted", "*", "*"))
	return len(m)
}

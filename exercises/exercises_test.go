package exercises_test

import (
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// repoRoot is the repository root: the tests run in exercises/.
var repoRoot = testenv.RepoRoot()

var assignments = []string{"part-a", "part-b", "beyond"}

// graderUser runs the students' code when the tests run as root (CI).
const graderUser = "eif-grader"

// cellTimeout is the per-cell timeout of the test's grading (s): it cuts the
// endless loop of one submission, and leaves room for a loaded machine.
const cellTimeout = 30

// carol's submissions: each named solution cell is the solution with a fault.
// The others are the solutions. Faults: "panic", "exit" (os.Exit(1)) and
// "loop" (an endless loop, cut by the timeout) are put at the start of the
// function; any other text replaces the cell (a wrong answer).
var carol = map[string]map[string]string{
	"part-a": {"a3-solution": `// curvatureFD, wrong: this is the forward difference of f, i.e. f'.
func curvatureFD(n *eif.Neuron, u, h float64) float64 {
	return (n.DuDt(u+h, 0) - n.DuDt(u, 0)) / h
}`},
	"part-b": {"b1-solution": "loop", "b3-solution": "panic", "b5-solution": "exit"},
	"beyond": {"c4-solution": `func onsetExponent(n *eif.Neuron) float64 {
	return 1 // the LIF's guess
}`},
}

// TestAssignments runs the whole nbgrader loop as a teacher would, on a copy
// of the course folder: make assignments (validate the sources, generate the
// student versions), three students' submissions, make grade (autograde as an
// unprivileged user, export the CSV tables), and checks every score.
func TestAssignments(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the nbgrader loop takes minutes")
	}
	v := testenv.RequireVenv(t, repoRoot, "nbgrader")
	env := append(v.JupyterEnv("", ""), fmt.Sprintf("EIF_CELL_TIMEOUT=%d", cellTimeout))
	var makeArgs []string
	if os.Getuid() == 0 {
		ensureGraderUser(t)
		makeArgs = append(makeArgs, "GRADER_USER="+graderUser)
	}
	course := courseCopy(t)
	makeArgs = append(makeArgs, "COURSE="+course)
	if os.Getuid() == 0 && !graderCanRead(filepath.Join(repoRoot, "go.mod"), filepath.Join(v.Bin, "gonb")) {
		makeArgs = append(makeArgs, graderCopy(t, v, course)...)
	}

	start := time.Now()
	run(t, env, "make", append([]string{"-C", repoRoot, "assignments"}, makeArgs...)...)
	generated := time.Since(start)

	// Through nbgrader's exchange, as on the hub: release, fetch, answer, submit, collect.
	exchange := filepath.Join(course, "exchange")
	if err := os.Mkdir(exchange, 0o777); err != nil {
		t.Fatal(err)
	}
	nbgrader := func(dir string, args ...string) {
		t.Helper()
		args = append(args, "--course=eif", "--Exchange.root="+exchange, "--log-level=WARN")
		runIn(t, dir, env, filepath.Join(v.Bin, "nbgrader"), args...)
	}
	students := []string{"alice", "bob", "carol"}
	sources := map[string]*notebook{}
	for _, a := range assignments {
		sources[a] = readNotebook(t, filepath.Join(course, "source", a, a+".ipynb"))
		release := readNotebook(t, filepath.Join(course, "release", a, a+".ipynb"))
		t.Run("no solution left/"+a, func(t *testing.T) { checkNoSolution(t, sources[a], release) })
		nbgrader(course, "release_assignment", a)
	}
	homes := filepath.Join(course, "home")
	for _, student := range students {
		home := filepath.Join(homes, student)
		if err := os.MkdirAll(home, 0o755); err != nil {
			t.Fatal(err)
		}
		nbgrader(home, append([]string{"fetch_assignment"}, assignments...)...)
		for _, a := range assignments {
			answerAll(t, filepath.Join(home, a, a+".ipynb"), a, student, sources[a])
			nbgrader(home, "submit", a, "--student="+student)
		}
	}
	for _, a := range assignments {
		nbgrader(course, "collect", a, "--CollectApp.check_owner=False") // one user submits for all three here
	}
	exchanged := time.Since(start) - generated

	gradeStart := time.Now()
	run(t, env, "make", append([]string{"-C", repoRoot, "grade"}, makeArgs...)...)
	t.Logf("3 students × %d assignments: make assignments %.1f s, release+fetch+submit+collect %.1f s, make grade %.1f s, generation to CSV %.1f s",
		len(assignments), generated.Seconds(), exchanged.Seconds(), time.Since(gradeStart).Seconds(), time.Since(start).Seconds())

	parts := readCSV(t, filepath.Join(course, "grades-by-part.csv"))
	totals := readCSV(t, filepath.Join(course, "grades.csv"))
	for _, a := range assignments {
		for _, student := range []string{"alice", "bob", "carol"} {
			checkScores(t, a, student, sources[a], parts, totals)
		}
		graded := func(student string) *notebook {
			return readNotebook(t, filepath.Join(course, "autograded", student, a, a+".ipynb"))
		}
		t.Run("solutions write nothing to stderr/"+a, func(t *testing.T) { checkClean(t, graded("alice")) })
		t.Run("student version compiles/"+a, func(t *testing.T) { checkStubsCompile(t, graded("bob")) })
	}
	t.Run("endless loop cut, grading goes on", func(t *testing.T) {
		nb := readNotebook(t, filepath.Join(course, "autograded", "carol", "part-b", "part-b.ipynb"))
		checkTimeoutCut(t, nb, "b1-test", "b2-test")
	})
	if os.Getuid() == 0 {
		t.Run("graded as "+graderUser, func(t *testing.T) {
			nb := readNotebook(t, filepath.Join(course, "autograded", "carol", "beyond", "beyond.ipynb"))
			checkUID(t, nb)
		})
	}
	t.Run("messages", func(t *testing.T) { checkMessages(t, v, course) })
}

// ensureGraderUser creates the system user that runs the students' code, if
// missing, with a home only it can read.
func ensureGraderUser(t *testing.T) {
	t.Helper()
	if exec.Command("id", graderUser).Run() == nil {
		return
	}
	if _, err := exec.LookPath("useradd"); err != nil {
		testenv.SkipOrFail(t, "running as root, the test grades as the user %s, and useradd is missing to create it", graderUser)
	}
	home := "/var/lib/" + graderUser
	run(t, nil, "useradd", "--system", "--create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin", graderUser)
	if err := os.Chmod(home, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Logf("created the system user %s (home %s, mode 0700)", graderUser, home)
}

// graderCanRead reports whether the grader can read every path.
func graderCanRead(paths ...string) bool {
	for _, p := range paths {
		if exec.Command("setpriv", "--reuid="+graderUser, "--regid="+graderUser, "--init-groups", "test", "-r", p).Run() != nil {
			return false
		}
	}
	return true
}

// graderCopy copies what the grader's kernels need, the eif module and the Go
// tools, into the course folder, for a checkout the grader cannot read (a
// clone in a private folder), and returns the make variables that use them.
func graderCopy(t *testing.T, v testenv.Venv, course string) []string {
	t.Helper()
	module, tools := filepath.Join(course, "module"), filepath.Join(course, "tools")
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(repoRoot, f), filepath.Join(module, f))
	}
	for _, dir := range []string{"eif", filepath.Join("exercises", "check")} {
		err := filepath.WalkDir(filepath.Join(repoRoot, dir), func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(repoRoot, path)
			copyFile(t, path, filepath.Join(module, rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tool := range []string{"gonb", "gopls", "goimports"} {
		copyFile(t, filepath.Join(v.Bin, tool), filepath.Join(tools, tool))
		if err := os.Chmod(filepath.Join(tools, tool), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%s cannot read this checkout: it grades with a copy of the module and tools in %s", graderUser, course)
	return []string{"MODULE_DIR=" + module, "GRADER_TOOLS=" + tools}
}

// courseCopy copies the course folder (config and sources, without generated
// files) to a temporary folder that the grader can read.
func courseCopy(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "eif-course-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(repoRoot, "exercises", "nbgrader_config.py"), filepath.Join(dir, "nbgrader_config.py"))
	for _, a := range assignments {
		copyFile(t, filepath.Join(repoRoot, "exercises", "source", a, a+".ipynb"), filepath.Join(dir, "source", a, a+".ipynb"))
	}
	return dir
}

func copyFile(t *testing.T, from, to string) { t.Helper(); testenv.CopyFile(t, from, to) }

// run runs a command, failing the test with its output if it fails.
func run(t *testing.T, env []string, name string, args ...string) string {
	t.Helper()
	return testenv.Run(t, "", env, name, args...)
}

// runIn is run in the folder dir.
func runIn(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	return testenv.Run(t, dir, env, name, args...)
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// --- notebooks, as generic JSON so that a rewrite keeps every field (notebooks.Raw) ---

type notebook = notebooks.Raw

func readNotebook(t *testing.T, path string) *notebook {
	t.Helper()
	nb, err := notebooks.ReadRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	return nb
}

func writeNotebook(t *testing.T, nb *notebook, path string) {
	t.Helper()
	if err := nb.Write(path); err != nil {
		t.Fatal(err)
	}
}

func source(c map[string]any) string { return notebooks.JoinText(c["source"]) }

// meta returns the cell's nbgrader metadata (nil for a plain cell).
func meta(c map[string]any) map[string]any {
	m, _ := c["metadata"].(map[string]any)
	g, _ := m["nbgrader"].(map[string]any)
	return g
}

func gradeID(c map[string]any) string { s, _ := meta(c)["grade_id"].(string); return s }
func is(c map[string]any, key string) bool {
	b, _ := meta(c)[key].(bool)
	return b
}

// cellOf returns the cell of nb with the grade id id.
func cellOf(t *testing.T, nb *notebook, id string) map[string]any {
	t.Helper()
	for _, c := range nb.Cells {
		if gradeID(c) == id {
			return c
		}
	}
	t.Fatalf("no cell %q", id)
	return nil
}

var delimiter = regexp.MustCompile(`(?m)^.*(BEGIN|END) SOLUTION.*\n?`)

// solution is the source cell's answer as a student would write it.
func solution(c map[string]any) string { return delimiter.ReplaceAllString(source(c), "") }

// --- the steps ---

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

// answerAll answers the fetched student version at path as the student does
// (alice: the solutions; bob: nothing; carol: see the carol map).
func answerAll(t *testing.T, path, a, student string, src *notebook) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(filepath.Dir(path), "go.mod")); err != nil {
		t.Errorf("the fetched %s has no go.mod: %v", a, err)
	}
	nb := readNotebook(t, path)
	if student != "bob" {
		for _, c := range nb.Cells {
			if !is(c, "solution") {
				continue
			}
			id := gradeID(c)
			if c["cell_type"] == "markdown" {
				if student == "alice" {
					c["source"] = source(cellOf(t, src, id))
				}
				continue
			}
			c["source"] = answer(solution(cellOf(t, src, id)), carolFault(student, a, id))
		}
	}
	if student == "carol" && a == "beyond" { // an extra cell of hers says who runs it
		nb.Cells = append(nb.Cells, map[string]any{
			"cell_type": "code", "execution_count": nil, "metadata": map[string]any{}, "outputs": []any{},
			"source": "import \"os\"\n\n%%\nfmt.Printf(\"grading uid=%d\\n\", os.Getuid())",
		})
	}
	writeNotebook(t, nb, path)
}

func carolFault(student, a, id string) string {
	if student != "carol" {
		return ""
	}
	return carol[a][id]
}

// answer returns the solution with the fault.
func answer(sol, fault string) string {
	inject := map[string]string{
		"panic": "\tpanic(\"a bug of mine\")\n",
		"exit":  "\tos.Exit(1)\n",
		"loop":  "\tfor {\n\t}\n",
	}
	code, ok := inject[fault]
	if !ok {
		if fault != "" {
			return fault
		}
		return sol
	}
	i := strings.Index(sol, "{\n") + 2 // the function's opening brace
	sol = sol[:i] + code + sol[i:]
	if fault == "exit" {
		sol = "import \"os\"\n\n" + sol
	}
	return sol
}

func readCSV(t *testing.T, path string) []map[string]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) < 2 {
		t.Fatalf("%s: %v (%d rows)", path, err, len(rows))
	}
	var out []map[string]string
	for _, r := range rows[1:] {
		m := map[string]string{}
		for i, k := range rows[0] {
			m[k] = r[i]
		}
		out = append(out, m)
	}
	return out
}

// checkScores compares a student's score on each graded part, and the total,
// with what the submission deserves.
func checkScores(t *testing.T, a, student string, src *notebook, parts, totals []map[string]string) {
	t.Helper()
	got := map[string]map[string]string{}
	for _, r := range parts {
		if r["assignment"] == a && r["student_id"] == student {
			got[r["part"]] = r
		}
	}
	var total, max float64
	var ids []string
	for _, c := range src.Cells {
		if !is(c, "grade") {
			continue
		}
		id := gradeID(c)
		ids = append(ids, id)
		points := meta(c)["points"].(float64)
		max += points
		manual := is(c, "solution") // a Markdown answer graded by hand
		want, wantManual := points, false
		switch {
		case student == "bob":
			want = 0
		case manual && student == "alice":
			want, wantManual = -1, true // waits for the teacher
		case manual:
			want = 0 // carol left it unanswered
		case carol[a][strings.TrimSuffix(id, "-test")+"-solution"] != "" && student == "carol":
			want = 0
		}
		r, ok := got[id]
		if !ok {
			t.Errorf("%s/%s: no grade for %s in grades-by-part.csv", student, a, id)
			continue
		}
		if r["needs_manual_grade"] != strconv.FormatBool(wantManual) {
			t.Errorf("%s/%s %s: needs_manual_grade = %s, want %v", student, a, id, r["needs_manual_grade"], wantManual)
		}
		if wantManual {
			continue
		}
		score, err := strconv.ParseFloat(r["score"], 64)
		if err != nil || score != want {
			t.Errorf("%s/%s %s: score %q, want %g of %g", student, a, id, r["score"], want, points)
		}
		total += want
	}
	if len(ids) < 5 || len(ids) > 9 {
		t.Errorf("%s: %d graded parts, want 4 to 8 and an open question", a, len(ids))
	}
	for _, r := range totals {
		if r["assignment"] == a && r["student_id"] == student {
			if s, _ := strconv.ParseFloat(r["score"], 64); s != total {
				t.Errorf("%s/%s: total %s in grades.csv, want %g", student, a, r["score"], total)
			}
			if m, _ := strconv.ParseFloat(r["max_score"], 64); m != max {
				t.Errorf("%s/%s: max_score %s in grades.csv, want %g", student, a, r["max_score"], max)
			}
			t.Logf("%-5s %-6s %s of %s points (parts %s)", student, a, r["score"], r["max_score"], strings.Join(ids, " "))
			return
		}
	}
	t.Errorf("%s/%s: no row in grades.csv", student, a)
}

// outputs are the outputs of a cell, as internal/notebooks reads them.
func outputs(c map[string]any) []notebooks.Output { return notebooks.RawOutputs(c) }

// outText is what an output says in text: a stream's text, an error's value.
func outText(o notebooks.Output) string { return string(o.Text) + o.Evalue }

// htmlText is the text of an output's HTML (GoNB's rendering of stderr and
// compile errors).
func htmlText(o notebooks.Output) string { return notebooks.HTMLText(string(o.Data["text/html"])) }

// compileMessage is the position and message of a Go compile error, "main.go:12:6: ".
var compileMessage = regexp.MustCompile(`\.go:\d+:\d+: `)

// compileError reports whether the output shows that the cell did not compile:
// GoNB's error when go build fails, or the compiler's messages.
func compileError(o notebooks.Output) bool {
	return o.OutputType == "error" && strings.Contains(outText(o), "go build") ||
		strings.Contains(string(o.Data["text/html"]), notebooks.GoNBStderrHTML) && compileMessage.MatchString(htmlText(o))
}

// checkClean checks that every code cell of a graded solution ran without an
// error (internal/notebooks' rule, OutputProblem) and wrote nothing at all to
// stderr: nbgrader counts any stderr as a failure, even what the rule lets pass.
func checkClean(t *testing.T, nb *notebook) {
	for _, c := range nb.Cells {
		if c["cell_type"] != "code" || meta(c) == nil {
			continue
		}
		for _, o := range outputs(c) {
			msg := notebooks.OutputProblem(o)
			if msg == "" && o.Name == "stderr" {
				msg = "stderr: " + outText(o)
			}
			if msg != "" {
				t.Errorf("cell %s: %s", gradeID(c), tail(msg, 300))
			}
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
		var stderr strings.Builder
		for _, o := range outputs(c) {
			if compileError(o) {
				t.Errorf("cell %s does not compile: %s", gradeID(c), tail(htmlText(o), 500))
			}
			if o.Name == "stderr" {
				stderr.WriteString(outText(o))
			}
		}
		if s := stderr.String(); s != "" {
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
	var kinds []string
	for _, o := range outputs(cellOf(t, nb, loop)) {
		kinds = append(kinds, o.OutputType+":"+o.Ename)
	}
	if !strings.Contains(strings.Join(kinds, " "), "error:") {
		t.Errorf("cell %s: outputs %v, want an error from the timeout", loop, kinds)
	}
	ok := false
	for _, o := range outputs(cellOf(t, nb, next)) {
		ok = ok || strings.Contains(outText(o), "the checks passed")
	}
	if !ok {
		t.Errorf("cell %s after the endless loop did not pass", next)
	}
}

// checkUID checks that the students' code ran as the grader, not as root.
func checkUID(t *testing.T, nb *notebook) {
	re := regexp.MustCompile(`grading uid=(\d+)`)
	for _, c := range nb.Cells {
		for _, o := range outputs(c) {
			if m := re.FindStringSubmatch(outText(o)); m != nil {
				if m[1] == "0" {
					t.Errorf("the students' code ran as root")
				}
				u, _ := exec.Command("id", "-u", graderUser).Output()
				if strings.TrimSpace(string(u)) != m[1] {
					t.Errorf("the students' code ran as uid %s, not %s (%s)", m[1], graderUser, strings.TrimSpace(string(u)))
				}
				return
			}
		}
	}
	t.Error("the extra cell printing the uid did not run")
}

// checkMessages runs, in the student version of part-b, a test cell before the
// setup cell and then the chart cell with I := 7,25, and checks that each
// error the student sees is named, with what to do, in the notebook's text.
func checkMessages(t *testing.T, v testenv.Venv, course string) {
	release := readNotebook(t, filepath.Join(course, "release", "part-b", "part-b.ipynb"))
	var intro strings.Builder
	for _, c := range release.Cells {
		if c["cell_type"] == "markdown" {
			intro.WriteString(source(c))
		}
	}
	text := intro.String()
	early := cellOf(t, release, "b1-test")
	setup := cellOf(t, release, "setup")
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
	dir := filepath.Join(course, "messages")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	copyFile(t, filepath.Join(course, "release", "part-b", "go.mod"), filepath.Join(dir, "go.mod"))
	writeNotebook(t, release, filepath.Join(dir, "messages.ipynb"))
	cmd := exec.Command(filepath.Join(v.Bin, "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
		"--ExecutePreprocessor.timeout=300", "--output", "ran.ipynb", "messages.ipynb")
	cmd.Dir, cmd.Env = dir, v.JupyterEnv("", "")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("nbconvert: %v\n%s", err, tail(string(b), 3000))
	}
	ran := readNotebook(t, filepath.Join(dir, "ran.ipynb"))
	if len(ran.Cells) != 4 {
		t.Fatalf("%d cells ran, want 4", len(ran.Cells))
	}
	trapped := false
	for _, o := range outputs(ran.Cells[3]) {
		trapped = trapped || compileError(o) && strings.Contains(htmlText(o), "declared and not used: p")
	}
	if !trapped {
		t.Error("a stub that leaves a variable unused is not reported as a compile error")
	}
	for i, c := range []struct{ error, text, fix string }{
		{"undefined: eif", "`undefined: eif`", "run the setup cell"},
		{"", "", ""}, // the setup cell itself
		{"assignment mismatch: 1 variable but 2 values", "`assignment mismatch: 1 variable but 2 values`", "replace the comma by a point"},
	} {
		var all strings.Builder
		for _, o := range outputs(ran.Cells[i]) {
			all.WriteString(outText(o) + htmlText(o))
		}
		if c.error == "" {
			for _, o := range outputs(ran.Cells[i]) {
				if o.OutputType == "error" || o.Name == "stderr" {
					t.Errorf("the setup cell failed: %s %s", outText(o), tail(htmlText(o), 500))
				}
			}
			continue
		}
		if !strings.Contains(all.String(), c.error) {
			t.Errorf("cell %d: the student does not see %q: %s", i, c.error, tail(all.String(), 500))
		}
		if !strings.Contains(text, c.text) || !strings.Contains(strings.ToLower(text), c.fix) {
			t.Errorf("the statement does not explain %s with %q", c.text, c.fix)
		}
	}
}

// TestSourcesHaveGradeIDs checks the source notebooks' nbgrader metadata
// without running anything: unique grade ids, points on graded cells, a Go
// kernel, no outputs, the setup cell first.
func TestSourcesHaveGradeIDs(t *testing.T) {
	for _, a := range assignments {
		nb := readNotebook(t, filepath.Join(repoRoot, "exercises", "source", a, a+".ipynb"))
		seen := map[string]bool{}
		var code []string
		for _, c := range nb.Cells {
			id := gradeID(c)
			if meta(c) != nil && (id == "" || seen[id]) {
				t.Errorf("%s: grade_id %q missing or repeated", a, id)
			}
			seen[id] = true
			if is(c, "grade") {
				if p, _ := meta(c)["points"].(float64); p <= 0 {
					t.Errorf("%s: cell %s has no points", a, id)
				}
			}
			if c["cell_type"] == "code" {
				code = append(code, id)
				if len(outputs(c)) > 0 {
					t.Errorf("%s: cell %s has outputs (commit sources without them)", a, id)
				}
			}
		}
		if len(code) == 0 || code[0] != "setup" {
			t.Errorf("%s: the first code cell is %v, want the setup cell", a, code[:min(1, len(code))])
		}
		ks, _ := nb.Doc["metadata"].(map[string]any)["kernelspec"].(map[string]any)
		if ks["name"] != "gonb" || ks["language"] != "go" {
			t.Errorf("%s: kernelspec %v, want gonb with language go (nbgrader picks the Go stub by it)", a, ks)
		}
	}
}

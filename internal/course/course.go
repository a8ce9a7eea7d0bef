// Package course is the test tooling of the graded course (exercises/): a
// copy of the course folder to grade in, the unprivileged user whose kernels
// run the students' code, the make targets the teacher runs (docs/
// exercises.md), and the answers of a source assignment. The exercises' own
// test (exercises/) and the graded work through the hub (deploytest) use it.
package course

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// GraderUser runs the students' code when the tests run as root (CI).
const GraderUser = "eif-grader"

// ID is the course id the tests use (the default of EIF_COURSE_ID).
const ID = "eif"

// Pair is an English assignment and its French twin (exercises/assignments).
type Pair struct{ EN, FR string }

// Pairs reads exercises/assignments.
func Pairs(t testing.TB) []Pair {
	t.Helper()
	f, err := os.Open(filepath.Join(testenv.RepoRoot(), "exercises", "assignments"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var ps []Pair
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		w := strings.Fields(line)
		if len(w) != 2 {
			t.Fatalf("exercises/assignments: %q: want an English name and a French one", line)
		}
		ps = append(ps, Pair{w[0], w[1]})
	}
	if len(ps) == 0 {
		t.Fatal("exercises/assignments lists no assignment")
	}
	return ps
}

// Course is a copy of the course folder, with what make needs to grade it.
type Course struct {
	Work     string   // the temporary folder: course/, exchange/, and what the test adds
	Dir      string   // Work/course: nbgrader_config.py and source/
	Exchange string   // Work/exchange
	Module   string   // the eif module the grader's kernels build (MODULE_DIR)
	Args     []string // the make variables: COURSE, EXCHANGE, COURSE_ID, MODULE_DIR, GRADER_*
	env      []string
}

// New copies the course folder's configuration and the named source
// assignments to a temporary folder the grader can enter, creates the grader
// user when run as root, and copies the module and the Go tools there when
// the grader cannot read this checkout (a clone in a private folder).
func New(t *testing.T, v testenv.Venv, env []string, names ...string) *Course {
	t.Helper()
	root := testenv.RepoRoot()
	work, err := os.MkdirTemp("", "eif-course-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(work) })
	if err := os.Chmod(work, 0o755); err != nil {
		t.Fatal(err)
	}
	c := &Course{Work: work, Dir: filepath.Join(work, "course"), Exchange: filepath.Join(work, "exchange"), Module: root, env: env}
	testenv.CopyFile(t, filepath.Join(root, "exercises", "nbgrader_config.py"), filepath.Join(c.Dir, "nbgrader_config.py"))
	for _, a := range names {
		testenv.CopyFile(t, filepath.Join(root, "exercises", "source", a, a+".ipynb"), filepath.Join(c.Dir, "source", a, a+".ipynb"))
	}
	c.Args = []string{"COURSE=" + c.Dir, "EXCHANGE=" + c.Exchange, "COURSE_ID=" + ID}
	if os.Getuid() == 0 {
		ensureGraderUser(t)
		c.Args = append(c.Args, "GRADER_USER="+GraderUser)
		if !graderCanRead(filepath.Join(root, "go.mod"), filepath.Join(v.Bin, "gonb")) {
			c.Args = append(c.Args, c.graderCopy(t, v)...)
		}
	}
	c.Args = append(c.Args, "MODULE_DIR="+c.Module)
	return c
}

// Make runs make TARGET in the repository with the course's variables and
// more, and returns its output; it fails the test if make fails.
func (c *Course) Make(t testing.TB, target string, more ...string) string {
	t.Helper()
	args := append(append([]string{"-C", testenv.RepoRoot(), "--no-print-directory", target}, c.Args...), more...)
	return testenv.Run(t, "", c.env, "make", args...)
}

// ensureGraderUser creates the system user that runs the students' code, if
// missing, with a home only it can read.
func ensureGraderUser(t *testing.T) {
	t.Helper()
	if exec.Command("id", GraderUser).Run() == nil {
		return
	}
	if _, err := exec.LookPath("useradd"); err != nil {
		testenv.SkipOrFail(t, "running as root, the test grades as the user %s, and useradd is missing to create it", GraderUser)
	}
	home := "/var/lib/" + GraderUser
	testenv.Run(t, "", nil, "useradd", "--system", "--create-home", "--home-dir", home, "--shell", "/usr/sbin/nologin", GraderUser)
	if err := os.Chmod(home, 0o700); err != nil {
		t.Fatal(err)
	}
	t.Logf("created the system user %s (home %s, mode 0700)", GraderUser, home)
}

// graderCanRead reports whether the grader can read every path.
func graderCanRead(paths ...string) bool {
	for _, p := range paths {
		if exec.Command("setpriv", "--reuid="+GraderUser, "--regid="+GraderUser, "--init-groups", "test", "-r", p).Run() != nil {
			return false
		}
	}
	return true
}

// graderCopy copies what the grader's kernels need, the eif module and the
// Go tools, into the work folder, and returns the make variables of the tools.
func (c *Course) graderCopy(t *testing.T, v testenv.Venv) []string {
	t.Helper()
	root := testenv.RepoRoot()
	module, tools := filepath.Join(c.Work, "module"), filepath.Join(c.Work, "tools")
	for _, f := range []string{"go.mod", "go.sum"} {
		testenv.CopyFile(t, filepath.Join(root, f), filepath.Join(module, f))
	}
	for _, d := range []string{"eif", filepath.Join("exercises", "check")} {
		err := filepath.WalkDir(filepath.Join(root, d), func(path string, e os.DirEntry, err error) error {
			if err != nil || e.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(root, path)
			testenv.CopyFile(t, path, filepath.Join(module, rel))
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, tool := range []string{"gonb", "gopls", "goimports"} {
		testenv.CopyFile(t, filepath.Join(v.Bin, tool), filepath.Join(tools, tool))
		if err := os.Chmod(filepath.Join(tools, tool), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	c.Module = module
	t.Logf("%s cannot read this checkout: it grades with a copy of the module and tools in %s", GraderUser, c.Work)
	return []string{"GRADER_TOOLS=" + tools}
}

var delimiter = regexp.MustCompile(`(?m)^.*(BEGIN|END) SOLUTION.*\n?`)

// Answers returns the answers of the source assignment name, as a student
// writes them: for each answer cell (code or Markdown), its grade id and its
// source without the solution's delimiters.
func Answers(t testing.TB, name string) map[string]string {
	t.Helper()
	nb, err := notebooks.Read(filepath.Join(testenv.RepoRoot(), "exercises", "source", name, name+".ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, c := range nb.Cells {
		var m struct {
			Nbgrader struct {
				GradeID  string `json:"grade_id"`
				Solution bool   `json:"solution"`
			} `json:"nbgrader"`
		}
		if json.Unmarshal(c.Metadata, &m) == nil && m.Nbgrader.Solution {
			out[m.Nbgrader.GradeID] = delimiter.ReplaceAllString(string(c.Source), "")
		}
	}
	if len(out) == 0 {
		t.Fatalf("%s has no answer cells", name)
	}
	return out
}

// WriteAnswers writes answers as the JSON file deploy/hub/student.py reads (--answers).
func WriteAnswers(t testing.TB, path string, answers map[string]string) string {
	t.Helper()
	b, err := json.Marshal(answers)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// Describe is a one-line summary of a course for logs.
func (c *Course) String() string { return fmt.Sprintf("course %s, exchange %s", c.Dir, c.Exchange) }

// ReadCSV reads a CSV file that nbgrader exported (grades.csv, grades-by-part.csv):
// one map per row, from the header's names to the row's values.
func ReadCSV(t testing.TB, path string) []map[string]string {
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

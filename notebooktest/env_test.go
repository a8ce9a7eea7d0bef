package notebooktest_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// repoRoot is the repository root (the tests run in notebooks/, see main_test.go).
var repoRoot = testenv.RepoRoot()

// skipOrFail skips the test with the message, or fails it in CI.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	testenv.SkipOrFail(t, format, args...)
}

// requireVenv returns the set-up virtual environment, or skips (fails in CI).
func requireVenv(t *testing.T) testenv.Venv {
	t.Helper()
	return testenv.RequireVenv(t, repoRoot)
}

// notebookNames lists the notebooks (notebooks.List: the English ones, then the
// French edition's, fr/NAME.ipynb, when there is one), as paths relative to
// this folder.
func notebookNames(t *testing.T) []string {
	t.Helper()
	names, err := notebooks.List(".")
	if err != nil {
		t.Fatal(err)
	}
	return names
}

// runNotebookNames is notebookNames, or, when EIF_NOTEBOOKS is set, the notebooks whose
// path matches that regular expression: the notebooks the execution and browser tests
// run, so that an author can run only theirs (EIF_NOTEBOOKS='0[12]-' runs 01 and 02 in
// both editions). The other tests read every notebook.
func runNotebookNames(t *testing.T) []string {
	t.Helper()
	names := notebookNames(t)
	pattern := os.Getenv("EIF_NOTEBOOKS")
	if pattern == "" {
		return names
	}
	re, err := regexp.Compile(pattern)
	if err != nil {
		t.Fatalf("EIF_NOTEBOOKS: %v", err)
	}
	var out []string
	for _, n := range names {
		if re.MatchString(n) {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		t.Fatalf("EIF_NOTEBOOKS=%q matches no notebook of %q", pattern, names)
	}
	t.Logf("EIF_NOTEBOOKS=%q: running %q only", pattern, out)
	return out
}

// sampleNotebookNames is the notebooks that the costliest tests run again after
// TestNotebooksExecute (the browser and memory tests): the English ones and one French
// one (notebooks.Sample); or, when EIF_NOTEBOOKS is set, the notebooks it names, French
// ones included (an author's choice wins).
func sampleNotebookNames(t *testing.T) []string {
	t.Helper()
	if os.Getenv("EIF_NOTEBOOKS") != "" {
		return runNotebookNames(t)
	}
	return notebooks.Sample(notebookNames(t))
}

// The .ipynb format and the rule for a failing cell are internal/notebooks'.
type (
	notebook = notebooks.Notebook
	cell     = notebooks.Cell
	output   = notebooks.Output
)

func readNotebook(path string) (*notebook, error) { return notebooks.Read(path) }

package notebooktest_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// committedForm returns what git would commit of the file name: the working
// file passed through the filters of .gitattributes (the nbstripout filter
// that `make setup` registers), as `git add` stores it. Outside a git
// checkout it is the working file.
func committedForm(name string) ([]byte, error) {
	if err := exec.Command("git", "rev-parse", "--is-inside-work-tree").Run(); err != nil {
		return os.ReadFile(name)
	}
	hash, err := exec.Command("git", "hash-object", "-w", "--path="+name, name).Output()
	if err != nil {
		return nil, fmt.Errorf("git hash-object %s: %w", name, err)
	}
	return exec.Command("git", "cat-file", "blob", string(bytes.TrimSpace(hash))).Output()
}

// Committed notebooks carry no outputs and no execution counts, and no
// absolute paths of one machine. This checks what git would commit: the
// nbstripout filter that `make setup` registers strips outputs on the way,
// so a working copy with outputs is fine once it is set up. The filter only
// removes (outputs, execution counts, run metadata), so a working copy that
// passes as it is needs no run of the filter, which starts Python once per
// notebook (seconds each): the filter runs only for the notebooks that fail.
func TestNotebooksAreClean(t *testing.T) {
	for _, name := range notebookNames(t) {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			problems := cleanProblems(raw)
			if len(problems) > 0 {
				if raw, err = committedForm(name); err != nil {
					t.Fatal(err)
				}
				problems = cleanProblems(raw)
			}
			for _, p := range problems {
				t.Error(p)
			}
		})
	}
}

// cleanProblems lists what keeps a notebook (its file's bytes) from being
// committed.
func cleanProblems(raw []byte) []string {
	var out []string
	var nb notebook
	if err := json.Unmarshal(raw, &nb); err != nil {
		return []string{fmt.Sprintf("as git would commit it: %v", err)}
	}
	if len(nb.Cells) == 0 {
		out = append(out, "the notebook has no cells")
	}
	for i, c := range nb.Cells {
		if len(c.Outputs) > 0 {
			out = append(out, fmt.Sprintf("%s has %d output(s): in what git would commit: run `make setup` (it registers the nbstripout git filter), or `make strip`", nb.CellName(i), len(c.Outputs)))
		}
		if c.ExecutionCount != nil {
			out = append(out, fmt.Sprintf("%s has execution_count %d: in what git would commit: run `make setup` (nbstripout git filter), or `make strip`", nb.CellName(i), *c.ExecutionCount))
		}
	}
	for _, p := range []string{"/work/", "/root/", "/tmp/", "/home/", "/Users/"} {
		if i := strings.Index(string(raw), p); i >= 0 {
			line := 1 + strings.Count(string(raw[:i]), "\n")
			out = append(out, fmt.Sprintf("the file has an absolute path %q on line %d: notebooks must work from any checkout", p, line))
		}
	}
	ks, _ := nb.Metadata["kernelspec"].(map[string]any)
	if ks["name"] != "gonb" {
		out = append(out, fmt.Sprintf("metadata.kernelspec.name is %v, want \"gonb\" (the GoNB kernel)", ks["name"]))
	}
	li, _ := nb.Metadata["language_info"].(map[string]any)
	if li["pygments_lexer"] != "go" {
		out = append(out, fmt.Sprintf(`metadata.language_info.pygments_lexer is %v, want "go" (Go highlighting in exports and nbviewer)`, li["pygments_lexer"]))
	}
	return out
}

// Every key of the check tables in checks.go names a notebook here.
func TestCheckTablesNameNotebooks(t *testing.T) {
	have := map[string]bool{}
	for _, n := range notebookNames(t) {
		have[n] = true
	}
	check := func(table, name string) {
		if !have[name] {
			t.Errorf("checks.go: %s has an entry for %q, which is not a notebook in notebooks/", table, name)
		}
	}
	for n, nums := range notebooktest.PrintedNumbers {
		check("PrintedNumbers", n)
		for _, num := range nums {
			for _, p := range []string{num.Pattern, num.FR} {
				if _, err := notebooktest.CompileNumberPattern(p); p != "" && err != nil {
					t.Errorf("checks.go: PrintedNumbers[%q]: %v", n, err)
				}
			}
		}
	}
	for n, min := range notebooktest.MinCharts {
		check("MinCharts", n)
		if min < 0 {
			t.Errorf("checks.go: MinCharts[%q] = %d, want ≥ 0", n, min)
		}
	}
	for n := range browserSteps {
		check("browserSteps", n)
	}
}

// The nbstripout filter, as `make setup` registers it, strips the outputs of a
// notebook from what git would commit.
func TestGitFilterStripsOutputs(t *testing.T) {
	requireVenv(t)
	if out, _ := exec.Command("git", "config", "filter.nbstripout.clean").Output(); len(out) == 0 {
		skipOrFail(t, "the nbstripout git filter is not registered in this checkout: run `make setup`")
	}
	dir := filepath.Join(repoRoot, "out", "test")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.CreateTemp(dir, "filter-*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	defer os.Remove(f.Name())
	const withOutputs = `{"cells": [{"cell_type": "code", "id": "k-1", "metadata": {}, "execution_count": 3,
 "outputs": [{"output_type": "stream", "name": "stdout", "text": ["u* = -70 mV\n"]}], "source": ["%%\nfmt.Println(1)"]}],
 "metadata": {"kernelspec": {"name": "gonb", "display_name": "Go (gonb)", "language": "go"}}, "nbformat": 4, "nbformat_minor": 5}`
	if _, err := f.WriteString(withOutputs); err != nil {
		t.Fatal(err)
	}
	f.Close()
	raw, err := committedForm(f.Name())
	if err != nil {
		t.Fatal(err)
	}
	var nb notebook
	if err := json.Unmarshal(raw, &nb); err != nil {
		t.Fatalf("filtered notebook: %v\n%s", err, raw)
	}
	if len(nb.Cells) != 1 || len(nb.Cells[0].Outputs) != 0 || nb.Cells[0].ExecutionCount != nil || nb.Cells[0].ID != "k-1" {
		t.Errorf("the filter did not strip the outputs and execution count, keeping the cell id; git would commit:\n%s", raw)
	}
	if !strings.Contains(string(raw), "fmt.Println(1)") {
		t.Errorf("the filter lost the cell's source:\n%s", raw)
	}
}

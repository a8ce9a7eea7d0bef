package notebooks_test

import (
	"os"
	"strings"
	"testing"
)

// Committed notebooks carry no outputs and no execution counts (run
// `make strip` to clear them), and no absolute paths of one machine.
func TestNotebooksAreClean(t *testing.T) {
	for _, name := range notebookNames(t) {
		t.Run(name, func(t *testing.T) {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			nb, err := readNotebook(name)
			if err != nil {
				t.Fatal(err)
			}
			if len(nb.Cells) == 0 {
				t.Error("the notebook has no cells")
			}
			for i, c := range nb.Cells {
				if len(c.Outputs) > 0 {
					t.Errorf("%s has %d output(s): run `make strip` before committing", nb.cellName(i), len(c.Outputs))
				}
				if c.ExecutionCount != nil {
					t.Errorf("%s has execution_count %d: run `make strip` before committing", nb.cellName(i), *c.ExecutionCount)
				}
			}
			for _, p := range []string{"/work/", "/root/", "/tmp/", "/home/", "/Users/"} {
				if i := strings.Index(string(raw), p); i >= 0 {
					line := 1 + strings.Count(string(raw[:i]), "\n")
					t.Errorf("the file has an absolute path %q on line %d: notebooks must work from any checkout", p, line)
				}
			}
			ks, _ := nb.Metadata["kernelspec"].(map[string]any)
			if ks["name"] != "gonb" {
				t.Errorf("metadata.kernelspec.name is %v, want \"gonb\" (the GoNB kernel)", ks["name"])
			}
		})
	}
}

// Every key of the check tables in checks_test.go names a notebook here.
func TestCheckTablesNameNotebooks(t *testing.T) {
	have := map[string]bool{}
	for _, n := range notebookNames(t) {
		have[n] = true
	}
	check := func(table, name string) {
		if !have[name] {
			t.Errorf("checks_test.go: %s has an entry for %q, which is not a notebook in notebooks/", table, name)
		}
	}
	for n, nums := range printedNumbers {
		check("printedNumbers", n)
		for _, num := range nums {
			if _, err := compileNumberPattern(num.Pattern); err != nil {
				t.Errorf("checks_test.go: printedNumbers[%q]: %v", n, err)
			}
		}
	}
	for n, min := range minCharts {
		check("minCharts", n)
		if min < 0 {
			t.Errorf("checks_test.go: minCharts[%q] = %d, want ≥ 0", n, min)
		}
	}
	for n := range browserSteps {
		check("browserSteps", n)
	}
}

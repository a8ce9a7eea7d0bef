package notebooktest_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// The scan of executed notebooks finds the failures GoNB can show, names
// their cells, and leaves harmless stderr alone. No kernel needed.
func TestScanOfExecutedNotebooks(t *testing.T) {
	const executed = `{
 "metadata": {"kernelspec": {"name": "gonb"}},
 "cells": [
  {"cell_type": "markdown", "source": "# Title", "metadata": {}},
  {"cell_type": "code", "execution_count": 1, "source": ["!*go get x\n", "import \"fmt\""], "metadata": {},
   "outputs": [{"output_type": "stream", "name": "stderr", "text": "go: downloading gonum.org/v1/gonum v0.17.0\n"}]},
  {"cell_type": "code", "execution_count": 2, "source": "%%\nfmt.Println(undefinedThing)", "metadata": {},
   "outputs": [
    {"output_type": "display_data", "metadata": {}, "data": {"text/html": ["<style>.x{}</style><div class=\"jp-RenderedText\" data-mime-type=\"application/vnd.jupyter.stderr\">",
      "<span>./main.go:12:13: </span>undefined: undefinedThing</div>"]}},
    {"output_type": "error", "ename": "ERROR", "evalue": "failed to run go build", "traceback": []}]},
  {"cell_type": "code", "execution_count": 3, "source": "%%\npanic(1)", "metadata": {},
   "outputs": [{"output_type": "stream", "name": "stderr", "text": "panic: 1\n\ngoroutine 1 [running]:\n"}]},
  {"cell_type": "code", "execution_count": 4, "source": "%%\nfmt.Println(\"ok\")", "metadata": {},
   "outputs": [
    {"output_type": "stream", "name": "stdout", "text": ["rheobase current I_rh = 10.0000 nA\n"]},
    {"output_type": "display_data", "metadata": {}, "data": {"text/html": "<p>θ<sub>rh</sub> = <b>−40.00</b> mV</p>", "text/plain": "plain = 2.5e-3"}}]}
 ]
}`
	var nb notebook
	if err := json.Unmarshal([]byte(executed), &nb); err != nil {
		t.Fatal(err)
	}
	problems := nb.Problems()
	want := []string{
		`cell 2 (code cell #2, starts "%%"): stderr: ./main.go:12:13: undefined: undefinedThing`,
		`cell 2 (code cell #2, starts "%%"): error output: ERROR: failed to run go build`,
		`cell 3 (code cell #3, starts "%%"): stderr: panic: 1`,
	}
	if len(problems) != len(want) {
		t.Fatalf("found %d problems, want %d:\n%s", len(problems), len(want), strings.Join(problems, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(problems[i], want[i]) {
			t.Errorf("problem %d:\n got %s\nwant %s…", i, problems[i], want[i])
		}
	}

	notebooktest.PrintedNumbers["test.ipynb"] = []notebooktest.Number{
		{Pattern: `I_rh = (\S+) nA`, Want: 10, Tol: 1e-9},
		{Pattern: `θrh = (\S+) mV`, Want: -40, Tol: 1e-9}, // from the HTML, as text
		{Pattern: `plain = (\S+)`, Want: 0.0025, Tol: 1e-12},
	}
	defer delete(notebooktest.PrintedNumbers, "test.ipynb")
	notebooktest.CheckNumbers(t, "test.ipynb", &nb)
}

// A notebook of the French edition is held to its English twin's numbers,
// found with the French pattern where the label is translated.
func TestFrenchTwinNumbers(t *testing.T) {
	const executed = `{"metadata": {}, "cells": [{"cell_type": "code", "execution_count": 1, "source": "%%", "metadata": {},
 "outputs": [{"output_type": "stream", "name": "stdout", "text": "courant de rhéobase I_rh = 10.0000 nA\nu* = -70 mV\n"}]}]}`
	var nb notebook
	if err := json.Unmarshal([]byte(executed), &nb); err != nil {
		t.Fatal(err)
	}
	notebooktest.PrintedNumbers["twin.ipynb"] = []notebooktest.Number{
		{Pattern: `rheobase current I_rh = (\S+) nA`, FR: `courant de rhéobase I_rh = (\S+) nA`, Want: 10, Tol: 1e-9},
		{Pattern: `u\* = (\S+) mV`, Want: -70, Tol: 1e-9}, // the same label in both editions
	}
	defer delete(notebooktest.PrintedNumbers, "twin.ipynb")
	notebooktest.CheckNumbers(t, "fr/twin.ipynb", &nb)
}

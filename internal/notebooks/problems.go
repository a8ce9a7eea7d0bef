package notebooks

import (
	"fmt"
	"regexp"
	"strings"
)

// stderrError matches stderr text that means a cell failed. Progress lines
// the go tool writes to stderr ("go: downloading ...") do not match.
var stderrError = regexp.MustCompile(`(?im)\.go:\d+(:\d+)?: |^panic: |goroutine \d+ \[|\bundefined: |\berror\b|\bfailed\b|\bfatal\b`)

// GoNBStderrHTML marks the HTML in which GoNB shows compiler errors and a
// program's stderr.
const GoNBStderrHTML = `data-mime-type="application/vnd.jupyter.stderr"`

// OutputProblem is the project's one rule for a failing cell, applied to
// one of its outputs: it says what is wrong, or "" when the output is fine.
// An output fails when it is
//   - an error output (the kernel's report of a failed execution);
//   - stderr text that reads as an error (stderrError: a compiler message
//     file.go:L:C, a panic, a goroutine dump, "undefined:", "error",
//     "failed", "fatal"); the go tool's progress lines are fine;
//   - GoNB's HTML rendering of stderr (compiler errors, a program's stderr).
func OutputProblem(o Output) string {
	switch {
	case o.OutputType == "error":
		return fmt.Sprintf("error output: %s: %s", o.Ename, o.Evalue)
	case o.OutputType == "stream" && o.Name == "stderr" && stderrError.MatchString(string(o.Text)):
		return "stderr: " + strings.TrimSpace(string(o.Text))
	case strings.Contains(string(o.Data["text/html"]), GoNBStderrHTML):
		return "stderr: " + HTMLText(string(o.Data["text/html"]))
	}
	return ""
}

// Problems lists the outputs of the executed notebook that fail
// (OutputProblem), each naming its cell.
func (nb *Notebook) Problems() []string {
	var out []string
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			if msg := OutputProblem(o); msg != "" {
				out = append(out, fmt.Sprintf("%s: %s", nb.CellName(i), msg))
			}
		}
	}
	return out
}

// NotExecuted lists the code cells with source that have no execution
// count: the run stopped before them.
func (nb *Notebook) NotExecuted() []string {
	var out []string
	for i, c := range nb.Cells {
		if c.CellType == "code" && strings.TrimSpace(string(c.Source)) != "" && c.ExecutionCount == nil {
			out = append(out, nb.CellName(i)+" was not executed")
		}
	}
	return out
}

// Failures lists what is wrong with an executed notebook: its failing
// outputs (Problems), then its code cells that did not run (NotExecuted).
func (nb *Notebook) Failures() []string {
	return append(nb.Problems(), nb.NotExecuted()...)
}

package exercises_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// --- notebooks, as generic JSON so that a rewrite keeps every field (notebooks.Raw) ---

type notebook struct{ *notebooks.Raw }

func readNotebook(t testing.TB, path string) *notebook {
	t.Helper()
	nb, err := notebooks.ReadRaw(path)
	if err != nil {
		t.Fatal(err)
	}
	return &notebook{nb}
}

func (nb *notebook) write(t testing.TB, path string) {
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

func (nb *notebook) cell(t testing.TB, id string) map[string]any {
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

func outputs(c map[string]any) []notebooks.Output { return notebooks.RawOutputs(c) }

// compileMessage is the position and message of a Go compile error, "main.go:12:6: ".
var compileMessage = regexp.MustCompile(`\.go:\d+:\d+: `)

// compileError reports whether the output shows that the cell did not compile:
// GoNB's error when go build fails, or the compiler's messages.
func compileError(o notebooks.Output) bool {
	return o.OutputType == "error" && strings.Contains(o.Evalue, "go build") ||
		strings.Contains(string(o.Data["text/html"]), notebooks.GoNBStderrHTML) && compileMessage.MatchString(notebooks.HTMLText(string(o.Data["text/html"])))
}

// stderr is the text a cell wrote to stderr, and of its error outputs and
// GoNB's HTML errors: what the student sees as the cell's failure.
func stderr(c map[string]any) string {
	var b strings.Builder
	for _, o := range outputs(c) {
		switch html := string(o.Data["text/html"]); {
		case o.OutputType == "error":
			b.WriteString(o.Ename + ": " + o.Evalue + "\n")
		case o.Name == "stderr":
			b.WriteString(string(o.Text))
		case strings.Contains(html, notebooks.GoNBStderrHTML):
			b.WriteString(notebooks.HTMLText(html))
		}
	}
	return b.String()
}

// stdout is what a cell printed on stdout.
func stdout(c map[string]any) string {
	var b strings.Builder
	for _, o := range outputs(c) {
		if o.OutputType == "stream" && o.Name == "stdout" {
			b.WriteString(string(o.Text))
		}
	}
	return b.String()
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

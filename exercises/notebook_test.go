package exercises_test

import (
	"encoding/json"
	"html"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// --- notebooks, as generic JSON so that a rewrite keeps every field ---

type notebook struct {
	raw   map[string]any
	cells []map[string]any
}

func readNotebook(t testing.TB, path string) *notebook {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	nb := &notebook{}
	if err := json.Unmarshal(b, &nb.raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	for _, c := range nb.raw["cells"].([]any) {
		nb.cells = append(nb.cells, c.(map[string]any))
	}
	return nb
}

func (nb *notebook) write(t testing.TB, path string) {
	t.Helper()
	cells := make([]any, len(nb.cells))
	for i, c := range nb.cells {
		cells[i] = c
	}
	nb.raw["cells"] = cells
	b, err := json.MarshalIndent(nb.raw, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
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
	for _, c := range nb.cells {
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

type out struct {
	kind, name, text, html, ename string
}

func outputs(c map[string]any) []out {
	var res []out
	list, _ := c["outputs"].([]any)
	for _, o := range list {
		m := o.(map[string]any)
		data, _ := m["data"].(map[string]any)
		ename, _ := m["ename"].(string)
		name, _ := m["name"].(string)
		res = append(res, out{kind: m["output_type"].(string), name: name, text: notebooks.JoinText(m["text"]) + notebooks.JoinText(m["evalue"]),
			html: notebooks.JoinText(data["text/html"]), ename: ename})
	}
	return res
}

// gonbStderr marks the HTML in which GoNB shows compile errors and panics.
const gonbStderr = `data-mime-type="application/vnd.jupyter.stderr"`

// compileMessage is the position and message of a Go compile error, "main.go:12:6: ".
var compileMessage = regexp.MustCompile(`\.go:\d+:\d+: `)

// compileError reports whether the output shows that the cell did not compile:
// GoNB's error when go build fails, or the compiler's messages.
func compileError(o out) bool {
	return o.kind == "error" && strings.Contains(o.text, "go build") ||
		strings.Contains(o.html, gonbStderr) && compileMessage.MatchString(htmlText(o.html))
}

var anyTag = regexp.MustCompile(`(?s)<[^>]+>`)

// htmlText is the text of GoNB's HTML error output.
func htmlText(s string) string { return html.UnescapeString(anyTag.ReplaceAllString(s, "")) }

// stderr is the text a cell wrote to stderr, and of its error outputs and
// GoNB's HTML errors: what the student sees as the cell's failure.
func stderr(c map[string]any) string {
	var b strings.Builder
	for _, o := range outputs(c) {
		switch {
		case o.kind == "error":
			b.WriteString(o.ename + ": " + o.text + "\n")
		case o.name == "stderr":
			b.WriteString(o.text)
		case strings.Contains(o.html, gonbStderr):
			b.WriteString(htmlText(o.html))
		}
	}
	return b.String()
}

// stdout is what a cell printed on stdout.
func stdout(c map[string]any) string {
	var b strings.Builder
	for _, o := range outputs(c) {
		if o.kind == "stream" && o.name == "stdout" {
			b.WriteString(o.text)
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

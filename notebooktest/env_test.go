package notebooktest_test

import (
	"encoding/json"
	"fmt"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// repoRoot is the repository root: the tests run in notebooks/.
var repoRoot = func() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Dir(wd)
}()

// inCI reports whether the tests run in CI (CI=true), where a missing
// prerequisite is a failure and not a reason to skip.
func inCI() bool { return testenv.InCI() }

// skipOrFail skips the test with the message, or fails it in CI.
func skipOrFail(t *testing.T, format string, args ...any) {
	t.Helper()
	testenv.SkipOrFail(t, format, args...)
}

// venv describes the project's Python virtual environment made by `make setup`.
type venv struct {
	dir    string // .venv
	python string // .venv/bin/python
	bin    string // .venv/bin
}

// requireVenv returns the set-up virtual environment, or skips (fails in CI).
func requireVenv(t *testing.T) venv {
	t.Helper()
	v := testenv.RequireVenv(t, repoRoot)
	return venv{dir: v.Dir, python: v.Python, bin: v.Bin}
}

// jupyterEnv is the environment for Jupyter processes (testenv.Venv.JupyterEnv).
func (v venv) jupyterEnv(dataDir, configDir string) []string {
	return testenv.Venv{Dir: v.dir, Python: v.python, Bin: v.bin}.JupyterEnv(dataDir, configDir)
}

// notebookNames lists the notebooks of this folder (file names, sorted).
func notebookNames(t *testing.T) []string {
	t.Helper()
	paths, err := filepath.Glob("*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(paths)
	if len(paths) == 0 {
		t.Fatal("no notebooks (*.ipynb) in notebooks/")
	}
	return paths
}

// --- the .ipynb format (nbformat 4), as much as the tests need ---

type notebook struct {
	Cells    []cell         `json:"cells"`
	Metadata map[string]any `json:"metadata"`
}

type cell struct {
	CellType       string          `json:"cell_type"`
	ID             string          `json:"id"`
	Source         multiline       `json:"source"`
	ExecutionCount *int            `json:"execution_count"`
	Outputs        []output        `json:"outputs"`
	Metadata       json.RawMessage `json:"metadata"`
}

type output struct {
	OutputType string               `json:"output_type"`
	Name       string               `json:"name"` // stream: stdout or stderr
	Text       multiline            `json:"text"`
	Data       map[string]multiline `json:"data"`
	Ename      string               `json:"ename"`
	Evalue     string               `json:"evalue"`
}

// multiline is nbformat's text: a string, or a list of strings to join.
type multiline string

func (m *multiline) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*m = multiline(s)
		return nil
	}
	var parts []string
	if err := json.Unmarshal(b, &parts); err == nil {
		*m = multiline(strings.Join(parts, ""))
		return nil
	}
	// Other MIME data (JSON objects) are kept as their JSON text.
	*m = multiline(b)
	return nil
}

func readNotebook(path string) (*notebook, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var nb notebook
	if err := json.Unmarshal(b, &nb); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return &nb, nil
}

// cellName names a cell for people: its index, its number among code cells
// and its first line.
func (nb *notebook) cellName(i int) string {
	code := 0
	for j := 0; j <= i && j < len(nb.Cells); j++ {
		if nb.Cells[j].CellType == "code" {
			code++
		}
	}
	c := nb.Cells[i]
	first, _, _ := strings.Cut(strings.TrimSpace(string(c.Source)), "\n")
	if len(first) > 70 {
		first = first[:70] + "…"
	}
	kind := c.CellType
	if kind == "code" {
		kind = fmt.Sprintf("code cell #%d", code)
	}
	return fmt.Sprintf("cell %d (%s, starts %q)", i, kind, first)
}

// stderrError matches stderr text that means a cell failed. Progress lines
// the go tool writes to stderr ("go: downloading ...") do not match.
var stderrError = regexp.MustCompile(`(?im)\.go:\d+(:\d+)?: |^panic: |goroutine \d+ \[|\bundefined: |\berror\b|\bfailed\b|\bfatal\b`)

// gonbStderrHTML marks the HTML in which GoNB shows compiler errors and a
// program's stderr.
const gonbStderrHTML = `data-mime-type="application/vnd.jupyter.stderr"`

var (
	styleBlock = regexp.MustCompile(`(?is)<style.*?</style>`)
	anyTag     = regexp.MustCompile(`(?s)<[^>]+>`)
	blankLines = regexp.MustCompile(`\n\s*\n+`)
)

func htmlText(s string) string {
	s = styleBlock.ReplaceAllString(s, "")
	s = anyTag.ReplaceAllString(s, "")
	return strings.TrimSpace(blankLines.ReplaceAllString(html.UnescapeString(s), "\n"))
}

// problems lists the outputs of the executed notebook that signal a failure,
// each naming the cell.
func (nb *notebook) problems() []string {
	var out []string
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			var msg string
			switch {
			case o.OutputType == "error":
				msg = fmt.Sprintf("error output: %s: %s", o.Ename, o.Evalue)
			case o.OutputType == "stream" && o.Name == "stderr" && stderrError.MatchString(string(o.Text)):
				msg = "stderr: " + strings.TrimSpace(string(o.Text))
			case strings.Contains(string(o.Data["text/html"]), gonbStderrHTML):
				msg = "stderr: " + htmlText(string(o.Data["text/html"]))
			default:
				continue
			}
			out = append(out, fmt.Sprintf("%s: %s", nb.cellName(i), msg))
		}
	}
	return out
}

// texts returns the notebook's text outputs in cell order: stdout, then the
// text/plain, text/markdown and text/html data (HTML both raw and as text).
func (nb *notebook) texts() []string {
	var out []string
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			if o.OutputType == "stream" && o.Name == "stdout" {
				out = append(out, string(o.Text))
			}
			for _, mime := range []string{"text/plain", "text/markdown", "text/html"} {
				if s, ok := o.Data[mime]; ok {
					out = append(out, string(s))
					if mime == "text/html" {
						out = append(out, htmlText(string(s)))
					}
				}
			}
		}
	}
	return out
}

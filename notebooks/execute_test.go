package notebooks_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestNotebooksExecute runs every notebook headless through the real GoNB
// kernel with scripts/run_notebooks.py (as `make run` does, but into
// out/test/executed/), then checks each executed notebook: every code cell
// ran, no cell shows an error, and the numbers of printedNumbers
// (checks_test.go) are printed.
func TestNotebooksExecute(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not executing the notebooks")
	}
	v := requireVenv(t)
	names := notebookNames(t)

	outDir := filepath.Join(repoRoot, "out", "test", "executed")
	if err := os.RemoveAll(outDir); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if d, ok := t.Deadline(); ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithDeadline(ctx, d.Add(-30*time.Second))
		defer cancel()
	}
	args := []string{filepath.Join(repoRoot, "scripts", "run_notebooks.py"), "--out", outDir}
	for _, n := range names {
		args = append(args, filepath.Join(repoRoot, "notebooks", n))
	}
	cmd := exec.CommandContext(ctx, v.python, args...)
	cmd.Dir = repoRoot
	cmd.Env = v.jupyterEnv("", "")
	start := time.Now()
	report, err := cmd.CombinedOutput()
	t.Logf("scripts/run_notebooks.py (%.1f s):\n%s", time.Since(start).Seconds(), report)
	if err != nil {
		t.Errorf("scripts/run_notebooks.py failed (%v); executed notebooks and kernel logs are in %s", err, outDir)
	}

	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(filepath.Join(outDir, name))
			if err != nil {
				t.Fatalf("no executed notebook: %v", err)
			}
			for _, p := range nb.problems() {
				t.Errorf("%s: %s", name, p)
			}
			for i, c := range nb.Cells {
				if c.CellType == "code" && strings.TrimSpace(string(c.Source)) != "" && c.ExecutionCount == nil {
					t.Errorf("%s: %s was not executed", name, nb.cellName(i))
				}
			}
			checkNumbers(t, name, nb)

			html, err := os.ReadFile(filepath.Join(outDir, strings.TrimSuffix(name, ".ipynb")+".html"))
			if err != nil {
				t.Errorf("no HTML export: %v", err)
			} else if m := remoteLoad.Find(html); m != nil {
				t.Errorf("the HTML export loads from the network: %s", m)
			}
		})
	}
}

// remoteLoad matches a tag that makes the page load something from another
// host (a script, a style sheet, an image, a frame); plain links are fine.
var remoteLoad = regexp.MustCompile(`(?i)<(script|link|img|iframe|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?(https?:)?//[^"'\s>]*`)

func compileNumberPattern(p string) (*regexp.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	if re.NumSubexp() != 1 {
		return nil, fmt.Errorf("pattern %q has %d capture groups, want exactly 1 (use (?:...) for the others)", p, re.NumSubexp())
	}
	return re, nil
}

// checkNumbers checks the printedNumbers entries of one executed notebook.
func checkNumbers(t *testing.T, name string, nb *notebook) {
	t.Helper()
	texts := nb.texts()
	for _, num := range printedNumbers[name] {
		re, err := compileNumberPattern(num.Pattern)
		if err != nil {
			t.Errorf("checks_test.go: %v", err)
			continue
		}
		var m []string
		for _, s := range texts {
			if m = re.FindStringSubmatch(s); m != nil {
				break
			}
		}
		if m == nil {
			t.Errorf("%s: no output matches %q (printedNumbers in checks_test.go)", name, num.Pattern)
			continue
		}
		s := strings.TrimSpace(strings.ReplaceAll(m[1], "−", "-"))
		got, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Errorf("%s: %q matched %q, which is not a number", name, num.Pattern, m[1])
			continue
		}
		if !(math.Abs(got-num.Want) <= num.Tol) {
			t.Errorf("%s: %q printed %v, want %v ± %v", name, num.Pattern, got, num.Want, num.Tol)
		} else {
			t.Logf("%s: %q printed %v (want %v ± %v)", name, num.Pattern, got, num.Want, num.Tol)
		}
	}
}

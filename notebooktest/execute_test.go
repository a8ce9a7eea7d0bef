package notebooktest_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/internal/browser"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/offline"
	"github.com/eif-notebooks/eif-notebooks/notebooktest"
)

// TestNotebooksExecute runs every notebook headless through the real GoNB
// kernel with scripts/run_notebooks.py (as `make run` does, but into
// out/test/executed/), then checks each executed notebook: every code cell
// ran, no cell shows an error, and the numbers of PrintedNumbers
// (checks.go) are printed. The run happens in a network namespace with
// only loopback, under strace (internal/offline): "no network" fails on any
// connection attempt to another host, such as GoNB's `go get` asking the
// Go module proxy.
func TestNotebooksExecute(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not executing the notebooks")
	}
	v := requireVenv(t)
	names := runNotebookNames(t)

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
	args := notebooks.RunArgs(v.Python, repoRoot, outDir, names)
	// Offline: in a network namespace with only loopback, every connection logged.
	if err := os.MkdirAll(outDir, 0o755); err != nil {
		t.Fatal(err)
	}
	straceLog := filepath.Join(outDir, "connect.strace")
	wrapped, isOffline, why := offline.Wrap(t, straceLog, args...)
	if isOffline {
		args = wrapped
	}
	cmd := exec.CommandContext(ctx, args[0], args[1:]...)
	cmd.Dir = repoRoot
	cmd.Env = v.JupyterEnv("", "")
	start := time.Now()
	report, err := cmd.CombinedOutput()
	t.Logf("scripts/run_notebooks.py (%.1f s):\n%s", time.Since(start).Seconds(), report)
	if err != nil {
		t.Errorf("scripts/run_notebooks.py failed (%v); executed notebooks and kernel logs are in %s", err, outDir)
	}

	t.Run("no network", func(t *testing.T) {
		if !isOffline {
			skipOrFail(t, "the notebooks ran with the network: %s", why)
		}
		offline.CheckNoNetwork(t, "scripts/run_notebooks.py", straceLog)
	})

	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			nb, err := readNotebook(filepath.Join(outDir, name))
			if err != nil {
				t.Fatalf("no executed notebook: %v", err)
			}
			notebooktest.CheckExecuted(t, name, nb)

			htmlFile := filepath.Join(outDir, strings.TrimSuffix(name, ".ipynb")+".html")
			html, err := os.ReadFile(htmlFile)
			if err != nil {
				t.Errorf("no HTML export: %v", err)
			} else if m := remoteLoad.Find(html); m != nil {
				t.Errorf("the HTML export loads from the network: %s", m)
			} else if !goComment.Match(html) {
				t.Errorf("the HTML export does not highlight the code as Go (no Go comment span %q)", goComment)
			} else if m := liveScript.Find(html); m != nil {
				t.Errorf("the HTML export keeps a live-output script, which opens a connection to a kernel: %s", m)
			} else {
				checkExportOffline(t, name, htmlFile)
			}
		})
	}
}

// checkExportOffline opens an HTML export from disk in headless Chromium with the network
// cut off (every request goes to a closed proxy port) and checks what a reader sees: every
// chart drawn on a canvas, no chart error box, and the equations typeset by the MathJax
// copy beside the file.
// goComment is how Pygments' Go lexer marks a // comment; another lexer (Python's, the
// fallback when the notebook names none) marks // as an operator.
var goComment = regexp.MustCompile(`<span class="c1">//`)

func checkExportOffline(t *testing.T, name, file string) {
	t.Helper()
	chrome := browser.Require(t)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := browser.Command(ctx, t, chrome, "file://"+file,
		"--enable-logging=stderr", "--v=0", // the page's console messages, on stderr
		"--virtual-time-budget=20000", "--dump-dom")
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Errorf("%s: Chromium could not open the HTML export: %v", name, err)
		return
	}
	for _, m := range liveScriptConsole.FindAllString(stderr.String(), -1) {
		t.Errorf("%s: the HTML export opened offline logged: %s", name, m)
	}
	dom := regexp.MustCompile(`(?s)<script.*?</script>`).ReplaceAllString(string(out), "")
	charts := strings.Count(dom, `class="eif-chart"`)
	want := notebooktest.WantCharts(name)
	if charts < want {
		t.Errorf("%s: the HTML export opened offline shows %d chart(s), want at least %d", name, charts, want)
	}
	if c := strings.Count(dom, "<canvas"); c < charts {
		t.Errorf("%s: the HTML export opened offline draws %d canvas(es) for %d chart(s)", name, c, charts)
	}
	if strings.Contains(dom, `class="eif-chart-error"`) {
		t.Errorf("%s: the HTML export opened offline shows a chart error", name)
	}
	if strings.Contains(dom, "Math Processing Error") || !strings.Contains(dom, `class="MathJax`) {
		t.Errorf("%s: the equations of the HTML export are not typeset offline (is out/…/mathjax there?)", name)
	}
	t.Logf("%s: HTML export offline: %d chart(s) drawn, equations typeset", name, charts)
}

// liveScript matches GoNB's page script, which connects the page to the kernel (for
// widgets such as the explorer's sliders): an HTML export must not have it
// (scripts/run_notebooks.py leaves it out).
var liveScript = regexp.MustCompile(`\blet gonb_comm\s*=|\bnew WebSocket\(`)

// liveScriptConsole matches a console message of Chromium's log (--enable-logging) that
// tells of an uncaught exception or of a failed connection to a kernel.
var liveScriptConsole = regexp.MustCompile(`(?m):CONSOLE[:(]\d+\)?\] "(?:Uncaught|gonb_comm|WebSocket).*$`)

// remoteLoad matches a tag that makes the page load something from another
// host (a script, a style sheet, an image, a frame); plain links are fine.
var remoteLoad = regexp.MustCompile(`(?i)<(script|link|img|iframe|embed|object)\b[^>]*\b(src|href|data)\s*=\s*["']?(https?:)?//[^"'\s>]*`)

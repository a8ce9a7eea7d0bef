package notebooktest_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/eif-notebooks/eif-notebooks/internal/jupyterlab"
)

// Run All right after opening a notebook, as a student does.
const (
	startTries      = 10              // notebooks opened, one kernel each
	startClickDelay = time.Second     // from "open" to the Run All click
	startRunTimeout = 2 * time.Minute // the cells of one try to finish
)

// startNotebook is the notebook of TestRunAllAtStart: the setup cell and two
// cells that print a marker each.
func startNotebook() []byte {
	code := func(id, src string) map[string]any {
		return map[string]any{"cell_type": "code", "id": id, "metadata": map[string]any{},
			"execution_count": nil, "outputs": []any{}, "source": src}
	}
	nb := map[string]any{
		"nbformat": 4, "nbformat_minor": 5,
		"metadata": map[string]any{
			"kernelspec":    map[string]any{"name": "gonb", "display_name": "Go (gonb)", "language": "go"},
			"language_info": map[string]any{"name": "go"},
		},
		"cells": []any{
			code("s-1", setupCell+"\nimport _ \"github.com/eif-notebooks/eif-notebooks/eif\""),
			code("s-2", "%%\nfmt.Println(\"start-marker-2\")"),
			code("s-3", "%%\nfmt.Println(\"start-marker-3\")"),
		},
	}
	b, _ := json.MarshalIndent(nb, "", " ")
	return b
}

// setupCell is the shell part of the setup cell of notebooks/README.md.
const setupCell = `!*go mod edit \
  -replace=github.com/eif-notebooks/eif-notebooks=$(cd "$GONB_DIR" && go list -m -f '{{.Dir}}' github.com/eif-notebooks/eif-notebooks) \
  -require=github.com/eif-notebooks/eif-notebooks@v0.0.0-00010101000000-000000000000 \
  || echo "SETUP FAILED" >&2`

// startTry is what one open-and-Run-All try saw.
type startTry struct {
	Done     bool               `json:"done"`     // every cell ran and printed its marker
	Dialogs  []string           `json:"dialogs"`  // titles of dialogs that came up
	Status   string             `json:"status"`   // the kernel status in the status bar at the end
	Missing  []int              `json:"missing"`  // cells without their output
	Statuses []string           `json:"statuses"` // kernel statuses seen, in order
	Marks    map[string]float64 `json:"marks"`    // ms since the page loaded: see js/start_open.js
}

// TestRunAllAtStart opens a notebook in JupyterLab (the file browser open, as
// in JupyterLab's default layout), clicks Run All one second later, while the
// kernel starts, and checks that every cell runs, with no dialog, and that the
// status bar reads Idle at the end; startTries times, a new kernel each time.
// Then it opens the notebook once more, runs nothing, and checks that the
// status bar reads Idle once the kernel is up.
//
// What makes it work (jupyter/README.md): the eif-notebooks-start JupyterLab
// plugin holds a run command until the notebook's session has a kernel;
// autoStartDefaultKernel starts the kernel without a "Select Kernel" dialog;
// and the server tracks the status messages of kernel_info requests, the only
// ones GoNB sends before its first execution.
func TestRunAllAtStart(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser test")
	}
	v, chrome, root := browserTestDir(t, "start-")
	testDir := filepath.Join(repoRoot, "out", "test")
	if err := os.WriteFile(filepath.Join(root, "start.ipynb"), startNotebook(), 0o644); err != nil {
		t.Fatal(err)
	}
	lab := jupyterlab.Start(t, v, root, filepath.Join(testDir, "jupyterlab-start.log"))
	ctx := startBrowser(t, chrome)
	p := &labPage{t: t, ctx: ctx, name: "start.ipynb", lab: lab}
	if err := chromedp.Do(ctx, chromedp.Navigate(lab.Base+"/lab?reset&token="+lab.Token)); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("JupyterLab started", jupyterlab.StartTimeout, jsCall("lab_started")); err != nil {
		t.Fatal(err)
	}

	worked := 0
	early := 0 // clicks that came before the notebook had a kernel
	for i := 1; i <= startTries; i++ {
		// Odd tries load the page with the notebook's address, even ones
		// open it from the file browser of an open JupyterLab.
		try, took, err := p.openAndRunAll(i%2 == 1)
		if k, ok := try.Marks["kernel"]; !ok || k > try.Marks["click"] {
			early++
		}
		switch {
		case err != nil:
			t.Errorf("try %d: %v", i, err)
		case try.Done && len(try.Dialogs) == 0 && try.Status == "Idle":
			worked++
			t.Logf("try %d: all cells ran in %.1f s after the click; statuses %v marks %v", i, took.Seconds(), try.Statuses, try.Marks)
		default:
			t.Errorf("try %d: done %v, dialogs %q, status bar %q, cells without output %v, statuses %v marks %v",
				i, try.Done, try.Dialogs, try.Status, try.Missing, try.Statuses, try.Marks)
		}
		if err := p.closeNotebook(); err != nil {
			t.Fatalf("try %d: closing the notebook: %v", i, err)
		}
	}
	t.Logf("Run All clicked %v after opening: worked %d of %d tries (in %d the click came before the notebook had a kernel)",
		startClickDelay, worked, startTries, early)

	// Opened and left alone, the notebook's kernel must come up as Idle.
	if err := p.openOnly(false); err != nil {
		t.Fatal(err)
	}
	if err := p.waitFor("the status bar to read Idle once the kernel is up", time.Minute,
		jsCall("start_idle")); err != nil {
		t.Error(err)
	}
	if err := p.closeNotebook(); err != nil {
		t.Fatal(err)
	}
}

// openAndRunAll opens start.ipynb, by loading its address (navigate) or as a
// double click in the file browser does, clicks Run All startClickDelay after
// the notebook shows, and waits for every cell to print its marker and the
// kernel to be idle (or startRunTimeout).
func (p *labPage) openAndRunAll(navigate bool) (startTry, time.Duration, error) {
	var try startTry
	if err := p.openOnly(navigate); err != nil {
		return try, 0, err
	}
	time.Sleep(startClickDelay)
	if err := p.eval(`(window.__eifStart.marks.click = Math.round(performance.now()),
		window.jupyterapp.commands.execute("notebook:run-all-cells"), true)`, nil); err != nil {
		return try, 0, err
	}
	clicked := time.Now()
	deadline := clicked.Add(startRunTimeout)
	for {
		if err := p.eval(jsCall("start_state"), &try); err != nil {
			return try, 0, err
		}
		if (try.Done && try.Status == "Idle") || len(try.Dialogs) > 0 || time.Now().After(deadline) {
			return try, time.Since(clicked), nil
		}
		time.Sleep(250 * time.Millisecond)
	}
}

// openOnly opens start.ipynb and returns when it shows: with navigate, by
// loading its address, and once its cells are loaded; else from the open
// JupyterLab, as a double click in the file browser does, at once.
func (p *labPage) openOnly(navigate bool) error {
	if navigate {
		if err := chromedp.Do(p.ctx, chromedp.Navigate(p.lab.NotebookURL(p.name))); err != nil {
			return err
		}
		if err := p.waitFor("JupyterLab started", jupyterlab.StartTimeout, `!!(window.jupyterapp && window.jupyterapp.shell)`); err != nil {
			return err
		}
	}
	js := jsCall("start_open", p.name, navigate)
	if err := p.eval(js, nil); err != nil {
		return err
	}
	if !navigate {
		return nil
	}
	return p.waitFor("notebook shown", time.Minute, `!!(`+jsNotebook+` && `+jsNotebook+`.context.isReady)`)
}

// closeNotebook shuts the notebook's kernel down, closes it without saving
// and dismisses any dialog, so the next try starts afresh.
func (p *labPage) closeNotebook() error {
	js := jsCall("close_notebook")
	if err := p.eval(js, nil); err != nil {
		return err
	}
	return p.waitFor("no kernel left", time.Minute, `fetch("/api/kernels").then(r => r.json()).then(l => l.length === 0 ? "" : l.length + " kernel(s)")`)
}

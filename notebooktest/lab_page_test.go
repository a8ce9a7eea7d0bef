package notebooktest_test

// labPage: JupyterLab in the browser with one notebook open, and what the
// tests do with it (their JavaScript is in js/, see js_test.go).

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/eif-notebooks/eif-notebooks/internal/browser"
	"github.com/eif-notebooks/eif-notebooks/internal/jupyterlab"
	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// labPage is JupyterLab in the browser with one notebook open. browserSteps
// (browser_test.go) get one.
type labPage struct {
	t         *testing.T
	ctx       context.Context
	name      string
	lab       *jupyterlab.Server
	notebook7 bool           // open it in Notebook 7 (/notebooks/NAME) instead of JupyterLab
	watch     *browser.Watch // the page's console and requests, where a test needs them
}

// eval evaluates a JavaScript expression in the page (awaiting a promise) and
// decodes its JSON value into out (nil: ignore it).
func (p *labPage) eval(js string, out any) error {
	ctx, cancel := context.WithTimeout(p.ctx, time.Minute)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js, chromedp.EvalAwaitPromise))
	if err != nil {
		return err
	}
	if out == nil || len(raw) == 0 {
		return nil
	}
	return json.Unmarshal(raw, out)
}

// waitFor polls the JavaScript expression until it gives true or "" (done).
// Any other string is the current state, reported on timeout.
func (p *labPage) waitFor(what string, timeout time.Duration, js string) error {
	deadline := time.Now().Add(timeout)
	state := "not evaluated"
	for {
		var v any
		err := p.eval(js, &v)
		switch {
		case err != nil:
			state = "error: " + err.Error()
		case v == true || v == "":
			return nil
		default:
			b, _ := json.Marshal(v)
			state = string(b)
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("%s: not done after %v (last state: %s)", what, timeout, state)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// jsNotebook is a JavaScript expression for the panel of the open notebook
// (the one at window.eifNotebookPath).
var jsNotebook = jsCall("panel_of_path")

// jsReady gives "" when the notebook is loaded and its kernel connected and
// idle, else what it waits for.
func (p *labPage) jsReady() string { return jsCall("ready", p.name) }

// runState is how far "run all" is (js/run_state.js), with each code cell's
// outputs, which the test judges by internal/notebooks' rule.
type runState struct {
	Kernel  string `json:"kernel"`
	Todo    int    `json:"todo"`
	Running int    `json:"running"`
	Cells   []struct {
		Cell    int                `json:"cell"`
		Outputs []notebooks.Output `json:"outputs"`
	} `json:"cells"`
}

// problems lists the failing outputs, by internal/notebooks.OutputProblem.
func (st *runState) problems() []string {
	var out []string
	for _, c := range st.Cells {
		for _, o := range c.Outputs {
			if msg := notebooks.OutputProblem(o); msg != "" {
				out = append(out, fmt.Sprintf("cell %d: %s", c.Cell, msg))
			}
		}
	}
	return out
}

// chartReport says which charts the open notebook shows.
type chartReport struct {
	Count int      `json:"count"`
	Bad   []string `json:"bad"` // charts with no canvas or svg of nonzero size
}

// charts reports the charts of the open notebook.
func (p *labPage) charts() (chartReport, error) {
	var r chartReport
	err := p.eval(jsCall("charts"), &r)
	return r, err
}

// waitCharts waits until at least min charts are drawn, and returns them.
func (p *labPage) waitCharts(min int) (chartReport, error) {
	deadline := time.Now().Add(chartTimeout)
	for {
		r, err := p.charts()
		if err == nil && r.Count >= min && len(r.Bad) == 0 {
			return r, nil
		}
		if time.Now().After(deadline) {
			if err != nil {
				return r, err
			}
			return r, fmt.Errorf("%d chart(s) found, want at least %d, all drawn; undrawn: %v", r.Count, min, r.Bad)
		}
		time.Sleep(500 * time.Millisecond)
	}
}

// screenshot saves a PNG of the whole notebook (the viewport is made as tall
// as the notebook, up to maxShotHeight pixels).
func (p *labPage) screenshot(path string) error {
	// The notebook scrolls inside its panel: grow the window by what is hidden.
	var h int
	if err := p.eval(jsCall("page_height"), &h); err != nil {
		return err
	}
	h = min(max(h, viewportHeight), maxShotHeight)
	if err := chromedp.Do(p.ctx, chromedp.EmulateViewport(viewportWidth, int64(h))); err != nil {
		return err
	}
	time.Sleep(time.Second) // let the layout settle
	png, err := chromedp.Run(p.ctx, chromedp.FullScreenshot(100))
	if err2 := chromedp.Do(p.ctx, chromedp.EmulateViewport(viewportWidth, viewportHeight)); err == nil {
		err = err2
	}
	if err != nil {
		return err
	}
	return os.WriteFile(path, png, 0o644)
}

// open loads the notebook page and waits until its kernel is idle.
func (p *labPage) open() error {
	ctx, cancel := context.WithTimeout(p.ctx, openTimeout)
	defer cancel()
	addr := p.lab.NotebookURL(p.name)
	if p.notebook7 {
		addr = p.lab.Notebook7URL(p.name)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(addr)); err != nil {
		return fmt.Errorf("opening %s: %w", p.name, err)
	}
	if err := p.waitFor("notebook open with an idle kernel", openTimeout, p.jsReady()); err != nil {
		return err
	}
	// Make it the current notebook, which commands act on. The file browser
	// stays open, as in JupyterLab's default layout.
	return p.eval(`(window.jupyterapp.shell.activateById(`+jsNotebook+`.id), true)`, nil)
}

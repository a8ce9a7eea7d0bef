package notebooktest_test

import (
	"fmt"
	"time"
)

// explorerCall is the call that starts the interactive explorer in
// 04-firing-and-thresholds.ipynb: the browser step finds the explorer's cell by it.
// The step's JavaScript is in js/explorer_*.js.
const explorerCall = "explore.Run(I, DeltaT,"

// exerciseExplorer is the browser step of 04-firing-and-thresholds.ipynb. It checks that
// under Run All the explorer ended at once, leaving its picture. The explorer's
// sliders live only while its cell runs, so it runs that cell alone, moves the I slider
// to 12 nA (until the page is connected), then the Δ_T slider to 2 mV, timing that
// second move from the input event to the new readout and charts in the page, presses
// Done, and checks that the cell ends with the last picture in place.
func exerciseExplorer(p *labPage) error {
	// Under Run All the explorer ended at once (the later cells were waiting), and
	// left its picture: the saved notebook shows it.
	if err := p.waitFor("explorer ended at once under Run All, picture kept", 10*time.Second, jsCall("explorer_ended", explorerCall, "runall", "at once under Run All")); err != nil {
		// One exception, GoNB's own: its page script gives the kernel 500 ms to answer
		// the page's connection, and on a busy machine gives up (gonbCommFlake). The
		// page never connected, so the explorer could not learn of Run All; it must
		// then have ended with its "no page connected" line and its picture, and the
		// live steps below prove that a rerun connects.
		if p.watch == nil || !p.watch.Seen(gonbCommFlake) {
			return err
		}
		if err := p.waitFor("explorer ended without a page, picture kept (GoNB's connection gave up)", 30*time.Second,
			jsCall("explorer_ended", explorerCall, "headless", "without a page")); err != nil {
			return err
		}
		p.t.Logf("%s: under Run All GoNB's page connection gave up (%q), so the explorer ended without a page, its picture kept", p.name, gonbCommFlake)
	}
	if err := p.eval(jsCall("explorer_run", explorerCall), nil); err != nil {
		return fmt.Errorf("running the explorer cell: %w", err)
	}
	// The I slider runs from 0 to 300 for 0–15 nA; Δ_T's from 1 to 40 for 0.1–4 mV.
	if err := p.waitFor("explorer redrawn at I = 12 nA after moving the I slider", 90*time.Second,
		jsCall("explorer_move", explorerCall, "I", 0, 240, "i", "12.00", true)); err != nil {
		return err
	}
	if err := p.waitFor("explorer redrawn at Δ_T = 2 mV after moving the Δ_T slider", 30*time.Second,
		jsCall("explorer_move", explorerCall, "DeltaT", 1, 20, "deltat", "2.0", false)); err != nil {
		return err
	}
	var values []string
	if err := p.eval(jsCall("explorer_values", explorerCall), &values); err != nil {
		return err
	}
	if len(values) != 2 || values[0] != "I = 12.00 nA" || values[1] != "Δ_T = 2.0 mV" {
		return fmt.Errorf("the values beside the sliders read %q, want I = 12.00 nA and Δ_T = 2.0 mV", values)
	}
	var ms struct{ Seen, Painted float64 }
	if err := p.eval(jsCall("explorer_timing", "DeltaT"), &ms); err != nil {
		return err
	}
	p.t.Logf("%s: Δ_T slider moved: new readout in the page %.0f ms after the input event, both charts redrawn after %.0f ms",
		p.name, ms.Seen, ms.Painted)

	// Press Done: the cell must end, leaving the final picture.
	return p.waitFor("explorer ended by its Done button", 60*time.Second,
		jsCall("explorer_done", explorerCall, "12.00", "2.0", "0"))
}

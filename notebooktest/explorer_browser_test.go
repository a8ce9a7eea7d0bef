package notebooktest_test

import (
	"fmt"
	"time"
)

// jsExplorerCell finds the code cell of 04-beyond-the-report.ipynb that starts the
// interactive explorer, as `cell` (or returns a string saying it is missing).
const jsExplorerCell = `const w = window.jupyterapp.shell.currentWidget;
	const cell = w.content.widgets.find(c => c.model.type === "code" &&
		c.model.sharedModel.getSource().includes("explore.Run(I, DeltaT,"));
	if (!cell) return "no cell calls explore.Run(I, DeltaT, …)";`

// jsMoveSlider returns a JavaScript expression for waitFor that moves slider k of the
// explorer (0: I, 1: Δ_T) to position pos, as a user does (an input event), and is done
// when the readout's data attribute attr says want and both charts are drawn anew. With
// retry it repeats the move every 3 s, for a page that is not connected yet. It records
// in window.__eifExplorer[key] when the move was sent and when the new readout and the
// two new charts appeared (a MutationObserver, so to the millisecond).
func jsMoveSlider(key string, k, pos int, attr, want string, retry bool) string {
	return fmt.Sprintf(`(() => {
	`+jsExplorerCell+`
	const out = cell.node;
	const st = window.__eifExplorer[%[1]q] = window.__eifExplorer[%[1]q] || {};
	const sliders = out.querySelectorAll(".eif-explorer .eif-slider input[type=range]");
	if (sliders.length !== 2 || !out.querySelector(".eif-explorer-done button")) {
		return out.querySelector(".eif-explorer-ended") ? "the explorer has ended" : "waiting for the explorer's controls";
	}
	const readout = () => out.querySelector(".eif-explorer-readout");
	const newCharts = () => Array.from(out.querySelectorAll(".eif-chart")).filter(el => !st.ids.includes(el.id) &&
		Array.from(el.querySelectorAll("canvas, svg")).some(c => { const r = c.getBoundingClientRect(); return r.width > 0 && r.height > 0; })).length;
	if (st.painted) return "";
	if (!st.sent || (%[6]t && performance.now() - st.sent > 3000)) {
		if (!st.observer) {
			st.ids = Array.from(out.querySelectorAll(".eif-chart")).map(el => el.id);
			st.observer = new MutationObserver(() => {
				const r = readout();
				if (!r || r.dataset[%[4]q] !== %[5]q) return;
				st.seen = st.seen || performance.now();
				if (!st.painted && newCharts() >= 2) { st.painted = performance.now(); st.observer.disconnect(); }
			});
			st.observer.observe(out, {childList: true, subtree: true});
		}
		const s = sliders[%[2]d];
		s.value = "%[3]d";
		st.sent = performance.now();
		s.dispatchEvent(new Event("input", {bubbles: true}));
	}
	const r = readout();
	return "moved slider %[2]d to %[3]d; the readout has " + %[4]q + " = " + (r ? r.dataset[%[4]q] : "(none)") + ", " + newCharts() + " new chart(s) drawn";
})()`, key, k, pos, attr, want, retry)
}

// exerciseExplorer is the browser step of 04-beyond-the-report.ipynb. It checks that
// under Run All the explorer ended at once, leaving its picture. The explorer's
// sliders live only while its cell runs, so it runs that cell alone, moves the I slider
// to 12 nA (until the page is connected), then the Δ_T slider to 2 mV, timing that
// second move from the input event to the new readout and charts in the page, presses
// Done, and checks that the cell ends with the last picture in place.
func exerciseExplorer(p *labPage) error {
	// Under Run All the explorer ended at once (the later cells were waiting), and
	// left its picture: the saved notebook shows it.
	ranAll := `(() => {
	` + jsExplorerCell + `
	const end = cell.node.querySelector(".eif-explorer-ended");
	if (!end) return "no end message of the explorer after Run All";
	if (end.dataset.end !== "runall") return "the explorer did not end at once under Run All: " + end.textContent;
	return cell.node.querySelectorAll(".eif-chart").length >= 2 ? "" : "no picture left by the explorer after Run All";
})()`
	if err := p.waitFor("explorer ended at once under Run All, picture kept", 10*time.Second, ranAll); err != nil {
		return err
	}
	run := `(() => {
	` + jsExplorerCell + `
	w.content.activeCellIndex = w.content.widgets.indexOf(cell);
	window.__eifExplorer = {};
	window.jupyterapp.commands.execute("notebook:run-cell");
	return true;
})()`
	if err := p.eval(run, nil); err != nil {
		return fmt.Errorf("running the explorer cell: %w", err)
	}
	// The I slider runs from 0 to 300 for 0–15 nA; Δ_T's from 1 to 40 for 0.1–4 mV.
	if err := p.waitFor("explorer redrawn at I = 12 nA after moving the I slider", 90*time.Second,
		jsMoveSlider("I", 0, 240, "i", "12.00", true)); err != nil {
		return err
	}
	if err := p.waitFor("explorer redrawn at Δ_T = 2 mV after moving the Δ_T slider", 30*time.Second,
		jsMoveSlider("DeltaT", 1, 20, "deltat", "2.0", false)); err != nil {
		return err
	}
	var values []string
	if err := p.eval(`(() => { `+jsExplorerCell+` return Array.from(cell.node.querySelectorAll(".eif-slider-value")).map(e => e.textContent); })()`, &values); err != nil {
		return err
	}
	if len(values) != 2 || values[0] != "I = 12.00 nA" || values[1] != "Δ_T = 2.0 mV" {
		return fmt.Errorf("the values beside the sliders read %q, want I = 12.00 nA and Δ_T = 2.0 mV", values)
	}
	var ms struct{ Seen, Painted float64 }
	if err := p.eval(`(() => { const s = window.__eifExplorer.DeltaT; return {seen: s.seen - s.sent, painted: s.painted - s.sent}; })()`, &ms); err != nil {
		return err
	}
	p.t.Logf("%s: Δ_T slider moved: new readout in the page %.0f ms after the input event, both charts redrawn after %.0f ms",
		p.name, ms.Seen, ms.Painted)

	// Press Done: the cell must end, leaving the final picture.
	done := `(() => {
	` + jsExplorerCell + `
	const out = cell.node;
	const b = out.querySelector(".eif-explorer-done button");
	if (b) { b.click(); return "pressed Done"; }
	if (!out.querySelector(".eif-explorer-ended")) return "no Done button and no end message";
	const prompt = cell.node.querySelector(".jp-InputPrompt");
	if (prompt && prompt.textContent.includes("*")) return "cell still running";
	const r = out.querySelector(".eif-explorer-readout");
	if (!r || r.dataset.i !== "12.00" || r.dataset.deltat !== "2.0") return "final readout not at I = 12 nA, Δ_T = 2 mV";
	if (r.dataset.fixedPoints !== "0") return "final readout at 12 nA shows fixed points: " + r.textContent;
	return out.querySelectorAll(".eif-chart").length >= 2 ? "" : "final picture has fewer than 2 charts";
})()`
	return p.waitFor("explorer ended by its Done button", 60*time.Second, done)
}

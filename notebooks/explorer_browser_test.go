package notebooks_test

import (
	"fmt"
	"time"
)

// jsExplorerCell finds the code cell of 04-beyond-the-report.ipynb that starts the
// interactive explorer, as `cell` (or returns a string saying it is missing).
const jsExplorerCell = `const w = window.jupyterapp.shell.currentWidget;
	const cell = w.content.widgets.find(c => c.model.type === "code" &&
		c.model.sharedModel.getSource().includes("explore(I, DeltaT, idle, wait)"));
	if (!cell) return "no cell calls explore(I, DeltaT, idle, wait)";`

// exerciseExplorer is the browser step of 04-beyond-the-report.ipynb: it runs the explorer
// cell again (its sliders live only while the cell runs), moves the current slider to
// 12 nA, waits until the readout and both charts are redrawn for that current, presses
// Done, and checks that the cell ends with the last picture in place.
func exerciseExplorer(p *labPage) error {
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

	// Move the I slider (0–300 → 0–15 nA) to 240 = 12 nA, as a user does (an input
	// event), until the readout says so and both charts are drawn again. The move is
	// repeated every 3 s, in case the first one came before the program listened.
	move := `(() => {
	` + jsExplorerCell + `
	const st = window.__eifExplorer;
	const out = cell.node;
	const slider = out.querySelector(".eif-slider input[type=range]");
	if (!slider || !out.querySelector(".eif-explorer-done button")) {
		const ex = out.querySelector(".eif-explorer");
		return "waiting for the live sliders (explorer controls " + (ex ? "shown: " + ex.innerHTML.length + " chars, " +
			ex.querySelectorAll("input").length + " input(s), " + ex.querySelectorAll("button").length + " button(s)" :
			(out.querySelector(".eif-explorer-ended") ? "ended" : "not shown")) + ")";
	}
	const readout = out.querySelector(".eif-explorer-readout");
	const charts = Array.from(out.querySelectorAll(".eif-chart"));
	const drawn = charts.filter(el => Array.from(el.querySelectorAll("canvas, svg"))
		.some(k => { const r = k.getBoundingClientRect(); return r.width > 0 && r.height > 0; })).length;
	if (readout && readout.dataset.i === "12.00" && drawn >= 2 && charts.every(el => !st.ids.includes(el.id))) {
		st.drawn = st.drawn || performance.now();
		return readout.textContent.includes("no fixed point") ? "" : "readout at 12 nA shows fixed points: " + readout.textContent;
	}
	if (!st.sent || performance.now() - st.sent > 3000) {
		st.ids = st.ids || charts.map(el => el.id);
		if (!st.observer) {
			st.observer = new MutationObserver(() => {
				const r = out.querySelector(".eif-explorer-readout");
				if (!r || r.dataset.i !== "12.00") return;
				st.seen = st.seen || performance.now();
				const n = Array.from(out.querySelectorAll(".eif-chart")).filter(el => !st.ids.includes(el.id) &&
					Array.from(el.querySelectorAll("canvas, svg")).some(k => k.getBoundingClientRect().width > 0)).length;
				if (!st.painted && n >= 2) st.painted = performance.now();
			});
			st.observer.observe(out, {childList: true, subtree: true});
		}
		slider.value = "240";
		st.sent = performance.now();
		slider.dispatchEvent(new Event("input", {bubbles: true}));
	}
	return "moved the I slider to 12 nA; the readout says I = " + (readout ? readout.dataset.i : "(none)") + " nA, " + drawn + " chart(s) drawn";
})()`
	if err := p.waitFor("explorer redrawn at I = 12 nA after moving the slider", 90*time.Second, move); err != nil {
		return err
	}
	var ms struct {
		Seen, Painted float64
	}
	if err := p.eval(`(() => { const s = window.__eifExplorer; s.observer.disconnect();
		return {seen: s.seen - s.sent, painted: (s.painted || s.drawn) - s.sent}; })()`, &ms); err != nil {
		return err
	}
	p.t.Logf("%s: slider moved to 12 nA: new readout in the page after %.0f ms, both charts redrawn after %.0f ms", p.name, ms.Seen, ms.Painted)

	// Press Done: the cell must end, leaving the final picture.
	done := `(() => {
	` + jsExplorerCell + `
	const out = cell.node;
	const b = out.querySelector(".eif-explorer-done button");
	if (b) { b.click(); return "pressed Done"; }
	if (!out.querySelector(".eif-explorer-ended")) return "no Done button and no end message";
	const prompt = cell.node.querySelector(".jp-InputPrompt");
	if (prompt && prompt.textContent.includes("*")) return "cell still running";
	const readout = out.querySelector(".eif-explorer-readout");
	if (!readout || readout.dataset.i !== "12.00") return "final readout not at 12 nA";
	return out.querySelectorAll(".eif-chart").length >= 2 ? "" : "final picture has fewer than 2 charts";
})()`
	return p.waitFor("explorer ended by its Done button", 60*time.Second, done)
}

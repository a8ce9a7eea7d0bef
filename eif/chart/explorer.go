package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// The explorer's pulse: the current I is on from explorerT1 to explorerT2 in a run of
// explorerT ms from rest, as in the report's Part B.
const explorerT1, explorerT2, explorerT = 100, 400, 500

// ExplorerView returns the explorer's picture for the report's EIF neuron with slope
// factor deltaT (mV) under the current i (nA): a readout of the rheobase, the fixed
// points and the firing rate; the phase line under i; and a 500 ms trace from rest with i
// on from 100 to 400 ms. It is HTML for gonbui.DisplayHTML or gonbui.UpdateHTML, and says
// what went wrong in place of a chart that cannot be drawn.
func ExplorerView(i, deltaT float64) string {
	p := eif.Default()
	p.DeltaT = deltaT
	n, err := eif.New(p)
	if err != nil {
		return errorHTML(err)
	}
	pulse := eif.Pulse{Amp: i, T1: explorerT1, T2: explorerT2}
	run, err := n.Simulate(pulse, p.Rest, explorerT, nil)
	if err != nil {
		return errorHTML(err)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="eif-explorer-readout" data-i="%.2f" data-deltat="%.1f" style="font-family:monospace">`, i, deltaT)
	fmt.Fprintf(&b, "I = %.2f nA, Δ_T = %.1f mV: rheobase I_rh = %.4f nA<br>", i, deltaT, n.Rheobase())
	fps := n.FixedPoints(i)
	if len(fps) == 0 {
		b.WriteString("no fixed point: the current is above rheobase, the neuron fires repetitively<br>")
	}
	for k, fp := range fps {
		fmt.Fprintf(&b, "u*_%d = %.8f mV (%v)<br>", k+1, fp.U, fp.Stability)
	}
	fmt.Fprintf(&b, "rate under a constant I = %.3f Hz; spikes during the %d ms pulse: %d</div>",
		n.Rate(i), explorerT2-explorerT1, len(run.Spikes))
	params := fmt.Sprintf("I = %.2f nA, Δ_T = %.1f mV", i, deltaT)
	phase := PhaseLine("Phase line", n, i, -80, p.Cutoff)
	trace := Trace(fmt.Sprintf("%d ms from rest, I on from %d to %d ms", explorerT, explorerT1, explorerT2),
		n, Run{Label: "u(t)", Result: run, Stimulus: pulse})
	for _, f := range []*Figure{phase, trace} {
		f.Subtitle = params
		h, err := f.HTML()
		if err != nil {
			h = errorHTML(err)
		}
		b.WriteString(h)
	}
	return b.String()
}

// Explore shows sliders for the current I (0–15 nA by 0.05 nA) and the slope factor Δ_T
// (0.1–4 mV by 0.1 mV) and a Done button, starting at i and deltaT (the sliders show the
// nearest value in their range; the first picture is at i and deltaT), and redraws
// ExplorerView at every move. The sliders talk to the cell's Go program through GoNB's
// connection to the page, so they live only while the cell runs: Explore returns when Done
// is pressed, after idle without a move, or after wait when no page answers (a headless
// run), and leaves the last picture in place. Under Run All (later cells of the notebook
// are waiting to run) it returns at once, so the run goes on; run the cell by itself for
// live sliders. It prints how long the redraws took.
func Explore(i, deltaT float64, idle, wait time.Duration) {
	id := "eif_explorer_" + gonbui.UniqueId()
	addr := "/eif/" + id // the page sends "I-position Δ_T-position done" here at every change
	updates := comms.Listen[string](addr).LatestOnly()
	gonbui.UpdateHTML(id, explorerControls(id, addr, i, deltaT))
	var times []float64 // redraw times (ms): simulation, fixed points and chart HTML
	draw := func() {
		start := time.Now()
		h := ExplorerView(i, deltaT)
		times = append(times, float64(time.Since(start).Microseconds())/1000)
		gonbui.UpdateHTML(id+"_view", h)
	}
	draw()
	status := "No notebook page connected the sliders (a headless run?): this is the starting picture"
	timer := time.NewTimer(wait)
loop:
	for {
		select {
		case msg := <-updates.C:
			var pi, pd, done int
			if _, err := fmt.Sscan(msg, &pi, &pd, &done); err != nil {
				continue
			}
			status = "The explorer has ended" // the page answered: the sliders are live
			if done == 2 {
				status = "Run All went on without waiting for the sliders: run this cell by itself to explore"
			}
			if done != 0 {
				break loop
			}
			if ni, nd := 0.05*float64(pi), 0.1*float64(pd); ni != i || nd != deltaT {
				i, deltaT = ni, nd
				draw()
			}
			timer.Reset(idle)
		case <-timer.C:
			break loop
		}
	}
	gonbui.UpdateHTML(id, fmt.Sprintf(`<div class="eif-explorer-ended"><i>%s, at I = %.2f nA and Δ_T = %.1f mV. Rerun the cell to explore.</i></div>`, status, i, deltaT))
	slices.Sort(times)
	fmt.Printf("explorer: %d redraw(s); redraw time (simulation + fixed points + chart HTML): median %.2f ms, max %.2f ms\n",
		len(times), times[len(times)/2], times[len(times)-1])
	gonbui.Sync()
}

// explorerControls returns the sliders and the Done button, with a script that sends their
// state to the Go program through GoNB's connection to the page (globalThis.gonb_comm).
func explorerControls(id, addr string, i, deltaT float64) string {
	return fmt.Sprintf(`<div class="eif-explorer" id="%[1]s" style="font-family:sans-serif">
<div class="eif-slider">current I (0–15 nA): <input type="range" min="0" max="300" value="%[3]d"> <span class="eif-slider-value">I = %.2[5]f nA</span></div>
<div class="eif-slider">slope factor Δ_T (0.1–4 mV): <input type="range" min="1" max="40" value="%[4]d"> <span class="eif-slider-value">Δ_T = %.1[6]f mV</span></div>
<div class="eif-explorer-done"><button type="button">Done</button></div>
<script>
(function () {
  var root = document.getElementById("%[1]s"), start = Date.now(), done = 0;
  // Under Run All the cells after this one wait, marked [*]: end at once so they run.
  function underRunAll() {
    var cell = root.closest(".jp-Cell");
    for (var c = cell && cell.nextElementSibling; c; c = c.nextElementSibling) {
      var prompt = c.querySelector(".jp-InputPrompt");
      if (c.classList.contains("jp-CodeCell") && prompt && prompt.textContent.indexOf("*") >= 0) return true;
    }
    return false;
  }
  function connect() {
    var comm = globalThis.gonb_comm;
    if (!root || !root.isConnected) return;
    if (!comm) { if (Date.now() - start < 20000) setTimeout(connect, 100); return; }
    var sliders = root.querySelectorAll("input"), shown = root.querySelectorAll(".eif-slider-value");
    function show() {
      shown[0].textContent = "I = " + (0.05 * sliders[0].value).toFixed(2) + " nA";
      shown[1].textContent = "Δ_T = " + (0.1 * sliders[1].value).toFixed(1) + " mV";
    }
    function send() { show(); comm.send("%[2]s", sliders[0].value + " " + sliders[1].value + " " + done); }
    if (underRunAll()) { done = 2; send(); return; }
    sliders.forEach(function (s) { s.addEventListener("input", send); });
    root.querySelector("button").addEventListener("click", function () { done = 1; send(); });
    send();
  }
  connect();
})();
</script></div>`, id, addr, int(math.Round(i/0.05)), int(math.Round(deltaT/0.1)), i, deltaT)
}

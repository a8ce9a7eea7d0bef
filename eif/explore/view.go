package explore

import (
	"fmt"
	"strings"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// The explorer's pulse: the current I is on from t1 to t2 in a run of duration ms from
// rest, as in the report's Part B.
const t1, t2, duration = 100, 400, 500

// View returns the explorer's picture for the report's EIF neuron with slope factor
// deltaT (mV) under the current i (nA), in the language lang ("" for EIF_LANG): a readout
// of the rheobase, the fixed points and the firing rate; the phase line under i; and a
// 500 ms trace from rest with i on from 100 to 400 ms. It is HTML for gonbui.DisplayHTML
// or gonbui.UpdateHTML, and says what went wrong in place of a chart that cannot be drawn.
func View(i, deltaT float64, lang chart.Lang) string {
	lang = lang.Resolve()
	w := wordsOf(lang)
	p := eif.Default()
	p.DeltaT = deltaT
	n, err := eif.New(p)
	if err != nil {
		return chart.ErrorHTML(err)
	}
	pulse := eif.Pulse{Amp: i, T1: t1, T2: t2}
	run, err := n.Simulate(pulse, p.Rest, duration, nil)
	if err != nil {
		return chart.ErrorHTML(err)
	}
	fps := n.FixedPoints(i)
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="eif-explorer-readout" data-i="%.2f" data-deltat="%.1f" data-fixed-points="%d" style="font-family:monospace">`,
		i, deltaT, len(fps))
	b.WriteString(lang.Sprintf(w.rheobase, i, deltaT, n.Rheobase()) + "<br>")
	if len(fps) == 0 {
		b.WriteString(w.noFixedPoint + "<br>")
	}
	for k, fp := range fps {
		b.WriteString(lang.Sprintf("u*_%d = %.8f mV (%s)", k+1, fp.U, lang.Stability(fp.Stability)) + "<br>")
	}
	b.WriteString(lang.Sprintf(w.rate, n.Rate(i), t2-t1, len(run.Spikes)) + "</div>")
	params := lang.Sprintf("I = %.2f nA, Δ_T = %.1f mV", i, deltaT)
	phase := chart.PhaseLine(w.phaseTitle, n, i, -80, p.Cutoff)
	trace := chart.Trace(lang.Sprintf(w.traceTitle, duration, t1, t2), n,
		chart.Run{Label: "u(t)", Result: run, Stimulus: pulse})
	for _, f := range []*chart.Figure{phase, trace} {
		f.Subtitle, f.Lang = params, lang
		h, err := f.HTML()
		if err != nil {
			h = chart.ErrorHTML(err)
		}
		b.WriteString(h)
	}
	return b.String()
}

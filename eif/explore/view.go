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

// Numbers are the results behind one picture of the explorer: the report's EIF neuron with
// the slope factor DeltaT under the current I.
type Numbers struct {
	I, DeltaT   float64
	Params      eif.Params
	Neuron      *eif.Neuron
	Rheobase    float64          // nA
	FixedPoints []eif.FixedPoint // under the constant current I, lowest first
	Rate        float64          // Hz, under the constant current I
	Pulse       eif.Pulse        // I on from 100 to 400 ms
	Run         *eif.Result      // 500 ms from rest under Pulse
}

// Compute returns the numbers behind the picture of View at i (nA) and deltaT (mV), or the
// error of a neuron or run that cannot be made (an invalid slope factor).
func Compute(i, deltaT float64) (Numbers, error) {
	p := eif.Default()
	p.DeltaT = deltaT
	n, err := eif.New(p)
	if err != nil {
		return Numbers{}, err
	}
	pulse := eif.Pulse{Amp: i, T1: t1, T2: t2}
	run, err := n.Simulate(pulse, p.Rest, duration, nil)
	if err != nil {
		return Numbers{}, err
	}
	return Numbers{I: i, DeltaT: deltaT, Params: p, Neuron: n, Rheobase: n.Rheobase(),
		FixedPoints: n.FixedPoints(i), Rate: n.Rate(i), Pulse: pulse, Run: run}, nil
}

// View returns the explorer's picture for the report's EIF neuron with slope factor
// deltaT (mV) under the current i (nA), in the language lang ("" for EIF_LANG): a readout
// of the rheobase, the fixed points and the firing rate; the phase line under i; and a
// 500 ms trace from rest with i on from 100 to 400 ms. It is HTML for gonbui.DisplayHTML
// or gonbui.UpdateHTML (or, on the course website, for the page's own copy of this
// package, see Page), and says what went wrong in place of a chart that cannot be drawn.
func View(i, deltaT float64, lang chart.Lang) string {
	p := draw(i, deltaT, lang)
	if p.err != nil {
		return chart.ErrorHTML(p.err)
	}
	var b strings.Builder
	b.WriteString(p.readout)
	for _, f := range p.charts {
		h, err := f.HTML()
		if err != nil {
			h = chart.ErrorHTML(err)
		}
		b.WriteString(h)
	}
	return b.String()
}

// picture is one picture of the explorer: the readout (HTML) and the two charts, or the
// error of a neuron or run that cannot be made.
type picture struct {
	readout string
	charts  []*chart.Figure
	err     error
}

// draw makes the picture of View.
func draw(i, deltaT float64, lang chart.Lang) picture {
	lang = lang.Resolve()
	w := wordsOf(lang)
	x, err := Compute(i, deltaT)
	if err != nil {
		return picture{err: err}
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="eif-explorer-readout" data-i="%.2f" data-deltat="%.1f" data-fixed-points="%d" style="font-family:monospace">`,
		i, deltaT, len(x.FixedPoints))
	b.WriteString(lang.Sprintf(w.rheobase, i, deltaT, x.Rheobase) + "<br>")
	if len(x.FixedPoints) == 0 {
		b.WriteString(w.noFixedPoint + "<br>")
	}
	for k, fp := range x.FixedPoints {
		b.WriteString(lang.Sprintf("u*_%d = %.8f mV (%s)", k+1, fp.U, lang.Stability(fp.Stability)) + "<br>")
	}
	b.WriteString(lang.Sprintf(w.rate, x.Rate, t2-t1, len(x.Run.Spikes)) + "</div>")
	params := lang.Sprintf("I = %.2f nA, Δ_T = %.1f mV", i, deltaT)
	phase := chart.PhaseLine(w.phaseTitle, x.Neuron, i, -80, x.Params.Cutoff)
	trace := chart.Trace(lang.Sprintf(w.traceTitle, duration, t1, t2), x.Neuron,
		chart.Run{Label: "u(t)", Result: x.Run, Stimulus: x.Pulse})
	for _, f := range []*chart.Figure{phase, trace} {
		f.Subtitle, f.Lang = params, lang
	}
	return picture{readout: b.String(), charts: []*chart.Figure{phase, trace}}
}

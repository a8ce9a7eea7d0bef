package chart_test

import (
	"fmt"
	"strings"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// A figure that cannot be drawn gives an error, which Show displays in place of the chart.
func ExampleFigure_HTML_error() {
	f := chart.XY("f–I curve", "I (nA)", "rate (Hz)",
		chart.Series{Name: "simulated", X: []float64{7.5, 10, 12.5}, Y: []float64{17.9, 61.1}, Points: true})
	_, err := f.HTML()
	fmt.Println(err)
	// Output:
	// chart: series "simulated": X has 3 points, Y has 2
}

func ExampleFigure_HTML() {
	f := chart.XY("f–I curve", "I (nA)", "rate (Hz)",
		chart.Series{Name: "analytic", X: []float64{7.5, 10, 12.5}, Y: []float64{17.9, 61.1, 92.4}})
	h, err := f.HTML()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(h, `<div class="eif-chart" id="eifchart_`))
	fmt.Println(strings.Contains(h, `"name":"rate (Hz)"`))
	// Output:
	// true
	// true
}

// PhaseLine marks the fixed points by their stability and the flow by arrows.
func ExamplePhaseLine() {
	n := eif.MustNew(eif.Default())
	f := chart.PhaseLine("Phase line at I = 0", n, 0, -80, -30)
	fmt.Println(f.XLabel, "|", f.YLabel, "| du/dt axis", f.Y)
	for _, s := range f.Series {
		if s.Name != "" && s.Points {
			fmt.Printf("%s at u = %.3f mV\n", s.Name, s.X[0])
		}
	}
	// Output:
	// u (mV) | du/dt (mV/ms) | du/dt axis {-4 4}
	// stable at u = -70.000 mV
	// unstable at u = -36.488 mV
}

// Trace draws the voltage, a dot at each spike, the thresholds and the stimulus.
func ExampleTrace() {
	n := eif.MustNew(eif.Default())
	pulse := eif.Pulse{Amp: 8, T1: 50, T2: 350}
	res, err := n.Simulate(pulse, -70, 400, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	f := chart.Trace("8 nA pulse", n, chart.Run{Label: "8 nA", Result: res, Stimulus: pulse})
	for _, r := range f.HLines {
		fmt.Println(r.Label)
	}
	fmt.Println(len(res.Spikes), "spikes; lower panel:", f.LowerLabel)
	// Output:
	// θ_pa = -30 mV
	// θ_rh = -40 mV
	// θ_I=0 = -36.49 mV
	// 9 spikes; lower panel: I (nA)
}

// The course's words for the fixed points, in both languages.
func ExampleLang_Stability() {
	for _, st := range []eif.Stability{eif.Stable, eif.Unstable, eif.SaddleNode} {
		fmt.Println(chart.English.Stability(st), "–", chart.French.Stability(st))
	}
	// Output:
	// stable – stable
	// unstable – instable
	// saddle-node – col-nœud
}

// A notebook prints numbers and booleans in its language: French writes a decimal comma,
// oui and non, and a no-break space (U+00A0, shown here by %q) between a number and its
// unit and before a colon. chart.Printf does the same in the language named by EIF_LANG,
// so both editions of a notebook can share a line.
func ExampleLang_Sprintf() {
	rh := eif.MustNew(eif.Default()).Rheobase()
	fmt.Printf("%q\n", chart.English.Sprintf("I_rh = %.4f nA, above 7 nA: %v", rh, rh > 7))
	fmt.Printf("%q\n", chart.French.Sprintf("I_rh = %.4f nA, au-dessus de 7 nA : %v", rh, rh > 7))
	fmt.Printf("%q\n", chart.French.Sprintf("%.2f, %v, version %s", []float64{0.5, 1.25}, 1e-9, "5.6.0"))
	// Output:
	// "I_rh = 7.2500 nA, above 7 nA: yes"
	// "I_rh = 7,2500\u00a0nA, au-dessus de 7\u00a0nA\u00a0: oui"
	// "[0,50 1,25], 1e-09, version 5.6.0"
}

// The labels chart writes on a figure follow the figure's language.
func ExampleBifurcation_french() {
	n := eif.MustNew(eif.Default())
	f := chart.Bifurcation("Points fixes", n, 0, 9, 6.889)
	f.Lang = chart.French
	h, err := f.HTML()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(h, `"I_rh = 7,25`+"\u00a0"+`nA"`), strings.Contains(h, `"6,889`+"\u00a0"+`nA"`))
	fmt.Println(f.VLines[0].Label) // the Label field keeps the English text
	// Output:
	// true true
	// I_rh = 7.25 nA
}

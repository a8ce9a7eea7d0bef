// Package explore is an interactive explorer of the exponential integrate-and-fire
// neuron for GoNB notebooks: two sliders set the current I and the slope factor Δ_T of
// the report's neuron, and at every move it redraws a readout (the rheobase, the fixed
// points, the firing rate), the phase line du/dt = f(u) and a 500 ms trace from rest
// under a pulse of I.
//
// It is an application built on package eif (the model) and package eif/chart (the
// charts), as GoNB's gonbui/widgets is built on gonbui: View draws one picture, Run drives
// the sliders.
//
//	import "github.com/eif-notebooks/eif-notebooks/eif/explore"
//
//	%%
//	fmt.Println(explore.Run(6, 1, nil)) // start at I = 6 nA, Δ_T = 1 mV
//
// The sliders talk to the cell's Go program through GoNB's connection to the page, so
// they live only while the cell runs. Run returns when Done is pressed, after
// Settings.Idle without a move, or after Settings.Wait when no page answers (a headless
// run, an HTML export), and leaves the last picture in place, so the saved notebook keeps
// it. Under Run All (later cells of the notebook are waiting to run) it returns at once,
// so the run goes on.
//
// Run prints nothing: it returns Stats, the number of redraws and how long the Go side of
// a redraw took (simulation, fixed points and chart HTML), for the cell to print.
// BenchmarkView measures the same redraw.
//
// The explorer writes its words in the language of package chart (see chart.Lang): the
// environment variable EIF_LANG, or Settings.Lang. In French its numbers take a decimal
// comma and a no-break space before their unit (I = 12,00 nA), as chart.Lang.Sprintf
// writes them, beside the sliders too.
package explore

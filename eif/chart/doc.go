// Package chart draws the results of package eif as interactive charts in GoNB notebooks,
// with Apache ECharts (through go-echarts) and no network access.
//
// # Setup
//
// Call Init once, in the notebook's setup cell:
//
//	import "github.com/eif-notebooks/eif-notebooks/eif/chart"
//
//	%%
//	chart.Init()
//
// Init puts the ECharts library (version 5.6.0, about 1 MB, embedded in this package)
// into the notebook as an HTML output; it prints "ECharts 5.6.0 …: loaded, version 5.6.0"
// when the browser ran it. Charts shown later use that copy, so they draw offline, in an
// HTML export (jupyter nbconvert --to html) opened from disk, and after the notebook is
// reopened, as long as the outputs are trusted (JupyterLab runs the scripts of outputs it
// produced in the session, or of a notebook marked with "jupyter trust"). A chart that
// finds no library within 10 s says "echarts is not loaded: run the setup cell" in its
// place.
//
// # Figures
//
// Each helper builds a Figure in one call; Show displays it:
//
//	n := eif.MustNew(eif.Default())
//	pulse := eif.Pulse{Amp: 6, T1: 50, T2: 350}
//	res, err := n.Simulate(pulse, -70, 400, nil)
//	if err != nil { … }
//	chart.Show(chart.Trace("6 nA pulse", n, chart.Run{Label: "6 nA", Result: res, Stimulus: pulse}))
//
//	chart.Show(chart.PhaseLine("f(u) at I = 0", n, 0, -80, -30))
//	chart.Show(chart.Bifurcation("Fixed points", n, 0, 9, 6, 6.889, 7.333))
//
// The helpers are Trace (voltage traces with spikes, thresholds and the stimulus),
// PhaseLine (du/dt against u with fixed points and the direction of the flow), Family
// (several such curves), Bifurcation (fixed points against the current), XY and LogLog
// (any series, such as f–I curves and convergence plots). A Figure is a plain struct:
// set its fields, or append Series and reference lines, before showing it.
//
//	f := chart.XY("f–I curve", "I (nA)", "rate (Hz)",
//		chart.Series{Name: "analytic", X: currents, Y: n.FICurve(currents)},
//		chart.Series{Name: "simulated", X: simCurrents, Y: simRates, Points: true})
//	f.VLines = []chart.Ref{{Value: n.Rheobase(), Label: "I_rh"}}
//	chart.Show(f)
//
// Every chart has its title, axis names with units, a tooltip with the values under the
// cursor, zoom (drag to pan, Ctrl + wheel to zoom, a box zoom button; a slider under long
// traces), a reset button and a "save PNG" button. It takes the width of the output and
// follows it. NaN and ±Inf values are gaps in a line. Long lines are thinned to about
// 3000 points for drawing, keeping spikes, so a saved notebook stays small.
//
// When a figure cannot be drawn (no series, X and Y of different lengths, no finite
// point…), Show displays the error in red in place of the chart and returns it; errors
// start with "chart: ".
//
// # Language
//
// The words a chart writes itself come in English or in French: the names of the fixed
// points ("stable", "unstable", "saddle-node": stable, instable, col-nœud), the legend of
// PhaseLine ("f(u) at I = 6 nA": f(u) à I = 6 nA), the note on fixed points off the chart,
// the buttons (reset, box zoom, save PNG), the text shown until a chart is drawn
// (NotDrawn), the errors shown in place of a chart, the status line of Init and the text
// of a Progress bar. Titles, axis names, series names and labels passed in are drawn as
// they are, so a French notebook writes its own in French; the axis names the helpers
// write, such as "t (ms)" and "du/dt (mV/ms)", are symbols and units, the same in both.
//
// Each notebook cell is a separate Go program, so a package variable set in the setup cell
// would not reach the next cell. The language therefore comes from the environment
// variable EIF_LANG, which GoNB's %env command sets in the kernel, whose environment every
// later cell's program inherits. A French notebook starts its setup cell with
//
//	%env EIF_LANG fr
//
// EIF_LANG=fr means French; en, unset, or any other value means English. In Go, the
// field Figure.Lang (English or French) chooses the language of one figure over EIF_LANG;
// a name or label a helper wrote, such as "unstable" or "I_rh = 7.25 nA", is drawn in the
// figure's language as long as it is left unchanged.
//
// # Numbers
//
// A French chart writes numbers the French way: tick labels, tooltips and the labels the
// helpers write take a decimal comma (7,25), and a no-break space joins a number to its
// unit ("I_rh = 7,25 nA", "θ_pa = -30 mV"), so a label never breaks between them; an
// English chart writes 7.25 as before. The browser formats ticks and tooltips, from the
// decimal sign the figure's language gives it. Error messages keep Go's notation, 7.25:
// they name values as the code that caused them writes them.
//
// Lang.Sprintf (and Sprintf and Printf, in the language of EIF_LANG) formats text the same
// way, for what a notebook prints and for the titles and labels it passes in: float
// arguments take the language's decimal sign, booleans read yes or no, oui or non (see
// Lang.Bool), and French text gets its no-break spaces, between a number and its unit and
// before : ; ? !. One line then serves both editions of a notebook:
//
//	chart.Printf("I_rh = %.4f nA, fires: %v\n", n.Rheobase(), len(res.Spikes) > 0)
//	// English: I_rh = 7.2500 nA, fires: yes
//	// French:  I_rh = 7,2500 nA, fires: oui
//	chart.Show(chart.Trace(chart.Sprintf("6 nA pulse, Δ_T = %g mV", dT), n, run))
//
// Only the arguments change: numbers written in the format itself, integers and strings
// (a version such as 5.6.0) are printed as they are.
//
// # Redrawing in place
//
// HTML gives each chart a fresh id, so the same figure can be drawn again; Update draws
// it in an output block that it replaces, for a chart driven by GoNB widgets:
//
//	draw := func(v int) *chart.Figure { // the slider gives the current in tenths of nA
//		i := float64(v) / 10
//		return chart.PhaseLine(fmt.Sprintf("f(u) at I = %g nA", i), n, i, -80, -30)
//	}
//	slider := widgets.Slider(0, 100, 60).Done()
//	done := widgets.Button("Done").Done()
//	values, clicks := slider.Listen().LatestOnly(), done.Listen()
//	id := "phase_" + gonbui.UniqueId()
//	chart.Update(id, draw(60))
//	for {
//		select {
//		case v := <-values.C:
//			chart.Update(id, draw(v))
//		case <-clicks.C:
//			gonbui.UpdateHTML(id, "")       // remove the transient block
//			chart.Show(draw(slider.Value())) // and keep a chart in the saved notebook
//			return
//		}
//	}
//
// Widgets live while the cell runs, and GoNB treats blocks drawn by Update as transient:
// finish with a Show, as above, so the saved notebook keeps a chart.
//
// # HTML
//
// Figure.HTML returns a <div class="eif-chart"> and a <script>; InitHTML returns the
// library's output. Together they make a page that draws without a notebook. The script
// loads nothing from the network: the library comes only from Init.
//
// A page that redraws a chart many times (the course website's explorer, where each
// slider move draws two charts) need not write new HTML each time: Figure.Drawing gives
// what the script hands to ECharts, and Drawing.AppendJSON writes it as JSON, which the
// page passes to the function eifDraw that the script leaves on the chart's element. The
// chart is drawn again in the same ECharts instance (series, axes, titles, legend and
// zoom replaced), which costs the browser less than a new chart.
package chart

package notebooks_test

// This file is the one that notebook authors edit. It says, per notebook file
// name, what the tests must find. Every table key must be the file name of a
// notebook in this folder (TestCheckTablesNameNotebooks fails on a typo).

// Number is one number that a notebook must print.
//
// Pattern is a Go regexp (https://pkg.go.dev/regexp/syntax) with exactly one
// capture group, around the number. The test looks for the first match in the
// notebook's text outputs, in cell order: printed text (stdout), text/plain,
// text/markdown and text/html (searched both as HTML source and as text with
// the tags removed). The captured text is parsed as a float ("−" is read as
// "-", and a trailing unit is not allowed inside the group). It must be within
// Tol of Want: |got − Want| ≤ Tol.
type Number struct {
	Pattern string
	Want    float64
	Tol     float64
}

// printedNumbers lists the key numbers each notebook must print (checked by
// TestNotebooksExecute, which runs the notebooks headless through GoNB).
//
// To add one: print the number with a stable label in the notebook, e.g.
//
//	fmt.Printf("rheobase current I_rh = %.4f nA\n", irh)
//
// then add an entry here:
//
//	"02-part-b-current.ipynb": {
//		{Pattern: `rheobase current I_rh = (\S+) nA`, Want: 10.0, Tol: 1e-3},
//	},
//
// Keep the label in the notebook and the pattern here in step.
var printedNumbers = map[string][]Number{
	"01-part-a-no-current.ipynb": {
		{Pattern: `u\*_1 = (\S+) mV`, Want: -70.0, Tol: 1e-6},
		{Pattern: `u\*_2 = (\S+) mV`, Want: -36.48809938192191, Tol: 1e-6},
		{Pattern: `f''\(θ_rh\) analytic = (\S+) 1/\(mV·ms\)`, Want: 0.1, Tol: 1e-9},
		{Pattern: `f''\(θ_rh\) finite differences = (\S+) 1/\(mV·ms\)`, Want: 0.1, Tol: 1e-6},
		{Pattern: `f''\(θ_rh\) in SI units = (\S+) 1/\(V·s\)`, Want: 1e5, Tol: 1},
		{Pattern: `effective threshold θ_I=0 = (\S+) mV`, Want: -36.48809938192191, Tol: 1e-6},
	},
	"02-part-b-current.ipynb": {
		{Pattern: `B1: u\(t2\) = (\S+) mV`, Want: -45.99751508066485, Tol: 1e-6},
		{Pattern: `u\*_1 = (\S+) mV`, Want: -45.99751508066485, Tol: 1e-6},
		{Pattern: `u\*_2 = (\S+) mV`, Want: -37.90928259484451, Tol: 1e-6},
		{Pattern: `f'\(u\*_1\) = (\S+) 1/ms`, Want: -0.09975150806648506, Tol: 1e-7},
		{Pattern: `f'\(u\*_2\) = (\S+) 1/ms`, Want: 0.7090717405155484, Tol: 1e-7},
		{Pattern: `report's u is grid point (\S+)\n`, Want: 200, Tol: 1e-6},
		{Pattern: `saddle-node: I = (\S+) nA`, Want: 7.25, Tol: 1e-9},
		{Pattern: `rheobase current I_rh = (\S+) nA`, Want: 7.25, Tol: 1e-9},
		{Pattern: `I = 7.3 nA: (\S+) spikes in 2000 ms`, Want: 17, Tol: 0},
		{Pattern: `pulse of  2000 ms: threshold (\S+) nA`, Want: 7.250126, Tol: 1e-5},
		{Pattern: `θ_I at I = 0 nA: (\S+) mV`, Want: -36.48809938192191, Tol: 1e-6},
	},
	"03-part-b-lif-comparison.ipynb": {
		{Pattern: `LIF: u\(t2\) = (\S+) mV`, Want: -46, Tol: 1e-6},
		{Pattern: `LIF threshold of the 300 ms pulse = (\S+) nA`, Want: 10.000000000001, Tol: 1e-5},
		{Pattern: `analytic LIF rheobase \(θ_pa − u_r\)/R = (\S+) nA`, Want: 10, Tol: 1e-9},
		{Pattern: `would have rheobase \(θ_rh − u_r\)/R = (\S+) nA`, Want: 7.5, Tol: 1e-9},
		{Pattern: `EIF rheobase = (\S+) nA, LIF rheobase`, Want: 7.25, Tol: 1e-9},
	},
	"04-beyond-the-report.ipynb": {
		{Pattern: `EIF rate at I = 10 nA with t_ref = 0 ms: (\S+) Hz`, Want: 61.05598954, Tol: 1e-4},
		{Pattern: `LIF chronaxie τ·ln 2 = (\S+) ms`, Want: 10 * 0.6931471805599453, Tol: 1e-6},
		{Pattern: `Euler order p = (\S+) \(spike interpolated\)`, Want: 1, Tol: 0.2},
		{Pattern: `RK4 order p = (\S+) \(spike interpolated\)`, Want: 3.75, Tol: 0.75}, // 3 ≤ p ≤ 4.5
	},
	"05-noise.ipynb": {
		{Pattern: `rheobase I_rh = (\S+) nA: below it`, Want: 7.25, Tol: 1e-4},
		{Pattern: `exact rate at I = 7 nA, σ = 0 mV: (\S+) Hz`, Want: 0, Tol: 1e-9},
		// eif/testdata/stationary_rate.py (mpmath, 20 digits): 10.032359274729325897 Hz.
		{Pattern: `exact rate at I = 7 nA, σ = 2 mV: (\S+) Hz`, Want: 10.032359274729326, Tol: 1e-6},
		{Pattern: `largest \|simulated − exact\| over the noisy points: (\S+) standard errors`, Want: 2, Tol: 2}, // ≤ 4 SE
		{Pattern: `simulated rate = (\S+) ±`, Want: 10.032359274729326, Tol: 0.45},                               // 4 SE of 0.105 Hz
		{Pattern: `ISI CV = (\S+) \(exact`, Want: 0.6457, Tol: 0.05},                                             // exact 0.6457 (StationaryCV); 4 SE ≈ 0.05
		{Pattern: `ISI CV = \S+ \(exact (\S+)\)`, Want: 0.64572, Tol: 1e-4},                                      // StationaryCV, checked against Brunel's formula in eif
		{Pattern: `∫P du = (\S+) \(no refractory`, Want: 1, Tol: 1e-4},
		{Pattern: `mean u: simulated (\S+) ±`, Want: -44.911, Tol: 0.21}, // exact −44.911 mV; 4 SE of 0.051 mV
		{Pattern: `fitted τ = (\S+) ±`, Want: 10, Tol: 0.25},             // 4 SE at 40 s
		{Pattern: `fitted Δ_T = (\S+) ±`, Want: 1, Tol: 0.15},
		{Pattern: `fitted θ_rh = (\S+) ±`, Want: -40, Tol: 0.4},
		{Pattern: `95 % interval of θ_rh, 5 s → 80 s: (\S+) times narrower`, Want: 5.5, Tol: 2.5}, // at least ~1/√T (4)
	},
}

// minCharts is the minimum number of charts each notebook must show in
// JupyterLab (checked by TestNotebooksInBrowser). A chart is an element with
// class "eif-chart" inside a cell output, as the eif/chart package renders
// it; each must hold a canvas or svg of nonzero size, before and after the
// notebook is saved and reloaded. A notebook not listed here must show at
// least one chart.
var minCharts = map[string]int{
	"01-part-a-no-current.ipynb":     5, // A1 phase line, A2 family, A3.A, A3.B, A4
	"02-part-b-current.ipynb":        8, // B1 pulse, B2 phase line and close-up, B3 family and bifurcation, B4 trace and pulse threshold, B5 trace
	"03-part-b-lif-comparison.ipynb": 5, // LIF no current, EIF vs LIF pulse, amplitude scan, u*(I), strength–duration
	"04-beyond-the-report.ipynb":     8, // explorer (phase line, trace), f–I, onset, latency, strength–duration, 2 accuracy
	"05-noise.ipynb":                 7, // f–I under noise, raster, trace, ISI histogram, density, dynamic I–V, CI vs length
}

// browserSteps are optional extra steps for a notebook in the browser test.
// Each runs after the notebook has been executed, saved and reloaded, and its
// charts checked; it gets the JupyterLab page with that notebook open. Use it
// for interactive checks, for example a notebook with a slider widget:
//
//	"04-beyond-the-report.ipynb": func(p *labPage) error {
//		// move the slider, then wait until the chart's data changed
//		if err := p.eval(`document.querySelector(".eif-slider input").value = 7`, nil); err != nil {
//			return err
//		}
//		return p.waitFor("chart redrawn", 30*time.Second, `...a JS expression true when done...`)
//	},
//
// labPage (browser_test.go) offers eval, waitFor, charts and screenshot.
var browserSteps = map[string]func(p *labPage) error{
	"04-beyond-the-report.ipynb": exerciseExplorer, // explorer_browser_test.go
}

package notebooktest_test

import "github.com/eif-notebooks/eif-notebooks/internal/notebooks"

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
//
// The French edition (fr/NAME.ipynb) is held to the entries of its English
// twin NAME.ipynb, with the same Want and Tol: it must print the same
// numbers. FR is the pattern for the French notebook when its label is
// translated; empty, Pattern is used there too.
type Number struct {
	Pattern string
	FR      string
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
		// issue 15: references from mpmath (30 digits): the constant-speed climb 5/f(−35 mV),
		// the blow-up time ∫ du/f from −35 mV to +∞, and the leak at θ_I=0
		{Pattern: `climb to θ_pa would take (\S+) ms`, Want: 0.44086594885146854, Tol: 1e-4},
		{Pattern: `blow-up time (\S+) ms`, Want: 0.07698999137724351, Tol: 2e-6},
		{Pattern: `-36\.4881 mV: leak \(u − u_r\)/R =\s+(\S+) nA`, Want: 8.377975154519523, Tol: 1e-4},
		{Pattern: `-36\.4881 mV: leak .*exponential current =\s+(\S+) nA`, Want: 8.377975154519523, Tol: 1e-3},
		{Pattern: `grows tenfold every Δ_T·ln 10 = (\S+) mV`, Want: 2.302585092994046, Tol: 1e-4},
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
		// issue 15: the decay after the pulse has the time constant τ (95 % in τ·ln 20), like the rise
		{Pattern: `B1: decay: time constant 1/\|f'\(u_r\)\| = (\S+) ms`, Want: 10, Tol: 1e-4},
		{Pattern: `B1: decay: .*95 % of the way in (\S+) ms`, Want: 29.957322735539908, Tol: 0.02},
		{Pattern: `B1: rise: .*95 % of the way in (\S+) ms`, Want: 29.96, Tol: 0.1},
		{Pattern: `limit Δ_T → 0 \(a wall at θ_rh\): rheobase \(θ_rh − u_r\)/R = (\S+) nA`, Want: 7.5, Tol: 1e-9},
		{Pattern: `without the exponential term \(the LIF, fires at θ_pa\): rheobase \(θ_pa − u_r\)/R = (\S+) nA`, Want: 10, Tol: 1e-9},
		// crossing θ_rh at I = 0 is no bifurcation: starts between θ_rh and θ_I=0 return to rest
		{Pattern: `u\(0\) = -39\.5 mV \(θ_rh[^)]*\): (\d+) spikes`, Want: 0, Tol: 0},
		{Pattern: `u\(0\) = -36\.6 mV \(θ_rh[^)]*\): (\d+) spikes`, Want: 0, Tol: 0},
		// bistability, reset −37.8 mV at 6 nA: interval ∫ du/f from −37.8 to −30 mV (mpmath), ⌊100/3.0869⌋ = 32
		{Pattern: `interval from u_reset to θ_pa: (\S+) ms`, Want: 3.0869338564360967, Tol: 1e-6},
		{Pattern: `reset above θ_I, start at rest \(u\(0\) = \S+ mV\): (\d+) spike`, Want: 0, Tol: 0},
		{Pattern: `reset above θ_I, start at u_reset \(u\(0\) = \S+ mV\): (\d+) spike`, Want: 32, Tol: 0},
		{Pattern: `report's reset u_r, start at u_reset \(u\(0\) = \S+ mV\): (\d+) spike`, Want: 1, Tol: 0},
	},
	"03-part-b-lif-comparison.ipynb": {
		{Pattern: `LIF: u\(t2\) = (\S+) mV`, Want: -46, Tol: 1e-6},
		{Pattern: `LIF threshold of the 300 ms pulse = (\S+) nA`, Want: 10.000000000001, Tol: 1e-5},
		{Pattern: `analytic LIF rheobase \(θ_pa − u_r\)/R = (\S+) nA`, Want: 10, Tol: 1e-9},
		{Pattern: `would have rheobase \(θ_rh − u_r\)/R = (\S+) nA`, Want: 7.5, Tol: 1e-9},
		{Pattern: `EIF rheobase = (\S+) nA, LIF rheobase`, Want: 7.25, Tol: 1e-9},
		// issue 15: no spontaneous spike from rest; the one account of the EIF–LIF gap
		{Pattern: `EIF without current from u\(0\) = -70 mV: (\d+) spike`, Want: 0, Tol: 0},
		{Pattern: `EIF without current from u\(0\) = -35 mV: (\d+) spike`, Want: 1, Tol: 0},
		{Pattern: `rheobase gap LIF − EIF = (\S+) nA`, Want: 2.75, Tol: 1e-9},
		{Pattern: `rheobase gap LIF − EIF = \S+ nA = (\S+) nA \(position θ_rh\)`, Want: 2.5, Tol: 1e-9},
		{Pattern: `\+ (\S+) nA \(softness Δ_T/R\)`, Want: 0.25, Tol: 1e-9},
		{Pattern: `softness raises the charge from (\S+) pC`, Want: 75, Tol: 6e-3},
		{Pattern: `pC \(wall\) to (\S+) pC \(EIF\)`, Want: 83.77975154519523, Tol: 6e-3}, // C·(θ_I=0 − u_r)
	},
	"04-beyond-the-report.ipynb": {
		{Pattern: `EIF rate at I = 10 nA with t_ref = 0 ms: (\S+) Hz`, Want: 61.05598954, Tol: 1e-4},
		{Pattern: `LIF chronaxie τ·ln 2 = (\S+) ms`, Want: 10 * 0.6931471805599453, Tol: 1e-6},
		{Pattern: `Euler order p = (\S+) \(spike interpolated\)`, Want: 1, Tol: 0.2},
		{Pattern: `RK4 order p = (\S+) \(spike interpolated\)`, Want: 3.75, Tol: 0.75}, // 3 ≤ p ≤ 4.5
		// issue 15. QIF fixed points at I = 0: θ_rh − √(2Δ_T·R·I_rh); its tails outside [u_r, θ_pa]
		// ≈ 2τΔ_T(1/30 + 1/10) mV⁻¹·ms at I − I_rh = 1e-4 nA
		{Pattern: `at I = 0: QIF fixed points (\S+) and`, Want: -47.61577310586391, Tol: 1e-3},
		{Pattern: `QIF tails outside \[u_r, θ_pa\] = .* = (\S+) ms; regular`, Want: 2.6667, Tol: 2e-3},
		// the strength–duration approach: the threshold T at which u reaches θ_I=0 when the pulse
		// ends, solved with mpmath (∫ du/f from u_r to θ_I=0 = T), against 2π²τ²Δ_T/(R·T²)
		{Pattern: `EIF, T = 2000 ms: I_th − I_rh = (\S+) nA computed`, Want: 1.254554444662055e-4, Tol: 2e-8},
		{Pattern: `EIF, T = 2000 ms: .*R·T²\) = (\S+) nA predicted`, Want: 1.2337005501361698e-4, Tol: 1e-9},
		{Pattern: `a 100 ms pulse: the EIF threshold is (\S+) % above`, Want: 0.9063457630272169, Tol: 1e-3},
		{Pattern: `a 100 ms pulse: .*the LIF's (\S+) %`, Want: 0.004540199100968777, Tol: 1e-5},
		// temporal summation, two 0.5 ms pulses Δt apart: EIF from an independent RK4 (h = 5e-4 ms)
		// and bisection on u(end) = θ_I=0; LIF from 40/(R(1 − e^(−w/τ))(1 + e^(−Δt/τ)))
		{Pattern: `Δt =\s+1 ms: EIF threshold\s+(\S+) nA`, Want: 89.92110002045592, Tol: 1e-3},
		{Pattern: `Δt =\s+5 ms: EIF threshold\s+(\S+) nA`, Want: 106.66847385791698, Tol: 1e-3},
		{Pattern: `Δt =\s+20 ms: EIF threshold\s+(\S+) nA`, Want: 151.03571702866248, Tol: 1e-3},
		{Pattern: `Δt =\s+1 ms: .*LIF threshold\s+(\S+) nA`, Want: 107.64260665462639, Tol: 1e-3},
		{Pattern: `Δt =\s+5 ms: .*LIF threshold\s+(\S+) nA`, Want: 127.63009762125272, Tol: 1e-3},
		{Pattern: `Δt =\s+20 ms: .*LIF threshold\s+(\S+) nA`, Want: 180.60009933464443, Tol: 1e-3},
		// no adaptation: ⌊500/16.3784⌋ = 30 spikes with equal intervals
		{Pattern: `I = 10 nA, (\d+) spikes in 500 ms`, Want: 30, Tol: 0},
		{Pattern: `spread (\S+) ms`, Want: 0, Tol: 1e-9},
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
// least one chart. The French edition must show as many as its English twin.
var minCharts = map[string]int{
	"01-part-a-no-current.ipynb":     6,  // A1 phase line, A2 family, leak and exponential currents, A3.A, A3.B, A4
	"02-part-b-current.ipynb":        10, // B1 pulse, B2 phase line and close-up, B3 family and bifurcation, B4 trace and pulse threshold, B5 two traces, B6 bistability
	"03-part-b-lif-comparison.ipynb": 5,  // LIF no current, EIF vs LIF pulse, amplitude scan, u*(I), strength–duration
	"04-beyond-the-report.ipynb":     12, // explorer (phase line, trace), f–I, onset, QIF, latency, strength–duration and its approach, summation, 2 accuracy, ISIs
	"05-noise.ipynb":                 7,  // f–I under noise, raster, trace, ISI histogram, density, dynamic I–V, CI vs length
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
// The steps run for the English notebooks only.
var browserSteps = map[string]func(p *labPage) error{
	"04-beyond-the-report.ipynb": exerciseExplorer, // explorer_browser_test.go
}

// wantCharts is the number of charts notebook name (a path of notebookNames)
// must show at least: minCharts of it, or of its English twin.
func wantCharts(name string) int {
	if n, ok := minCharts[notebooks.English(name)]; ok {
		return n
	}
	return defaultMinCharts
}

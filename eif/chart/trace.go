package chart

import (
	"math"
	"slices"
	"sort"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// Run is one simulation for Trace: its result, the legend entry, and optionally
// the stimulus, drawn as I(t) in a lower panel.
type Run struct {
	Label    string // legend entry, such as "u(0) = −50 mV"
	Result   *eif.Result
	Stimulus eif.Stimulus // nil for none
}

// Trace draws the voltage u(t) of each run, with a dot at each spike (the spike time,
// at the threshold) and a diamond where u is reset, the thresholds of n as labelled dashed lines (see Thresholds; n may
// be nil), and the stimuli of the runs in a lower panel, I (nA) against t (ms).
// Traces longer than about 3000 points are thinned for drawing, and so are the spike
// markers of a run with more spikes than that, so the chart stays small whatever the run.
func Trace(title string, n *eif.Neuron, runs ...Run) *Figure {
	f := &Figure{Title: title, XLabel: "t (ms)", YLabel: "u (mV)", LowerLabel: "I (nA)"}
	if n != nil {
		f.HLines = Thresholds(n)
	}
	if len(runs) == 0 {
		f.err = errorText("chart: Trace %q: no run to draw", "chart: Trace %q : aucune simulation à tracer", title)
		return f
	}
	var stims [][2][]float64 // distinct sampled stimuli
	var stimRun []int        // the run of each
	for k, r := range runs {
		switch {
		case r.Result == nil:
			f.err = errorText("chart: Trace %q: run %q has a nil Result", "chart: Trace %q : la simulation %q a un Result nil", title, r.Label)
			return f
		case len(r.Result.T) == 0:
			f.err = errorText("chart: Trace %q: run %q has no trace (was it simulated with SpikesOnly?)",
				"chart: Trace %q : la simulation %q n'a pas de trace (simulée avec SpikesOnly ?)", title, r.Label)
			return f
		case len(r.Result.T) != len(r.Result.U):
			f.err = errorText("chart: Trace %q: run %q: T has %d points, U has %d",
				"chart: Trace %q : simulation %q : T a %d points, U en a %d", title, r.Label, len(r.Result.T), len(r.Result.U))
			return f
		}
		color := Color(k)
		t, u := r.Result.T, r.Result.U
		f.Series = append(f.Series, Series{Name: r.Label, X: t, Y: u, Color: color, Width: 1.6})
		if st, su, ur := spikePoints(r.Result, n); len(st) > 0 {
			f.Series = append(f.Series,
				Series{Name: r.Label, X: st, Y: su, Points: true, Marker: Filled, Size: 6, Color: color, aux: true},
				Series{Name: r.Label, X: st, Y: ur, Points: true, Marker: Diamond, Size: 7, Color: color, aux: true})
		}
		if r.Stimulus == nil {
			continue
		}
		st, si := sampleStimulus(r.Stimulus, t[0], t[len(t)-1])
		dup := false
		for _, s := range stims {
			if slices.Equal(s[0], st) && slices.Equal(s[1], si) {
				dup = true
				break
			}
		}
		if !dup {
			stims = append(stims, [2][]float64{st, si})
			stimRun = append(stimRun, k)
		}
	}
	for j, s := range stims {
		k := stimRun[j]
		st := Series{X: s[0], Y: s[1], Lower: true, Color: Color(k), Width: 1.6}
		if len(stims) == 1 {
			st.Color = "#444"
		} else {
			st.Name = runs[k].Label
		}
		f.Series = append(f.Series, st)
	}
	return f
}

// Thresholds returns the thresholds of n as reference lines: for the EIF, the rheobase
// threshold θ_rh, the cut-off θ_pa and the effective threshold θ_I=0 (the unstable fixed
// point without current); for the LIF, its fixed threshold.
func Thresholds(n *eif.Neuron) []Ref {
	if n == nil {
		return nil
	}
	p := n.Params()
	if p.Linear() {
		return []Ref{refOf(n.Threshold(), symbolf("θ = %.4g mV", n.Threshold()))}
	}
	refs := []Ref{
		refOf(p.Cutoff, symbolf("θ_pa = %.4g mV", p.Cutoff)),
		refOf(p.ThetaRh, symbolf("θ_rh = %.4g mV", p.ThetaRh)),
	}
	if th, err := n.EffectiveThreshold(0); err == nil && math.Abs(th-p.ThetaRh) > 1e-9 {
		refs = append(refs, refOf(th, symbolf("θ_I=0 = %.4g mV", th)))
	}
	return refs
}

// spikePoints returns the spike times of r, the voltage drawn there before the jump (the
// highest point of the trace at that time, or the threshold of n) and after it (the
// lowest point, or the reset of n).
func spikePoints(r *eif.Result, n *eif.Neuron) (ts, peaks, resets []float64) {
	for _, s := range r.Spikes {
		tol := 1e-9 * math.Max(1, math.Abs(s))
		peak, reset := math.Inf(-1), math.Inf(1)
		for k := sort.SearchFloat64s(r.T, s-tol); k < len(r.T) && r.T[k] <= s+tol; k++ {
			peak, reset = math.Max(peak, r.U[k]), math.Min(reset, r.U[k])
		}
		if math.IsInf(peak, -1) {
			if n == nil {
				continue
			}
			peak, reset = n.Threshold(), n.Params().Reset
		}
		ts, peaks, resets = append(ts, s), append(peaks, peak), append(resets, reset)
	}
	return ts, peaks, resets
}

// sampleStimulus samples s on [t0, t1]: exactly at its breaks, drawn as vertical jumps,
// and, unless it is piecewise constant, at 1000 points in between.
func sampleStimulus(s eif.Stimulus, t0, t1 float64) (ts, is []float64) {
	if !(t1 > t0) {
		return []float64{t0}, []float64{s.Current(t0)}
	}
	var breaks []float64
	for b := s.NextBreak(t0); b < t1 && len(breaks) < 100000; b = s.NextBreak(b) {
		if len(breaks) > 0 && !(b > breaks[len(breaks)-1]) || math.IsNaN(b) {
			break
		}
		breaks = append(breaks, b)
	}
	grid := []float64{t0, t1}
	if !eif.PiecewiseConstant(s) {
		const n = 1000
		for k := 1; k < n; k++ {
			grid = append(grid, t0+(t1-t0)*float64(k)/n)
		}
	}
	grid = append(grid, breaks...)
	slices.Sort(grid)
	grid = slices.Compact(grid)
	bk := 0
	for _, t := range grid {
		if bk < len(breaks) && t == breaks[bk] {
			bk++
			left := t - 1e-9*math.Max(1, math.Abs(t))
			ts, is = append(ts, t), append(is, s.Current(left))
		}
		ts, is = append(ts, t), append(is, s.Current(t))
	}
	return ts, is
}

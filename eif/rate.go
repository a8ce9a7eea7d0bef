package eif

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"
)

// Period returns the interspike interval (ms) under the constant current i (nA): the
// refractory period plus the time to go from the reset to the threshold,
//
//	T = t_ref + ∫ du / f(u)   from u_reset to θ_pa.
//
// For the LIF the integral is τ·ln((u∞ − u_reset)/(u∞ − θ_pa)) with u∞ = u_rest + R·i.
// For the EIF it is computed by Gauss–Legendre quadrature (gonum's quad) on panels that
// grow geometrically away from the bottleneck at θ_rh, where f is smallest, so it stays
// accurate to about 1e-12 relative even just above rheobase. It returns ErrNoSpike when
// a fixed point lies between the reset and the threshold, so the neuron never fires.
func (n *Neuron) Period(i float64) (float64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
	p := n.p
	thr := p.threshold()
	for _, fp := range n.FixedPoints(i) {
		if fp.U >= p.Reset && fp.U <= thr {
			return 0, ErrNoSpike
		}
	}
	uinf := p.Rest + p.R*i
	if p.Model == LIF || p.DeltaT == 0 {
		if uinf <= thr {
			return 0, ErrNoSpike
		}
		return p.Refractory + p.Tau*math.Log((uinf-p.Reset)/(uinf-thr)), nil
	}
	return p.Refractory + n.passage(i, p.Reset, thr), nil
}

// passage integrates 1/f(u) from a to b for the EIF, where f > 0 on [a, b].
func (n *Neuron) passage(i, a, b float64) float64 {
	p := n.p
	g := func(u float64) float64 { return 1 / p.duDt(u, i) }
	// Near θ_rh, τ·f(u) ≈ τ·f(θ_rh) + (u − θ_rh)²/(2Δ_T): the bottleneck has half-width w.
	fmin := p.duDt(p.ThetaRh, i) * p.Tau
	w := math.Sqrt(2 * p.DeltaT * math.Max(fmin, 1e-300))
	// Above θ_rh the exponential varies on the scale Δ_T: the first panels are no wider.
	w = math.Max(math.Min(w, p.DeltaT), 1e-6*p.DeltaT)
	edges := panelEdges(a, b, p.ThetaRh, w)
	var sum float64
	for k := 1; k < len(edges); k++ {
		sum += quad.Fixed(g, edges[k-1], edges[k], 24, nil, 0)
	}
	return sum
}

// panelEdges splits [a, b] at c ± w·2^k, k = 0, 1, …, so panels are small near c.
func panelEdges(a, b, c, w float64) []float64 {
	edges := []float64{a}
	var right []float64
	for d := w; ; d *= 2 {
		lo, hi := c-d, c+d
		if lo <= a && hi >= b {
			break
		}
		if hi > a && hi < b {
			right = append(right, hi)
		}
		if lo > a && lo < b {
			edges = append(edges, lo)
		}
	}
	// edges holds the left points from the inside out: reverse them.
	for l, r := 1, len(edges)-1; l < r; l, r = l+1, r-1 {
		edges[l], edges[r] = edges[r], edges[l]
	}
	if c > a && c < b {
		edges = append(edges, c)
	}
	edges = append(edges, right...)
	return append(edges, b)
}

// Rate returns the firing rate (Hz) under the constant current i (nA): 1000/Period, or 0
// when the neuron does not fire.
func (n *Neuron) Rate(i float64) float64 {
	T, err := n.Period(i)
	if err != nil || T <= 0 {
		return 0
	}
	return 1000 / T
}

// FICurve returns the analytic firing rate (Hz) at each current (nA) of currents.
func (n *Neuron) FICurve(currents []float64) []float64 {
	rates := make([]float64, len(currents))
	for k, i := range currents {
		rates[k] = n.Rate(i)
	}
	return rates
}

// SimulatedRate simulates the neuron under the constant current i (nA) for duration ms
// from u_rest and returns the rate (Hz) measured from the spike times: the number of
// interspike intervals divided by their total length, or 0 with fewer than two spikes.
// A nil set means the defaults; the trace is skipped.
func (n *Neuron) SimulatedRate(i, duration float64, set *Settings) (float64, error) {
	rates, err := n.SimulatedFICurve([]float64{i}, duration, set)
	if err != nil {
		return 0, err
	}
	return rates[0], nil
}

// spikeRate is the mean rate (Hz) of a spike train (ms), from its intervals.
func spikeRate(spikes []float64) float64 {
	if len(spikes) < 2 {
		return 0
	}
	return 1000 * float64(len(spikes)-1) / (spikes[len(spikes)-1] - spikes[0])
}

// SimulatedFICurve returns SimulatedRate at each current of currents.
func (n *Neuron) SimulatedFICurve(currents []float64, duration float64, set *Settings) ([]float64, error) {
	rates := make([]float64, len(currents))
	s := spikesOnly(set)
	var r Result
	for k, i := range currents {
		if err := n.SimulateInto(&r, Constant(i), n.Params().Rest, duration, &s); err != nil {
			return nil, err
		}
		rates[k] = spikeRate(r.Spikes)
	}
	return rates, nil
}

// spikesOnly returns a copy of set (the defaults for nil) that skips the trace.
func spikesOnly(set *Settings) Settings {
	var s Settings
	if set != nil {
		s = *set
	}
	s.SpikesOnly = true
	return s
}

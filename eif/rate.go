package eif

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/sweep"
	"gonum.org/v1/gonum/integrate/quad"
)

// Period returns the interspike interval (ms) under the constant current i (nA): the
// refractory period plus the time to go from the reset to the threshold,
//
//	T = t_ref + ∫ du / f(u)   from u_reset to θ_pa.
//
// A period exists only when f > 0 all the way from the reset to the threshold, that is
// when no fixed point lies between them; otherwise the neuron never gets there and Period
// returns ErrNoSpike. f is convex, smallest at θ_rh (or at the reset when the reset lies
// above θ_rh), so that is where it is tested. With the reset below θ_rh the neuron fires
// exactly when i > Rheobase(): the rheobase is taken as the float64 that Rheobase returns,
// and i − I_rh as the exact difference of the two floats, so Period(Rheobase()) is
// ErrNoSpike and Period at the next float above it is finite.
//
// For the LIF (and the EIF with Δ_T = 0) the integral is τ·ln(1 + (θ − u_reset)/(R·(i − I_rh))).
// For the EIF it is computed by Gauss–Legendre quadrature (gonum's quad) on panels that
// grow geometrically away from the bottleneck at θ_rh, where f is smallest, so it stays
// accurate to about 1e-12 relative even just above rheobase; so close to it that the
// bottleneck alone sets every digit (R·(i − I_rh) < 2e-80·Δ_T), its closed form
// τ·√(2Δ_T/ε)·[atan(…) + atan(…)] with ε = R·(i − I_rh) is used.
func (n *Neuron) Period(i float64) (float64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
	p := n.params()
	thr := p.spikeVoltage()
	di := i - n.Rheobase() // exact near the rheobase (Sterbenz)
	if p.Linear() {
		// f(θ) = R·(i − I_rh)/τ and f decreases with u: the neuron fires iff i > I_rh.
		if di <= 0 {
			return 0, ErrNoSpike
		}
		q := (thr - p.Reset) / p.R / di // (θ − u_reset)/(R·(i − I_rh)), in [1e-24, +Inf]
		if math.IsInf(q, 1) {
			return p.Refractory + p.Tau*(math.Log((thr-p.Reset)/p.R)-math.Log(di)), nil
		}
		return p.Refractory + p.Tau*math.Log1p(q), nil
	}
	if p.Reset <= p.ThetaRh {
		if di <= 0 {
			return 0, ErrNoSpike // a fixed point at or around θ_rh, in [u_reset, θ_pa)
		}
		return p.Refractory + n.bottleneck(di, p.Reset, thr), nil
	}
	// The reset lies above θ_rh: f increases from the reset up, so it must be > 0 there.
	e := p.R * di
	if e+p.DeltaT*expm1mx((p.Reset-p.ThetaRh)/p.DeltaT) <= 0 {
		return 0, ErrNoSpike // the reset is at or below the unstable fixed point
	}
	return p.Refractory + n.passage(e, p.Reset, thr, p.Reset), nil
}

// bottleneck integrates 1/f from a to b, a ≤ θ_rh < b, for the EIF at i = I_rh + di > I_rh.
func (n *Neuron) bottleneck(di, a, b float64) float64 {
	p := n.params()
	// Near θ_rh, τ·f = ε + Δ_T·(e^x − 1 − x) ≈ ε + Δ_T·x²/2 with x = (u − θ_rh)/Δ_T and
	// ε = R·di. s = √(2Δ_T/ε), computed so that a subnormal ε loses nothing.
	s := math.Sqrt(2*p.DeltaT/p.R) / math.Sqrt(di)
	if s > 1e40 {
		// The bottleneck lasts τ·s ≥ 1e40·τ; the rest of the trip, at most about
		// τ·(b − a)/Δ_T ≤ 1e12·τ, is below its last digit.
		half := func(d float64) float64 { return math.Atan(d * s / (2 * p.DeltaT)) }
		return p.Tau * s * (half(b-p.ThetaRh) + half(p.ThetaRh-a))
	}
	return n.passage(p.R*di, a, b, p.ThetaRh)
}

// passage integrates 1/f(u) from a to b for the EIF at R·(i − I_rh) = e, where f > 0 on
// [a, b] and is smallest at c (θ_rh, or a when a > θ_rh). It integrates over the offset
// y = u − θ_rh, so that a bottleneck narrower than the spacing of floats near θ_rh is
// still resolved.
func (n *Neuron) passage(e, a, b, c float64) float64 {
	p := n.params()
	g := func(y float64) float64 {
		return p.Tau / (e + p.DeltaT*expm1mx(y/p.DeltaT))
	}
	ya, yb, yc := a-p.ThetaRh, b-p.ThetaRh, c-p.ThetaRh
	var w float64
	if yc == 0 {
		// Near θ_rh, τ·f(u) ≈ e + (u − θ_rh)²/(2Δ_T): the bottleneck has half-width w.
		w = math.Sqrt(2 * p.DeltaT * e)
	} else {
		// Near a > θ_rh, τ·f grows linearly: it doubles over w = τf(a)/τf′(a).
		x := ya / p.DeltaT
		w = (e + p.DeltaT*expm1mx(x)) / math.Expm1(x)
	}
	// The exponential varies on the scale Δ_T: the first panels are no wider.
	w = math.Max(math.Min(w, p.DeltaT), 1e-300)
	edges := panelEdges(ya, yb, yc, w)
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

// expm1mx returns e^x − 1 − x without cancellation for small |x|.
func expm1mx(x float64) float64 {
	if math.Abs(x) > 0.5 {
		return math.Expm1(x) - x
	}
	// x²/2·(1 + x/3·(1 + x/4·(1 + … x/17))): for |x| ≤ 0.5 the terms left out are below
	// 1e-17 of the sum.
	t := 1.0
	for k := 17.0; k >= 3; k-- {
		t = 1 + x*t/k
	}
	return x * x / 2 * t
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
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
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

// SimulatedFICurve returns SimulatedRate at each current of currents. The currents are
// simulated in parallel, on up to GOMAXPROCS goroutines; the rates are bit for bit those
// of one goroutine, and an error is that of the first current that fails. A
// Settings.Progress is called by those goroutines one at a time, each call with the time
// reached in the run of one current.
func (n *Neuron) SimulatedFICurve(currents []float64, duration float64, set *Settings) ([]float64, error) {
	if err := n.check(); err != nil {
		return nil, err
	}
	if err := checkDuration("duration", duration); err != nil {
		return nil, err
	}
	for k, i := range currents {
		if err := checkCurrent("", i); err != nil {
			return nil, element(err, "currents", k)
		}
	}
	rates := make([]float64, len(currents))
	s := spikesOnly(set)
	s.Progress = sweep.OneAtATime(s.Progress)
	err := sweep.Run(len(currents), 0, func() func(k int) error {
		var (
			r Result
			c Constant
		)
		stim := Stimulus(&c) // one stimulus per goroutine: a Constant per current would allocate
		return func(k int) error {
			c = Constant(currents[k])
			if err := n.SimulateInto(&r, stim, n.params().Rest, duration, &s); err != nil {
				return err
			}
			rates[k] = spikeRate(r.Spikes)
			return nil
		}
	})
	if err != nil {
		return nil, err
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

package eif

import (
	"fmt"
	"math"
)

// SearchSettings tunes the threshold searches. A nil *SearchSettings means the defaults;
// a zero field means the default for that field.
type SearchSettings struct {
	// Tol is the width (nA) of the final bisection bracket. Default: 1e-6 nA.
	Tol float64
	// After is how long (ms) the simulation goes on after the pulse ends, to catch a spike
	// that comes late, as the EIF can when the pulse leaves u just above θ_I=0.
	// Default: 20·τ, or what is left of MaxTime after the pulse.
	After float64
	// MaxAmp is the largest amplitude (nA) tried before giving up with ErrNoSpike.
	// Default: 1e6 nA.
	MaxAmp float64
	// Sim tunes the simulations; nil means the defaults. Its MaxSteps bounds the steps of
	// the whole search, all its simulations together.
	Sim *Settings

	left int // the steps left to the search
}

func (s *SearchSettings) withDefaults(tau float64) (SearchSettings, error) {
	c := SearchSettings{Tol: 1e-6, After: 20 * tau, MaxAmp: 1e6, left: defaultSettings.MaxSteps}
	if s == nil {
		return c, nil
	}
	check := []struct {
		name string
		v    float64
		dst  *float64
	}{
		{"SearchSettings.Tol", s.Tol, &c.Tol},
		{"SearchSettings.After", s.After, &c.After},
		{"SearchSettings.MaxAmp", s.MaxAmp, &c.MaxAmp},
	}
	for _, f := range check {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 {
			return c, &ParamError{Field: f.name, Value: f.v, Rule: "must be finite and ≥ 0 (0 means the default)"}
		}
		if f.v > 0 {
			*f.dst = f.v
		}
	}
	if c.MaxAmp > MaxCurrent {
		return c, &ParamError{Field: "SearchSettings.MaxAmp", Value: c.MaxAmp, Rule: fmt.Sprintf("must be ≤ MaxCurrent = %g nA", float64(MaxCurrent))}
	}
	c.Sim = s.Sim
	cfg, err := c.Sim.withDefaults()
	c.left = cfg.MaxSteps
	return c, err
}

// PulseThreshold returns the smallest amplitude (nA) of a square pulse of the given
// duration (ms), applied at t = 0 to the neuron at rest, that makes it spike during the
// pulse or in the SearchSettings.After that follow. It brackets the threshold by doubling
// and then bisects to a bracket of width SearchSettings.Tol (or of adjacent floating-point
// numbers, for a Tol below that), whose midpoint it returns: the result is within Tol/2 of
// the true threshold. It returns 0 when the neuron fires from rest without any current. Plotted against the duration, it is the strength–duration curve.
//
// For the LIF the threshold is I_rh/(1 − e^(−T/τ)) (Lapicque): 10.000 nA for the 300 ms
// pulse of the report, not the ≈ 12 nA it found with a coarse scan.
func (n *Neuron) PulseThreshold(duration float64, set *SearchSettings) (float64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	if err := checkDuration("duration", duration); err != nil {
		return 0, err
	}
	c, err := set.withDefaults(n.p.Tau)
	if err != nil {
		return 0, err
	}
	if duration+c.After > MaxTime && (set == nil || set.After == 0) {
		c.After = MaxTime - duration // the default 20·τ, cut to the domain
	}
	if duration+c.After > MaxTime {
		return 0, &ParamError{Field: "SearchSettings.After", Value: c.After, Rule: fmt.Sprintf("must be ≤ MaxTime − duration = %g ms (0 means 20·τ)", MaxTime-duration)}
	}
	pulse := func(amp float64) Stimulus { return Pulse{Amp: amp, T1: 0, T2: duration} }
	return n.threshold(pulse, duration+c.After, &c, fmt.Sprintf("a %g ms pulse", duration))
}

// StrengthDuration returns PulseThreshold for each of the durations (ms).
func (n *Neuron) StrengthDuration(durations []float64, set *SearchSettings) ([]float64, error) {
	out := make([]float64, len(durations))
	for k, d := range durations {
		v, err := n.PulseThreshold(d, set)
		if err != nil {
			return nil, fmt.Errorf("duration %g ms: %w", d, err)
		}
		out[k] = v
	}
	return out, nil
}

// Latency returns the time (ms) to the first spike of the neuron at rest when a constant
// current i (nA) is switched on at t = 0, simulating for at most maxTime ms. It returns
// ErrNoSpike when no spike comes by then, as below rheobase. Just above the EIF
// rheobase the latency grows like π·τ·√(2Δ_T/(R·(I − I_rh))), the time spent in the
// bottleneck left by the saddle-node.
func (n *Neuron) Latency(i, maxTime float64, set *Settings) (float64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
	if err := checkDuration("maxTime", maxTime); err != nil {
		return 0, err
	}
	s := spikesOnly(set)
	var r Result
	if err := n.simulate(&r, Constant(i), n.p.Rest, maxTime, &s, 1); err != nil {
		return 0, err
	}
	if len(r.Spikes) == 0 {
		return 0, fmt.Errorf("%w within %g ms at I = %g nA", ErrNoSpike, maxTime, i)
	}
	return r.Spikes[0], nil
}

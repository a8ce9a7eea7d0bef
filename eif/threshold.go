package eif

import (
	"fmt"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/sweep"
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

// withDefaults returns the settings of a search on a neuron of time constant tau (ms)
// whose stimulus lasts span ms (span named by what in errors), with the defaults filled
// in. The simulations run to span + After, which must stay within MaxTime: the default
// After is cut to fit, a given one is reported.
func (s *SearchSettings) withDefaults(tau, span float64, what string) (SearchSettings, error) {
	c := SearchSettings{Tol: 1e-6, After: 20 * tau, MaxAmp: 1e6, left: defaultSettings.MaxSteps}
	if s == nil {
		return c, c.fit(span, what, true)
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
		v := f.v
		if err := orDefault(f.name, &v, *f.dst); err != nil {
			return c, err
		}
		*f.dst = v
	}
	if c.MaxAmp > MaxCurrent {
		return c, &ParamError{Field: "SearchSettings.MaxAmp", Value: c.MaxAmp, Rule: fmt.Sprintf("must be ≤ MaxCurrent = %g nA", float64(MaxCurrent))}
	}
	c.Sim = s.Sim
	cfg, err := c.Sim.withDefaults()
	c.left = cfg.MaxSteps
	if err != nil {
		return c, err
	}
	return c, c.fit(span, what, s.After == 0)
}

// fit cuts a default After to what is left of MaxTime after span, and reports a given
// one that goes beyond it.
func (c *SearchSettings) fit(span float64, what string, byDefault bool) error {
	if span+c.After <= MaxTime {
		return nil
	}
	if byDefault {
		c.After = MaxTime - span // the default 20·τ, cut to the domain
		return nil
	}
	return &ParamError{Field: "SearchSettings.After", Value: c.After, Rule: fmt.Sprintf("must be ≤ MaxTime − %s = %g ms (0 means 20·τ)", what, MaxTime-span)}
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
	c, err := set.withDefaults(n.params().Tau, duration, "duration")
	if err != nil {
		return 0, err
	}
	pulse := &Pulse{T1: 0, T2: duration}
	setAmp := func(amp float64) { pulse.Amp = amp }
	what := func() string { return fmt.Sprintf("a %g ms pulse", duration) }
	return n.thresholdCurrent(pulse, setAmp, duration+c.After, &c, what)
}

// StrengthDuration returns PulseThreshold for each of the durations (ms). The searches run
// in parallel, on up to GOMAXPROCS goroutines; the thresholds are bit for bit those of one
// goroutine, and an error is that of the first duration that fails. A Progress in
// SearchSettings.Sim is called by those goroutines one at a time.
func (n *Neuron) StrengthDuration(durations []float64, set *SearchSettings) ([]float64, error) {
	if err := n.check(); err != nil {
		return nil, err
	}
	for k, d := range durations {
		if err := checkDuration("", d); err != nil {
			return nil, element(err, "durations", k)
		}
	}
	if set != nil && set.Sim != nil && set.Sim.Progress != nil {
		c, sim := *set, *set.Sim
		sim.Progress = sweep.OneAtATime(sim.Progress)
		c.Sim = &sim
		set = &c
	}
	return sweep.Each(len(durations), func(k int) (float64, error) { return n.PulseThreshold(durations[k], set) })
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
	if err := n.simulate(&r, Constant(i), n.params().Rest, maxTime, &s, 1); err != nil {
		return 0, err
	}
	if len(r.Spikes) == 0 {
		return 0, fmt.Errorf("%w within %g ms at I = %g nA", ErrNoSpike, maxTime, i)
	}
	return r.Spikes[0], nil
}

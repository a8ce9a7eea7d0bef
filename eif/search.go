package eif

import (
	"errors"
	"fmt"
	"math"
)

// thresholdCurrent returns the smallest amplitude (nA) at which the stimulus stim, given
// the amplitude amp by setAmp, applied at t = 0 to the neuron at rest and simulated up to
// end (ms), makes it spike: the search of PulseThreshold and PairThreshold, a current,
// where Neuron.Threshold is a voltage. It returns 0 when the neuron fires without
// current. Otherwise it brackets the threshold by doubling from max(I_rh, Tol)
// up to c.MaxAmp, then bisects to a bracket of width c.Tol (or of adjacent
// floating-point numbers) and returns its midpoint. Each run stops at its first spike,
// and all the runs share one budget of c.Sim.MaxSteps steps. what names the stimulus in
// errors, e.g. "a 300 ms pulse"; it is called only for an error, so that a search that
// succeeds does not format it.
func (n *Neuron) thresholdCurrent(stim Stimulus, setAmp func(amp float64), end float64, c *SearchSettings, what func() string) (float64, error) {
	var r Result
	s := spikesOnly(c.Sim)
	fires := func(amp float64) (bool, error) {
		setAmp(amp)
		s.MaxSteps = c.left
		err := n.simulate(&r, stim, n.params().Rest, end, &s, 1)
		if c.left -= r.Steps + r.Rejected; c.left <= 0 || errors.Is(err, ErrTooManySteps) {
			return false, fmt.Errorf("%w: the search for the threshold of %s ran out of Settings.MaxSteps, which bounds all its simulations together", ErrTooManySteps, what())
		}
		return len(r.Spikes) > 0, err
	}
	if fired, err := fires(0); err != nil {
		return 0, err
	} else if fired {
		return 0, nil // fires without current, as an EIF whose rest lies above θ_I=0 would
	}
	lo, hi := 0.0, math.Min(math.Max(n.Rheobase(), c.Tol), c.MaxAmp)
	for {
		fired, err := fires(hi)
		if err != nil {
			return 0, err
		}
		if fired {
			break
		}
		if hi >= c.MaxAmp {
			return 0, fmt.Errorf("%w up to SearchSettings.MaxAmp = %g nA for %s", ErrNoSpike, c.MaxAmp, what())
		}
		lo, hi = hi, math.Min(2*hi, c.MaxAmp)
	}
	for hi-lo > c.Tol {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break // the bracket is down to adjacent floating-point numbers
		}
		fired, err := fires(mid)
		if err != nil {
			return 0, err
		}
		if fired {
			hi = mid
		} else {
			lo = mid
		}
	}
	return lo + (hi-lo)/2, nil
}

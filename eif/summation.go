package eif

import (
	"fmt"
	"math"
)

// PulsePair returns two square pulses of amplitude amp (nA) and the given width (ms),
// the first starting at t = 0 and the second at t = sep (ms): the stimulus of a
// temporal-summation experiment. With sep = width the two pulses touch and make one pulse
// of twice the width.
func PulsePair(amp, width, sep float64) Steps {
	if sep == width {
		return Steps{Times: []float64{0, 2 * width}, Amps: []float64{amp, 0}}
	}
	return Steps{Times: []float64{0, width, sep, sep + width}, Amps: []float64{amp, 0, amp, 0}}
}

// PairThreshold returns the smallest amplitude (nA) of two equal square pulses of the
// given width (ms), whose onsets are sep ms apart (sep ≥ width), applied to the neuron
// at rest, that makes it spike during the pulses or in the SearchSettings.After that
// follow the second one. It brackets and bisects like PulseThreshold, to within
// SearchSettings.Tol/2.
//
// This is temporal summation: the first pulse leaves a depolarisation that the leak
// removes with the time constant τ, so a second pulse that comes soon finds u higher and
// needs less current. For the LIF the threshold is exact,
//
//	I = (θ_pa − u_r) / (R·(1 − e^(−w/τ))·(1 + e^(−sep/τ))),
//
// the membrane's linear filter: it halves when the pulses come together (sep → w, for
// w ≪ τ) and returns to the single-pulse threshold as sep grows past a few τ.
func (n *Neuron) PairThreshold(width, sep float64, set *SearchSettings) (float64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	if math.IsNaN(width) || math.IsInf(width, 0) || width <= 0 || width > MaxTime {
		return 0, &ParamError{Field: "width", Value: width, Rule: fmt.Sprintf("must be > 0 and ≤ MaxTime = %g ms", MaxTime)}
	}
	if math.IsNaN(sep) || sep < width || sep > MaxTime {
		return 0, &ParamError{Field: "sep", Value: sep, Rule: fmt.Sprintf("must be ≥ width = %g ms and ≤ MaxTime = %g ms", width, MaxTime)}
	}
	c, err := set.withDefaults(n.p.Tau)
	if err != nil {
		return 0, err
	}
	s := spikesOnly(c.Sim)
	var r Result
	fires := func(amp float64) (bool, error) { // stops at the first spike, as PulseThreshold does
		err := n.simulate(&r, PulsePair(amp, width, sep), n.p.Rest, sep+width+c.After, &s, 1)
		return len(r.Spikes) > 0, err
	}
	return bisectAmplitude(fires, math.Max(n.Rheobase(), c.Tol), c.Tol, c.MaxAmp)
}

// bisectAmplitude returns the smallest amplitude at which fires is true, to within tol/2:
// 0 if it fires without current, else it doubles from start until it fires (giving up
// with ErrNoSpike above maxAmp) and bisects the bracket to a width tol, or to adjacent
// floating-point numbers.
func bisectAmplitude(fires func(amp float64) (bool, error), start, tol, maxAmp float64) (float64, error) {
	if fired, err := fires(0); err != nil || fired {
		return 0, err
	}
	lo, hi := 0.0, start
	for {
		fired, err := fires(hi)
		if err != nil {
			return 0, err
		}
		if fired {
			break
		}
		if lo, hi = hi, 2*hi; hi > maxAmp {
			return 0, fmt.Errorf("%w up to SearchSettings.MaxAmp = %g nA", ErrNoSpike, maxAmp)
		}
	}
	for hi-lo > tol {
		mid := lo + (hi-lo)/2
		if mid == lo || mid == hi {
			break
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

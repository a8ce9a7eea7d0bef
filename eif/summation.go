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
	if err := checkDuration("width", width); err != nil {
		return 0, err
	}
	if math.IsNaN(sep) || sep < width || sep+width > MaxTime {
		return 0, &ParamError{Field: "sep", Value: sep, Rule: fmt.Sprintf("must be ≥ width = %g ms, with sep + width ≤ MaxTime = %g ms", width, float64(MaxTime))}
	}
	c, err := set.withDefaults(n.params().Tau, sep+width, "(sep + width)")
	if err != nil {
		return 0, err
	}
	pair := PulsePair(0, width, sep)
	setAmp := func(amp float64) {
		for k := 0; k < len(pair.Amps); k += 2 { // the pulses; every other step ends one
			pair.Amps[k] = amp
		}
	}
	what := func() string { return fmt.Sprintf("two %g ms pulses %g ms apart", width, sep) }
	return n.thresholdCurrent(&pair, setAmp, sep+width+c.After, &c, what)
}

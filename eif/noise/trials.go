package noise

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/sweep"
)

// Trials runs independent trials of Simulate in parallel, over set.Workers goroutines
// (default GOMAXPROCS), and returns them in trial order. Trial k draws its random numbers
// from a stream that depends only on set.Seed and k, so the result is the same whatever
// the number of cores, and trial 0 is Simulate's run. Whether the trials keep more spikes
// than Settings.MaxPoints allows (ErrTooManySpikes) does not depend on it either: they
// share one budget.
func Trials(n *eif.Neuron, z Input, duration float64, trials int, set *Settings) ([]*Result, error) {
	j, err := newJob(n, z, duration, trials, set)
	if err != nil {
		return nil, err
	}
	out := make([]*Result, trials)
	err = sweep.Run(trials, j.cfg.Workers, func() func(k int) error {
		return func(k int) error {
			out[k] = new(Result)
			return j.runTrial(out[k], k)
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// TrialRate returns the firing rate (Hz) of the trials from their complete interspike
// intervals, 1000·(number of intervals)/(their total length), and its standard error
// rate·CV/√(number of intervals), which holds for the independent intervals of a renewal
// process such as the neuron under white noise. It is unbiased (to order 1/intervals)
// when the runs end at a spike (Settings.MaxSpikes). Over a fixed window the
// interval cut by its end is left out, and since long intervals are the likelier to be
// cut, the estimate is then too high by about rate·CV²/(intervals per trial); counting
// spikes over the window instead errs by (CV² − 1)/2 spikes per trial. It returns 0, 0
// with fewer than two intervals.
func TrialRate(trials []*Result) (rate, se float64) {
	isi := ISIs(trials)
	if len(isi) < 2 {
		return 0, 0
	}
	var s float64
	for _, x := range isi {
		s += x
	}
	if !(s > 0) {
		return 0, 0
	}
	rate = 1000 * float64(len(isi)) / s
	return rate, rate * CV(isi) / math.Sqrt(float64(len(isi)))
}

// CountRate returns the firing rate (Hz) of trials of duration ms each from their spike
// counts, 1000·(mean count)/duration, and its standard error from the spread of the counts
// across trials, which holds whatever the correlations between the intervals of a trial
// (under slow noise, say), as long as the trials are independent. Over a window of fixed
// duration a count errs by at most about (CV² − 1)/2 spikes per trial, and the start at
// rest adds the transient of the first few τ: both small beside a window of many
// intervals. It returns 0, 0 for fewer than two trials or a duration that is not > 0.
func CountRate(trials []*Result, duration float64) (rate, se float64) {
	if len(trials) < 2 || !(duration > 0) || math.IsInf(duration, 0) {
		return 0, 0
	}
	var s, s2 float64
	for _, r := range trials {
		c := float64(len(r.Spikes))
		s, s2 = s+c, s2+c*c
	}
	k := float64(len(trials))
	mean := s / k
	v := math.Max(s2/k-mean*mean, 0) * k / (k - 1)
	return 1000 * mean / duration, 1000 * math.Sqrt(v/k) / duration
}

// ISIs returns the interspike intervals (ms) of all trials, in trial order.
func ISIs(trials []*Result) []float64 {
	var isi []float64
	for _, r := range trials {
		for k := 1; k < len(r.Spikes); k++ {
			isi = append(isi, r.Spikes[k]-r.Spikes[k-1])
		}
	}
	return isi
}

// CV returns the coefficient of variation of the intervals, std/mean (sample standard
// deviation), or 0 with fewer than two intervals.
func CV(isi []float64) float64 {
	if len(isi) < 2 {
		return 0
	}
	var s float64
	for _, x := range isi {
		s += x
	}
	mean := s / float64(len(isi))
	var v float64
	for _, x := range isi {
		v += (x - mean) * (x - mean)
	}
	v /= float64(len(isi) - 1)
	if mean <= 0 {
		return 0
	}
	return math.Sqrt(v) / mean
}

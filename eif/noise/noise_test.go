package noise_test

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/portable/sourcecheck"
	"github.com/eif-notebooks/eif-notebooks/eif/noise"
)

// TestTrialsMatchFokkerPlanck checks Euler–Maruyama (step 0.005 ms) against the exact
// stationary rate and ISI CV: the simulated values must be within 4 standard errors
// (jackknife over the trials for the CV). The cases
// are below rheobase (firing by noise only), at it, and above it with a refractory period;
// each trial runs to its 40th spike, so that all intervals are complete.
func TestTrialsMatchFokkerPlanck(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: long simulations")
	}
	for _, c := range []struct{ i, sigma, tref float64 }{{7, 2, 0}, {7.25, 1, 0}, {9, 4, 2}} {
		p := eif.Default()
		p.Refractory = c.tref
		n := eif.MustNew(p)
		tr, err := noise.Trials(n, noise.Input{I: c.i, Sigma: c.sigma}, 1e5, 30, &noise.Settings{Seed: 7, Step: 0.005, MaxSpikes: 40})
		if err != nil {
			t.Fatal(err)
		}
		got, se := noise.TrialRate(tr)
		want, err := noise.StationaryRate(n, c.i, c.sigma)
		if err != nil {
			t.Fatal(err)
		}
		z := (got - want) / se
		t.Logf("I = %g nA, σ = %g mV, t_ref = %g ms: simulated %.3f ± %.3f Hz, exact %.4f Hz (%.2f SE)", c.i, c.sigma, c.tref, got, se, want, z)
		if !(math.Abs(z) <= 4) {
			t.Errorf("I = %g nA, σ = %g mV: simulated %.3f ± %.3f Hz, exact %.4f Hz: %.1f standard errors apart", c.i, c.sigma, got, se, want, z)
		}
		cv, cvSE := jackknifeCV(tr)
		exactCV, err := noise.StationaryCV(n, c.i, c.sigma)
		if err != nil {
			t.Fatal(err)
		}
		zc := (cv - exactCV) / cvSE
		t.Logf("    CV: simulated %.4f ± %.4f, exact %.4f (%.2f SE)", cv, cvSE, exactCV, zc)
		if !(math.Abs(zc) <= 4) {
			t.Errorf("I = %g nA, σ = %g mV: CV simulated %.4f ± %.4f, exact %.4f: %.1f standard errors apart", c.i, c.sigma, cv, cvSE, exactCV, zc)
		}
	}
}

// TestNoiseFreeMembrane checks the noise convention: for the free membrane (a LIF whose
// threshold is out of reach) the variance of u is σ², for white noise and for OU noise
// of any correlation time, within 5 standard errors (the samples, 1 ms apart, are
// correlated over τ = 10 ms: the error is estimated from 20 independent trials).
func TestNoiseFreeMembrane(t *testing.T) {
	p := eif.DefaultLIF()
	p.Cutoff = 0 // 70 σ above rest: never reached
	n := eif.MustNew(p)
	for _, tc := range []float64{0, 2, 20} {
		tr, err := noise.Trials(n, noise.Input{Sigma: 1, TauC: tc}, 2000, 20, &noise.Settings{Seed: 3, Record: 100, Step: 0.01})
		if err != nil {
			t.Fatal(err)
		}
		var vs []float64
		for _, r := range tr {
			var s, s2 float64
			u := r.U[len(r.U)/10:] // after 200 ms: the start at rest is forgotten
			for _, x := range u {
				s += x - p.Rest
				s2 += (x - p.Rest) * (x - p.Rest)
			}
			m := float64(len(u))
			vs = append(vs, s2/m-(s/m)*(s/m))
		}
		mean, se := meanSE(vs)
		t.Logf("τ_c = %g ms: var(u) = %.4f ± %.4f mV², want σ² = 1", tc, mean, se)
		if math.Abs(mean-1) > 5*se+0.01 { // 0.01: the Euler–Maruyama bias, h/(2τ)
			t.Errorf("τ_c = %g ms: var(u) = %.4f ± %.4f mV², want 1", tc, mean, se)
		}
	}
}

// jackknifeCV returns the CV of all the intervals of the trials and its jackknife
// standard error, leaving out one trial at a time.
func jackknifeCV(tr []*noise.Result) (cv, se float64) {
	cv = noise.CV(noise.ISIs(tr))
	m := len(tr)
	loo := make([]float64, m)
	var mean float64
	for k := range tr {
		rest := append(append([]*noise.Result{}, tr[:k]...), tr[k+1:]...)
		loo[k] = noise.CV(noise.ISIs(rest))
		mean += loo[k] / float64(m)
	}
	var v float64
	for _, x := range loo {
		v += (x - mean) * (x - mean)
	}
	return cv, math.Sqrt(v * float64(m-1) / float64(m))
}

func meanSE(x []float64) (mean, se float64) {
	var s, s2 float64
	for _, v := range x {
		s += v
		s2 += v * v
	}
	m := float64(len(x))
	mean = s / m
	return mean, math.Sqrt((s2/m - mean*mean) / (m - 1))
}

// TestTrialsReproducible checks that the spikes depend on the seed and the trial index
// only: the same with 1 and 2 workers, trial 0 is Simulate's run, another seed gives
// other spikes, and the first spike times of seed 1 are the recorded ones (computed
// once; they change only if the random stream or the arithmetic changes, which is what
// "the same spikes on any machine" forbids; they were recorded again, by 1.4e-14 ms for
// the first, when the step's exponential became portable.EMExp).
func TestTrialsReproducible(t *testing.T) {
	n := eif.MustNew(eif.Default())
	z := noise.Input{I: 7, Sigma: 3, TauC: 2, Intrinsic: 0.5}
	one, err := noise.Trials(n, z, 500, 6, &noise.Settings{Seed: 1, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	two, _ := noise.Trials(n, z, 500, 6, &noise.Settings{Seed: 1, Workers: 2})
	for k := range one {
		if !slices.Equal(one[k].Spikes, two[k].Spikes) {
			t.Errorf("trial %d: spikes differ between 1 and 2 workers", k)
		}
	}
	solo, _ := noise.Simulate(n, z, 500, &noise.Settings{Seed: 1})
	if !slices.Equal(solo.Spikes, one[0].Spikes) {
		t.Error("Simulate differs from trial 0")
	}
	other, _ := noise.Simulate(n, z, 500, &noise.Settings{Seed: 2})
	if slices.Equal(other.Spikes, solo.Spikes) {
		t.Error("seeds 1 and 2 give the same spikes")
	}
	golden := []float64{83.257561055568345, 143.93293829252886, 222.90503153137735, 285.5330283685273}
	if len(solo.Spikes) < len(golden) {
		t.Fatalf("seed 1: %d spikes, want at least %d", len(solo.Spikes), len(golden))
	}
	for k, want := range golden {
		if solo.Spikes[k] != want {
			t.Errorf("seed 1, spike %d at %.17g ms, recorded %.17g ms", k, solo.Spikes[k], want)
		}
	}
	t.Logf("seed 1: %d spikes, first %v", len(solo.Spikes), solo.Spikes[:min(4, len(solo.Spikes))])
}

// TestNoiseDeterministicLimit checks that with σ = 0 the scheme is forward Euler: its
// rate at 10 nA is within 0.5 % of the exact rate at h = 0.01 ms, and the error falls
// with h (order 1).
func TestNoiseDeterministicLimit(t *testing.T) {
	n := eif.MustNew(eif.Default())
	want := n.Rate(10)
	prev := math.Inf(1)
	for _, h := range []float64{0.02, 0.01, 0.005} {
		r, err := noise.Simulate(n, noise.Input{I: 10}, 2000, &noise.Settings{Step: h})
		if err != nil {
			t.Fatal(err)
		}
		got := 1000 * float64(len(r.Spikes)-1) / (r.Spikes[len(r.Spikes)-1] - r.Spikes[0])
		d := math.Abs(got-want) / want
		t.Logf("h = %g ms: %.5f Hz, exact %.5f Hz (relative %.1e)", h, got, want, d)
		if h <= 0.01 && d > 5e-3 || !(d < prev) {
			t.Errorf("h = %g ms: %.5f Hz, exact %.5f Hz", h, got, want)
		}
		prev = d
	}
}

// TestNoiseErrors checks that invalid input gives a ParamError naming the field.
func TestNoiseErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	for _, c := range []struct {
		z     noise.Input
		dur   float64
		set   *noise.Settings
		field string
	}{
		{noise.Input{I: math.NaN()}, 10, nil, "Input.I"},
		{noise.Input{Sigma: -1}, 10, nil, "Input.Sigma"},
		{noise.Input{TauC: math.Inf(1)}, 10, nil, "Input.TauC"},
		{noise.Input{Intrinsic: -2}, 10, nil, "Input.Intrinsic"},
		{noise.Input{}, -1, nil, "duration"},
		{noise.Input{}, 1e9, &noise.Settings{Step: 1e-6}, "Settings.Step"},
		{noise.Input{}, 10, &noise.Settings{Step: -1}, "Settings.Step"},
		{noise.Input{}, 10, &noise.Settings{Record: -1}, "Settings.Record"},
		{noise.Input{}, 10, &noise.Settings{U0: -20}, "Settings.U0"},
		{noise.Input{}, 10, &noise.Settings{Workers: -1}, "Settings.Workers"},
		{noise.Input{}, 10, &noise.Settings{MaxSpikes: -1}, "Settings.MaxSpikes"},
	} {
		_, err := noise.Simulate(n, c.z, c.dur, c.set)
		var pe *noise.ParamError
		if !errors.As(err, &pe) || pe.Field != c.field {
			t.Errorf("%+v, %g ms, %+v: error %v, want one on %s", c.z, c.dur, c.set, err, c.field)
		}
	}
	if _, err := noise.Simulate(n, noise.Input{I: 1e6}, 2e5, &noise.Settings{Step: 0.01}); !errors.Is(err, noise.ErrTooManySpikes) {
		t.Errorf("a spike every step for 2e7 steps: %v, want ErrTooManySpikes", err)
	}
	if _, err := noise.Trials(n, noise.Input{}, 1000, 1e6, &noise.Settings{Record: 1}); err == nil {
		t.Error("1e11 recorded points: no error")
	}
	if _, err := noise.Trials(n, noise.Input{}, 10, 0, nil); err == nil {
		t.Error("0 trials: no error")
	}
	if _, err := noise.Simulate(nil, noise.Input{}, 10, nil); !errors.Is(err, eif.ErrInvalid) {
		t.Errorf("nil Neuron: %v", err)
	}
	r, err := noise.Simulate(n, noise.Input{I: 1e6, Sigma: 1e5}, 10, nil)
	if err != nil || len(r.Spikes) == 0 {
		t.Errorf("extreme input: %v, %v", r, err)
	}
	for _, s := range r.Spikes {
		if math.IsNaN(s) || math.IsInf(s, 0) {
			t.Fatalf("extreme input: spike at %v", s)
		}
	}
}

// TestReproducibleLoop parses the files of the Euler–Maruyama loop and its trials and
// fails if they use a function of math that differs between machines (math.Exp, math.Log,
// math.Expm1, math.FMA) or the fast kernels, which may fuse: the same seed must give the
// same spikes everywhere (math.Expm1 slipped into the Ornstein–Uhlenbeck update once),
// or a float product that Go may fuse into a sum.
func TestReproducibleLoop(t *testing.T) {
	sourcecheck.Files(t, "noise.go", "em.go", "trials.go")
	sourcecheck.Products(t, "em.go")
}

// TestNoiseMemoryBound checks Settings.MaxPoints, the bound on the spikes and recorded
// samples of a call over all its trials: a budget met exactly passes and one spike fewer
// fails with ErrTooManySpikes, whatever the number of workers; a recording longer than
// the bound is refused before the call, naming Settings.Record and Settings.MaxPoints;
// and the probe of issue 22, a million 1 ms trials of a neuron with τ = 1e-3 ms that
// spikes at almost every step, ends with ErrTooManySpikes instead of 1.3 GB of spikes.
func TestNoiseMemoryBound(t *testing.T) {
	n := eif.MustNew(eif.Default())
	z := noise.Input{I: 20, Sigma: 2}
	all, err := noise.Trials(n, z, 200, 8, &noise.Settings{Seed: 4})
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, r := range all {
		total += len(r.Spikes)
	}
	if total < 20 {
		t.Fatalf("%d spikes in all: too few to test the bound", total)
	}
	for _, workers := range []int{1, 2} {
		if _, err := noise.Trials(n, z, 200, 8, &noise.Settings{Seed: 4, Workers: workers, MaxPoints: total}); err != nil {
			t.Errorf("%d workers, MaxPoints = %d spikes in all: %v", workers, total, err)
		}
		_, err := noise.Trials(n, z, 200, 8, &noise.Settings{Seed: 4, Workers: workers, MaxPoints: total - 1})
		if !errors.Is(err, noise.ErrTooManySpikes) || !strings.Contains(err.Error(), "Settings.MaxPoints") {
			t.Errorf("%d workers, MaxPoints = %d, one spike fewer than the trials keep: %v, want ErrTooManySpikes naming Settings.MaxPoints", workers, total-1, err)
		}
	}
	_, err = noise.Simulate(n, z, 100, &noise.Settings{Record: 1, MaxPoints: 5000})
	var pe *noise.ParamError
	if !errors.As(err, &pe) || pe.Field != "Settings.Record" || !strings.Contains(pe.Rule, "Settings.MaxPoints = 5000") {
		t.Errorf("10 001 samples, MaxPoints = 5000: %v, want an error on Settings.Record naming Settings.MaxPoints", err)
	}
	for _, max := range []int{-1, 200_000_001} {
		if _, err := noise.Simulate(n, z, 10, &noise.Settings{MaxPoints: max}); !errors.As(err, &pe) || pe.Field != "Settings.MaxPoints" {
			t.Errorf("MaxPoints = %d: %v, want an error on Settings.MaxPoints", max, err)
		}
	}
	p := eif.Default()
	p.Tau = 1e-3
	fast := eif.MustNew(p)
	start := time.Now()
	_, err = noise.Trials(fast, noise.Input{I: 7, Sigma: 2}, 1, 1e6, &noise.Settings{MaxPoints: 100_000})
	t.Logf("τ = 1e-3 ms, 1e6 trials of 1 ms: %v after %v", err, time.Since(start))
	if !errors.Is(err, noise.ErrTooManySpikes) {
		t.Errorf("τ = 1e-3 ms, 1e6 trials of 1 ms: %v, want ErrTooManySpikes", err)
	}
}

// TestNoiseWorkBound checks Settings.MaxSteps, the bound on the Euler–Maruyama steps of a
// call over all its trials: a call over it is refused at once, naming the input that
// makes it long (the number of trials, the duration, or a step finer than the default)
// and the setting; a call that meets it runs; the setting must be in its range. With
// MaxSpikes, whose runs end early, only a run too long alone is refused at once (notebook
// 06 runs 100 copies of 1e5 ms to their 20th spike): the steps taken are counted, and
// beyond the bound the call ends with ErrTooManySteps, whatever the number of workers.
func TestNoiseWorkBound(t *testing.T) {
	n := eif.MustNew(eif.Default())
	z := noise.Input{I: 7, Sigma: 2}
	tooBig := -2 // above the largest bound, 1e10, when an int holds it
	if strconv.IntSize == 64 {
		big := int64(10_000_000_001)
		tooBig = int(big)
	}
	for _, c := range []struct {
		dur            float64
		trials         int
		step           float64
		max, maxSpikes int
		field          string // "" for a call within the bound
	}{
		{150, 1000, 0, 0, 0, ""},             // 1.5e7 steps: notebook 06's population
		{1e5, 100, 0, 0, 20, ""},             // 1e9 steps at most, to the 20th spike: notebook 06
		{1e5, 1000, 0, 0, 1, ""},             // 1e10 steps at most, to the first spike
		{1e7 + 0.01, 1, 0, 0, 0, "duration"}, // 1e9 + 1 steps in one run
		{1e7, 2, 0, 0, 0, "trials"},          // 2e9 steps
		{9.9e4, 1000, 0, 0, 0, "trials"},     // 9.9e9 steps: a run of 99 s in notebook 06
		{1e8, 1, 0, 0, 0, "duration"},        // 1e10 steps in one run
		{1e8, 10, 0, 0, 1, "duration"},       // the same, even to the first spike
		{1e6, 1, 1e-4, 0, 0, "Settings.Step"},
		{1, 1, 0, 100, 0, ""}, // 100 steps, the bound met
		{1, 1, 0, 99, 0, "duration"},
		{1, 2, 0, 199, 0, "trials"},
		{1, 2, 0, 200, 0, ""},
		{10, 1, 0, -1, 0, "Settings.MaxSteps"},
		{10, 1, 0, tooBig, 0, "Settings.MaxSteps"},
	} {
		start := time.Now()
		_, err := noise.Trials(n, z, c.dur, c.trials, &noise.Settings{Seed: 1, Step: c.step, MaxSteps: c.max, MaxSpikes: c.maxSpikes})
		var pe *noise.ParamError
		switch {
		case c.field == "" && err != nil:
			t.Errorf("%d trials of %g ms, step %g, MaxSteps %d, MaxSpikes %d: %v, want no error", c.trials, c.dur, c.step, c.max, c.maxSpikes, err)
		case c.field == "":
		case !errors.As(err, &pe) || pe.Field != c.field || !strings.Contains(err.Error(), "Settings.MaxSteps"):
			t.Errorf("%d trials of %g ms, step %g, MaxSteps %d, MaxSpikes %d: %v, want an error on %s naming Settings.MaxSteps", c.trials, c.dur, c.step, c.max, c.maxSpikes, err, c.field)
		case time.Since(start) > time.Second:
			t.Errorf("%d trials of %g ms: refused after %v, want at once", c.trials, c.dur, time.Since(start))
		default:
			t.Logf("%s", err)
		}
	}
	// With MaxSpikes never reached, 100 runs of 1000 steps take 1e5 steps: within a bound
	// of 1e5, over one of 99 999.
	for _, workers := range []int{1, 2} {
		for max, want := range map[int]error{100_000: nil, 99_999: noise.ErrTooManySteps} {
			_, err := noise.Trials(n, z, 10, 100, &noise.Settings{Seed: 1, MaxSpikes: 1000, MaxSteps: max, Workers: workers})
			if !errors.Is(err, want) || (err != nil && !strings.Contains(err.Error(), "Settings.MaxSteps = 99999")) {
				t.Errorf("%d workers, MaxSteps = %d: %v, want %v naming the bound", workers, max, err, want)
			}
		}
	}
}

// TestCountRate checks CountRate on counts whose mean and spread are known, and on the
// trials of a run against the exact rate: within 4 standard errors.
func TestCountRate(t *testing.T) {
	trials := []*noise.Result{{Spikes: make([]float64, 8)}, {Spikes: make([]float64, 10)}, {Spikes: make([]float64, 12)}}
	rate, se := noise.CountRate(trials, 500) // counts 8, 10, 12 in 0.5 s: 20 Hz, sd 2 spikes
	if math.Abs(rate-20) > 1e-12 || math.Abs(se-2*2/math.Sqrt(3)) > 1e-12 {
		t.Errorf("counts 8, 10, 12 in 500 ms: %g ± %g Hz, want 20 ± %g", rate, se, 4/math.Sqrt(3))
	}
	for _, c := range []struct {
		trials []*noise.Result
		d      float64
	}{{trials[:1], 500}, {trials, 0}, {trials, math.Inf(1)}, {trials, math.NaN()}} {
		if r, s := noise.CountRate(c.trials, c.d); r != 0 || s != 0 {
			t.Errorf("%d trials, %g ms: %g, %g; want 0, 0", len(c.trials), c.d, r, s)
		}
	}
	n := eif.MustNew(eif.Default())
	tr, err := noise.Trials(n, noise.Input{I: 7, Sigma: 2}, 5000, 16, &noise.Settings{Seed: 9})
	if err != nil {
		t.Fatal(err)
	}
	exact, _ := noise.StationaryRate(n, 7, 2)
	rate, se = noise.CountRate(tr, 5000)
	if math.Abs(rate-exact) > 4*se || !(se > 0) {
		t.Errorf("16 trials of 5 s at 7 nA, σ = 2 mV: %.3f ± %.3f Hz, exact %.4f Hz", rate, se, exact)
	}
}

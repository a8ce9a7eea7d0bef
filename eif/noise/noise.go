package noise

import (
	"errors"
	"fmt"
	"math"
	"sync/atomic"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/check"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/portable"
)

// Input is a noisy input: a constant current plus Gaussian noise, in the convention of
// the package doc:
//
//	τ du/dt = −(u − u_rest) + ψ(u) + μ + η(t),   μ = R·I (mV),
//
// where η is white noise σ·√(2τ)·ξ(t) when TauC = 0, or an Ornstein–Uhlenbeck process
// τ_c dη/dt = −η + s·√(2τ_c)·ξ(t) of correlation time TauC, with s = σ·√((τ + τ_c)/τ_c).
// Either way σ is the standard deviation of the free membrane potential (the LIF without
// threshold), so noises of different correlation times shake it equally.
type Input struct {
	I     float64 // mean current I₀ (nA)
	Sigma float64 // σ (mV), ≥ 0: the standard deviation of the free membrane potential
	TauC  float64 // correlation time τ_c of the noise (ms), ≥ 0; 0 is white noise

	// Intrinsic is the σ (mV) of a second, white, noise that is not part of the recorded
	// injected current (channel noise, in an experiment). Default 0.
	Intrinsic float64
}

// Validate reports a field that is not finite or out of its range, as a *ParamError.
func (z Input) Validate() error {
	if err := broken("Input.I", z.I, check.Current(z.I, eif.MaxCurrent)); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    float64
		max  float64
		unit string
	}{{"Input.Sigma", z.Sigma, eif.MaxVoltage, "mV"}, {"Input.TauC", z.TauC, eif.MaxTime, "ms"}, {"Input.Intrinsic", z.Intrinsic, eif.MaxVoltage, "mV"}} {
		if err := broken(f.name, f.v, check.Size(f.v, f.max, f.unit)); err != nil {
			return err
		}
	}
	return nil
}

// Settings tunes Simulate and Trials. A nil *Settings means the defaults; a zero field
// means the default for that field.
type Settings struct {
	// Step is the Euler–Maruyama step (ms). Default 0.01 ms.
	Step float64
	// Seed is the base seed of the random numbers. Trial k of a run uses a stream that
	// depends on Seed and k only, so results do not depend on the number of cores.
	Seed uint64
	// Record, if > 0, keeps u and the injected current every Record steps in
	// Result.U and Result.I (with Record = 1 every step, as the dynamic I–V
	// curve needs). Default 0: spikes only.
	Record int
	// U0 is the initial potential (mV). Default (0): u_rest. The noise starts in its
	// stationary state.
	U0 float64
	// Workers is the number of goroutines of Trials. Default: GOMAXPROCS.
	Workers int
	// MaxSpikes, if > 0, ends each run at its MaxSpikes-th spike (or at the duration, if it
	// comes first): runs that end at a spike give TrialRate complete intervals only.
	MaxSpikes int
	// MaxPoints bounds the memory of a call: the recorded samples and the spikes of all
	// its trials together. A recording that would be longer is refused before the call
	// starts; spikes beyond it end the call with ErrTooManySpikes. Default: 10 000 000
	// (160 MB at most); it may be raised to 200 000 000.
	MaxPoints int
	// MaxSteps bounds the work of a call: the Euler–Maruyama steps of all its trials
	// together, duration/Step per trial. A call that would take more is refused before it
	// starts, with an error that names the bound. With MaxSpikes, whose runs may end
	// early, only a run longer than MaxSteps alone is refused at the start; the steps that
	// the trials take are counted, and beyond the bound the call ends with
	// ErrTooManySteps. Default: 1 000 000 000 (about 15 s of CPU); it may be raised to
	// 10 000 000 000.
	MaxSteps int
}

// Bounds on the work and memory of the noisy simulations, so that every call ends in
// reasonable time and memory whatever its input.
const (
	defaultStep      = 0.01          // Settings.Step (ms)
	defaultMaxSteps  = 1_000_000_000 // Settings.MaxSteps: Euler–Maruyama steps of one call, over all its trials (about 15 s of CPU)
	maxMaxSteps      = 1e10          // Settings.MaxSteps at most: about 150 s of CPU
	maxTrials        = 1_000_000     // trials of one call (their Results take 100 MB)
	defaultMaxPoints = 10_000_000    // Settings.MaxPoints
	maxMaxPoints     = 200_000_000
)

// Result is the outcome of one noisy run.
type Result struct {
	Spikes []float64 // spike times (ms), located by linear interpolation inside the step
	// Dt is the recording interval (ms), Record·Step; U (mV) and I (nA) are u and the
	// injected current I₀ + η/R at times 0, Dt, 2·Dt, … (empty unless Record > 0). After a
	// spike U holds the reset value during the refractory period.
	Dt   float64
	U, I []float64
	// Steps is the number of Euler–Maruyama steps.
	Steps int

	budget *atomic.Int64 // during the run, the spikes its call may still keep
}

// Simulate integrates the neuron n for duration ms under the noisy input z, with the
// Euler–Maruyama method at the fixed step set.Step, and returns the spike times (trial 0
// of set.Seed). Where the noise is an Ornstein–Uhlenbeck current, η is advanced by its
// exact update, η ← η·e^(−h/τ_c) + s·√(1 − e^(−2h/τ_c))·N, and u by the Euler step with η
// held over the step. A spike is emitted when u reaches the threshold, at the time found
// by linear interpolation; u is then held at the reset for the refractory period.
func Simulate(n *eif.Neuron, z Input, duration float64, set *Settings) (*Result, error) {
	j, err := newJob(n, z, duration, 1, set)
	if err != nil {
		return nil, err
	}
	r := new(Result)
	if err := j.runTrial(r, 0); err != nil {
		return nil, err
	}
	return r, nil
}

// neuron is what the noisy simulation reads of an eif.Neuron.
type neuron struct {
	p   eif.Params
	thr float64 // the spike threshold
}

// neuronOf returns the parameters of n, or eif.ErrInvalid for a nil n.
func neuronOf(n *eif.Neuron) (neuron, error) {
	if n == nil {
		return neuron{}, eif.ErrInvalid
	}
	return neuron{p: n.Params(), thr: n.Threshold()}, nil
}

// A job is one call of Simulate or Trials, its input checked: the neuron, the noise, the
// duration and the settings with their defaults, the steps of a run, and the spikes that
// its trials may still keep within Settings.MaxPoints.
type job struct {
	m          neuron
	z          Input
	duration   float64
	cfg        Settings
	steps      int
	samples    int          // recorded samples, over all the trials
	spikesLeft atomic.Int64 // MaxPoints less the samples, less the spikes kept so far
	stepsLeft  atomic.Int64 // with MaxSpikes: MaxSteps less the steps of the trials run so far
}

// newJob checks the input of a call of trials runs and returns its job.
func newJob(n *eif.Neuron, z Input, duration float64, trials int, set *Settings) (*job, error) {
	j := &job{z: z, duration: duration}
	c := &j.cfg
	if set != nil {
		*c = *set
	}
	m, err := neuronOf(n)
	if err != nil {
		return nil, err
	}
	j.m = m
	if err := z.Validate(); err != nil {
		return nil, err
	}
	step := c.Step
	if err := broken("Settings.Step", step, check.OrDefault(&c.Step, defaultStep)); err != nil {
		return nil, err
	}
	if err := broken("duration", duration, check.Duration(duration, eif.MaxTime)); err != nil {
		return nil, err
	}
	if trials < 1 || trials > maxTrials {
		return nil, &ParamError{Field: "trials", Value: float64(trials), Rule: fmt.Sprintf("must be between 1 and %d", maxTrials)}
	}
	for _, f := range []struct {
		name string
		v    int
		rule string
	}{
		{"Settings.Record", c.Record, "must be ≥ 0"},
		{"Settings.MaxSpikes", c.MaxSpikes, "must be ≥ 0 (0 means no limit)"},
		{"Settings.Workers", c.Workers, "must be ≥ 0 (0 means GOMAXPROCS)"},
		{"Settings.MaxPoints", c.MaxPoints, "must be ≥ 0 (0 means the default)"},
		{"Settings.MaxSteps", c.MaxSteps, "must be ≥ 0 (0 means the default)"},
	} {
		if f.v < 0 {
			return nil, &ParamError{Field: f.name, Value: float64(f.v), Rule: f.rule}
		}
	}
	if err := j.checkWork(trials, step); err != nil {
		return nil, err
	}
	if c.MaxPoints == 0 {
		c.MaxPoints = defaultMaxPoints
	}
	if c.MaxPoints > maxMaxPoints {
		return nil, &ParamError{Field: "Settings.MaxPoints", Value: float64(c.MaxPoints), Rule: fmt.Sprintf("must be ≤ %d (3.2 GB)", maxMaxPoints)}
	}
	if c.Record > 0 {
		// A run records at steps 0, Record, 2·Record, … up to its last: steps/Record + 1.
		if samples := float64(trials) * float64(j.steps/c.Record+1); samples > float64(c.MaxPoints) {
			return nil, &ParamError{Field: "Settings.Record", Value: float64(c.Record), Rule: fmt.Sprintf("records %.3g samples over %d trials, more than Settings.MaxPoints = %d: raise Settings.Record or Settings.MaxPoints, or run fewer or shorter trials", samples, trials, c.MaxPoints)}
		}
		j.samples = trials * (j.steps/c.Record + 1)
	}
	j.spikesLeft.Store(int64(c.MaxPoints - j.samples))
	if c.U0 == 0 {
		c.U0 = m.p.Rest
	}
	if err := broken("Settings.U0", c.U0, check.Finite(c.U0)); err != nil {
		return nil, err
	}
	if c.U0 >= m.thr || c.U0 < -eif.MaxVoltage {
		return nil, &ParamError{Field: "Settings.U0", Value: c.U0, Rule: fmt.Sprintf("must be below the spike threshold %g mV and ≥ −%g mV", m.thr, float64(eif.MaxVoltage))}
	}
	return j, nil
}

// checkWork sets j.steps, the steps of a run, and refuses a call whose trials take more
// than Settings.MaxSteps steps in all, or, with MaxSpikes, whose runs may take more each
// (the steps that they do take are then counted: runTrial). The error names the duration
// when one trial alone is too long (Settings.Step when the caller set a step finer than
// the default), and the number of trials otherwise. step is the caller's Settings.Step
// (0 for the default).
func (j *job) checkWork(trials int, step float64) error {
	c := &j.cfg
	if c.MaxSteps == 0 {
		c.MaxSteps = defaultMaxSteps
	}
	if float64(c.MaxSteps) > maxMaxSteps {
		return &ParamError{Field: "Settings.MaxSteps", Value: float64(c.MaxSteps), Rule: fmt.Sprintf("must be ≤ %.0f (about 150 s of CPU)", maxMaxSteps)}
	}
	steps := j.duration / c.Step
	j.stepsLeft.Store(int64(c.MaxSteps))
	if c.MaxSpikes > 0 {
		trials = 1 // the runs may end early: check one, and count the steps they take
	}
	if total := float64(trials) * steps; total > float64(c.MaxSteps) {
		field, v := "trials", float64(trials)
		runs, fix := fmt.Sprintf("%d trials of %g ms at %g ms a step take", trials, j.duration, c.Step), "run fewer or shorter trials"
		if trials == 1 {
			runs, fix = fmt.Sprintf("a run of %g ms at %g ms a step takes", j.duration, c.Step), "shorten the run"
		}
		if steps > float64(c.MaxSteps) {
			field, v = "duration", j.duration
			if step != 0 && step < defaultStep {
				field, v = "Settings.Step", step
			}
		}
		return &ParamError{Field: field, Value: v, Rule: fmt.Sprintf("%s %.0f Euler–Maruyama steps, more than Settings.MaxSteps = %d (about %.2g s of CPU): %s, or raise Settings.MaxSteps", runs, math.Ceil(total), c.MaxSteps, cpuSeconds(c.MaxSteps), fix)}
	}
	j.steps = int(math.Ceil(steps - 1e-9))
	return nil
}

// cpuSeconds is about the CPU time (s) of that many Euler–Maruyama steps, 15 ns each.
func cpuSeconds(steps int) float64 { return 15e-9 * float64(steps) }

// runTrial runs trial k of the job into r.
func (j *job) runTrial(r *Result, k int) error {
	r.budget = &j.spikesLeft
	err := j.run(r, portable.NewNormal(j.cfg.Seed, k))
	r.budget = nil
	if err == errBudget {
		return j.tooManySpikes()
	}
	if err == nil && j.cfg.MaxSpikes > 0 && j.stepsLeft.Add(-int64(r.Steps)) < 0 {
		return fmt.Errorf("%w: the trials, each run to Settings.MaxSpikes = %d spikes, took more than Settings.MaxSteps = %d Euler–Maruyama steps in all (about %.2g s of CPU): run fewer trials, lower Settings.MaxSpikes, or raise Settings.MaxSteps", ErrTooManySteps, j.cfg.MaxSpikes, j.cfg.MaxSteps, cpuSeconds(j.cfg.MaxSteps))
	}
	return err
}

// errBudget is run's report that the call kept more spikes than its budget.
var errBudget = errors.New("noise: over the spike budget")

// tooManySpikes is ErrTooManySpikes, with the bound that the spikes went beyond.
func (j *job) tooManySpikes() error {
	bound := fmt.Sprintf("Settings.MaxPoints = %d", j.cfg.MaxPoints)
	if j.samples > 0 {
		bound = fmt.Sprintf("the %d that %s leaves beside %d recorded samples", j.cfg.MaxPoints-j.samples, bound, j.samples)
	}
	return fmt.Errorf("%w: more than %s, over all the trials: set Settings.MaxSpikes, shorten the run, or raise Settings.MaxPoints", ErrTooManySpikes, bound)
}

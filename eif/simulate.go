package eif

import (
	"fmt"
	"math"
	"sort"
)

// Result is the outcome of a simulation.
type Result struct {
	// T (ms) and U (mV) are the trace: u at every multiple of Settings.OutputInterval from 0
	// to the duration, plus, at each spike time, the point (t, threshold) followed by the
	// point (t, reset), and the end of each refractory period, so plots show the spike.
	T, U []float64
	// Spikes holds the spike times (ms), located by root-finding inside the step (at the
	// end of the step with Settings.GridSpikes).
	Spikes []float64
	// Steps and Rejected count the accepted and rejected integration steps: every
	// interval is integrated, so they are the work of the run.
	Steps, Rejected int
}

// Simulate integrates the neuron from u(0) = u0 (mV) for duration ms under the stimulus s.
// It stops exactly at every discontinuity of s and at every spike, where u is reset to
// Params.Reset and held there for the refractory period. A nil set means the default
// Settings: the adaptive Dormand–Prince integrator with tolerances 1e-10.
func (n *Neuron) Simulate(s Stimulus, u0, duration float64, set *Settings) (*Result, error) {
	r := new(Result)
	if err := n.SimulateInto(r, s, u0, duration, set); err != nil {
		return nil, err
	}
	return r, nil
}

// SimulateInto is Simulate writing into dst, whose slices are reused: with a dst from an
// earlier call of the same size it allocates nothing, whatever the number of steps.
func (n *Neuron) SimulateInto(dst *Result, s Stimulus, u0, duration float64, set *Settings) error {
	return n.simulate(dst, s, u0, duration, set, 0)
}

// simulate is SimulateInto, ending at the maxSpikes-th spike when maxSpikes > 0.
func (n *Neuron) simulate(dst *Result, s Stimulus, u0, duration float64, set *Settings, maxSpikes int) error {
	if err := n.check(); err != nil {
		return err
	}
	p := *n.params()
	if dst == nil {
		return &ParamError{Field: "dst", Nil: true, Rule: "pass a *Result to fill"}
	}
	if s == nil {
		return &ParamError{Field: "Stimulus", Nil: true, Rule: "use Constant(0) for no current"}
	}
	if err := validateStimulus(s); err != nil {
		return err
	}
	cfg, err := set.withDefaults()
	if err != nil {
		return err
	}
	if err := finite("u0", u0); err != nil {
		return err
	}
	thr := p.spikeVoltage()
	if u0 >= thr {
		return &ParamError{Field: "u0", Value: u0, Rule: fmt.Sprintf("must be below the spike threshold %g mV", thr)}
	}
	if math.Abs(u0) > MaxVoltage {
		return &ParamError{Field: "u0", Value: u0, Rule: fmt.Sprintf("must be within ±%g mV", float64(MaxVoltage))}
	}
	if err := checkDuration("duration", duration); err != nil {
		return err
	}
	if cfg.Method != DormandPrince && duration/cfg.Step > float64(cfg.MaxSteps) {
		return &ParamError{Field: "Settings.Step", Value: cfg.Step, Rule: fmt.Sprintf("needs more than Settings.MaxSteps = %d steps for %g ms", cfg.MaxSteps, duration)}
	}
	if cfg.Method == DormandPrince && cfg.MaxStep > 0 && duration/cfg.MaxStep > float64(cfg.MaxSteps) {
		return &ParamError{Field: "Settings.MaxStep", Value: cfg.MaxStep, Rule: fmt.Sprintf("needs more than Settings.MaxSteps = %d steps for %g ms", cfg.MaxSteps, duration)}
	}
	if pts := duration/cfg.OutputInterval + 2; !cfg.SpikesOnly && pts > float64(cfg.MaxPoints) {
		return &ParamError{Field: "Settings.OutputInterval", Value: cfg.OutputInterval, Rule: fmt.Sprintf("gives %.3g trace points over %g ms, more than Settings.MaxPoints = %d: raise Settings.OutputInterval or set Settings.SpikesOnly", pts, duration, cfg.MaxPoints)}
	}
	dst.T, dst.U, dst.Spikes = dst.T[:0], dst.U[:0], dst.Spikes[:0]
	dst.Steps, dst.Rejected = 0, 0
	if !cfg.SpikesOnly {
		// The grid, and room for the two points of a spike every 128 grid points, so that
		// a trace with spikes is not copied into a larger one as it grows.
		n := int(duration/cfg.OutputInterval) + 2
		if c := min(n+n/64+16, cfg.MaxPoints); cap(dst.T) < c {
			dst.T = make([]float64, 0, c)
			dst.U = make([]float64, 0, c)
		}
	}
	piecewise := PiecewiseConstant(s)
	in := integrator{p: p, s: s, cfg: cfg, thr: thr, r: dst, tEnd: duration, maxSpikes: maxSpikes, piecewise: piecewise}
	in.rhs = newRHS(p)
	return in.run(u0)
}

// integrator holds the state of one simulation.
type integrator struct {
	p    Params
	s    Stimulus
	cfg  Settings
	thr  float64
	r    *Result
	tEnd float64

	maxSpikes int // stop at this spike, if > 0

	nextProgress float64 // the simulated time of the next Settings.Progress call

	segEnd float64 // end of the current smooth piece of the stimulus
	nextK  int     // index of the next output grid point
	hNext  float64 // adaptive step proposal
	bad    error   // the first failure seen inside a step: a bad current, a full trace

	piecewise bool // the stimulus is constant between its breaks
	constI    bool // the stimulus is constant on the current piece, with the drive segB
	segB      float64

	rhs      rhs
	yMode    bool // dopri integrates y = exp(−(u − θ_rh)/Δ_T) instead of u (upstroke.go)
	pastZero bool // a stage of the current step reached y ≤ 0

	calling string  // the stimulus method being called, for a panic in it
	callT   float64 // and its argument
}

// constantPieces is implemented by stimuli that are constant between their breaks.
type constantPieces interface{ constantPieces() }

func (Constant) constantPieces() {}
func (Pulse) constantPieces()    {}
func (Steps) constantPieces()    {}

func (in *integrator) gridTime(k int) float64 {
	t := float64(k) * in.cfg.OutputInterval
	if t > in.tEnd {
		return in.tEnd
	}
	return t
}

func (in *integrator) lastK() int {
	n := int(math.Floor(in.tEnd / in.cfg.OutputInterval))
	if float64(n)*in.cfg.OutputInterval < in.tEnd {
		n++ // a final point at the end of the run
	}
	return n
}

func (in *integrator) emit(t, u float64) {
	if in.cfg.Progress != nil && t >= in.nextProgress {
		in.nextProgress = t + in.tEnd/100
		in.cfg.Progress(t)
	}
	if in.cfg.SpikesOnly {
		return
	}
	if len(in.r.T) >= in.cfg.MaxPoints {
		if in.bad == nil {
			in.bad = fmt.Errorf("eif: the trace reached Settings.MaxPoints = %d points at t = %g ms, after %d spikes (each adds 2 points): raise Settings.OutputInterval, or set Settings.SpikesOnly", in.cfg.MaxPoints, t, len(in.r.Spikes))
		}
		return
	}
	in.r.T = append(in.r.T, t)
	in.r.U = append(in.r.U, u)
}

// emitUntil emits the grid points with time ≤ t (or < t when strict) from the
// interpolant interp over the step.
func (in *integrator) emitUntil(t float64, strict bool, interp func(float64) float64) {
	if in.cfg.SpikesOnly {
		return
	}
	last := in.lastK()
	for in.nextK <= last {
		tk := in.gridTime(in.nextK)
		if tk > t || (strict && tk == t) {
			return
		}
		in.emit(tk, interp(tk))
		in.nextK++
	}
}

// gridPointBy reports whether the trace has a grid point at or before t still to emit.
func (in *integrator) gridPointBy(t float64) bool {
	return !in.cfg.SpikesOnly && in.nextK <= in.lastK() && in.gridTime(in.nextK) <= t
}

// run integrates from u(0) = u0 to the end. A panic in a method of the stimulus ends the
// run with an error naming the method and its argument; any other panic goes on.
func (in *integrator) run(u0 float64) (err error) {
	defer func() {
		if in.calling == "" {
			return
		}
		r := recover()
		if r == nil { // runtime.Goexit, or a return after the call
			return
		}
		err = stimulusPanic(in.calling, in.callT, r)
	}()
	t, u := 0.0, u0
	in.emitUntil(0, false, func(float64) float64 { return u0 })
	for t < in.tEnd {
		in.segEnd = math.Min(in.stimNextBreak(t), in.tEnd)
		if !(in.segEnd > t) { // a stimulus that breaks its contract: go on to the end
			in.segEnd = in.tEnd
		}
		// A piecewise-constant stimulus is read once per piece.
		in.constI = false
		if in.piecewise {
			in.segB = in.rhs.drive(in.current(t))
			in.constI = true
		}
		var (
			spiked bool
			ts     float64
			err    error
		)
		switch in.cfg.Method {
		case DormandPrince:
			spiked, ts, u, err = in.dopri(t, u)
		default:
			spiked, ts, u, err = in.fixed(t, u)
		}
		if err == nil {
			err = in.bad
		}
		if err != nil {
			return err
		}
		if !spiked {
			t = in.segEnd
			continue
		}
		if len(in.r.Spikes) >= in.cfg.MaxPoints {
			return fmt.Errorf("eif: more than Settings.MaxPoints = %d spikes by t = %g ms: shorten the run or raise Settings.MaxPoints", in.cfg.MaxPoints, ts)
		}
		in.r.Spikes = append(in.r.Spikes, ts)
		in.emit(ts, in.thr)
		in.emit(ts, in.p.Reset)
		if in.bad != nil {
			return in.bad
		}
		if in.maxSpikes > 0 && len(in.r.Spikes) >= in.maxSpikes {
			return nil
		}
		t, u = ts+in.p.Refractory, in.p.Reset
		if t > in.tEnd {
			t = in.tEnd
		}
		in.emitUntil(t, false, func(float64) float64 { return in.p.Reset })
		if in.p.Refractory > 0 && (len(in.r.T) == 0 || in.r.T[len(in.r.T)-1] < t) {
			in.emit(t, in.p.Reset)
		}
		in.hNext = 0
	}
	return nil
}

// At returns the traced voltage (mV) at time t (ms), linearly interpolated between the
// trace points. At a spike time it returns the reset value; before the first point and
// after the last it returns the end values. It returns 0 for an empty trace.
func (r *Result) At(t float64) float64 {
	if r == nil || len(r.T) == 0 || math.IsNaN(t) {
		return 0
	}
	// k is the first point after t.
	k := sort.Search(len(r.T), func(i int) bool { return r.T[i] > t })
	switch {
	case k == 0:
		return r.U[0]
	case k == len(r.T):
		return r.U[len(r.U)-1]
	}
	t0, t1 := r.T[k-1], r.T[k]
	if t1 == t0 {
		return r.U[k-1]
	}
	return r.U[k-1] + (r.U[k]-r.U[k-1])*(t-t0)/(t1-t0)
}

// validateStimulus calls s.Validate, turning a panic into an error.
func validateStimulus(s Stimulus) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = stimulusPanic("Validate", math.NaN(), r)
		}
	}()
	return s.Validate()
}

// stimCurrent calls the stimulus' Current; run turns a panic in it into an error.
func (in *integrator) stimCurrent(t float64) float64 {
	in.calling, in.callT = "Current", t
	i := in.s.Current(t)
	in.calling = ""
	return i
}

// stimNextBreak calls the stimulus' NextBreak; run turns a panic in it into an error.
func (in *integrator) stimNextBreak(t float64) float64 {
	in.calling, in.callT = "NextBreak", t
	b := in.s.NextBreak(t)
	in.calling = ""
	return b
}

// stimulusPanic describes a panic of the stimulus' method at time t (NaN: none).
func stimulusPanic(method string, t float64, r any) error {
	at := ""
	if !math.IsNaN(t) {
		at = fmt.Sprintf(" at t = %g ms", t)
	}
	if e, ok := r.(error); ok {
		return fmt.Errorf("eif: the stimulus panicked in %s%s: %w", method, at, e)
	}
	return fmt.Errorf("eif: the stimulus panicked in %s%s: %v", method, at, r)
}

// tooManySteps is ErrTooManySteps, with where the run stopped and what to do about it.
func (in *integrator) tooManySteps(t float64) error {
	return fmt.Errorf("%w: Settings.MaxSteps = %d reached at t = %g ms of %g, after %d spikes: shorten the run, or raise Settings.MaxSteps (about a tenth of a second of work per million steps)",
		ErrTooManySteps, in.cfg.MaxSteps, t, in.tEnd, len(in.r.Spikes))
}

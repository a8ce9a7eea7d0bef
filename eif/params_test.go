package eif_test

import (
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func TestValidate(t *testing.T) {
	nan := math.NaN()
	for _, tc := range []struct {
		name  string
		edit  func(*eif.Params)
		field string
		rule  string
	}{
		{"tau zero", func(p *eif.Params) { p.Tau = 0 }, "Tau", "> 0"},
		{"tau negative", func(p *eif.Params) { p.Tau = -1 }, "Tau", "> 0"},
		{"R zero", func(p *eif.Params) { p.R = 0 }, "R", "> 0"},
		{"DeltaT negative", func(p *eif.Params) { p.DeltaT = -1 }, "DeltaT", "≥ 0"},
		{"NaN rest", func(p *eif.Params) { p.Rest = nan }, "Rest", "finite"},
		{"Inf cutoff", func(p *eif.Params) { p.Cutoff = math.Inf(1) }, "Cutoff", "finite"},
		{"reset at cutoff", func(p *eif.Params) { p.Reset = -30 }, "Reset", "below the cut-off"},
		{"cutoff below theta_rh", func(p *eif.Params) { p.Cutoff = -45; p.Reset = -70 }, "Cutoff", "above ThetaRh"},
		{"negative refractory", func(p *eif.Params) { p.Refractory = -1 }, "Refractory", "≥ 0"},
		{"DeltaT overflows", func(p *eif.Params) { p.DeltaT = 1e-3 }, "DeltaT", "overflows"},
		{"bad model", func(p *eif.Params) { p.Model = 7 }, "Model", "EIF or LIF"},
	} {
		p := eif.Default()
		tc.edit(&p)
		_, err := eif.New(p)
		var pe *eif.ParamError
		if !errors.As(err, &pe) {
			t.Errorf("%s: err = %v, want a *ParamError", tc.name, err)
			continue
		}
		if pe.Field != tc.field || !strings.Contains(pe.Rule, tc.rule) || !strings.HasPrefix(err.Error(), "eif: "+tc.field) {
			t.Errorf("%s: %q, want field %s and rule containing %q", tc.name, err, tc.field, tc.rule)
		}
	}
	// The LIF ignores Δ_T and θ_rh; Δ_T = 0 is the hard-threshold EIF.
	p := eif.DefaultLIF()
	p.DeltaT, p.ThetaRh = -1, 0
	if _, err := eif.New(p); err != nil {
		t.Errorf("LIF with unused EIF fields: %v", err)
	}
	p = eif.Default()
	p.DeltaT = 0
	if _, err := eif.New(p); err != nil {
		t.Errorf("Δ_T = 0: %v", err)
	}
}

func TestBadInput(t *testing.T) {
	n := eif.MustNew(eif.Default())
	nan := math.NaN()
	for _, tc := range []struct {
		name  string
		stim  eif.Stimulus
		u0, d float64
		set   *eif.Settings
		field string
	}{
		{"pulse T2 < T1", eif.Pulse{Amp: 1, T1: 10, T2: 5}, -70, 100, nil, "Pulse.T2"},
		{"pulse NaN amp", eif.Pulse{Amp: nan, T1: 1, T2: 5}, -70, 100, nil, "Pulse.Amp"},
		{"constant Inf", eif.Constant(math.Inf(1)), -70, 100, nil, "Constant"},
		{"steps unsorted", eif.Steps{Times: []float64{5, 1}, Amps: []float64{1, 2}}, -70, 100, nil, "Steps.Times[1]"},
		{"steps lengths", eif.Steps{Times: []float64{5}, Amps: nil}, -70, 100, nil, "Steps.Amps"},
		{"steps NaN time", eif.Steps{Times: []float64{1, nan}, Amps: []float64{1, 2}}, -70, 100, nil, "Steps.Times[1]"},
		{"steps huge amp", eif.Steps{Times: []float64{1, 5}, Amps: []float64{1, 2e6}}, -70, 100, nil, "Steps.Amps[1]"},
		{"func Inf break", eif.Func{F: math.Sin, Breaks: []float64{math.Inf(1)}}, -70, 100, nil, "Func.Breaks[0]"},
		{"func nil", eif.Func{}, -70, 100, nil, "Func.F"},
		{"func NaN", eif.Func{F: func(t float64) float64 { return math.Sqrt(-t) }}, -70, 100, nil, "Stimulus.Current"},
		{"nil stimulus", nil, -70, 100, nil, "Stimulus"},
		{"u0 NaN", eif.Constant(0), nan, 100, nil, "u0"},
		{"u0 above cutoff", eif.Constant(0), -20, 100, nil, "u0"},
		{"duration zero", eif.Constant(0), -70, 0, nil, "duration"},
		{"duration Inf", eif.Constant(0), -70, math.Inf(1), nil, "duration"},
		{"negative step", eif.Constant(0), -70, 10, &eif.Settings{Step: -1}, "Settings.Step"},
		{"NaN tolerance", eif.Constant(0), -70, 10, &eif.Settings{RelTol: nan}, "Settings.RelTol"},
		{"bad method", eif.Constant(0), -70, 10, &eif.Settings{Method: 9}, "Settings.Method"},
		{"huge trace", eif.Constant(0), -70, 1e9, &eif.Settings{OutputInterval: 1e-3}, "Settings.OutputInterval"},
	} {
		_, err := n.Simulate(tc.stim, tc.u0, tc.d, tc.set)
		var pe *eif.ParamError
		if !errors.As(err, &pe) || pe.Field != tc.field {
			t.Errorf("%s: err = %v, want a *ParamError on %s", tc.name, err, tc.field)
		}
	}
	if _, err := n.Simulate(eif.Constant(10), -70, 1000, &eif.Settings{MaxSteps: 10}); !errors.Is(err, eif.ErrTooManySteps) {
		t.Errorf("MaxSteps: err = %v, want ErrTooManySteps", err)
	}
	var none *eif.Neuron
	if _, err := none.Simulate(eif.Constant(0), -70, 10, nil); !errors.Is(err, eif.ErrInvalid) {
		t.Errorf("nil Neuron: err = %v, want ErrInvalid", err)
	}
}

func TestStimuli(t *testing.T) {
	s := eif.Steps{Times: []float64{10, 20}, Amps: []float64{1, 2}}
	for _, tc := range []struct{ t, i, next float64 }{
		{0, 0, 10}, {10, 1, 20}, {15, 1, 20}, {20, 2, math.Inf(1)}, {99, 2, math.Inf(1)},
	} {
		if got := s.Current(tc.t); got != tc.i {
			t.Errorf("Steps.Current(%g) = %g, want %g", tc.t, got, tc.i)
		}
		if got := s.NextBreak(tc.t); got != tc.next {
			t.Errorf("Steps.NextBreak(%g) = %g, want %g", tc.t, got, tc.next)
		}
	}
	p := eif.Pulse{Amp: 6, T1: 100, T2: 400}
	if p.Current(99.9) != 0 || p.Current(100) != 6 || p.Current(399.9) != 6 || p.Current(400) != 0 {
		t.Error("Pulse.Current is not 6 nA on [100, 400) and 0 elsewhere")
	}
	// A Func with a break: the integrator stops there exactly, so a step of current at
	// 50 ms acting on the LIF matches the closed form.
	l := eif.MustNew(eif.DefaultLIF())
	f := eif.Func{F: func(t float64) float64 {
		if t < 50 {
			return 0
		}
		return 5
	}, Breaks: []float64{50}}
	r, err := l.Simulate(f, -70, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.U[len(r.U)-1], -70+20*(1-math.Exp(-5)); math.Abs(got-want) > 1e-8 {
		t.Errorf("u(100) = %.12f, want %.12f", got, want)
	}
}

// TestDomain drives the entry points with extreme but finite input: each either returns
// a clear error or a finite value, and none hangs.
func TestDomain(t *testing.T) {
	n := eif.MustNew(eif.Default())
	l := eif.MustNew(eif.DefaultLIF())
	for _, x := range []float64{1e308, -1e308, 1e7, -1e7} {
		for _, m := range []*eif.Neuron{n, l} {
			if !finiteAll(m.DuDt(x, 0), m.DuDt(0, x), m.DuDt(x, x), m.Slope(x), m.Curvature(x)) {
				t.Errorf("%v: non-finite f, f′ or f″ at %g", m.Params().Model, x)
			}
			if fps := m.FixedPoints(x); fps != nil {
				t.Errorf("%v: FixedPoints(%g) = %v, want none beyond MaxCurrent", m.Params().Model, x, fps)
			}
			var pe *eif.ParamError
			if _, err := m.Period(x); !errors.As(err, &pe) || pe.Field != "i" {
				t.Errorf("%v: Period(%g): err = %v, want a *ParamError on i", m.Params().Model, x, err)
			}
			if r := m.Rate(x); r != 0 {
				t.Errorf("%v: Rate(%g) = %g, want 0 with the error", m.Params().Model, x, r)
			}
			if _, err := m.Simulate(eif.Constant(x), -70, 10, nil); !errors.As(err, &pe) || pe.Field != "Constant" {
				t.Errorf("%v: Simulate(Constant(%g)): err = %v", m.Params().Model, x, err)
			}
		}
	}
	for _, tc := range []struct {
		name  string
		edit  func(*eif.Params)
		field string
	}{
		{"huge tau", func(p *eif.Params) { p.Tau = 1e300 }, "Tau"},
		{"huge R", func(p *eif.Params) { p.R = 1e300 }, "R"},
		{"huge voltage", func(p *eif.Params) { p.Reset = -1e300 }, "Reset"},
		{"rest above the cut-off", func(p *eif.Params) { p.Rest = -20 }, "Rest"},
	} {
		p := eif.Default()
		tc.edit(&p)
		var pe *eif.ParamError
		if _, err := eif.New(p); !errors.As(err, &pe) || pe.Field != tc.field {
			t.Errorf("%s: err = %v, want a *ParamError on %s", tc.name, err, tc.field)
		}
	}
	// Malformed stimuli called directly do not panic.
	if got := (eif.Steps{Times: []float64{1, 2}, Amps: []float64{1}}).Current(5); got != 0 {
		t.Errorf("malformed Steps: Current = %g", got)
	}
	if got := (eif.Func{}).Current(1); got != 0 {
		t.Errorf("nil Func: Current = %g", got)
	}
	// Steps far too small for MaxSteps are refused at once instead of running for minutes.
	var pe *eif.ParamError
	if _, err := n.Simulate(eif.Constant(0), -70, 10, &eif.Settings{Method: eif.Euler, Step: 1e-300}); !errors.As(err, &pe) || pe.Field != "Settings.Step" {
		t.Errorf("tiny Euler step: err = %v", err)
	}
	if _, err := n.Simulate(eif.Constant(0), -70, 10, &eif.Settings{MaxStep: 1e-300}); !errors.As(err, &pe) || pe.Field != "Settings.MaxStep" {
		t.Errorf("tiny MaxStep: err = %v", err)
	}
	// A tolerance below the resolution of the current ends the bisection all the same; the
	// result is then as good as the simulations (their 1e-10 mV tolerance), about 1e-10 nA.
	if th, err := l.PulseThreshold(300, &eif.SearchSettings{Tol: 1e-300}); err != nil || math.Abs(th-10) > 1e-9 {
		t.Errorf("PulseThreshold with Tol 1e-300 = %.15g, %v", th, err)
	}
}

// TestStepsArePerRun checks that a reused Result counts the steps of its last run only.
func TestStepsArePerRun(t *testing.T) {
	n := eif.MustNew(eif.Default())
	var r eif.Result
	var steps [2]int
	for k := range steps {
		if err := n.SimulateInto(&r, eif.Constant(10), -70, 200, nil); err != nil {
			t.Fatal(err)
		}
		steps[k] = r.Steps + r.Rejected
	}
	if steps[0] == 0 || steps[1] != steps[0] {
		t.Errorf("steps of two identical runs into one Result = %v, want twice the same, > 0", steps)
	}
}

// TestLinear checks the one rule for a linear right-hand side: the LIF, and the EIF with
// Δ_T = 0, have no exponential term, so f″ = 0 everywhere below the cut-off.
func TestLinear(t *testing.T) {
	hard := eif.Default()
	hard.DeltaT = 0
	for _, tc := range []struct {
		name string
		p    eif.Params
		want bool
	}{{"EIF", eif.Default(), false}, {"LIF", eif.DefaultLIF(), true}, {"EIF with DeltaT = 0", hard, true}} {
		if got := tc.p.Linear(); got != tc.want {
			t.Errorf("%s: Linear() = %v, want %v", tc.name, got, tc.want)
		}
		n := eif.MustNew(tc.p)
		if curved := n.Curvature(-45) != 0; curved == tc.want {
			t.Errorf("%s: Curvature(−45 mV) = %g, but Linear() = %v", tc.name, n.Curvature(-45), tc.want)
		}
	}
}

func TestPiecewiseConstant(t *testing.T) {
	c, p, s := eif.Constant(3), eif.Pulse{Amp: 1, T1: 2, T2: 3}, eif.Steps{Times: []float64{1}, Amps: []float64{2}}
	for _, tc := range []struct {
		name string
		s    eif.Stimulus
		want bool
	}{
		{"Constant", c, true}, {"*Constant", &c, true},
		{"Pulse", p, true}, {"*Pulse", &p, true},
		{"Steps", s, true}, {"*Steps", &s, true},
		{"Func", eif.Func{F: func(float64) float64 { return 1 }}, false},
		{"nil", nil, false},
	} {
		if got := eif.PiecewiseConstant(tc.s); got != tc.want {
			t.Errorf("PiecewiseConstant(%s) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

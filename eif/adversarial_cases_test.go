package eif_test

import (
	"errors"
	"fmt"
	"math"
	"runtime"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// wantField returns an error unless err is a *ParamError on field whose message holds
// every one of words.
func wantField(err error, field string, words ...string) error {
	var pe *eif.ParamError
	if !errors.As(err, &pe) || pe.Field != field || !strings.HasPrefix(err.Error(), "eif: "+field) {
		return fmt.Errorf("err = %v, want a *ParamError on %s", err, field)
	}
	for _, w := range words {
		if !strings.Contains(err.Error(), w) {
			return fmt.Errorf("err = %v, want it to mention %q", err, w)
		}
	}
	return nil
}

// wantIs returns an error unless errors.Is(err, target).
func wantIs(err, target error) error {
	if !errors.Is(err, target) {
		return fmt.Errorf("err = %v, want %v", err, target)
	}
	return nil
}

// edited returns New(Default()) after f, or nil with the error reported through t.
func edited(t *testing.T, base eif.Params, f func(*eif.Params)) *eif.Neuron {
	t.Helper()
	f(&base)
	n, err := eif.New(base)
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	return n
}

// nextBreakEveryFloat is a stimulus whose every piece is one float wide.
type nextBreakEveryFloat struct{}

func (nextBreakEveryFloat) Current(float64) float64     { return 8 }
func (nextBreakEveryFloat) NextBreak(t float64) float64 { return math.Nextafter(t, math.Inf(1)) }
func (nextBreakEveryFloat) Validate() error             { return nil }

// panicky is a stimulus whose method named by where panics.
type panicky struct{ where string }

func (p panicky) Current(t float64) float64 {
	if p.where == "Current" && t > 2 {
		panic(errors.New("boom"))
	}
	return 1
}

func (p panicky) NextBreak(t float64) float64 {
	if p.where == "NextBreak" && t > 0 {
		panic("boom")
	}
	return 2
}

func (p panicky) Validate() error {
	if p.where == "Validate" {
		panic("boom")
	}
	return nil
}

// maxBytes bounds what one call of the issue cases may allocate.
const maxBytes = 200 << 20

// TestAdversarialIssueCases holds the cases of issue 16, each a finite input that once gave
// a wrong value with a nil error, or took too long, or too much memory, and more of the
// same kind. Each row is timed like the calls above and its allocations are bounded.
func TestAdversarialIssueCases(t *testing.T) {
	def := eif.MustNew(eif.Default())
	lif := eif.MustNew(eif.DefaultLIF())
	cases := []struct {
		name string
		run  func() error
	}{
		{"negative currents: ErrNoSpike, not a negative period", func() error {
			for _, i := range []float64{-1e4, -1e5, -1e6, -1e-12} {
				if _, err := def.Period(i); !errors.Is(err, eif.ErrNoSpike) {
					return fmt.Errorf("Period(%g): %v", i, err)
				}
			}
			return nil
		}},
		{"Δ_T = 10, reset −60: the cut-off lies below θ_I, the reset above the stable point", func() error {
			n := edited(t, eif.Default(), func(p *eif.Params) { p.DeltaT, p.Reset = 10, -60 })
			_, err := n.Period(0)
			return wantIs(err, eif.ErrNoSpike)
		}},
		{"cut-off −36.5 mV below θ_I=0: no spike at −1e-12 nA", func() error {
			n := edited(t, eif.Default(), func(p *eif.Params) { p.Cutoff = -36.5 })
			_, err := n.Period(-1e-12)
			return wantIs(err, eif.ErrNoSpike)
		}},
		{"cut-off below θ_I but a reset above the stable point: the cut-off acts as a threshold", func() error {
			// With the reset above θ_rh and f(reset) > 0 the neuron climbs to the cut-off.
			n := edited(t, eif.Default(), func(p *eif.Params) { p.Reset, p.Cutoff = -38, -36.6 })
			T, err := n.Period(7)
			if err != nil || !(T > 0) {
				return fmt.Errorf("Period(7) = %g, %v", T, err)
			}
			return nil
		}},
		{"rheobase sweep over Δ_T from 1/60 to 4 mV: ErrNoSpike at and below, the bottleneck law above", func() error {
			for k := 0; k <= 4000; k++ {
				p := eif.Default()
				p.DeltaT = 1.0/60 + (4-1.0/60)*float64(k)/4000
				n, err := eif.New(p)
				if err != nil {
					return err
				}
				irh := n.Rheobase()
				for _, i := range []float64{irh, math.Nextafter(irh, 0)} {
					if _, err := n.Period(i); !errors.Is(err, eif.ErrNoSpike) {
						return fmt.Errorf("Δ_T = %g: Period(%v) = %v, want ErrNoSpike", p.DeltaT, i, err)
					}
				}
				up := math.Nextafter(irh, math.Inf(1))
				T, err := n.Period(up)
				// π·τ·√(2Δ_T/(R·(I − I_rh))) ≈ 1e9 ms; the rest of the trip takes O(τ).
				law := math.Pi * p.Tau * math.Sqrt(2*p.DeltaT/(p.R*(up-irh)))
				if err != nil || math.Abs(T-law) > 1e-6*law {
					return fmt.Errorf("Δ_T = %g: Period(next float above I_rh) = %g, %v, bottleneck law %g", p.DeltaT, T, err, law)
				}
			}
			return nil
		}},
		{"rheobase 0: a subnormal distance above it, and the switch to the closed form", func() error {
			n := edited(t, eif.Default(), func(p *eif.Params) { p.DeltaT = 30 }) // I_rh = 0
			if n.Rheobase() != 0 {
				return fmt.Errorf("rheobase %g", n.Rheobase())
			}
			p := n.Params()
			for _, di := range []float64{5e-324, 1e-300, 1e-82, 1e-78, 1e-60} {
				T, err := n.Period(di)
				law := math.Pi * p.Tau * math.Sqrt(2*p.DeltaT/p.R) / math.Sqrt(di)
				if err != nil || math.Abs(T-law) > 1e-12*law {
					return fmt.Errorf("Period(%g) = %g, %v, want %g", di, T, err, law)
				}
			}
			return nil
		}},
		{"LIF at and above its rheobase, and with a cut-off of −5e-324 mV", func() error {
			for _, c := range []float64{-30, -5e-324} {
				n := edited(t, eif.DefaultLIF(), func(p *eif.Params) { p.Cutoff = c })
				p, irh := n.Params(), n.Rheobase()
				if _, err := n.Period(irh); !errors.Is(err, eif.ErrNoSpike) {
					return fmt.Errorf("cut-off %g: Period(I_rh) = %v", c, err)
				}
				up := math.Nextafter(irh, math.Inf(1))
				T, err := n.Period(up)
				// τ·ln((θ − u_r)/(R·(I − I_rh))), exact up to the rounding of the logarithms.
				want := p.Tau * (math.Log((p.Cutoff-p.Reset)/p.R) - math.Log(up-irh))
				if err != nil || math.Abs(T-want) > 1e-13*want {
					return fmt.Errorf("cut-off %g: Period(next above I_rh) = %g, %v, want %g", c, T, err, want)
				}
				T, _ = n.Period(20)
				if uinf := p.Rest + p.R*20; math.Abs(T-p.Tau*math.Log((uinf-p.Reset)/(uinf-p.Cutoff))) > 1e-12*T {
					return fmt.Errorf("cut-off %g: Period(20) = %g", c, T)
				}
			}
			return nil
		}},
		{"scales below the lower bounds are refused", func() error {
			for _, tc := range []struct {
				field string
				f     func(*eif.Params)
			}{
				{"Tau", func(p *eif.Params) { p.Tau = 5e-324 }},
				{"Tau", func(p *eif.Params) { p.Tau = 1e-300 }},
				{"Tau", func(p *eif.Params) { p.Tau = math.Nextafter(eif.MinTau, 0) }},
				{"R", func(p *eif.Params) { p.R = 5e-324 }},
				{"R", func(p *eif.Params) { p.R = math.Nextafter(eif.MinR, 0) }},
				{"DeltaT", func(p *eif.Params) { p.DeltaT = 5e-324 }},
				{"Reset", func(p *eif.Params) { p.Reset = math.Nextafter(-30, -40) }},
			} {
				p := eif.Default()
				tc.f(&p)
				_, err := eif.New(p)
				if err := wantField(err, tc.field, "Min"); err != nil {
					return err
				}
			}
			return nil
		}},
		{"LambertW0 and LambertWm1 over every binade", func() error {
			for e := -1074; e <= 1023; e++ {
				for _, m := range []float64{1, 1.5, 2 - 1e-15} {
					x := math.Ldexp(m, e)
					if math.IsInf(x, 0) {
						continue
					}
					w, err := eif.LambertW0(x)
					if err != nil {
						return fmt.Errorf("W0(%g): %v", x, err)
					}
					if err := lambertResidual("W0", x, w); err != nil {
						return err
					}
					if x > 0.36 {
						continue
					}
					wm, err := eif.LambertWm1(-x)
					if err != nil || !(wm <= -1) {
						return fmt.Errorf("W−1(%g) = %g, %v", -x, wm, err)
					}
					if err := lambertResidual("W−1", -x, wm); err != nil {
						return err
					}
				}
			}
			return lambertResidual("W0", math.MaxFloat64, must(eif.LambertW0(math.MaxFloat64)))
		}},
		{"a panicking stimulus gives an error naming t", func() error {
			f := eif.Func{F: func(t float64) float64 {
				if t > 3 {
					panic("boom")
				}
				return 1
			}}
			for _, s := range []eif.Stimulus{f, panicky{"Current"}, panicky{"NextBreak"}, panicky{"Validate"}} {
				for _, set := range []*eif.Settings{nil, {Method: eif.RK4}} {
					_, err := def.Simulate(s, -70, 10, set)
					if err == nil || !strings.HasPrefix(err.Error(), "eif: the stimulus panicked") || !strings.Contains(err.Error(), "boom") {
						return fmt.Errorf("%T: err = %v", s, err)
					}
					if _, isV := s.(panicky); (!isV || s.(panicky).where != "Validate") && !strings.Contains(err.Error(), "t = ") {
						return fmt.Errorf("%T: err = %v does not name t", s, err)
					}
				}
			}
			return nil
		}},
		{"long traces are refused before they fill the memory", func() error {
			if _, err := def.Simulate(eif.Constant(8), -70, 1e7, nil); wantField(err, "Settings.OutputInterval", "SpikesOnly") != nil {
				return fmt.Errorf("1e7 ms: %v", err)
			}
			_, err := def.Simulate(eif.Constant(0), -36.4, 1e6, &eif.Settings{OutputInterval: 0.01})
			return wantField(err, "Settings.OutputInterval", "MaxPoints", "SpikesOnly")
		}},
		{"spikes do not grow the trace beyond MaxPoints", func() error {
			for _, amp := range []float64{1e4, 1e5, eif.MaxCurrent} {
				r, err := def.Simulate(eif.Pulse{Amp: amp, T1: 10, T2: 1e5}, -70, 1.5e5, nil)
				if err == nil && len(r.T) > 1_000_000 {
					return fmt.Errorf("%g nA: %d points", amp, len(r.T))
				}
				if err != nil && !strings.Contains(err.Error(), "MaxPoints") && !errors.Is(err, eif.ErrTooManySteps) {
					return fmt.Errorf("%g nA: %v", amp, err)
				}
			}
			return nil
		}},
		{"tolerances below MinTol are refused", func() error {
			for _, set := range []eif.Settings{{RelTol: 1e-300}, {AbsTol: 1e-15}, {RelTol: 5e-324}} {
				_, err := def.Simulate(eif.Constant(10), -70, 100, &set)
				field := "Settings.RelTol"
				if set.AbsTol != 0 {
					field = "Settings.AbsTol"
				}
				if err := wantField(err, field, "MinTol"); err != nil {
					return err
				}
			}
			return nil
		}},
		{"Constant(1e6) ends within MaxSteps", func() error {
			_, err := def.Simulate(eif.Constant(1e6), -70, 1e5, &eif.Settings{SpikesOnly: true})
			return wantIs(err, eif.ErrTooManySteps)
		}},
		{"LIF latency at its rheobase over 1e9 ms", func() error {
			_, err := lif.Latency(lif.Rheobase(), 1e9, nil)
			if !errors.Is(err, eif.ErrNoSpike) && !errors.Is(err, eif.ErrTooManySteps) {
				return err
			}
			return nil
		}},
		{"1e9 ms without a trace", func() error {
			_, err := def.Simulate(eif.Constant(10), -70, 1e9, &eif.Settings{SpikesOnly: true})
			if err == nil || !strings.Contains(err.Error(), "MaxPoints") && !errors.Is(err, eif.ErrTooManySteps) {
				return fmt.Errorf("err = %v", err)
			}
			return nil
		}},
		{"τ = MinTau", func() error {
			n := edited(t, eif.Default(), func(p *eif.Params) { p.Tau = eif.MinTau })
			_, err := n.Simulate(eif.Constant(8), -70, 1000, nil)
			return wantIs(err, eif.ErrTooManySteps)
		}},
		{"a stimulus that breaks at every float", func() error {
			_, err := def.Simulate(nextBreakEveryFloat{}, -70, 100, nil)
			return wantIs(err, eif.ErrTooManySteps)
		}},
		{"errors name the field at fault", func() error {
			_, err := def.Latency(10, 2e9, nil)
			if err := wantField(err, "maxTime"); err != nil {
				return err
			}
			_, err = def.PulseThreshold(50, &eif.SearchSettings{After: 1e9})
			if err := wantField(err, "SearchSettings.After"); err != nil {
				return err
			}
			_, err = def.PulseThreshold(2e9, nil)
			if err := wantField(err, "duration"); err != nil {
				return err
			}
			_, err = def.PulseThreshold(1, &eif.SearchSettings{MaxAmp: 1e300})
			if err := wantField(err, "SearchSettings.MaxAmp"); err != nil {
				return err
			}
			_, err = def.SimulatedRate(2e6, 100, nil)
			if err := wantField(err, "i"); err != nil {
				return err
			}
			_, err = def.SimulatedFICurve([]float64{0, math.NaN()}, 100, nil)
			return wantField(err, "currents[1]")
		}},
		{"a threshold search is bounded as a whole", func() error {
			n := edited(t, eif.Default(), func(p *eif.Params) { p.Tau = eif.MinTau })
			_, err := n.PulseThreshold(1e6, &eif.SearchSettings{Tol: 1e-12})
			if err != nil && !ok(err) {
				return err
			}
			return nil
		}},
	}
	r := &runner{t: t}
	for _, tc := range cases {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		r.call(tc.name, tc.run)
		runtime.ReadMemStats(&after)
		if d := after.TotalAlloc - before.TotalAlloc; d > maxBytes {
			t.Errorf("%s: allocated %d MB", tc.name, d>>20)
		}
	}
	t.Logf("%d cases; slowest %v of CPU, %v wall (%s)", len(cases), r.slowest, r.slowWall, r.slowTag)
}

// lambertResidual checks w·eʷ = x to a few ulp of w, in log form where eʷ would overflow.
func lambertResidual(name string, x, w float64) error {
	var res, tol float64
	switch {
	case x > 1:
		res, tol = w+math.Log(w)-math.Log(x), 4e-16*(1+w)
	case x < 0 && w < -1:
		res, tol = w+math.Log(-w)-math.Log(-x), 4e-16*(1-w)
	default:
		// For |x| ≤ 1, w·eʷ neither overflows nor, but for subnormal x, loses digits.
		res, tol = (w*math.Exp(w)-x)/x, 8e-16*(1+math.Abs(w))
		if math.Abs(x) < 1e-300 {
			res, tol = w-x, 4e-16*math.Abs(x)+5e-324
		}
	}
	if !(math.Abs(res) <= tol) {
		return fmt.Errorf("%s(%g) = %.17g: residual %g, tolerance %g", name, x, w, res, tol)
	}
	return nil
}

func must(w float64, err error) float64 {
	if err != nil {
		panic(err)
	}
	return w
}

package eif_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// lastISI returns the last interspike interval of r.
func lastISI(t *testing.T, r *eif.Result) float64 {
	t.Helper()
	if len(r.Spikes) < 2 {
		t.Fatalf("%d spikes, want at least 2", len(r.Spikes))
	}
	return r.Spikes[len(r.Spikes)-1] - r.Spikes[len(r.Spikes)-2]
}

func TestPeriodQuadrature(t *testing.T) {
	// References: ∫ τ/(−(u+70) + Δ_T·e^((u+40)/Δ_T) + 4I) du from −70 to −30 mV by mpmath's
	// quadrature at 40 digits, split at θ_rh ± 2^k·Δ_T.
	for _, tc := range []struct{ i, deltaT, period, tol float64 }{
		{10, 1, 16.378409515203521345, 1e-14},
		{20, 1, 5.5042623951248765587, 1e-14},
		{7.5, 1, 55.274795074098647584, 1e-14},
		{7.2501, 1, 2238.4739475732672832, 1e-12},
		// 1e-6 nA above rheobase the float64 current itself carries a relative error of
		// 1e-10 in I − I_rh: the period cannot be better than half that.
		{7.250001, 1, 22231.580061678893937, 1e-10},
		{10, 1.0 / 60 * 1.0001, 13.970006768899119692, 1e-14},
		{10, 0.02, 13.987828940023659852, 1e-14},
		{10, 0.05, 14.130487160633238945, 1e-14},
		{10, 0.2, 14.667623306576369989, 1e-14},
		{10, 4, 18.09952175419429656, 1e-14},
		{8, 4, 31.690451087685905133, 1e-14},
	} {
		p := eif.Default()
		p.DeltaT = tc.deltaT
		got, err := eif.MustNew(p).Period(tc.i)
		if err != nil || !scalar.EqualWithinAbsOrRel(got, tc.period, 0, tc.tol) {
			t.Errorf("Δ_T = %g, Period(%g) = %.15f, %v, want %.15f (rel. %g)", tc.deltaT, tc.i, got, err, tc.period, tc.tol)
		}
	}
	n := eif.MustNew(eif.Default())
	if _, err := n.Period(7); !errors.Is(err, eif.ErrNoSpike) {
		t.Errorf("Period below rheobase: err = %v, want ErrNoSpike", err)
	}
	if got := n.Rate(10); !scalar.EqualWithinAbsOrRel(got, 61.05598954, 1e-8, 0) {
		t.Errorf("Rate(10) = %.8f Hz, want 61.05598954", got)
	}
	p := eif.Default()
	p.Refractory = 2
	if got, _ := eif.MustNew(p).Period(10); !scalar.EqualWithinAbsOrRel(got, 18.378409515203521345, 0, 1e-14) {
		t.Errorf("Period with 2 ms refractory = %.12f", got)
	}
}

func TestSimulatedISI(t *testing.T) {
	n := eif.MustNew(eif.Default())
	want, _ := n.Period(10)
	for _, spikesOnly := range []bool{false, true} { // the dense output is built only where needed
		r, err := n.Simulate(eif.Constant(10), -70, 200, &eif.Settings{SpikesOnly: spikesOnly})
		if err != nil {
			t.Fatal(err)
		}
		if got := lastISI(t, r); !scalar.EqualWithinAbsOrRel(got, want, 0, 1e-8) {
			t.Errorf("SpikesOnly %v: EIF ISI at 10 nA = %.12f ms, want %.12f (rel. 1e-8)", spikesOnly, got, want)
		}
		for k, u := range r.U {
			if math.IsNaN(u) || math.IsInf(u, 0) || u > -30 {
				t.Fatalf("trace point %d: u = %g", k, u)
			}
		}
	}

	l := eif.MustNew(eif.DefaultLIF())
	const i = 12.0
	wantL := 10 * math.Log(4*i/(4*i-40))
	r, err := l.Simulate(eif.Constant(i), -70, 200, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := lastISI(t, r); !scalar.EqualWithinAbsOrRel(got, wantL, 1e-9, 1e-9) {
		t.Errorf("LIF ISI at 12 nA = %.12f ms, want τ·ln(RI/(RI−40)) = %.12f", got, wantL)
	}
	// The first spike, from rest, is the same passage.
	if !scalar.EqualWithinAbsOrRel(r.Spikes[0], wantL, 1e-9, 1e-9) {
		t.Errorf("LIF first spike at %.12f ms, want %.12f", r.Spikes[0], wantL)
	}
}

func TestTrajectoriesWithoutCurrent(t *testing.T) {
	n := eif.MustNew(eif.Default())
	for _, tc := range []struct {
		u0    float64
		spike bool
	}{{-80, false}, {-50, false}, {-36.6, false}, {-36.4, true}, {-35, true}} {
		r, err := n.Simulate(eif.Constant(0), tc.u0, 300, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(r.Spikes) > 0; got != tc.spike {
			t.Errorf("u0 = %g: spiked %v, want %v", tc.u0, got, tc.spike)
		}
		if !tc.spike && math.Abs(r.U[len(r.U)-1]+70) > 1e-6 {
			t.Errorf("u0 = %g: u(300 ms) = %g, want back at rest −70 mV", tc.u0, r.U[len(r.U)-1])
		}
	}
}

func TestPulseIsExact(t *testing.T) {
	// The LIF under a pulse has a closed form: check the trace against it, which fails if
	// the integrator steps over the pulse edges.
	l := eif.MustNew(eif.DefaultLIF())
	r, err := l.Simulate(eif.Pulse{Amp: 6, T1: 100, T2: 400}, -70, 600, &eif.Settings{OutputInterval: 0.5})
	if err != nil {
		t.Fatal(err)
	}
	exact := func(t float64) float64 {
		switch {
		case t <= 100:
			return -70
		case t <= 400:
			return -70 + 24*(1-math.Exp(-(t-100)/10))
		}
		return -70 + 24*(1-math.Exp(-30))*math.Exp(-(t-400)/10)
	}
	for k, tk := range r.T {
		if !scalar.EqualWithinAbsOrRel(r.U[k], exact(tk), 1e-8, 0) {
			t.Fatalf("u(%g) = %.12f, want %.12f", tk, r.U[k], exact(tk))
		}
	}
	if len(r.T) != 1201 || r.T[len(r.T)-1] != 600 {
		t.Errorf("trace of %d points ending at %g, want 1201 ending at 600", len(r.T), r.T[len(r.T)-1])
	}
}

func TestRefractoryAndTrace(t *testing.T) {
	p := eif.DefaultLIF()
	p.Refractory = 5
	l := eif.MustNew(p)
	r, err := l.Simulate(eif.Constant(12), -70, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := 5 + 10*math.Log(48.0/8)
	if got := lastISI(t, r); !scalar.EqualWithinAbsOrRel(got, want, 1e-9, 1e-9) {
		t.Errorf("ISI with 5 ms refractory = %.12f, want %.12f", got, want)
	}
	// The trace holds the spike as (ts, θ_pa), (ts, u_reset), and u stays at the reset
	// during the refractory period.
	ts := r.Spikes[0]
	found := false
	for k := 1; k < len(r.T); k++ {
		if r.T[k] == ts && r.T[k-1] == ts && r.U[k-1] == -30 && r.U[k] == -70 {
			found = true
		}
		if r.T[k] > ts && r.T[k] <= ts+5 && r.U[k] != -70 {
			t.Fatalf("u(%g) = %g during the refractory period", r.T[k], r.U[k])
		}
		if r.T[k] < r.T[k-1] {
			t.Fatalf("trace times decrease at %d", k)
		}
	}
	if !found {
		t.Error("spike not marked in the trace")
	}
}

func TestFixedStepMethods(t *testing.T) {
	n := eif.MustNew(eif.Default())
	want, _ := n.Period(10)
	// Euler is first order: halving the step about halves the error.
	var errs []float64
	for _, dt := range []float64{0.02, 0.01} {
		r, err := n.Simulate(eif.Constant(10), -70, 100, &eif.Settings{Method: eif.Euler, Step: dt})
		if err != nil {
			t.Fatal(err)
		}
		errs = append(errs, math.Abs(lastISI(t, r)-want))
	}
	if order := math.Log2(errs[0] / errs[1]); math.Abs(order-1) > 0.2 {
		t.Errorf("Euler order %.3f, want 1 ± 0.2 (errors %g, %g)", order, errs[0], errs[1])
	}
	// RK4 on the smooth LIF is fourth order, with the crossing interpolated.
	l := eif.MustNew(eif.DefaultLIF())
	wantL, _ := l.Period(12)
	errs = errs[:0]
	for _, dt := range []float64{0.4, 0.2} {
		r, err := l.Simulate(eif.Constant(12), -70, 100, &eif.Settings{Method: eif.RK4, Step: dt})
		if err != nil {
			t.Fatal(err)
		}
		errs = append(errs, math.Abs(lastISI(t, r)-wantL))
	}
	if order := math.Log2(errs[0] / errs[1]); order < 3.5 {
		t.Errorf("RK4 order on the LIF %.3f, want ≥ 3.5 (errors %g, %g)", order, errs[0], errs[1])
	}
	// GridSpikes puts the spike on the grid.
	r, err := n.Simulate(eif.Constant(10), -70, 50, &eif.Settings{Method: eif.Euler, Step: 0.1, GridSpikes: true})
	if err != nil {
		t.Fatal(err)
	}
	if s := r.Spikes[0] / 0.1; math.Abs(s-math.Round(s)) > 1e-9 {
		t.Errorf("grid spike at %g ms, not a multiple of 0.1", r.Spikes[0])
	}
}

func TestPulseThresholdAndLatency(t *testing.T) {
	l := eif.MustNew(eif.DefaultLIF())
	got, err := l.PulseThreshold(300, nil)
	want := 10 / (1 - math.Exp(-30))
	if err != nil || !scalar.EqualWithinAbsOrRel(got, want, 1e-6, 0) {
		t.Errorf("LIF 300 ms threshold = %.9f, %v, want %.9f ± 1e-6 nA", got, err, want)
	}
	n := eif.MustNew(eif.Default())
	prev := math.Inf(1)
	for _, d := range []float64{10, 100, 1000} {
		got, err := n.PulseThreshold(d, nil)
		if err != nil {
			t.Fatal(err)
		}
		if !(got > 7.25 && got < prev) {
			t.Errorf("EIF %g ms threshold %g: want above 7.25 nA and falling with duration", d, got)
		}
		prev = got
	}
	lat, err := n.Latency(10, 1000, nil)
	wantP, _ := n.Period(10)
	if err != nil || !scalar.EqualWithinAbsOrRel(lat, wantP, 1e-8, 1e-8) {
		t.Errorf("latency at 10 nA = %g, %v, want the period %g (rest = reset)", lat, err, wantP)
	}
	if _, err := n.Latency(7, 500, nil); !errors.Is(err, eif.ErrNoSpike) {
		t.Errorf("latency below rheobase: err = %v, want ErrNoSpike", err)
	}
}

func TestSimulatedRate(t *testing.T) {
	n := eif.MustNew(eif.Default())
	got, err := n.SimulatedRate(10, 1000, nil)
	if err != nil || !scalar.EqualWithinAbsOrRel(got, n.Rate(10), 0, 1e-8) {
		t.Errorf("simulated rate %g, %v, want %g", got, err, n.Rate(10))
	}
	rates, err := n.SimulatedFICurve([]float64{0, 7, 10}, 500, nil)
	if err != nil || rates[0] != 0 || rates[1] != 0 || math.Abs(rates[2]-n.Rate(10)) > 1e-6 {
		t.Errorf("SimulatedFICurve = %v, %v", rates, err)
	}
}

func TestResultAt(t *testing.T) {
	r := &eif.Result{T: []float64{0, 1, 2, 2, 3}, U: []float64{-70, -50, -30, -70, -60}}
	for _, tc := range []struct{ t, u float64 }{
		{-1, -70}, {0, -70}, {0.5, -60}, {1.5, -40}, {2, -70}, {2.5, -65}, {3, -60}, {9, -60},
	} {
		if got := r.At(tc.t); got != tc.u {
			t.Errorf("At(%g) = %g, want %g", tc.t, got, tc.u)
		}
	}
	if (&eif.Result{}).At(1) != 0 {
		t.Error("empty trace: At is not 0")
	}
}

// TestHighCutoff: the upstroke gets steeper than any step the time axis resolves well
// before a cut-off of 0 mV or more; the simulation still ends, and the spike time
// converges to the blow-up time of the exponential, whatever the cut-off.
func TestHighCutoff(t *testing.T) {
	var times []float64
	for _, cut := range []float64{-15, 0, 100, 500} {
		p := eif.Default()
		p.Cutoff = cut
		r, err := eif.MustNew(p).Simulate(eif.Constant(0), -35, 50, nil)
		if err != nil || len(r.Spikes) != 1 {
			t.Fatalf("cut-off %g mV: %v, %d spikes", cut, err, len(r.Spikes))
		}
		times = append(times, r.Spikes[0])
	}
	for k := 1; k < len(times); k++ {
		if !(times[k] >= times[k-1]) || times[k]-times[0] > 1e-6 {
			t.Errorf("spike times %v: not converging as the cut-off rises", times)
		}
	}
}

// TestProgress checks that Settings.Progress sees the simulated time grow from 0 to the
// duration, about every 1 %, and that it does not change the result.
func TestProgress(t *testing.T) {
	n := eif.MustNew(eif.Default())
	const T = 2000.0
	var seen []float64
	set := &eif.Settings{Progress: func(t float64) { seen = append(seen, t) }}
	r, err := n.Simulate(eif.Constant(10), -70, T, set)
	if err != nil {
		t.Fatal(err)
	}
	plain, err := n.Simulate(eif.Constant(10), -70, T, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spikes) != len(plain.Spikes) || r.Spikes[len(r.Spikes)-1] != plain.Spikes[len(plain.Spikes)-1] {
		t.Errorf("with Progress: %d spikes, last %v; without: %d, last %v", len(r.Spikes), r.Spikes[len(r.Spikes)-1], len(plain.Spikes), plain.Spikes[len(plain.Spikes)-1])
	}
	if len(seen) < 90 || len(seen) > 101 {
		t.Errorf("%d Progress calls, want about 100", len(seen))
	}
	for k := 1; k < len(seen); k++ {
		if seen[k] < seen[k-1] || seen[k]-seen[k-1] < T/100*(1-1e-9) {
			t.Fatalf("Progress times %v then %v: not increasing by ≥ 1 %% of %v ms", seen[k-1], seen[k], T)
		}
	}
	if len(seen) > 0 && (seen[0] != 0 || seen[len(seen)-1] < 0.98*T) {
		t.Errorf("Progress from %v to %v ms, want from 0 to about %v", seen[0], seen[len(seen)-1], T)
	}
}

// TestUpstrokeAndBack follows a trajectory that climbs into the upstroke, where the
// adaptive integrator changes to the variable y = exp(−(u − θ_rh)/Δ_T), and comes back
// when the current stops below the point of no return (≈ −36.5 mV at 0 nA): the trace
// must match RK4 with a step of 1e-4 ms (3e-12 mV from RK4 at half the step) within
// 2e-7 mV. The tolerances are 1e-10 a step, and the slow climb near the unstable fixed
// point amplifies them: the integration in u alone was 1.1e-7 mV off, in y it is 6.4e-8.
func TestUpstrokeAndBack(t *testing.T) {
	n := eif.MustNew(eif.Default())
	p := n.Params()
	s := eif.Pulse{Amp: 10, T1: 0, T2: 15.5}
	r, err := n.Simulate(s, p.Rest, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := n.Simulate(s, p.Rest, 40, &eif.Settings{Method: eif.RK4, Step: 1e-4})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spikes) != 0 || len(ref.Spikes) != 0 || len(r.T) != len(ref.T) {
		t.Fatalf("spikes %v and %v, %d and %d points: want none, and the same grid", r.Spikes, ref.Spikes, len(r.T), len(ref.T))
	}
	top := math.Inf(-1)
	for k := range r.T {
		top = math.Max(top, r.U[k])
		if math.Abs(r.U[k]-ref.U[k]) > 2e-7 {
			t.Errorf("t = %g ms: u = %.10f mV, RK4 %.10f mV", r.T[k], r.U[k], ref.U[k])
		}
	}
	if top <= p.ThetaRh+p.DeltaT || top >= -36.5 {
		t.Errorf("highest u = %g mV: the test wants θ_rh + Δ_T < u < −36.5 mV", top)
	}
}

// TestUpstrokeUnderAStrongCurrent: on the upstroke at 10 nA the current jumps to 1e5 nA,
// where the drive dominates du/dt and the integrator goes back from y to u (leaveY, which
// saves steps: the times are right in either variable); the spike times (one a microsecond) must match RK4 with a step of 5e-6 ms (1e-10 ms from RK4 at
// twice the step) within 1e-9 ms, and 10 ms at 1e5 nA, which never enter y, must take the steps of u.
func TestUpstrokeUnderAStrongCurrent(t *testing.T) {
	n := eif.MustNew(eif.Default())
	s := eif.Steps{Times: []float64{0, 16.3}, Amps: []float64{10, 1e5}}
	r, err := n.Simulate(s, -70, 16.31, nil)
	if err != nil {
		t.Fatal(err)
	}
	ref, err := n.Simulate(s, -70, 16.31, &eif.Settings{Method: eif.RK4, Step: 5e-6, MaxSteps: 5_000_000, SpikesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spikes) != len(ref.Spikes) || len(r.Spikes) < 2 {
		t.Fatalf("spikes %v, RK4 %v: want the same, at least two", r.Spikes, ref.Spikes)
	}
	for k := range r.Spikes {
		if math.Abs(r.Spikes[k]-ref.Spikes[k]) > 1e-9 {
			t.Errorf("spike %d at %.12f ms, RK4 %.12f ms: want them within 1e-9 ms", k, r.Spikes[k], ref.Spikes[k])
		}
	}
	if u := r.At(16.3); u <= -40+2 {
		t.Errorf("u(16.3 ms) = %g mV: the test wants the jump on the upstroke, above θ_rh + 2Δ_T", u)
	}
	strong, err := n.Simulate(eif.Constant(1e5), -70, 10, &eif.Settings{SpikesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	// In u alone it takes 35 steps an interval; in y it took more than 100.
	if steps := strong.Steps + strong.Rejected; steps > 36*len(strong.Spikes) {
		t.Errorf("10 ms at 1e5 nA: %d steps for %d spikes, more than 36 an interval", steps, len(strong.Spikes))
	}
}

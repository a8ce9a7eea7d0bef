package eif_test

import (
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func finiteAll(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

// FuzzNeuron drives every entry point with arbitrary parameters and currents: whatever
// New accepts must simulate and analyse without a panic, a NaN or an Inf, and Period and
// Rate must obey the model: a period > 0 only when f > 0 from the reset to the threshold.
func FuzzNeuron(f *testing.F) {
	f.Add(10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -30.0, 0.0, 6.0, -70.0, false, uint8(0))
	f.Add(10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -30.0, 2.0, 10.0, -36.4, false, uint8(1))
	f.Add(10.0, -70.0, -70.0, 4.0, 0.0, -40.0, -30.0, 0.0, 8.0, -50.0, false, uint8(2))
	f.Add(10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -30.0, 0.0, 12.0, -80.0, true, uint8(0))
	f.Add(0.5, -65.0, -75.0, 100.0, 0.05, -50.0, 0.0, 1.0, -3.0, -60.0, false, uint8(0))
	// The cases of issue 16: negative periods, and the rheobase of Δ_T = 30 mV, 0 nA.
	f.Add(10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -30.0, 0.0, -1e4, -70.0, false, uint8(0))
	f.Add(10.0, -70.0, -60.0, 4.0, 10.0, -40.0, -30.0, 0.0, 0.0, -70.0, false, uint8(0))
	f.Add(10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -36.5, 0.0, -1e-12, -70.0, false, uint8(0))
	f.Add(10.0, -70.0, -70.0, 4.0, 30.0, -40.0, -30.0, 0.0, 5e-324, -70.0, false, uint8(0))
	f.Add(10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -5e-324, 0.0, 17.5, -70.0, true, uint8(0))
	f.Fuzz(func(t *testing.T, tau, rest, reset, r, dT, thRh, cut, ref, i, u0 float64, lif bool, method uint8) {
		p := eif.Params{Tau: tau, Rest: rest, Reset: reset, R: r, DeltaT: dT, ThetaRh: thRh, Cutoff: cut, Refractory: ref}
		if lif {
			p.Model = eif.LIF
		}
		n, err := eif.New(p)
		if err != nil {
			return
		}
		checkPeriod(t, n, i)
		checkPeriod(t, n, n.Rheobase())
		checkPeriod(t, n, math.Nextafter(n.Rheobase(), math.Inf(1)))
		// Keep each run short: a stiff τ or a huge current would only take long.
		if tau < 1e-3 || tau > 1e4 || math.Abs(i) > 1e6 || math.Abs(rest) > 1e4 || math.Abs(reset) > 1e4 || math.Abs(cut) > 1e4 || math.Abs(thRh) > 1e4 || r > 1e6 {
			return
		}
		for _, fp := range n.FixedPoints(i) {
			if !finiteAll(fp.U, fp.Slope) {
				t.Fatalf("fixed point %+v", fp)
			}
		}
		if !finiteAll(n.DuDt(u0, i), n.Slope(u0), n.Curvature(u0), n.Rheobase(), n.Rate(i)) {
			t.Fatalf("non-finite analysis at u0 = %g, i = %g", u0, i)
		}
		if th, err := n.EffectiveThreshold(i); err == nil && !finiteAll(th) {
			t.Fatalf("threshold %g", th)
		}
		set := &eif.Settings{Method: eif.Method(method % 3), MaxSteps: 100_000, Step: 0.05}
		res, err := n.Simulate(eif.Pulse{Amp: i, T1: 5, T2: 25}, u0, 50, set)
		if err != nil {
			return
		}
		if !finiteAll(res.T...) || !finiteAll(res.U...) || !finiteAll(res.Spikes...) {
			t.Fatalf("non-finite trace for %+v, i = %g, u0 = %g", p, i, u0)
		}
		for k := 1; k < len(res.T); k++ {
			if res.T[k] < res.T[k-1] {
				t.Fatalf("trace time goes back at %d", k)
			}
		}
	})
}

// checkPeriod checks Period and Rate at i: an error that says why, or a finite period
// above the refractory one with no fixed point between the reset and the threshold.
func checkPeriod(t *testing.T, n *eif.Neuron, i float64) {
	t.Helper()
	p := n.Params()
	T, err := n.Period(i)
	rate := n.Rate(i)
	if err != nil {
		if !ok(err) || rate != 0 {
			t.Fatalf("%+v: Period(%g): %v, Rate %g", p, i, err, rate)
		}
		return
	}
	if !finiteAll(T, rate) || !(T > 0) || T < p.Refractory || rate != 1000/T {
		t.Fatalf("%+v: Period(%g) = %g, Rate = %g", p, i, T, rate)
	}
	for _, fp := range n.FixedPoints(i) {
		if fp.U >= p.Reset && fp.U < n.Threshold() {
			t.Fatalf("%+v: Period(%g) = %g with the fixed point %g between reset and threshold", p, i, T, fp.U)
		}
	}
}

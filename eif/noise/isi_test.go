package noise_test

import (
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/noise"
)

// TestStationaryCVSiegert checks the exact CV against Brunel's double integral for the
// LIF (siegertCV), for the LIF and the EIF with Δ_T = 0. Tolerance 1e-6 relative.
func TestStationaryCVSiegert(t *testing.T) {
	for _, m := range []eif.Model{eif.LIF, eif.EIF} {
		p := eif.Default()
		p.Model = m
		p.DeltaT = 0
		for _, c := range []struct{ i, sigma, tref float64 }{{9, 4, 0}, {7, 2, 2}, {11, 3, 0}, {5, 3, 0}} {
			p.Refractory = c.tref
			n := eif.MustNew(p)
			got, err := noise.StationaryCV(n, c.i, c.sigma)
			if err != nil {
				t.Fatal(err)
			}
			want := siegertCV(p.Tau, p.Refractory, p.Rest, p.Reset, n.Threshold(), p.R*c.i, c.sigma)
			rel := math.Abs(got-want) / want
			t.Logf("%v I = %g nA, σ = %g mV, t_ref = %g ms: CV %.10f, Brunel %.10f (relative %.1e)", m, c.i, c.sigma, c.tref, got, want, rel)
			if !(rel <= 1e-6) {
				t.Errorf("%v I = %g nA, σ = %g mV: CV %.10f, want %.10f", m, c.i, c.sigma, got, want)
			}
		}
	}
}

// TestStationaryCVLimits checks the limits: the CV tends to 0 as σ → 0 above rheobase
// (like σ), to 1 (Poisson) deep below it, and σ out of range is an error.
func TestStationaryCVLimits(t *testing.T) {
	n := eif.MustNew(eif.Default())
	prev := math.Inf(1)
	for _, sigma := range []float64{1, 0.3, 0.1} {
		cv, err := noise.StationaryCV(n, 10, sigma)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("I = 10 nA, σ = %g mV: CV %.6f", sigma, cv)
		if !(cv < prev/2.5) && prev < math.Inf(1) {
			t.Errorf("σ = %g mV: CV %.6f did not fall like σ (previous %.6f)", sigma, cv, prev)
		}
		prev = cv
	}
	cv, err := noise.StationaryCV(n, 3, 2)
	if err != nil || math.Abs(cv-1) > 1e-3 {
		t.Errorf("I = 3 nA, σ = 2 mV (rare escapes): CV %.6f (%v), want 1 within 1e-3", cv, err)
	}
	if _, err := noise.StationaryCV(n, 7, 0); err == nil {
		t.Error("σ = 0: no error")
	}
	if _, err := noise.StationaryCV(n, 0, 0.05); err == nil {
		t.Error("a barrier of thousands of σ²: no error")
	}
}

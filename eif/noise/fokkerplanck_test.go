package noise_test

import (
	"errors"
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/noise"
)

// TestStationaryRateSiegert checks threshold integration against the Siegert formula of
// the LIF (siegert_test.go, an independent quadrature of the erfcx integrand), for the
// LIF (threshold θ_pa) and for the EIF in its hard-threshold limit Δ_T = 0 (threshold
// θ_rh), from rates of 1e-84 Hz to 80 Hz, with and without a refractory period.
// Tolerance: 1e-9 relative.
func TestStationaryRateSiegert(t *testing.T) {
	cases := []struct{ i, sigma, tref float64 }{
		{5, 1, 0}, {7, 2, 0}, {9, 4, 2}, {12, 0.5, 2}, {2, 4, 0}, {10, 1, 5}, {15, 3, 1}, {-5, 6, 0}, {10.2, 0.1, 0},
	}
	worst := 0.0
	defer func() { t.Logf("worst relative difference from Siegert: %.1e", worst) }()
	for _, m := range []eif.Model{eif.LIF, eif.EIF} {
		p := eif.Default()
		p.Model = m
		p.DeltaT = 0
		for _, c := range cases {
			p.Refractory = c.tref
			n := eif.MustNew(p)
			got, err := noise.StationaryRate(n, c.i, c.sigma)
			if err != nil {
				t.Fatal(err)
			}
			want := siegertRate(p.Tau, p.Refractory, p.Rest, p.Reset, n.Threshold(), p.R*c.i, c.sigma)
			rel := math.Abs(got-want) / want
			worst = math.Max(worst, rel)
			if !(rel <= 1e-9) {
				t.Errorf("%v I = %g nA, σ = %g mV, t_ref = %g ms: rate %.15g Hz, Siegert %.15g Hz (relative %.1e)", m, c.i, c.sigma, c.tref, got, want, rel)
			}
		}
	}
}

// TestStationaryRateEIFReference checks the EIF (Δ_T = 1 mV) against the mean
// first-passage time computed by testdata/stationary_rate.py with mpmath at 20 digits.
// Tolerance: 1e-9 relative.
func TestStationaryRateEIFReference(t *testing.T) {
	n := eif.MustNew(eif.Default())
	for _, c := range []struct{ i, sigma, want float64 }{
		{7, 2, 10.032359274729325897},
		{10, 1, 61.048225203942074239},
	} {
		got, err := noise.StationaryRate(n, c.i, c.sigma)
		if err != nil {
			t.Fatal(err)
		}
		rel := math.Abs(got-c.want) / c.want
		t.Logf("I = %g nA, σ = %g mV: %.15g Hz, mpmath %.15g Hz, relative %.1e", c.i, c.sigma, got, c.want, rel)
		if !(rel <= 1e-9) {
			t.Errorf("I = %g nA, σ = %g mV: rate %.15g Hz, mpmath %.15g Hz (relative %.1e)", c.i, c.sigma, got, c.want, rel)
		}
	}
}

// TestStationaryRateSmallNoise checks the limit σ → 0: above rheobase the rate tends to
// the deterministic 1/T with an error that falls like σ² (it is a diffusion correction),
// below rheobase it vanishes faster than any power (Kramers).
func TestStationaryRateSmallNoise(t *testing.T) {
	n := eif.MustNew(eif.Default())
	det := n.Rate(10)
	prev := math.Inf(1)
	for _, sigma := range []float64{0.3, 0.1, 0.03, 0.01} {
		r, err := noise.StationaryRate(n, 10, sigma)
		if err != nil {
			t.Fatal(err)
		}
		d := math.Abs(r-det) / det
		t.Logf("σ = %g mV: rate %.12f Hz, deterministic %.12f Hz, relative difference %.2e", sigma, r, det, d)
		if sigma <= 0.1 && !(d < prev/5) {
			t.Errorf("σ = %g mV: the difference %.2e did not fall like σ² (previous %.2e)", sigma, d, prev)
		}
		prev = d
	}
	if prev > 1e-7 {
		t.Errorf("σ = 0.01 mV: rate differs from the deterministic one by %.2e relative, want ≤ 1e-7", prev)
	}
	if r, _ := noise.StationaryRate(n, 10, 0); r != det {
		t.Errorf("σ = 0: %v Hz, want the deterministic %v Hz", r, det)
	}
	low, err := noise.StationaryRate(n, 6, 0.2)
	if err != nil || !(low >= 0 && low < 1e-30) {
		t.Errorf("I = 6 nA, σ = 0.2 mV: rate %g Hz (%v), want below 1e-30 Hz", low, err)
	}
}

// TestStationaryDensity checks the density: P ≥ 0, P(θ) = 0, ∫P du = 1 − r·t_ref
// (trapezoid rule on the grid, tolerance 1e-4), and the flux J = A·P − D·P′ is the rate
// between the reset and the threshold (finite differences, tolerance 1e-3 relative).
func TestStationaryDensity(t *testing.T) {
	p := eif.Default()
	p.Refractory = 3
	n := eif.MustNew(p)
	st, err := noise.StationaryState(n, 7.5, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.U) != len(st.P) || len(st.U) < 50 {
		t.Fatalf("%d voltages and %d densities", len(st.U), len(st.P))
	}
	if last := st.P[len(st.P)-1]; last != 0 || st.U[len(st.U)-1] != p.Cutoff {
		t.Errorf("P(%g) = %g, want P(θ_pa = %g) = 0", st.U[len(st.U)-1], last, p.Cutoff)
	}
	var mass float64
	for k := 1; k < len(st.U); k++ {
		if st.P[k] < 0 || !(st.U[k] > st.U[k-1]) {
			t.Fatalf("point %d: u = %g after %g, P = %g", k, st.U[k], st.U[k-1], st.P[k])
		}
		mass += (st.U[k] - st.U[k-1]) * (st.P[k] + st.P[k-1]) / 2
	}
	want := 1 - st.Rate/1000*p.Refractory
	if math.Abs(mass-want) > 1e-4 {
		t.Errorf("∫P du = %.6f, want 1 − r·t_ref = %.6f", mass, want)
	}
	// The flux at a few voltages between reset and threshold, by central differences.
	D := 4.0 / p.Tau
	for _, u := range []float64{-65, -55, -45, -38} {
		k := 1
		for st.U[k+1] < u {
			k++
		}
		dP := (st.P[k+1] - st.P[k-1]) / (st.U[k+1] - st.U[k-1])
		A := n.DuDt(st.U[k], 7.5)
		J := A*st.P[k] - D*dP
		if rel := math.Abs(J-st.Rate/1000) / (st.Rate / 1000); rel > 1e-3 {
			t.Errorf("u = %.3f mV: flux %.6g /ms, want the rate %.6g /ms", st.U[k], J, st.Rate/1000)
		}
	}
	if math.Abs(st.ISI-1000/st.Rate) > 1e-9*st.ISI {
		t.Errorf("ISI %g ms, rate %g Hz", st.ISI, st.Rate)
	}
}

// TestStationaryRateCurve checks that the noisy f–I curve is smooth and increasing, lies
// above the deterministic one below rheobase (the neuron fires below 7.25 nA) and tends
// to it far above. The curve is computed in parallel: each point must be StationaryRate's,
// bit for bit, and a bad current must give the error of the first bad one.
func TestStationaryRateCurve(t *testing.T) {
	n := eif.MustNew(eif.Default())
	cur := []float64{0, 2, 4, 6, 7, 7.25, 7.5, 8, 10, 14, 20}
	rates, err := noise.StationaryFICurve(n, cur, 2)
	if err != nil {
		t.Fatal(err)
	}
	for k, i := range cur {
		if r, _ := noise.StationaryRate(n, i, 2); r != rates[k] {
			t.Errorf("at %g nA: curve %.17g Hz, StationaryRate %.17g Hz", i, rates[k], r)
		}
	}
	_, err = noise.StationaryFICurve(n, []float64{7, 8, math.NaN(), 9, math.Inf(1)}, 2)
	if _, want := noise.StationaryRate(n, math.NaN(), 2); err == nil || err.Error() != want.Error() {
		t.Errorf("curve with NaN then Inf: error %v, want %v", err, want)
	}
	for k := 1; k < len(cur); k++ {
		if !(rates[k] > rates[k-1]) {
			t.Errorf("rate %g Hz at %g nA not above %g Hz at %g nA", rates[k], cur[k], rates[k-1], cur[k-1])
		}
	}
	if rates[5] < 5 {
		t.Errorf("at rheobase, σ = 2 mV: %g Hz, want several Hz", rates[5])
	}
	if d := math.Abs(rates[10]-n.Rate(20)) / n.Rate(20); d > 0.01 {
		t.Errorf("at 20 nA, σ = 2 mV: %g Hz, deterministic %g Hz (%.1e apart), want within 1 %%", rates[10], n.Rate(20), d)
	}
}

// TestStationaryErrors checks invalid input and the extremes of the domain: an error that
// names the field, or a finite rate.
func TestStationaryErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	for _, sigma := range []float64{-1, math.NaN(), math.Inf(1), 1e-9, 2e5} {
		_, err := noise.StationaryRate(n, 7, sigma)
		var pe *noise.ParamError
		if !errors.As(err, &pe) || pe.Field != "sigma" {
			t.Errorf("σ = %g: error %v, want a ParamError on sigma", sigma, err)
		}
	}
	if _, err := noise.StationaryRate(n, math.NaN(), 1); err == nil {
		t.Error("I = NaN: no error")
	}
	if _, err := noise.StationaryRate(nil, 7, 1); !errors.Is(err, eif.ErrInvalid) {
		t.Errorf("nil Neuron: %v", err)
	}
	var zero eif.Neuron // the neuron of Default()
	if a, b := zero.Params(), n.Params(); a != b {
		t.Fatalf("the zero Neuron has %+v, Default() %+v", a, b)
	}
	for _, sigma := range []float64{0, 1} {
		got, err1 := noise.StationaryRate(&zero, 7, sigma)
		want, err2 := noise.StationaryRate(n, 7, sigma)
		if got != want || err1 != nil || err2 != nil {
			t.Errorf("σ = %g mV: zero Neuron %v (%v), Default() %v (%v)", sigma, got, err1, want, err2)
		}
	}
	for _, c := range [][2]float64{{1e6, 1}, {-1e3, 1}, {7, 1e-6}, {7, 1e5}, {1e6, 1e5}, {0, 1e-3}} {
		r, err := noise.StationaryRate(n, c[0], c[1])
		if err == nil && (math.IsNaN(r) || math.IsInf(r, 0) || r < 0) {
			t.Errorf("I = %g nA, σ = %g mV: rate %g", c[0], c[1], r)
		}
		t.Logf("I = %g nA, σ = %g mV: %g Hz, %v", c[0], c[1], r, err)
	}
}

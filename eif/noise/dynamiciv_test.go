package noise_test

import (
	"errors"
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/noise"
)

// ivRecording is a 20 s recording of the default EIF under a coloured injected current
// (σ = 4 mV, τ_c = 3 ms, mean 5 nA) plus 1 mV of unrecorded intrinsic white noise.
func ivRecording(t testing.TB, n *eif.Neuron, dur float64, seed uint64) *noise.Result {
	r, err := noise.Simulate(n, noise.Input{I: 5, Sigma: 4, TauC: 3, Intrinsic: 1}, dur, &noise.Settings{Step: 0.02, Record: 1, Seed: seed})
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDynamicIV checks the estimate of F(u) bin by bin against the true
// f(u) at I = 0 (χ² per bin near 1: within 1 ± 5·√(2/bins)), and the fit: τ, u_rest, Δ_T
// and θ_rh each within 4 standard errors of the truth, with standard errors of Δ_T and
// θ_rh that fall at least like 1/√T from 20 s to 80 s of recording (ratio ≥ 1.5; it is
// larger, because a longer recording also fills the rarely visited bins near the knee).
func TestDynamicIV(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: 100 s of simulated recording")
	}
	n := eif.MustNew(eif.Default())
	p := n.Params()
	var prev *noise.IVFit
	for _, dur := range []float64{20000, 80000} {
		r := ivRecording(t, n, dur, 11)
		d, err := noise.EstimateIV(n, r, -74, -34, 0.5) // the same bins at both lengths
		if err != nil {
			t.Fatal(err)
		}
		var chi float64
		for k, u := range d.U {
			want := n.DuDt(u, 0) + n.Curvature(u)*d.Var[k]/2 // the mean of f over the bin
			z := (d.F[k] - want) / d.SE[k]
			chi += z * z
		}
		chi /= float64(len(d.U))
		if tol := 5 * math.Sqrt(2/float64(len(d.U))); math.Abs(chi-1) > tol {
			t.Errorf("T = %g s: χ² per bin of F(u) against f(u) = %.3f over %d bins, want 1 ± %.2f", dur/1000, chi, len(d.U), tol)
		}
		f, err := d.Fit()
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("T = %g s, %d bins, χ²/bin %.3f: τ = %.4f ± %.4f ms, E = %.4f ± %.4f mV, Δ_T = %.4f ± %.4f mV, θ_rh = %.4f ± %.4f mV, fit χ²/dof %.3f",
			dur/1000, len(d.U), chi, f.Tau, f.TauSE, f.Rest, f.RestSE, f.DeltaT, f.DeltaTSE, f.ThetaRh, f.ThetaRhSE, f.ChiSq)
		for _, c := range []struct {
			name            string
			got, se, wanted float64
		}{{"τ", f.Tau, f.TauSE, p.Tau}, {"u_rest", f.Rest, f.RestSE, p.Rest}, {"Δ_T", f.DeltaT, f.DeltaTSE, p.DeltaT}, {"θ_rh", f.ThetaRh, f.ThetaRhSE, p.ThetaRh}} {
			if !(math.Abs(c.got-c.wanted) <= 4*c.se) {
				t.Errorf("T = %g s: %s = %.4f ± %.4f, true %g: more than 4 standard errors", dur/1000, c.name, c.got, c.se, c.wanted)
			}
		}
		if prev != nil {
			for _, c := range [][2]float64{{prev.DeltaTSE, f.DeltaTSE}, {prev.ThetaRhSE, f.ThetaRhSE}} {
				if ratio := c[0] / c[1]; ratio < 1.5 {
					t.Errorf("standard error from 20 s to 80 s: ratio %.3f, want ≥ 1.5 (1/√T gives 2)", ratio)
				}
			}
		}
		prev = f
	}
}

// TestDynamicIVErrors checks invalid input.
func TestDynamicIVErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	r := ivRecording(t, n, 200, 1)
	var pe *noise.ParamError
	for _, c := range []struct {
		r           *noise.Result
		lo, hi, bin float64
		field       string
	}{
		{nil, -80, -40, 1, "r"}, {&noise.Result{}, -80, -40, 1, "r"}, {r, -40, -80, 1, "uMax"},
		{r, -80, -40, 0, "bin"}, {r, math.NaN(), -40, 1, "uMin"}, {r, -80, -79, 1, "r"},
	} {
		if _, err := noise.EstimateIV(n, c.r, c.lo, c.hi, c.bin); !errors.As(err, &pe) || pe.Field != c.field {
			t.Errorf("%g, %g, %g: %v, want an error on %s", c.lo, c.hi, c.bin, err, c.field)
		}
	}
	if _, err := (&noise.DynamicIV{}).Fit(); err == nil {
		t.Error("empty curve: no error")
	}
	flat := &noise.DynamicIV{U: []float64{1, 2, 3, 4, 5, 6}, F: []float64{1, 1, 1, 1, 1, 1}, SE: []float64{1, 1, 1, 1, 1, 1}}
	if _, err := flat.Fit(); !errors.Is(err, noise.ErrFit) {
		t.Errorf("flat curve: %v, want ErrFit", err)
	}
}

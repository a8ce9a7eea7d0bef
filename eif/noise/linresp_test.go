package noise

import (
	"errors"
	"math"
	"math/cmplx"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// TestLinearResponseLIF checks LinearResponse against the LIF's exact susceptibility, with
// parabolic cylinder functions, computed by testdata/linear_response_lif.py (mpmath, 25
// digits): an independent route, with and without a refractory period and a reset above
// rest, from 0.5 Hz to 10 kHz.
func TestLinearResponseLIF(t *testing.T) {
	freqs := []float64{0.5, 10, 100, 1000, 10000}
	for _, c := range []struct {
		mu, sigma, tref, reset float64
		want                   [5]complex128
	}{
		{36, 2, 0, -70, [5]complex128{complex(18.5360855032397, -0.0658405338911499), complex(19.9993728839681, -2.90522077337903), complex(4.87503471060854, -5.70229498800274), complex(1.29797689124746, -1.49093979009705), complex(0.404804768072555, -0.426603095617346)}},
		{36, 2, 2, -70, [5]complex128{complex(18.0173498534047, -0.0379486723150842), complex(19.9045951181994, -2.63360624460957), complex(4.80513301312118, -5.62149450907078), complex(1.27963805462634, -1.46987462213691), complex(0.399085368478317, -0.420575712136682)}},
		{44, 1, 0, -70, [5]complex128{complex(15.2431950249239, 0.187420916703207), complex(15.1561551776139, 3.90668978882648), complex(27.5468033717013, -10.0252108038347), complex(14.7820780506722, -9.8770537286033), complex(4.75564440610165, -4.23070948065048)}},
		{30, 4, 1, -60, [5]complex128{complex(6.54496579290018, -0.112082973966502), complex(5.81151989730288, -2.01376588747635), complex(1.15102081808812, -1.53410371609703), complex(0.307233295796897, -0.369050510829561), complex(0.0961081905701281, -0.10272332830399)}},
	} {
		p := eif.DefaultLIF()
		p.Refractory, p.Reset = c.tref, c.reset
		chi, err := LinearResponse(eif.MustNew(p), c.mu/p.R, c.sigma, freqs)
		if err != nil {
			t.Fatal(err)
		}
		for k, f := range freqs {
			rel := cmplx.Abs(chi[k]-c.want[k]) / cmplx.Abs(c.want[k])
			if rel > 1e-6 {
				t.Errorf("μ = %g mV, σ = %g mV, t_ref = %g ms, reset %g mV, %g Hz: χ = %.12g, want %.12g (relative %.1e)", c.mu, c.sigma, c.tref, c.reset, f, chi[k], c.want[k], rel)
			}
		}
	}
}

// TestLinearResponseDC checks that χ(0) is the slope of the stationary f–I curve, by central
// differences of StationaryRate (step 1e-3 nA: an error of order 1e-7), for the EIF with
// several Δ_T and with a refractory period.
func TestLinearResponseDC(t *testing.T) {
	for _, c := range []struct{ deltaT, tref, i, sigma float64 }{{0.5, 0, 7, 2}, {1, 0, 7, 2}, {2, 0, 7, 2}, {1, 2, 8, 1}, {1, 0, 5, 4}} {
		p := eif.Default()
		p.DeltaT, p.Refractory = c.deltaT, c.tref
		n := eif.MustNew(p)
		const h = 1e-3
		up, err1 := StationaryRate(n, c.i+h, c.sigma)
		down, err2 := StationaryRate(n, c.i-h, c.sigma)
		chi, err3 := LinearResponse(n, c.i, c.sigma, []float64{0})
		if err := errors.Join(err1, err2, err3); err != nil {
			t.Fatal(err)
		}
		slope := (up - down) / (2 * h)
		if imag(chi[0]) != 0 || math.Abs(real(chi[0])-slope) > 1e-5*slope {
			t.Errorf("%+v: χ(0) = %.10g, slope of the f–I curve %.10g Hz/nA", c, chi[0], slope)
		}
	}
}

// TestLinearResponseHighFrequency checks the EIF's high-frequency law (Fourcaud-Trocmé et
// al., J. Neurosci. 23, 11628, 2003): χ → r₀·R/(Δ_T·iωτ) where ωτ ≫ (σ/Δ_T)², and that the
// law does not hold yet at ωτ of a few (σ/Δ_T)². At 10 kHz the next terms (of order
// (σ/Δ_T)²/ωτ) and, for Δ_T = 1 mV, the cut-off θ_pa (whose drift takes over near
// ω = A(θ_pa)/Δ_T, 350 kHz) leave 1 to 2.5 % (complex difference).
func TestLinearResponseHighFrequency(t *testing.T) {
	for _, c := range []struct {
		deltaT, f float64
		holds     bool
	}{{0.5, 1e4, true}, {1, 1e4, true}, {0.5, 100, false}} {
		p := eif.Default()
		p.DeltaT = c.deltaT
		n := eif.MustNew(p)
		r0, err1 := StationaryRate(n, 7, 2)
		chi, err2 := LinearResponse(n, 7, 2, []float64{c.f})
		if err := errors.Join(err1, err2); err != nil {
			t.Fatal(err)
		}
		w := 2 * math.Pi * c.f / 1000 * p.Tau // ωτ
		law := complex(0, -r0*p.R/(c.deltaT*w))
		rel := cmplx.Abs(chi[0]-law) / cmplx.Abs(law)
		if c.holds != (rel < 0.03) {
			t.Errorf("Δ_T = %g mV, %g Hz (ωτ = %.0f, (σ/Δ_T)² = %g): χ = %.6g, law %.6g, relative %.3f", c.deltaT, c.f, w, 4/(c.deltaT*c.deltaT), chi[0], law, rel)
		}
	}
}

// TestLinearResponseSame checks that a frequency gives the same χ, bit for bit, alone or
// among others (the frequencies run in parallel).
func TestLinearResponseSame(t *testing.T) {
	n := eif.MustNew(eif.Default())
	all, err1 := LinearResponse(n, 7, 2, []float64{1, 30, 300, 3000})
	one, err2 := LinearResponse(n, 7, 2, []float64{300})
	if err := errors.Join(err1, err2); err != nil {
		t.Fatal(err)
	}
	if all[2] != one[0] {
		t.Errorf("300 Hz: %v among others, %v alone", all[2], one[0])
	}
}

func TestLinearResponseErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	if _, err := LinearResponse(nil, 7, 2, []float64{1}); !errors.Is(err, eif.ErrInvalid) {
		t.Errorf("nil neuron: %v, want eif.ErrInvalid", err)
	}
	for _, c := range []struct {
		i, sigma float64
		freqs    []float64
		field    string
	}{
		{7, 2, []float64{1, -1}, "freqs[1]"},
		{7, 2, []float64{math.NaN()}, "freqs[0]"},
		{7, 2, []float64{2 * MaxFrequency}, "freqs[0]"},
		{7, 0, []float64{1}, "sigma"},
		{7, math.Inf(1), []float64{1}, "sigma"},
		{math.NaN(), 2, []float64{1}, "i"},
	} {
		_, err := LinearResponse(n, c.i, c.sigma, c.freqs)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Field != c.field {
			t.Errorf("%+v: %v, want a ParamError on %s", c, err, c.field)
		}
	}
	if chi, err := LinearResponse(n, 7, 2, nil); err != nil || len(chi) != 0 {
		t.Errorf("no frequency: %v, %v", chi, err)
	}
}

// TestCurrentForRate checks that CurrentForRate inverts StationaryRate: the exact rate at
// 7 nA, σ = 2 mV (mpmath: 10.032359274729325897 Hz) gives back 7 nA, and the deterministic
// rate (σ = 0) its current; and its errors.
func TestCurrentForRate(t *testing.T) {
	n := eif.MustNew(eif.Default())
	i, err := CurrentForRate(n, 10.032359274729326, 2)
	if err != nil || math.Abs(i-7) > 1e-8 {
		t.Errorf("σ = 2 mV: %.12g nA, %v; want 7 nA", i, err)
	}
	i, err = CurrentForRate(n, n.Rate(9), 0)
	if err != nil || math.Abs(i-9) > 1e-8 {
		t.Errorf("σ = 0: %.12g nA, %v; want 9 nA", i, err)
	}
	for _, rate := range []float64{0, -1, math.NaN(), math.Inf(1)} {
		var pe *ParamError
		if _, err := CurrentForRate(n, rate, 2); !errors.As(err, &pe) || pe.Field != "rate" {
			t.Errorf("rate %g: %v, want a ParamError on rate", rate, err)
		}
	}
	if _, err := CurrentForRate(nil, 10, 2); !errors.Is(err, eif.ErrInvalid) {
		t.Errorf("nil neuron: %v", err)
	}
}

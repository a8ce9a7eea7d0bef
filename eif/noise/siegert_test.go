package noise_test

import (
	"math"

	"gonum.org/v1/gonum/integrate/quad"
)

// erfcx returns e^(x²)·erfc(x), accurate for all x: directly where e^(x²) is finite and
// the product keeps its digits, else by the continued fraction of erfc (Lentz).
func erfcx(x float64) float64 {
	if x < 5 {
		return math.Exp(x*x) * math.Erfc(x)
	}
	// erfcx(x) = (1/√π)·1/(x + 1/2/(x + 1/(x + 3/2/(x + 2/(x + …))))).
	f := x
	for k := 60; k >= 1; k-- {
		f = x + float64(k)/2/f
	}
	return 1 / (math.Sqrt(math.Pi) * f)
}

// siegertRate is the LIF's stationary rate (Hz) under white noise: with the free-membrane
// standard deviation σ and u∞ = u_rest + μ,
//
//	1/r = t_ref + τ·√π ∫ e^(x²)(1 + erf x) dx  from (u_reset − u∞)/(σ√2) to (θ − u∞)/(σ√2),
//
// and e^(x²)(1 + erf x) = erfcx(−x). The integral is by 64-point Gauss–Legendre on 200
// panels, far beyond the accuracy the tests ask for.
func siegertRate(tau, tref, rest, reset, theta, mu, sigma float64) float64 {
	uinf := rest + mu
	lo := (reset - uinf) / (sigma * math.Sqrt2)
	hi := (theta - uinf) / (sigma * math.Sqrt2)
	f := func(x float64) float64 { return erfcx(-x) }
	const panels = 200
	var sum float64
	for k := range panels {
		a := lo + (hi-lo)*float64(k)/panels
		b := lo + (hi-lo)*float64(k+1)/panels
		sum += quad.Fixed(f, a, b, 64, nil, 0)
	}
	T := tref + tau*math.Sqrt(math.Pi)*sum
	return 1000 / T
}

// siegertCV is the LIF's ISI coefficient of variation under white noise (Brunel,
// J. Comput. Neurosci. 8, 183, 2000), with y = (u − u∞)/(σ√2):
//
//	CV² = 2π (r·τ)² ∫ e^(x²) dx ∫₋∞ˣ e^(y²)(1 + erf y)² dy,  x from y_reset to y_θ,
//
// r in 1/ms; e^(y²)(1 + erf y)² = erfcx(−y)²·e^(−y²). Both integrals by Gauss–Legendre on
// many panels.
func siegertCV(tau, tref, rest, reset, theta, mu, sigma float64) float64 {
	uinf := rest + mu
	lo := (reset - uinf) / (sigma * math.Sqrt2)
	hi := (theta - uinf) / (sigma * math.Sqrt2)
	inner := func(x float64) float64 {
		f := func(y float64) float64 { e := erfcx(-y); return e * e * math.Exp(-y*y) }
		var s float64
		a := math.Min(x, -10) - 30
		const panels = 16
		for k := range panels {
			s += quad.Fixed(f, a+(x-a)*float64(k)/panels, a+(x-a)*float64(k+1)/panels, 32, nil, 0)
		}
		return s
	}
	outer := func(x float64) float64 { return math.Exp(x*x) * inner(x) }
	var s float64
	const panels = 24
	for k := range panels {
		s += quad.Fixed(outer, lo+(hi-lo)*float64(k)/panels, lo+(hi-lo)*float64(k+1)/panels, 32, nil, 0)
	}
	r := siegertRate(tau, tref, rest, reset, theta, mu, sigma) / 1000
	return math.Sqrt(2 * math.Pi * r * r * tau * tau * s)
}

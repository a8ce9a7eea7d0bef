package eif

import "math"

// 1/e split in two parts, so that x + 1/e is exact enough near the branch point.
const (
	invEHi = 0.36787944117144233
	invELo = -1.2428753672788363e-17
	// branchSlack accepts −1/e rounded to the nearest float64 as the branch point.
	branchSlack = 3e-17
)

// LambertW0 returns the principal branch W₀(x) of the Lambert W function, the solution
// w ≥ −1 of w·eʷ = x, for x ≥ −1/e. It returns ErrDomain for x < −1/e or a non-finite x.
func LambertW0(x float64) (float64, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, ErrDomain
	}
	delta := (x + invEHi) + invELo // x + 1/e
	switch {
	case delta < 0:
		if delta > -branchSlack { // −1/e rounded to float64: the branch point
			return -1, nil
		}
		return 0, ErrDomain
	case x == 0:
		return 0, nil
	case x < -0.25:
		// Near the branch point: solve v − ln v = c for v = −w ∈ (0, 1] with c = −ln(−x),
		// written through δ = x + 1/e so that nothing cancels.
		d := -math.Log1p(-math.E * delta)
		return -solveVd(d, 1+d, false), nil
	}
	// Elsewhere, Halley's method on w·eʷ − x from a guess good to a few per cent.
	var w float64
	switch {
	case x < 0.5:
		w = x * (1 - x + 1.5*x*x) // series W = x − x² + 3/2 x³
		if x > 0.2 {
			w = math.Log1p(x) * (1 - math.Log1p(math.Log1p(x))/(2+math.Log1p(x)))
		}
	case x < 3:
		w = math.Log1p(x) * (1 - math.Log1p(math.Log1p(x))/(2+math.Log1p(x)))
	default:
		l1 := math.Log(x)
		l2 := math.Log(l1)
		w = l1 - l2 + l2/l1
		if x > 1e300 {
			// w·eʷ would overflow between the iterates: solve w + ln w = ln x instead.
			return halleyLog(w, l1), nil
		}
	}
	return halley(w, x), nil
}

// halleyLog refines w + ln w = l, the logarithm of w·eʷ = eˡ, from the guess w > 1.
func halleyLog(w, l float64) float64 {
	for i := 0; i < 50; i++ {
		g := w + math.Log(w) - l
		g1 := 1 + 1/w
		g2 := -1 / (w * w)
		dw := g / (g1 - g*g2/(2*g1))
		w -= dw
		if math.Abs(dw) <= 1e-16*w {
			break
		}
	}
	return w
}

// LambertWm1 returns the lower branch W₋₁(x), the solution w ≤ −1 of w·eʷ = x, for
// −1/e ≤ x < 0. It returns ErrDomain outside that interval or for a non-finite x.
func LambertWm1(x float64) (float64, error) {
	if math.IsNaN(x) || math.IsInf(x, 0) || x >= 0 {
		return 0, ErrDomain
	}
	delta := (x + invEHi) + invELo
	if delta < 0 {
		if delta > -branchSlack {
			return -1, nil
		}
		return 0, ErrDomain
	}
	// c = −ln(−x) = 1 − ln(1 − e·δ); for x near 0 use the logarithm directly, so that
	// subnormal arguments lose nothing.
	if x > -0.25 {
		return -solveV(-math.Log(-x), true), nil
	}
	d := -math.Log1p(-math.E * delta)
	return -solveVd(d, 1+d, true), nil
}

// halley refines w·eʷ = x from the guess w.
func halley(w, x float64) float64 {
	for i := 0; i < 50; i++ {
		ew := math.Exp(w)
		f := w*ew - x
		wp1 := w + 1
		d := ew*wp1 - (w+2)*f/(2*wp1)
		if d == 0 || math.IsNaN(d) {
			return w
		}
		dw := f / d
		w -= dw
		if math.Abs(dw) <= 1e-16*math.Abs(w) {
			break
		}
	}
	return w
}

// solveV returns the root v > 0 of v − ln v = c for c ≥ 1: the one in (0, 1] when upper is
// false (W₀(−e^(−c)) = −v) and the one in [1, ∞) when upper is true (W₋₁(−e^(−c)) = −v).
// It works with c directly, so W₋₁(−e^(−c)) stays finite even where e^(−c) underflows.
func solveV(c float64, upper bool) float64 {
	d := c - 1
	if d <= 0 {
		return 1
	}
	return solveVd(d, c, upper)
}

// solveVd is solveV with d = c − 1 given separately, for callers that know it exactly.
// It solves s − log1p(s) = d for s = v − 1 by Halley's method or, on the lower root far
// from the branch point (d > 1), where v is small, e^y − y = c for y = ln v.
func solveVd(d, c float64, upper bool) float64 {
	if d <= 0 {
		return 1
	}
	if !upper && d > 1 {
		// v = e^y with e^y − y = c, y < 0. h(y) = e^y − y − c is convex and decreasing
		// for y < 0, and y = −c lies left of the root: Halley's method from there.
		y := -c
		for i := 0; i < 60; i++ {
			ey := math.Exp(y)
			g := ey - y - c
			g1 := ey - 1
			g2 := ey
			dy := g / (g1 - g*g2/(2*g1))
			y -= dy
			if math.Abs(dy) <= 1e-16*math.Abs(y) {
				break
			}
		}
		return math.Exp(y)
	}
	// The guess: the series at the branch point, or far above it on the upper root, where
	// v = c + ln v, v ≈ c + ln c.
	s := seriesV(d, upper) - 1
	if upper && d >= 6 {
		s = c + math.Log(c) - 1
	}
	for i := 0; i < 60; i++ {
		g := s - math.Log1p(s) - d
		g1 := s / (1 + s)
		g2 := 1 / ((1 + s) * (1 + s))
		if g1 == 0 {
			break
		}
		ds := g / (g1 - g*g2/(2*g1))
		sn := s - ds
		if !upper && sn <= -1 {
			sn = (s - 1) / 2 // stay inside (−1, 0]
		}
		if upper && sn < 0 {
			sn = s / 2
		}
		s = sn
		if math.Abs(ds) <= 1e-16*math.Max(math.Abs(s), 1e-300) {
			break
		}
	}
	return 1 + s
}

// seriesV is the expansion of the root of v − ln v = 1 + d near the branch point,
// in p = √(2d): v = 1 ∓ p + p²/3 ∓ 11p³/72 + …
func seriesV(d float64, upper bool) float64 {
	p := math.Sqrt(2 * d)
	if !upper {
		p = -p
	}
	v := 1 + p + p*p/3 + 11*p*p*p/72 + 43*p*p*p*p/540
	if !upper && v <= 0 {
		v = math.Exp(-1 - d)
	}
	return v
}

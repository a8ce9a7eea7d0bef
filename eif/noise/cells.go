package noise

import (
	"math"
	"slices"

	"gonum.org/v1/gonum/integrate/quad"
)

// The numerics of one cell [a, b] of the threshold integration: the potential Φ and its
// derivatives, the integrals of e^(±ΔΦ) over a cell, the width of a cell, and the mass
// of the density in it.

// dPhi returns Φ(v) − Φ(a), computed as a difference so that it keeps its digits.
func (q *fokkerPlanck) dPhi(a, v float64) float64 {
	d := v - a
	lin := d * (q.mu - ((v+a)/2 - q.p.Rest))
	if q.exp {
		dt := q.p.DeltaT
		lin += dt * dt * math.Exp((a-q.p.ThetaRh)/dt) * math.Expm1(d/dt)
	}
	return lin / q.s2
}

// g returns Φ′(u) = A(u)/D (1/mV), and gp returns Φ″(u) (1/mV²).
func (q *fokkerPlanck) g(u float64) float64 {
	e := 0.0
	if q.exp {
		e = q.p.DeltaT * math.Exp((u-q.p.ThetaRh)/q.p.DeltaT)
	}
	return (-(u - q.p.Rest) + e + q.mu) / q.s2
}

func (q *fokkerPlanck) gp(u float64) float64 {
	e := 0.0
	if q.exp {
		e = math.Exp((u - q.p.ThetaRh) / q.p.DeltaT)
	}
	return (-1 + e) / q.s2
}

// glX and glW are the 8-point Gauss–Legendre rule on [0, 1], nodes increasing: gonum's
// quad.Legendre, exact for polynomials of degree 15 to 1e-15 (TestGaussLegendre).
var glX, glW = gaussLegendre01(8)

func gaussLegendre01(m int) (x, w []float64) {
	x, w = make([]float64, m), make([]float64, m)
	quad.Legendre{}.FixedLocations(x, w, 0, 1)
	slices.Reverse(x) // gonum lists them from 1 down
	slices.Reverse(w)
	return x, w
}

// peak returns ∫₀ʰ exp(−E(s)) ds with E(s) = Φ(c + dir·s) − Φ(c) and E′(0) = g ≥ 0: an
// integrand largest at s = 0, that decays like e^(−g·s). Gauss–Legendre integrates it on
// pieces graded in units of 1/g, [0, ½], [½, 1½], [1½, 3½], … up to 50/g (beyond, it is
// below e^(−50) of its peak), so each piece sees a smooth function, and steep drifts
// (g up to 10⁷/mV near the cut-off) cost no more than gentle ones.
func (q *fokkerPlanck) peak(c, dir, h, g float64) float64 { return q.peakSign(c, dir, h, g, 1) }

// peakSign is peak for the integrand exp(−sgn·(Φ(c + dir·s) − Φ(c))): sgn = −1 integrates
// e^(+ΔΦ), as the first-passage times need.
func (q *fokkerPlanck) peakSign(c, dir, h, g, sgn float64) float64 {
	m0, _ := q.peakMoments(c, dir, h, g, sgn)
	return m0
}

// peakMoments is peakSign that also returns the first moment, ∫₀ʰ s·exp(−sgn·E(s)) ds, on
// the same pieces: the linear response needs both.
func (q *fokkerPlanck) peakMoments(c, dir, h, g, sgn float64) (m0, m1 float64) {
	var lo float64
	for k := 0; lo < h; k++ {
		hi := h
		if g > 0 {
			hi = math.Min(h, peakEdges[min(k, len(peakEdges)-1)]/g)
			if k >= len(peakEdges)-1 {
				hi = h
			}
		}
		w := hi - lo
		var part, first float64
		for j, x := range glX {
			s := lo + w*x
			e := glW[j] * math.Exp(-sgn*q.dPhi(c, c+dir*s))
			part += e
			first += e * s
		}
		m0 += part * w
		m1 += first * w
		lo = hi
		if g > 0 && g*lo >= peakEdges[len(peakEdges)-1] {
			break
		}
	}
	return m0, m1
}

// peakEdges are the ends of the pieces of peak, in units of 1/g.
var peakEdges = [...]float64{0.5, 1.5, 3.5, 7.5, 15.5, 31.5, 50}

// rise returns ∫ₐᵇ exp(Φ(a) − Φ(v)) dv, anchored at the end where the integrand is largest.
func (q *fokkerPlanck) rise(a, b float64) float64 {
	h := b - a
	if ga := q.g(a); ga >= 0 {
		return q.peak(a, 1, h, ga)
	}
	if gb := q.g(b); gb <= 0 {
		return math.Exp(q.dPhi(b, a)) * q.peak(b, -1, h, -gb)
	}
	return q.peak(a, 1, h, 0) // Φ has its minimum inside the cell
}

// step returns the width of the cell below b (mV): bounded by the curvature of Φ,
// by the exponential growth of P where it is not held up by the flux, and graded
// towards the threshold, where P falls to 0 in a layer of width D/A.
func (q *fokkerPlanck) step(b float64, flux bool) float64 {
	const (
		hMax   = 0.5  // mV
		curv   = 0.5  // |Φ″|·h² ≤ curv
		growth = 3.0  // |Φ′|·h ≤ growth where P grows or decays exponentially
		grade  = 0.25 // the cells near the threshold are no wider than a quarter of their distance to it
	)
	g := q.g(b)
	h := hMax
	// Where the drift dominates, the integrands of a cell live within 50/g of its lower
	// end: the curvature only needs bounding over that span.
	if hc := math.Sqrt(curv / math.Max(math.Abs(q.gp(b)), 1e-300)); !(flux && g > 0 && 50/g <= hc) {
		h = math.Min(h, hc)
	}
	if !flux || g < 0 {
		h = math.Min(h, growth/math.Max(math.Abs(g), 1e-300))
	}
	if q.omega > 0 { // the linear response: no wider than the wavelengths of P₁, √(D/ω) or |A|/ω
		D := q.s2 / q.p.Tau
		h = math.Min(h, math.Max(math.Sqrt(D/q.omega), math.Abs(g)*D/q.omega))
	}
	return math.Min(h, q.layer+grade*(q.thr-b))
}

// cellMass returns ∫ₐᵇ P du over one cell, given P at its ends and c = J/D.
//
// Where the flux is 0 (below the reset), P = P(b)·e^(Φ(u)−Φ(b)): ln P is Φ plus a constant,
// and its quintic Hermite interpolant from the exact Φ, Φ′ and Φ″ at both ends is
// integrated by Gauss–Legendre. Where the flux is not 0, P is computed at each node from
// P(b), as in the step itself, since the derivatives of ln P there are small differences
// of large numbers (D·P′ = A·P − J with A·P ≈ J where the drift dominates).
func (q *fokkerPlanck) cellMass(a, b, pa, pb, c float64) float64 {
	h := b - a
	var sum float64
	if c != 0 {
		for k, x := range glX {
			u := a + h*x
			sum += glW[k] * (math.Exp(-q.dPhi(u, b))*pb + c*q.rise(u, b))
		}
		return sum * h
	}
	if pa <= 0 || pb <= 0 {
		return 0 // the density underflowed: nothing below counts
	}
	ya, yb := math.Log(pa), math.Log(pb)
	d1a, d1b := q.g(a), q.g(b)
	d2a, d2b := q.gp(a), q.gp(b)
	for k, t := range glX {
		sum += glW[k] * math.Exp(quinticHermite(t, h, ya, d1a, d2a, yb, d1b, d2b))
	}
	return sum * h
}

// fall returns ∫ₐᵇ exp(Φ(y) − Φ(b)) dy, anchored at the end where the integrand is largest.
func (q *fokkerPlanck) fall(a, b float64) float64 {
	h := b - a
	if h <= 0 {
		return 0
	}
	if gb := q.g(b); gb >= 0 {
		return q.peakSign(b, -1, h, gb, -1)
	}
	if ga := q.g(a); ga <= 0 {
		return math.Exp(q.dPhi(b, a)) * q.peakSign(a, 1, h, -ga, -1)
	}
	return q.peakSign(b, -1, h, 0, -1) // Φ has its maximum inside the cell
}

// quinticHermite evaluates at t ∈ [0, 1] of a cell of width h the quintic through the
// values, first and second derivatives y, d1, d2 at both ends.
func quinticHermite(t, h, ya, d1a, d2a, yb, d1b, d2b float64) float64 {
	t2 := t * t
	t3 := t2 * t
	t4, t5 := t3*t, t3*t2
	return ya*(1-10*t3+15*t4-6*t5) + h*d1a*(t-6*t3+8*t4-3*t5) + h*h*d2a*(t2-3*t3+3*t4-t5)/2 +
		yb*(10*t3-15*t4+6*t5) + h*d1b*(-4*t3+7*t4-3*t5) + h*h*d2b*(t3-2*t4+t5)/2
}

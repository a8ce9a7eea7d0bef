package noise

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/check"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/sweep"
)

// Stationary is the stationary state of the neuron under a constant current plus Gaussian
// white noise, from the Fokker–Planck equation (see StationaryState).
type Stationary struct {
	Rate float64 // firing rate (Hz)
	ISI  float64 // mean interspike interval (ms), refractory included; 0 beyond eif.MaxTime

	// U (mV, increasing) and P (1/mV) are the stationary density of the membrane potential
	// of the neurons that are not refractory, at the ends and the Gauss–Legendre nodes of the
	// integration cells: from where the density is negligible up to the spike threshold,
	// where it is 0. P integrates to
	// 1 − Rate·t_ref: the rest of the probability is in the refractory state.
	U, P []float64
}

// minSigma is the smallest σ (mV) of StationaryState: below it the rate is the
// deterministic one to far better than 1e-9.
const minSigma = 1e-6

// fpMaxCells bounds the grid of StationaryState; a finer grid is refused with an error.
const fpMaxCells = 200_000

// StationaryRate returns the exact stationary firing rate (Hz) of the neuron n under the
// current i (nA) plus Gaussian white noise of size sigma (mV), with the convention of the
// package doc. Sigma = 0 gives the deterministic n.Rate(i). It is
// StationaryState(n, i, sigma).Rate.
func StationaryRate(n *eif.Neuron, i, sigma float64) (float64, error) {
	if sigma == 0 {
		if n == nil {
			return 0, eif.ErrInvalid
		}
		if err := broken("i", i, check.Current(i, eif.MaxCurrent)); err != nil {
			return 0, err
		}
		return n.Rate(i), nil
	}
	st, err := stationary(n, i, sigma, false)
	if err != nil {
		return 0, err
	}
	return st.Rate, nil
}

// StationaryFICurve returns StationaryRate at each current (nA) of currents, computed in
// parallel over GOMAXPROCS goroutines; each rate is the one StationaryRate returns, bit
// for bit.
func StationaryFICurve(n *eif.Neuron, currents []float64, sigma float64) ([]float64, error) {
	if n == nil {
		return nil, eif.ErrInvalid
	}
	return sweep.Each(len(currents), func(k int) (float64, error) { return StationaryRate(n, currents[k], sigma) })
}

// StationaryState solves the stationary Fokker–Planck equation of the neuron n under the
// constant current i (nA) plus white noise of size sigma > 0 (mV), by threshold integration
// (M. J. E. Richardson, Phys. Rev. E 76, 021919, 2007). With the drift
// A(u) = [−(u − u_rest) + ψ(u) + R·i]/τ, ψ(u) = Δ_T·exp((u − θ_rh)/Δ_T), and the diffusion
// D = σ²/τ, the probability flux J and density P obey
//
//	J = A·P − D·dP/du,   dJ/du = r·δ(u − u_reset) − r·δ(u − θ),
//
// so J = r between the reset and the threshold θ and 0 below the reset, and P(θ) = 0. The
// equation is integrated from the threshold downwards with J = 1, the flux dropping to 0
// at the reset, and the rate follows from the normalisation: 1/r = t_ref + ∫P du.
//
// Each grid cell is stepped exactly: with the potential Φ(u) = ∫A/D du, known in closed
// form, P(a) = e^(Φ(a)−Φ(b))·P(b) + (J/D)·∫ e^(Φ(a)−Φ(v)) dv over the cell [a, b]. The
// integrals are computed by Gauss–Legendre quadrature after a change of variable that
// absorbs the exponential, so the steps need not resolve the thin layers where the drift
// dominates (near the cut-off, A/D reaches 10⁵/mV and more). The cells are bounded by
// the curvature of Φ and graded towards the threshold. The rate is accurate to about
// 1e-9 relative (checked against the Siegert formula of the LIF and 20-digit quadrature).
func StationaryState(n *eif.Neuron, i, sigma float64) (*Stationary, error) {
	return stationary(n, i, sigma, true)
}

// fokkerPlanck is the Fokker–Planck problem of one threshold integration.
type fokkerPlanck struct {
	p          eif.Params
	mu, s2     float64 // R·i (mV) and σ² (mV²)
	exp        bool    // the exponential term is present
	thr, reset float64
}

// newFokkerPlanck returns the Fokker–Planck problem of the neuron m under the current i
// (nA) and white noise of size sigma (mV).
func newFokkerPlanck(m neuron, i, sigma float64) *fokkerPlanck {
	p := m.p
	return &fokkerPlanck{p: p, mu: p.R * i, s2: sigma * sigma, exp: !p.Linear(), thr: m.thr, reset: p.Reset}
}

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

// Gauss–Legendre nodes and weights on [0, 1].
var glX, glW = gaussLegendre01(8)

// gaussLegendre01 returns the m-point Gauss–Legendre rule on [0, 1], by Newton's method
// on the Legendre polynomial.
func gaussLegendre01(m int) (x, w []float64) {
	x, w = make([]float64, m), make([]float64, m)
	for k := range m {
		z := math.Cos(math.Pi * (float64(k) + 0.75) / (float64(m) + 0.5))
		var dp float64
		for range 100 {
			p0, p1 := 1.0, z
			for j := 2; j <= m; j++ {
				p0, p1 = p1, ((2*float64(j)-1)*z*p1-float64(j-1)*p0)/float64(j)
			}
			dp = float64(m) * (z*p1 - p0) / (z*z - 1)
			dz := p1 / dp
			z -= dz
			if math.Abs(dz) < 1e-16 {
				break
			}
		}
		x[k] = (1 - z) / 2 // increasing: z falls with k
		w[k] = 1 / ((1 - z*z) * dp * dp)
	}
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
	var sum, lo float64
	for k := 0; lo < h; k++ {
		hi := h
		if g > 0 {
			hi = math.Min(h, peakEdges[min(k, len(peakEdges)-1)]/g)
			if k >= len(peakEdges)-1 {
				hi = h
			}
		}
		w := hi - lo
		var part float64
		for j, x := range glX {
			part += glW[j] * math.Exp(-sgn*q.dPhi(c, c+dir*(lo+w*x)))
		}
		sum += part * w
		lo = hi
		if g > 0 && g*lo >= peakEdges[len(peakEdges)-1] {
			break
		}
	}
	return sum
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
	layer := 0.05 / math.Max(math.Abs(q.g(q.thr)), 1e-300)
	return math.Min(h, layer+grade*(q.thr-b))
}

func stationary(n *eif.Neuron, i, sigma float64, keep bool) (*Stationary, error) {
	st, _, err := stationaryScaled(n, i, sigma, keep)
	return st, err
}

// stationaryScaled is stationary that also reports how many times P was rescaled (P at
// the lowest voltages is then lost to underflow).
func stationaryScaled(n *eif.Neuron, i, sigma float64, keep bool) (*Stationary, int, error) {
	m, err := neuronOf(n)
	if err != nil {
		return nil, 0, err
	}
	if err := broken("i", i, check.Current(i, eif.MaxCurrent)); err != nil {
		return nil, 0, err
	}
	if err := broken("sigma", sigma, check.Finite(sigma)); err != nil {
		return nil, 0, err
	}
	if sigma < minSigma || sigma > eif.MaxVoltage {
		return nil, 0, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("must be ≥ %g and ≤ %g mV (use Rate for σ = 0)", minSigma, float64(eif.MaxVoltage))}
	}
	p := m.p
	q := newFokkerPlanck(m, i, sigma)
	D := q.s2 / p.Tau

	// P = pb·e^scale; src = e^(−scale) multiplies the flux terms. A rescale keeps pb finite
	// when P grows by more than e^700 (a deep well and a small σ).
	const big = 1e100
	var (
		pb, mass float64
		src      = 1.0
		scale    float64
		nScale   int
	)
	var us, ps []float64
	var scales []int
	if keep {
		us, ps, scales = append(us, q.thr), append(ps, 0), append(scales, 0)
	}
	b := q.thr
	for cells := 0; ; cells++ {
		if cells >= fpMaxCells {
			return nil, 0, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("needs more than %d grid cells at I = %g nA; σ is too small for the Fokker–Planck grid", fpMaxCells, i)}
		}
		flux := b > q.reset
		J := 0.0
		if flux {
			J = 1
		}
		h := q.step(b, flux)
		a := b - h
		if flux && a < q.reset {
			a = q.reset
		}
		if a == b {
			return nil, 0, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("is too small for the Fokker–Planck grid at I = %g nA (the cells fall below the resolution of u)", i)}
		}
		if a < -eif.MaxVoltage {
			return nil, 0, &ParamError{Field: "i", Value: i, Rule: fmt.Sprintf("the density does not vanish above −eif.MaxVoltage at σ = %g mV", sigma)}
		}
		h = b - a
		pa := math.Exp(-q.dPhi(a, b)) * pb
		c := src * J / D // the flux term of dP/du, in the units of pb
		if flux {
			pa += c * q.rise(a, b)
		}
		cm := q.cellMass(a, b, pa, pb, c)
		if keep { // P at the Gauss–Legendre nodes too, from the top down
			for k := len(glX) - 1; k >= 0; k-- {
				u := a + h*glX[k]
				pu := math.Exp(-q.dPhi(u, b)) * pb
				if flux {
					pu += c * q.rise(u, b)
				}
				us, ps, scales = append(us, u), append(ps, pu), append(scales, nScale)
			}
		}
		pb, mass = pa, mass+cm
		if pb > big || mass > big {
			pb, mass, src = pb/big, mass/big, src/big
			scale += math.Log(big)
			nScale++
		}
		if keep {
			us, ps, scales = append(us, a), append(ps, pb), append(scales, nScale)
		}
		b = a
		if !keep && math.Log(mass)+scale > 690 {
			return &Stationary{}, 0, nil // 1/r > e^690 ms: the rate is 0 to double precision
		}
		// Below the reset P = P(reset)·e^(Φ(u)−Φ(reset)): stop where it is negligible and
		// only falls further.
		if !flux && q.g(a) > 0 && cm <= 1e-18*mass {
			break
		}
	}
	// 1/r = t_ref + mass·e^scale.
	inv := p.Refractory*math.Exp(-scale) + mass
	rate := math.Exp(-scale) / inv // 1/ms
	st := &Stationary{Rate: 1000 * rate}
	if rate > 0 && 1/rate <= eif.MaxTime {
		st.ISI = 1 / rate
	}
	if keep {
		m := len(us)
		st.U, st.P = make([]float64, m), make([]float64, m)
		for k := range us {
			st.U[m-1-k] = us[k]
			st.P[m-1-k] = ps[k] * math.Pow(big, float64(scales[k]-nScale)) / inv
		}
	}
	return st, nScale, nil
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
		t2 := t * t
		t3 := t2 * t
		t4, t5 := t3*t, t3*t2
		y := ya*(1-10*t3+15*t4-6*t5) + h*d1a*(t-6*t3+8*t4-3*t5) + h*h*d2a*(t2-3*t3+3*t4-t5)/2 +
			yb*(10*t3-15*t4+6*t5) + h*d1b*(-4*t3+7*t4-3*t5) + h*h*d2b*(t3-2*t4+t5)/2
		sum += glW[k] * math.Exp(y)
	}
	return sum * h
}

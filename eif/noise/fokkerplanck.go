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

// CurrentForRate returns the current (nA) at which the neuron n fires at the stationary
// rate (Hz) under white noise of size sigma (mV): the inverse of StationaryRate, which
// grows with the current, found by bisection to 1e-9 nA. It serves to compare neurons at
// the same rate, since the same current puts them at different distances from their
// rheobases.
func CurrentForRate(n *eif.Neuron, rate, sigma float64) (float64, error) {
	if n == nil {
		return 0, eif.ErrInvalid
	}
	if err := broken("rate", rate, check.Finite(rate)); err != nil {
		return 0, err
	}
	if !(rate > 0) {
		return 0, &ParamError{Field: "rate", Value: rate, Rule: "must be > 0 Hz"}
	}
	at := func(i float64) (float64, error) { return StationaryRate(n, i, sigma) }
	// Bracket from the rheobase outwards, by steps that double.
	lo, hi, step := n.Rheobase(), n.Rheobase(), 0.5
	for {
		r, err := at(lo)
		if err != nil {
			return 0, err
		}
		if r < rate {
			break
		}
		if lo <= -eif.MaxCurrent {
			return 0, &ParamError{Field: "rate", Value: rate, Rule: fmt.Sprintf("is not reached above −%g nA at σ = %g mV", float64(eif.MaxCurrent), sigma)}
		}
		lo, step = math.Max(lo-step, -eif.MaxCurrent), 2*step
	}
	for step = 0.5; ; step *= 2 {
		r, err := at(hi)
		if err != nil {
			return 0, err
		}
		if r >= rate {
			break
		}
		if hi >= eif.MaxCurrent {
			return 0, &ParamError{Field: "rate", Value: rate, Rule: fmt.Sprintf("is not reached below %g nA at σ = %g mV", float64(eif.MaxCurrent), sigma)}
		}
		hi = math.Min(hi+step, eif.MaxCurrent)
	}
	for hi-lo > 1e-9 {
		mid := lo + (hi-lo)/2
		r, err := at(mid)
		if err != nil {
			return 0, err
		}
		if r < rate {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + (hi-lo)/2, nil
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
	i, sigma   float64 // the current (nA) and the noise (mV), for errors
	mu, s2     float64 // R·i (mV) and σ² (mV²)
	exp        bool    // the exponential term is present
	thr, reset float64
	layer      float64 // the width of the boundary layer at the threshold, 0.05/|Φ′(θ)| (mV)
	omega      float64 // the angular frequency of the linear response (rad/ms); 0 for the stationary state
}

// newFokkerPlanck returns the Fokker–Planck problem of the neuron m under the current i
// (nA) and white noise of size sigma (mV).
func newFokkerPlanck(m neuron, i, sigma float64) fokkerPlanck {
	p := m.p
	q := fokkerPlanck{p: p, i: i, sigma: sigma, mu: p.R * i, s2: sigma * sigma, exp: !p.Linear(), thr: m.thr, reset: p.Reset}
	q.layer = 0.05 / math.Max(math.Abs(q.g(q.thr)), 1e-300)
	return q
}

// next returns the lower end of the grid's cell number cells, below b, or the error of a
// grid that fails there: too many cells, cells below the resolution of u, or a density
// that does not vanish above −MaxVoltage. flux says whether b is above the reset, where
// the cells end exactly at the reset.
func (q *fokkerPlanck) next(b float64, cells int, flux bool) (float64, error) {
	if cells >= fpMaxCells {
		return 0, &ParamError{Field: "sigma", Value: q.sigma, Rule: fmt.Sprintf("needs more than %d grid cells at I = %g nA; σ is too small for the Fokker–Planck grid", fpMaxCells, q.i)}
	}
	a := b - q.step(b, flux)
	if flux && a < q.reset {
		a = q.reset
	}
	if a == b {
		return 0, &ParamError{Field: "sigma", Value: q.sigma, Rule: fmt.Sprintf("is too small for the Fokker–Planck grid at I = %g nA (the cells fall below the resolution of u)", q.i)}
	}
	if a < -eif.MaxVoltage {
		return 0, &ParamError{Field: "i", Value: q.i, Rule: fmt.Sprintf("the density does not vanish above −%g mV at σ = %g mV", float64(eif.MaxVoltage), q.sigma)}
	}
	return a, nil
}

// checkGrid lays the cells from the threshold down to the reset as the integration will,
// without integrating, and returns the error the integration would meet there: it says
// before the work what the work would end on. (Below the reset, where the grid stops
// depends on the density.)
func (q *fokkerPlanck) checkGrid() error {
	b := q.thr
	for cells := 0; b > q.reset; cells++ {
		a, err := q.next(b, cells, true)
		if err != nil {
			return err
		}
		b = a
	}
	return nil
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
		// Kept, the grid cannot end early on a rate that is 0 to double precision: where
		// it would fail, say so before the work.
		if err := q.checkGrid(); err != nil {
			return nil, 0, err
		}
		us, ps, scales = append(us, q.thr), append(ps, 0), append(scales, 0)
	}
	b := q.thr
	for cells := 0; ; cells++ {
		flux := b > q.reset
		J := 0.0
		if flux {
			J = 1
		}
		a, err := q.next(b, cells, flux)
		if err != nil {
			return nil, 0, err
		}
		h := b - a
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

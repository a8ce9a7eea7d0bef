package noise

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/check"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/sweep"
)

// MaxFrequency is the highest modulation frequency (Hz) of LinearResponse.
const MaxFrequency = 1e6

// LinearResponse returns the linear response of the firing rate of the neuron n, under
// the current i (nA) plus white noise of size sigma > 0 (mV), to a weak modulation of the
// current at each frequency f of freqs (Hz): the current i + I₁·cos(2πf·t) makes the rate
//
//	r(t) = r₀ + |χ(f)|·I₁·cos(2πf·t + arg χ(f))
//
// to first order in I₁, with χ(f) in Hz/nA (arg χ < 0: the rate lags the current). At
// f = 0, χ is the slope dr₀/di of the stationary f–I curve (StationaryFICurve).
//
// It is computed by threshold integration (M. J. E. Richardson, Phys. Rev. E 76, 021919,
// 2007), as StationaryState is. To first order the density and the flux are
// P₀ + P₁·e^(iωt) and J₀ + J₁·e^(iωt), with ω = 2πf and μ₁ = R·I₁:
//
//	J₁ = A·P₁ + (μ₁/τ)·P₀ − D·dP₁/du,   dJ₁/du = −iω·P₁ + r₁·e^(−iω·t_ref)·δ(u − u_reset),
//
// with P₁(θ) = 0, J₁(θ) = r₁ and J₁ = 0 far below. By linearity the solution is r₁ times
// the one with a unit flux at θ and no modulation, plus μ₁ times the one with no flux at
// θ; each is integrated from the threshold downwards, and the condition far below gives
// r₁/μ₁. Each cell [a, b] of the grid of StationaryState (also bounded by the
// wavelengths of P₁, √(D/ω) and |A|/ω) is split into 16 equal steps; a step takes the
// factor e^(Φ(a)−Φ(b)) exactly, the rest of P₁′ linear in u (second order), and the
// steps of 8 and of 16 to a cell are combined by Richardson extrapolation. The result is
// accurate to about 1e-6 relative (checked against the LIF's exact response, with
// parabolic cylinder functions, and the slope of the f–I curve).
//
// The frequencies are computed in parallel over GOMAXPROCS goroutines, each the same
// whatever their number.
func LinearResponse(n *eif.Neuron, i, sigma float64, freqs []float64) ([]complex128, error) {
	m, err := neuronOf(n)
	if err != nil {
		return nil, err
	}
	if err := broken("i", i, check.Current(i, eif.MaxCurrent)); err != nil {
		return nil, err
	}
	if err := broken("sigma", sigma, check.Finite(sigma)); err != nil {
		return nil, err
	}
	if sigma < minSigma || sigma > eif.MaxVoltage {
		return nil, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("must be ≥ %g and ≤ %g mV", minSigma, float64(eif.MaxVoltage))}
	}
	for k, f := range freqs {
		if !(f >= 0 && f <= MaxFrequency) {
			return nil, &ParamError{Field: fmt.Sprintf("freqs[%d]", k), Value: f, Rule: fmt.Sprintf("must be ≥ 0 and ≤ %g Hz", MaxFrequency)}
		}
	}
	st, nScale, err := stationaryScaled(n, i, sigma, false)
	if err != nil {
		return nil, err
	}
	if nScale > 0 {
		return nil, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("is too small for the linear response at I = %g nA: the rate is below 1e-40 Hz", i)}
	}
	r0 := st.Rate / 1000 // 1/ms
	out := make([]complex128, len(freqs))
	err = sweep.Run(len(freqs), 0, func() func(k int) error {
		return func(k int) (err error) {
			out[k], err = linearResponse(m, i, sigma, r0, freqs[k])
			return err
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// linearResponse is χ(f) (Hz/nA) of LinearResponse at one frequency: the Richardson
// extrapolation of the threshold integrations with 8 and 16 steps a cell.
func linearResponse(m neuron, i, sigma, r0, f float64) (complex128, error) {
	coarse, err := respond(m, i, sigma, r0, f, 8)
	if err != nil {
		return 0, err
	}
	fine, err := respond(m, i, sigma, r0, f, 16)
	if err != nil {
		return 0, err
	}
	return (4*fine - coarse) / 3, nil
}

// respond integrates the linear response with sub steps to each cell of the grid and
// returns χ (Hz/nA); r0 is the stationary rate (1/ms).
func respond(m neuron, i, sigma, r0, f float64, sub int) (complex128, error) {
	p := m.p
	q := newFokkerPlanck(m, i, sigma)
	D := q.s2 / p.Tau
	w := 2 * math.Pi * f / 1000 // ω (rad/ms)
	q.omega = w
	iw := complex(0, w)
	// c = (1 − e^(−iω·t_ref))/(iω), t_ref at ω = 0: below the reset the flux of the
	// unit-flux solution is iω·(c + M), M = ∫P from u to θ.
	c := complex(p.Refractory, 0)
	if x := w * p.Refractory; x != 0 {
		s := math.Sin(x / 2)
		c = complex(2*s*s, math.Sin(x)) / iw
	}
	// Above a few hundred Hz each solution grows downwards like e^(√(ω/2D)·Δu) through the
	// diffusive region (the mode that the condition far below removes from their sum),
	// so each is rescaled on its own: the unit-flux one by sr (its constant flux terms
	// with it), the driven one by sm (its source with it).
	const big = 1e200
	var (
		p0, m0 float64    // the stationary density with unit flux, and its mass from u to θ (trapezoid, to stop)
		pr, mr complex128 // the unit-flux solution: P and its mass M = ∫P from u to θ, divided by sr
		pm, mm complex128 // the solution driven by the modulation (μ₁ = 1 mV; r₀ applied at the end), divided by sm
		lr, lm float64    // ln sr, ln sm
		kr, km = 1.0, 1.0 // 1/sr, 1/sm; once they underflow to 0, the terms they scale are negligible
	)
	b := q.thr
	for cells := 0; ; cells++ {
		flux := b > q.reset
		a, err := q.next(b, cells, flux)
		if err != nil {
			return 0, err
		}
		j0, jr := 0.0, c*iw // J₀, and the part of J_r that does not depend on M
		if flux {
			j0, jr = 1, 1
		}
		jr *= complex(kr, 0)
		h := (b - a) / float64(sub)
		var cell float64 // the mass of P₀ in the cell
		for k := 0; k < sub; k++ {
			lo, hi := b-float64(k+1)*h, b-float64(k)*h
			if k == sub-1 {
				lo = a
			}
			e := math.Exp(-q.dPhi(lo, hi))
			w0, w1 := q.riseMoments(lo, hi)
			p0a := e*p0 + j0*w0/D
			cell += (hi - lo) * (p0a + p0) / 2
			pr, mr = stepLinear(pr, mr, jr, iw, e, w0, w1, hi-lo, D, 0, 0)
			pm, mm = stepLinear(pm, mm, 0, iw, e, w0, w1, hi-lo, D, km*p0a/p.Tau, km*p0/p.Tau)
			p0 = p0a
		}
		if math.Max(cmplxAbs(pr), cmplxAbs(mr)) > big {
			pr, mr, kr, lr = pr/big, mr/big, kr/big, lr+math.Log(big)
		}
		if math.Max(cmplxAbs(pm), cmplxAbs(mm)) > big {
			pm, mm, km, lm = pm/big, mm/big, km/big, lm+math.Log(big)
		}
		if m0 > big { // not met where stationaryScaled needs no rescaling, kept as a guard
			return 0, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("is too small for the linear response at I = %g nA", i)}
		}
		m0 += cell
		b = a
		if !flux && q.g(a) > 0 && cell <= 1e-18*m0 {
			break
		}
	}
	// r₁/μ₁ = −r₀·M_μ/(c + M_r): the flux far below vanishes. In Hz/nA: ×1000·R.
	return -complex(r0*1000*p.R*math.Exp(lm-lr), 0) * mm / (c*complex(kr, 0) + mr), nil
}

// stepLinear steps P and its mass M = ∫P (from u to θ) down one step of width h, from hi
// to lo, for dP/du = (A·P + s − J)/D with J = j + iω·M: e = e^(Φ(lo)−Φ(hi)), w0 and w1
// the integrals of e^(Φ(lo)−Φ(v)) and of e^(Φ(lo)−Φ(v))·(hi − v)/h over the step, and
// sLo, sHi the source s at its ends. J − s is taken linear over the step, and M by the
// trapezoid rule; the two make one linear equation for P(lo).
func stepLinear(pHi, mHi, j, iw complex128, e, w0, w1, h, D, sLo, sHi float64) (pLo, mLo complex128) {
	qHi := j + iw*mHi - complex(sHi, 0)
	// J(lo) = j + iω·(M(hi) + h·(P(lo) + P(hi))/2), Q(lo) = J(lo) − s(lo).
	rhs := complex(e, 0)*pHi + (qHi*complex(w0-w1, 0)+(j+iw*(mHi+complex(h/2, 0)*pHi)-complex(sLo, 0))*complex(w1, 0))/complex(D, 0)
	pLo = rhs / (1 - iw*complex(h*w1/(2*D), 0))
	return pLo, mHi + complex(h/2, 0)*(pLo+pHi)
}

// riseMoments returns ∫ e^(Φ(a)−Φ(v)) dv and ∫ e^(Φ(a)−Φ(v))·(b − v)/(b − a) dv over
// [a, b], anchored as rise is.
func (q *fokkerPlanck) riseMoments(a, b float64) (w0, w1 float64) {
	h := b - a
	if ga := q.g(a); ga >= 0 {
		m0, m1 := q.peakMoments(a, 1, h, ga, 1)
		return m0, m0 - m1/h
	}
	if gb := q.g(b); gb <= 0 {
		m0, m1 := q.peakMoments(b, -1, h, -gb, 1)
		e := math.Exp(q.dPhi(b, a))
		return e * m0, e * m1 / h
	}
	m0, m1 := q.peakMoments(a, 1, h, 0, 1)
	return m0, m0 - m1/h
}

func cmplxAbs(z complex128) float64 { return math.Hypot(real(z), imag(z)) }

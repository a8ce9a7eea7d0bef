package noise

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// StationaryCV returns the exact coefficient of variation of the interspike intervals of
// the neuron n under the current i (nA) plus white noise of size sigma > 0 (mV), from the first two
// moments of the first-passage time T from the reset to the threshold (the interval is
// t_ref + T):
//
//	E[T] = ∫ρ du,   E[T²] = 2 ∫ρ(u)·T₁(u) du,   CV = √(E[T²] − E[T]²)/(t_ref + E[T]),
//
// where ρ is the density of StationaryState with flux 1 (the time spent at u before the
// spike, starting from the reset) and T₁(u) the mean first-passage time from u, itself
// T₁(u) = (1/D)∫ᵤ^θ S(x) dx with S(x) = ∫₋∞ˣ e^(Φ(y)−Φ(x)) dy, integrated on the same grid
// with the same exact cell steps. Below about CV = 1e-4 (small σ far above rheobase) the
// difference E[T²] − E[T]² loses its digits and the result is only an upper bound.
// The method needs the density without rescaling: for rates below about 1e-40 Hz (a
// barrier of more than 230 σ²) it returns an error.
func StationaryCV(n *eif.Neuron, i, sigma float64) (float64, error) {
	st, nScale, err := stationaryScaled(n, i, sigma, true)
	if err != nil {
		return 0, err
	}
	if nScale > 0 || st.Rate == 0 || len(st.U) < 10 {
		return 0, &ParamError{Field: "sigma", Value: sigma, Rule: fmt.Sprintf("is too small for the exact CV at I = %g nA: the rate is below 1e-40 Hz", i)}
	}
	nr, _ := neuronOf(n) // not nil: stationaryScaled checked it
	p := nr.p
	q := newFokkerPlanck(nr, i, sigma)
	D := q.s2 / p.Tau
	m := len(glX) + 1 // points per cell in st.U: a node, then the Gauss nodes
	cells := (len(st.U) - 1) / m
	rho := 1000 / st.Rate                // ρ = P·(t_ref + ∫ρ) = P/r, r in 1/ms
	meanT := 1000/st.Rate - p.Refractory // E[T] = ∫ρ = 1/r − t_ref (ms)
	node := func(k int) float64 { return st.U[k*m] }

	// S at the nodes, upwards from the bottom, where S ≈ 1/Φ′ (the Gaussian tail).
	S := make([]float64, cells+1)
	S[0] = 1 / math.Max(q.g(node(0)), 1e-300)
	for k := 0; k < cells; k++ {
		a, b := node(k), node(k+1)
		S[k+1] = math.Exp(q.dPhi(b, a))*S[k] + q.fall(a, b)
	}
	// T₁ at the nodes, downwards from T₁(θ) = 0: T₁(a) = T₁(b) + (1/D)∫ₐᵇ S.
	T1 := make([]float64, cells+1)
	for k := cells - 1; k >= 0; k-- {
		a, b := node(k), node(k+1)
		h := b - a
		var sum float64
		for j, x := range glX {
			u := a + h*x
			sum += glW[j] * (math.Exp(q.dPhi(u, a))*S[k] + q.fall(a, u))
		}
		T1[k] = T1[k+1] + sum*h/D
	}
	// E[T²] = 2∫ρ·T₁, with T₁ inside a cell from its quintic Hermite interpolant:
	// T₁′ = −S/D and T₁″ = −S′/D = −(1 − Φ′·S)/D.
	var m2 float64
	for k := 0; k < cells; k++ {
		a, b := node(k), node(k+1)
		h := b - a
		d1a, d1b := -S[k]/D, -S[k+1]/D
		d2a, d2b := -(1-q.g(a)*S[k])/D, -(1-q.g(b)*S[k+1])/D
		var sum float64
		for j, t := range glX {
			sum += glW[j] * st.P[k*m+1+j] * rho * quinticHermite(t, h, T1[k], d1a, d2a, T1[k+1], d1b, d2b)
		}
		m2 += 2 * sum * h
	}
	v := m2 - meanT*meanT
	if !(v >= 0) || math.IsInf(v, 0) {
		v = 0
	}
	return math.Sqrt(v) / (p.Refractory + meanT), nil
}

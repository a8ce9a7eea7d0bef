package eif

import "math"

// expTerm returns Δ_T·exp((u − θ_rh)/Δ_T) and its first two derivatives with respect to u.
// Beyond the cut-off the model is not defined, and the integrators only look there within
// the step that crosses it. There the exponential is continued by its tangent line at θ_pa,
// so that it never overflows and f stays continuously differentiable, which keeps the error
// estimates and interpolants of that step smooth. With Δ_T = 0 the term is zero below θ_rh.
func (p Params) expTerm(u float64) (e, de, d2e float64) {
	if p.Linear() {
		return 0, 0, 0
	}
	if u > p.Cutoff {
		x := math.Exp((p.Cutoff - p.ThetaRh) / p.DeltaT)
		return p.DeltaT*x + x*(u-p.Cutoff), x, 0
	}
	x := math.Exp((u - p.ThetaRh) / p.DeltaT)
	return p.DeltaT * x, x, x / p.DeltaT
}

// duDt returns the right-hand side f(u) = du/dt in mV/ms at voltage u (mV) under a
// constant current i (nA):
//
//	f(u) = [−(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T) + R·i] / τ.
//
// For the LIF the exponential term is absent.
func (p Params) duDt(u, i float64) float64 {
	e, _, _ := p.expTerm(u)
	return (-(u - p.Rest) + e + p.R*i) / p.Tau
}

// slope returns f′(u) = ∂(du/dt)/∂u in 1/ms, the report's "Jacobien": negative at a
// stable fixed point, positive at an unstable one.
func (p Params) slope(u float64) float64 {
	_, de, _ := p.expTerm(u)
	return (-1 + de) / p.Tau
}

// curvature returns f″(u) = ∂²(du/dt)/∂u² in 1/(mV·ms). For the EIF,
// f″(θ_rh) = 1/(τ·Δ_T): 0.1 mV⁻¹·ms⁻¹ with the default parameters, which is
// 10⁵ V⁻¹·s⁻¹ in SI units.
func (p Params) curvature(u float64) float64 {
	_, _, d2e := p.expTerm(u)
	return d2e / p.Tau
}

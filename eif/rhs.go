package eif

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast"
)

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

// rhs is f(u) = b − a·u + c·exp((u − θ_rh)/Δ_T), the right-hand side of Params.duDt
// with its constants folded, where the drive b = (u_rest + R·I)/τ carries the current.
// Above the cut-off the exponential is continued by its tangent line, as in expTerm.
type rhs struct {
	a, c, theta, deltaT, invDeltaT float64
	cutoff, cutC, cutSlope         float64 // above cutoff: the term is cutC + cutSlope·(u − cutoff)
	yCut                           float64 // y at the cut-off, exp(−(θ_pa − θ_rh)/Δ_T) (upstroke.go)
	rest, rOverTau                 float64
	exp                            bool // the EIF with Δ_T > 0
}

func newRHS(p Params) rhs {
	f := rhs{a: 1 / p.Tau, rest: p.Rest / p.Tau, rOverTau: p.R / p.Tau, cutoff: p.Cutoff}
	if !p.Linear() {
		x := math.Exp((p.Cutoff - p.ThetaRh) / p.DeltaT)
		f.exp = true
		f.c, f.theta, f.deltaT, f.invDeltaT = p.DeltaT/p.Tau, p.ThetaRh, p.DeltaT, 1/p.DeltaT
		f.cutC, f.cutSlope = p.DeltaT*x/p.Tau, x/p.Tau
		f.yCut = math.Exp(-(p.Cutoff - p.ThetaRh) / p.DeltaT)
	}
	return f
}

// drive returns b = (u_rest + R·i)/τ.
func (f *rhs) drive(i float64) float64 { return f.rest + f.rOverTau*i }

// at returns du/dt at u under the drive b for the LIF, and for the EIF above the cut-off.
func (f *rhs) at(u, b float64) float64 {
	if !f.exp {
		return b - f.a*u
	}
	return (b - f.a*u) + (f.cutC + f.cutSlope*(u-f.cutoff))
}

// current returns I(t), evaluated inside the current smooth piece: at its right end it
// takes the limit from the left, so a pulse ending at T2 still acts on a stage at T2.
func (in *integrator) current(t float64) float64 {
	if t >= in.segEnd {
		t = math.Nextafter(in.segEnd, math.Inf(-1))
	}
	i := in.stimCurrent(t)
	if err := checkCurrent("Stimulus.Current", i); err != nil {
		if in.bad == nil {
			pe := err.(*ParamError)
			pe.Rule += fmt.Sprintf(" (at t = %g ms)", t)
			in.bad = pe
		}
		return 0
	}
	return i
}

// stage returns du/dt at time t and u = U + w·k: every evaluation of f by the
// integrators, and the stages of a Runge–Kutta step, whose parts known before the slope
// k are summed first, so that the stage waits for k through one multiply–add only
// (fast.FMA). On a constant piece it reads no stimulus. The argument of the exponential
// is summed the same way, and the exponential is fast.Exp, since a step waits for six of
// them one after the other.
func (in *integrator) stage(t, U, w, k float64) float64 {
	f := &in.rhs
	b := in.segB
	if !in.constI {
		b = f.drive(in.current(t))
	}
	if in.yMode { // dy/dt on the upstroke (upstroke.go)
		y := fast.FMA(w, k, U)
		if !(y > 0 || y != y) { // y ≤ 0: u is +∞
			in.pastZero = true
			return -f.a
		}
		lg := fast.Log(y) // NaN for a NaN y, which rejects the step
		// −(y/Δ_T)·(b − u/τ) − 1/τ with u = θ_rh − Δ_T·log y, the terms known before y first.
		return fast.FMA(-y, fast.FMA(f.a, lg, (b-f.a*f.theta)*f.invDeltaT), -f.a)
	}
	u := fast.FMA(w, k, U)
	if !f.exp || u > f.cutoff {
		return f.at(u, b)
	}
	x := fast.FMA(w*f.invDeltaT, k, (U-f.theta)*f.invDeltaT)
	return fast.FMA(f.c, fast.Exp(x), b-f.a*u)
}

// f is the right-hand side du/dt at (t, u).
func (in *integrator) f(t, u float64) float64 { return in.stage(t, u, 0, 0) }

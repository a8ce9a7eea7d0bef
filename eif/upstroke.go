package eif

import "math"

// On the upstroke of the EIF, above θ_rh, the exponential term takes over and u runs
// away: its derivatives grow like exp(n·(u − θ_rh)/Δ_T), and in u the adaptive steps
// shrink to nanoseconds. In the variable
//
//	y = exp(−(u − θ_rh)/Δ_T),   dy/dt = −(y/Δ_T)·f(u) = −1/τ − (y/Δ_T)·(b − u/τ),
//
// where b = (u_rest + R·I)/τ, the exponential is the constant −1/τ and what is left is
// y·(b − u/τ), with u = θ_rh − Δ_T·log y: the solution is almost a straight line, from
// y = 1 at θ_rh to e^(−(θ_pa − θ_rh)/Δ_T) at the cut-off. dopri integrates y from the
// first step that ends above θ_rh + Δ_T until a step ends below θ_rh, with the same
// tolerance on u (an error δy is an error Δ_T·δy/y in u), and the same steps otherwise.
// With the report's parameters it takes about half the steps of u on the upstroke
// (BenchmarkDormandPrinceConstant).

// yLeave is where dopri goes back from y to u: below θ_rh. It takes y up above
// θ_rh + Δ_T, so that a trajectory that lingers near θ_rh does not switch at every step.
const yLeave = 1

// In y, integrator.stage keeps the exponential beyond the cut-off: it cannot overflow
// there, and dy/dt tends to −1/τ as y tends to 0 (u to +∞). It returns that for y ≤ 0,
// where a stage of the step that crosses the cut-off may land, and sets in.pastZero, for
// dopri to cut the step: the error estimate is blind there.

// toY and toU convert u and its slope k = du/dt to y and dy/dt, and back.
func (f *rhs) toY(u, k float64) (y, ky float64) {
	y = math.Exp(-(u - f.theta) * f.invDeltaT)
	return y, -(y * f.invDeltaT) * k
}

func (f *rhs) toU(y, ky float64) (u, k float64) {
	return f.uOf(y), -(f.deltaT / y) * ky
}

// uOf returns u at y, +Inf for y ≤ 0.
func (f *rhs) uOf(y float64) float64 {
	if y <= 0 {
		return math.Inf(1)
	}
	return f.theta - f.deltaT*logFast(y)
}

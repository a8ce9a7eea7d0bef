package eif

import "math"

// On the upstroke of the EIF, above θ_rh, the exponential term takes over and u runs
// away: its derivatives grow like exp(n·(u − θ_rh)/Δ_T), and in u the adaptive steps
// shrink to nanoseconds (three quarters of the steps of an interval were above θ_rh). In
// the variable
//
//	y = exp(−(u − θ_rh)/Δ_T),   dy/dt = −(y/Δ_T)·f(u) = −1/τ − (y/Δ_T)·(b − u/τ),
//
// where b = (u_rest + R·I)/τ, the exponential is the constant −1/τ and what is left is
// y·(b − u/τ), with u = θ_rh − Δ_T·log y: the solution is almost a straight line, from
// y = 1 at θ_rh to e^(−(θ_pa − θ_rh)/Δ_T) at the cut-off. dopri integrates y from the
// first step that ends above θ_rh + 2Δ_T until a step ends below θ_rh, with the same
// tolerance on u (an error δy is an error Δ_T·δy/y in u, measured down to the cut-off),
// and the same steps otherwise.
//
// With the report's parameters a second at 10 nA takes 4 214 steps instead of 8 240, and
// the f–I sweep of BenchmarkFISweep 0.92 million instead of 1.57, at 3e-8 Hz from the
// exact rates instead of 6e-8 (entering y at θ_rh, θ_rh + Δ_T, + 2Δ_T, + 3Δ_T: 1.14, 1.01,
// 0.92, 0.87 million steps, at 24, 23, 32, 44 nHz). A step in y costs a little more than
// one in u (two logarithms where there were exponentials): 125 ns against 112.

// yEnter is where dopri takes y up, in units of Δ_T above θ_rh; it goes back to u below
// θ_rh (y > yLeave), so that a trajectory that lingers near θ_rh does not switch at every
// step.
const (
	yEnter = 2
	yLeave = 1
)

// upstroke reports whether dopri integrates y from u.
func (f *rhs) upstroke(u float64) bool { return f.exp && u > f.theta+yEnter*f.deltaT }

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

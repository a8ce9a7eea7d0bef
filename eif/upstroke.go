package eif

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast"
)

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
// first step that ends above θ_rh + 2Δ_T where the exponential term is at least half the
// rest of du/dt (enterY), until a step ends below θ_rh or where the rest is eight times
// the exponential again (leaveY). The tolerance stays on u (an error δy is an error
// Δ_T·δy/y in u, measured down to the cut-off), and the steps are the same otherwise.
//
// bench/README.md keeps the measurements that chose to integrate y, and where to switch.

// yEnter is where dopri may take y up, in units of Δ_T above θ_rh; it goes back to u
// below θ_rh (y > yLeave), so that a trajectory that lingers near θ_rh does not switch at
// every step.
const (
	yEnter = 2
	yLeave = 1
)

// enterY reports whether dopri, at (t, u) above θ_rh + 2Δ_T, takes y up: when the
// exponential term of du/dt, Δ_T/τ·exp((u − θ_rh)/Δ_T) = c/y, is more than half the
// rest, |b − u/τ|. Under a strong current the rest dominates up to the cut-off, u climbs almost
// linearly, and y, which then decays like exp(−b·t/Δ_T), would take more steps, not fewer.
func (in *integrator) enterY(t, u float64) bool {
	f := &in.rhs
	return 2*f.c*math.Exp((u-f.theta)*f.invDeltaT) > math.Abs(in.driveAt(t)-f.a*u)
}

// leaveY reports whether dopri, at (t, y) with u = um, goes back to u because the rest of
// du/dt is again eight times the exponential term (after a jump of the current).
func (in *integrator) leaveY(t, y, um float64) bool {
	f := &in.rhs
	return 8*f.c < y*math.Abs(in.driveAt(t)-f.a*um)
}

// driveAt returns the drive b = (u_rest + R·I(t))/τ.
func (in *integrator) driveAt(t float64) float64 {
	if in.constI {
		return in.segB
	}
	return in.rhs.drive(in.current(t))
}

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
	return f.theta - f.deltaT*fast.Log(y)
}

package eif

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast"
)

// Dormand–Prince 5(4) coefficients (Dormand & Prince 1980; dense output from
// Hairer, Nørsett & Wanner, Solving ODEs I, §II.6).
const (
	dpC2, dpC3, dpC4, dpC5 = 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9

	dpA21 = 1.0 / 5

	dpA31, dpA32 = 3.0 / 40, 9.0 / 40

	dpA41, dpA42, dpA43 = 44.0 / 45, -56.0 / 15, 32.0 / 9

	dpA51, dpA52, dpA53, dpA54 = 19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729

	dpA61, dpA62, dpA63, dpA64, dpA65 = 9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656

	dpB1, dpB3, dpB4, dpB5, dpB6 = 35.0 / 384, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84

	dpE1, dpE3, dpE4, dpE5, dpE6, dpE7 = 71.0 / 57600, -71.0 / 16695, 71.0 / 1920, -17253.0 / 339200, 22.0 / 525, -1.0 / 40

	dpD1, dpD3, dpD4 = -12715105075.0 / 11282082432, 87487479700.0 / 32700410799, -10690763975.0 / 1880347072
	dpD5, dpD6, dpD7 = 701980252875.0 / 199316789632, -1453857185.0 / 822651844, 69997945.0 / 29380423
)

// dense is the continuous extension of one accepted Dormand–Prince step.
type dense struct {
	t0, h              float64
	r1, r2, r3, r4, r5 float64
}

func (d *dense) at(t float64) float64 {
	s := (t - d.t0) / d.h
	s1 := 1 - s
	return d.r1 + s*(d.r2+s1*(d.r3+s*(d.r4+s1*d.r5)))
}

// dopri integrates from (t, u) to the end of the current piece of the stimulus, or to
// the first spike. It returns whether a spike occurred, its time, and u at the end.
//
// Each step waits for its six evaluations of f one after the other, so what a step costs
// is mostly their latency: the stages take their exponential from fast.Exp (their
// logarithm from fast.Log on the upstroke), the products and sums that a stage waits for
// are multiply–adds (fast.FMA), fused where the processor has them, the controller takes
// err^(−1/5) from fast.InvFifthRoot instead of math.Pow and clips it with comparisons,
// nothing is divided on the way from one step to the next, and the dense output is built
// only for a step that emits trace points or crosses the threshold.
// BenchmarkDormandPrinceConstant measures the cost of a step, BenchmarkStepFMA that of
// the unfused path, and bench/README.md records the measurements and what was tried.
//
// Every interspike interval is integrated, even under a constant current, where they are
// all the same trajectory: a step counted in Result.Steps is a step taken.
func (in *integrator) dopri(t, u float64) (spiked bool, ts, uEnd float64, err error) {
	cfg := &in.cfg
	f := &in.rhs
	in.yMode = false
	k1 := in.f(t, u)
	h := in.hNext
	if h <= 0 {
		h = in.initialStep(t, u, k1)
	}
	// u is the variable integrated: the voltage, or y on the upstroke (upstroke.go); um
	// is the voltage.
	um := u
	if f.exp && u > f.theta+yEnter*f.deltaT && in.enterY(t, u) {
		u, k1 = f.toY(u, k1)
		in.yMode = true
	}
	var d dense
	var hPrev, qPrev float64 // the last accepted step and its err^(−1/5), for the controller
	for t < in.segEnd {
		if in.r.Steps+in.r.Rejected >= cfg.MaxSteps {
			return false, 0, um, in.tooManySteps(t)
		}
		if in.bad != nil {
			return false, 0, um, in.bad
		}
		if cfg.MaxStep > 0 && h > cfg.MaxStep {
			h = cfg.MaxStep
		}
		last := false
		if t+1.01*h >= in.segEnd { // also takes a last step that would be a sliver
			h, last = in.segEnd-t, true
		}
		in.pastZero = false
		// Each stage is at u_s = U + (h·a)·k: the terms known before it are summed first,
		// so that it waits only for the product with the slope just computed.
		k2 := in.stage(t+dpC2*h, u, h*dpA21, k1)
		k3 := in.stage(t+dpC3*h, u+h*(dpA31*k1), h*dpA32, k2)
		k4 := in.stage(t+dpC4*h, u+h*(dpA41*k1+dpA42*k2), h*dpA43, k3)
		k5 := in.stage(t+dpC5*h, u+h*(dpA51*k1+dpA52*k2+dpA53*k3), h*dpA54, k4)
		k6 := in.stage(t+h, u+h*(dpA61*k1+dpA62*k2+dpA63*k3+dpA64*k4), h*dpA65, k5)
		u7 := u + h*(dpB1*k1+dpB3*k3+dpB4*k4+dpB5*k5)
		u1 := fast.FMA(h*dpB6, k6, u7)
		tn := t + h
		if last {
			tn = in.segEnd
		}
		// The error scale and the predictive controller's factor do not wait for k7.
		// (Comparisons rather than min and max, which pay for NaNs that cannot occur here.)
		um1, ymin := u1, 0.0
		if in.yMode {
			// The error is measured in u down to the cut-off, the threshold, and below
			// its y there: beyond it only the time of the crossing counts.
			um1 = f.uOf(u1)
			ymin = u
			if u1 < ymin {
				ymin = u1
			}
			if ymin < f.yCut {
				ymin = f.yCut
			}
		}
		au := math.Abs(um)
		if a1 := math.Abs(um1); a1 > au {
			au = a1
		}
		// On the upstroke an error δy is an error Δ_T·δy/y in u.
		var isc float64
		if in.yMode {
			isc = f.deltaT / (ymin * (cfg.AbsTol + cfg.RelTol*au))
		} else {
			isc = 1 / (cfg.AbsTol + cfg.RelTol*au)
		}
		gus0 := 0.0
		if hPrev > 0 {
			gus0 = 0.9 * h / (hPrev * qPrev)
		}
		k7 := in.stage(tn, u7, h*dpB6, k6)
		e := fast.FMA(h*dpE7, k7, h*(dpE1*k1+dpE3*k3+dpE4*k4+dpE5*k5+dpE6*k6))
		errn := math.Abs(e) * isc
		if math.IsNaN(errn) || math.IsInf(u1, 0) {
			errn = math.Inf(1)
		}
		if in.pastZero && errn < 1e10 {
			// A stage reached y ≤ 0 (u = +∞), where the error estimate is blind: the
			// step is cut, down to the smallest one, which is taken (see below).
			errn = 1e10
		}
		// The smallest step is set by the resolution of t. A sharp upstroke (a small Δ_T
		// or a high cut-off) can ask for less; the step is then taken at that size, whose
		// error is below what the time axis can show.
		hmin := 1e-14 * max(1, math.Abs(t))
		if errn > 1 && (h > hmin || math.IsInf(errn, 0)) {
			in.r.Rejected++
			if h <= hmin {
				return false, 0, um, fmt.Errorf("%w at t = %g ms, u = %g mV", ErrStepSize, t, um)
			}
			h = max(hmin, h*max(0.1, 0.9*fast.InvFifthRoot(errn)))
			continue
		}
		in.r.Steps++
		// The next step: the elementary controller, made more cautious by Gustafsson's
		// predictive one when the steps shrink (as in the run-up to a spike, where the
		// solution accelerates and the elementary controller alone fails every other step).
		if errn < 1e-10 {
			errn = 1e-10
		}
		q := fast.InvFifthRoot(errn) // err^(−1/5)
		fac := within(0.9*q, 0.2, 5)
		if hPrev > 0 {
			gus := gus0 * q * q // 0.9·(h/hPrev)·(errPrev/err²)^(1/5)
			if gus < 0.2 {
				gus = 0.2
			}
			if gus < fac {
				fac = gus
			}
		}
		hPrev, qPrev = h, q
		hn := h * fac
		crossed := um1 >= in.thr
		if crossed || in.gridPointBy(tn) {
			ydiff := u1 - u
			bspl := h*k1 - ydiff
			d = dense{
				t0: t, h: h,
				r1: u, r2: ydiff, r3: bspl, r4: ydiff - h*k7 - bspl,
				r5: h * (dpD1*k1 + dpD3*k3 + dpD4*k4 + dpD5*k5 + dpD6*k6 + dpD7*k7),
			}
		}
		interp := d.at
		if in.yMode {
			interp = func(t float64) float64 { return f.uOf(d.at(t)) }
		}
		if crossed {
			ts = in.locate(t, tn, um, um1, interp)
			in.emitUntil(ts, true, interp)
			return true, ts, in.thr, nil
		}
		if in.gridPointBy(tn) {
			in.emitUntil(tn, false, interp)
		}
		t, u, um, k1 = tn, u1, um1, k7
		switch {
		case !in.yMode && f.exp && u > f.theta+yEnter*f.deltaT && in.enterY(t, u):
			u, k1 = f.toY(u, k1)
			in.yMode = true
		case in.yMode && (u > yLeave || in.leaveY(t, u, um)):
			u, k1 = f.toU(u, k1)
			in.yMode = false
		}
		if !last {
			in.hNext = hn
		}
		h = hn
	}
	in.yMode = false
	return false, 0, um, nil
}

// within returns x limited to [lo, hi], for x not NaN.
func within(x, lo, hi float64) float64 {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

// initialStep guesses a first step from the size of u and of du/dt (Hairer's rule,
// simplified): a step that changes u by about the error tolerance to the power 1/5.
func (in *integrator) initialStep(t, u, k1 float64) float64 {
	sc := in.cfg.AbsTol + in.cfg.RelTol*math.Abs(u)
	h := 0.01
	if a := math.Abs(k1); a > 0 {
		h = math.Pow(sc, 0.2) / a
	}
	h = math.Min(math.Max(h, 1e-6), in.p.Tau)
	if span := in.segEnd - t; h > span {
		h = span
	}
	return h
}

// locate finds the time in [ta, tb] at which the interpolant crosses the threshold,
// given ua < thr ≤ ub, by the Illinois variant of regula falsi, to machine precision.
func (in *integrator) locate(ta, tb, ua, ub float64, interp func(float64) float64) float64 {
	tb0 := tb
	ga, gb := ua-in.thr, ub-in.thr
	if gb == 0 {
		return tb
	}
	side := 0
	for iter := 0; iter < 200; iter++ {
		tc := (ta*gb - tb*ga) / (gb - ga)
		if !(tc > ta && tc < tb) {
			tc = 0.5 * (ta + tb)
		}
		gc := interp(tc) - in.thr
		if gc == 0 {
			return tc
		}
		if gc < 0 { // a NaN counts as past the threshold: the bracket still shrinks
			ta, ga = tc, gc
			if side == -1 {
				gb *= 0.5
			}
			side = -1
		} else {
			tb, gb = tc, gc
			if side == 1 {
				ga *= 0.5
			}
			side = 1
		}
		if tb-ta <= 4e-16*math.Max(1, math.Abs(tb)) {
			break
		}
	}
	if math.IsNaN(tb) {
		return tb0
	}
	return tb
}

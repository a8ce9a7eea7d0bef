package eif

import "math"

// fixed integrates with the forward Euler or RK4 method and a fixed step, from (t, u) to
// the end of the current piece of the stimulus or to the first spike. The last step of a
// piece is shortened so it ends exactly on the discontinuity.
func (in *integrator) fixed(t, u float64) (spiked bool, ts, uEnd float64, err error) {
	h0 := in.cfg.Step
	k := 0
	t0 := t
	for t < in.segEnd {
		if in.r.Steps >= in.cfg.MaxSteps {
			return false, 0, u, in.tooManySteps(t)
		}
		if in.bad != nil {
			return false, 0, u, in.bad
		}
		// Steps count from the start of the piece, so times stay exact multiples.
		tn := t0 + float64(k+1)*h0
		if tn >= in.segEnd || in.segEnd-tn < 1e-9*h0 {
			tn = in.segEnd
		}
		h := tn - t
		f0 := in.f(t, u)
		var u1 float64
		if in.cfg.Method == Euler {
			u1 = u + h*f0
		} else {
			k2 := in.f(t+h/2, u+h/2*f0)
			k3 := in.f(t+h/2, u+h/2*k2)
			k4 := in.f(tn, u+h*k3)
			u1 = u + h/6*(f0+2*k2+2*k3+k4)
		}
		if math.IsNaN(u1) || math.IsInf(u1, 0) {
			u1 = math.MaxFloat64 / 4 // beyond any threshold: the spike is certain
		}
		in.r.Steps++
		ua, ta := u, t
		interp := func(x float64) float64 { return ua + (u1-ua)*((x-ta)/h) } // linear
		if in.cfg.Method == RK4 {
			// Cubic Hermite, where its slopes are finite: a step that blew up far past the
			// cut-off keeps the linear interpolant.
			f1 := in.f(tn, u1)
			if finiteAll(h*f0, h*f1, u1) {
				interp = func(x float64) float64 { return hermite(ta, h, ua, u1, f0, f1, x) }
			}
		}
		if u1 >= in.thr {
			ts = tn
			if !in.cfg.GridSpikes {
				ts = in.locate(ta, tn, ua, u1, interp)
			}
			in.emitUntil(ts, true, interp)
			return true, ts, in.thr, nil
		}
		in.emitUntil(tn, false, interp)
		t, u = tn, u1
		k++
	}
	return false, 0, u, nil
}

// hermite evaluates the cubic Hermite interpolant through (t0, u0) and (t0+h, u1) with
// slopes f0 and f1, at t.
func hermite(t0, h, u0, u1, f0, f1, t float64) float64 {
	s := (t - t0) / h
	s2, s3 := s*s, s*s*s
	return (2*s3-3*s2+1)*u0 + (s3-2*s2+s)*h*f0 + (-2*s3+3*s2)*u1 + (s3-s2)*h*f1
}

func finiteAll(xs ...float64) bool {
	for _, x := range xs {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return false
		}
	}
	return true
}

package eif_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func TestFixedPointsEIF(t *testing.T) {
	const tol = 1e-9
	n := eif.MustNew(eif.Default())
	for _, tc := range []struct {
		i       float64
		u, dudu []float64
		stab    []eif.Stability
	}{
		// Reference values: the roots of −(u+70) + exp(u+40) + 4I = 0 by Newton's method in
		// 40-digit decimal arithmetic, and (e^(u*+40) − 1)/10.
		{i: 0, u: []float64{-69.99999999999990642, -36.48809938192190713}, dudu: []float64{-0.09999999999999906424, 3.251190061807809287}, stab: []eif.Stability{eif.Stable, eif.Unstable}},
		{i: 6, u: []float64{-45.99751508066485055, -37.90928259484451540}, dudu: []float64{-0.09975150806648505470, 0.7090717405155484596}, stab: []eif.Stability{eif.Stable, eif.Unstable}},
		{i: 7.25, u: []float64{-40}, dudu: []float64{0}, stab: []eif.Stability{eif.SaddleNode}},
		{i: 7.2500001},
		{i: 20},
	} {
		fps := n.FixedPoints(tc.i)
		if len(fps) != len(tc.u) {
			t.Errorf("I = %g: %d fixed points, want %d", tc.i, len(fps), len(tc.u))
			continue
		}
		for k, fp := range fps {
			if !scalar.EqualWithinAbsOrRel(fp.U, tc.u[k], tol, tol) {
				t.Errorf("I = %g: u*%d = %.12f, want %.12f", tc.i, k, fp.U, tc.u[k])
			}
			if !scalar.EqualWithinAbsOrRel(fp.Slope, tc.dudu[k], tol, 0) {
				t.Errorf("I = %g: f′(u*%d) = %.12f, want %.12f", tc.i, k, fp.Slope, tc.dudu[k])
			}
			if fp.Stability != tc.stab[k] {
				t.Errorf("I = %g: u*%d is %v, want %v", tc.i, k, fp.Stability, tc.stab[k])
			}
			// The definition: f(u*) = 0, and the slope is f′(u*).
			if f := n.DuDt(fp.U, tc.i); math.Abs(f) > 1e-12 {
				t.Errorf("I = %g: f(u*%d) = %g, want 0", tc.i, k, f)
			}
			if !scalar.EqualWithinAbsOrRel(n.Slope(fp.U), fp.Slope, 1e-9, 1e-9) {
				t.Errorf("I = %g: Slope(u*%d) = %g, FixedPoint.Slope = %g", tc.i, k, n.Slope(fp.U), fp.Slope)
			}
		}
	}
}

// TestFixedPointsSweep checks f(u*) = 0 and the ordering over a dense range of currents and
// slope factors, including very sharp onsets where e^(−c) underflows.
func TestFixedPointsSweep(t *testing.T) {
	for _, dt := range []float64{0.02, 0.25, 1, 4} {
		p := eif.Default()
		p.DeltaT = dt
		n := eif.MustNew(p)
		irh := n.Rheobase()
		for k := 0; k <= 400; k++ {
			i := -50 + (irh+50)*float64(k)/400
			fps := n.FixedPoints(i)
			if k < 400 && len(fps) != 2 {
				t.Fatalf("Δ_T = %g, I = %g: %d fixed points, want 2", dt, i, len(fps))
			}
			for _, fp := range fps {
				if fp.U > p.Cutoff {
					continue // DuDt is continued linearly beyond the cut-off
				}
				// u* = (u_rest + R·I) + Δ_T·v is exact to the rounding of that sum, so
				// |f| ≈ |f′|·ulp(largest term), plus the rounding of terms of size
				// |u − u_rest| + |R·I|: allow for both.
				uinf := p.Rest + p.R*i
				big := math.Max(math.Abs(fp.U), math.Max(math.Abs(uinf), math.Abs(fp.U-uinf)))
				scale := (math.Abs(fp.U-p.Rest) + math.Abs(p.R*i)) / p.Tau
				ulp := math.Nextafter(big, math.Inf(1)) - big
				if f := n.DuDt(fp.U, i); math.Abs(f) > 4*ulp*math.Abs(fp.Slope)+4e-16*scale {
					t.Errorf("Δ_T = %g, I = %g: f(%g) = %g", dt, i, fp.U, f)
				}
			}
			if len(fps) == 2 && !(fps[0].U < p.ThetaRh && fps[1].U > p.ThetaRh) {
				t.Errorf("Δ_T = %g, I = %g: fixed points %g, %g not on both sides of θ_rh", dt, i, fps[0].U, fps[1].U)
			}
		}
	}
}

func TestFixedPointsLIFAndHardThreshold(t *testing.T) {
	l := eif.MustNew(eif.DefaultLIF())
	if fps := l.FixedPoints(6); len(fps) != 1 || fps[0].U != -46 || fps[0].Stability != eif.Stable || fps[0].Slope != -0.1 {
		t.Errorf("LIF at 6 nA: %+v, want one stable point at −46 mV with slope −0.1/ms", fps)
	}
	p := eif.Default()
	p.DeltaT = 0
	h := eif.MustNew(p)
	if got := h.Rheobase(); got != 7.5 {
		t.Errorf("Δ_T = 0: rheobase %g, want 7.5 nA", got)
	}
	if fps := h.FixedPoints(8); len(fps) != 0 {
		t.Errorf("Δ_T = 0 above rheobase: %+v, want none", fps)
	}
	if th, err := h.EffectiveThreshold(0); err != nil || th != -40 {
		t.Errorf("Δ_T = 0: threshold %g, %v, want −40 mV", th, err)
	}
}

func TestThresholdsAndRheobase(t *testing.T) {
	n := eif.MustNew(eif.Default())
	if got := n.Rheobase(); got != 7.25 {
		t.Errorf("EIF rheobase %g, want 7.25 nA", got)
	}
	if got := eif.MustNew(eif.DefaultLIF()).Rheobase(); got != 10 {
		t.Errorf("LIF rheobase %g, want 10 nA", got)
	}
	th, err := n.EffectiveThreshold(0)
	if err != nil || !scalar.EqualWithinAbsOrRel(th, -36.48809938192191, 1e-9, 0) {
		t.Errorf("θ_I=0 = %.10f, %v, want −36.48809938", th, err)
	}
	if _, err := n.EffectiveThreshold(8); !errors.Is(err, eif.ErrNoFixedPoint) {
		t.Errorf("θ_I above rheobase: err = %v, want ErrNoFixedPoint", err)
	}
	// f″(θ_rh) = 1/(τ·Δ_T).
	if got := n.Curvature(-40); !scalar.EqualWithinAbsOrRel(got, 0.1, 1e-15, 1e-15) {
		t.Errorf("f″(θ_rh) = %g, want 0.1 mV⁻¹ms⁻¹", got)
	}
}

func TestBifurcation(t *testing.T) {
	n := eif.MustNew(eif.Default())
	s, u, err := n.Bifurcation(0, 10, 101)
	if err != nil {
		t.Fatal(err)
	}
	// 0, 0.1, …, 7.2 below rheobase, then the saddle-node point.
	if len(s.I) != 74 || len(u.I) != 74 {
		t.Fatalf("branches of %d and %d points, want 74", len(s.I), len(u.I))
	}
	last := len(s.I) - 1
	if s.I[last] != 7.25 || s.U[last] != -40 || u.U[last] != -40 {
		t.Errorf("branches end at (%g, %g) and (%g, %g), want (7.25, −40)", s.I[last], s.U[last], u.I[last], u.U[last])
	}
	for k := 1; k < len(s.I); k++ {
		if !(s.U[k] > s.U[k-1] && u.U[k] < u.U[k-1]) {
			t.Fatalf("branches not monotone at I = %g", s.I[k])
		}
	}
	if _, _, err := n.Bifurcation(5, 1, 10); err == nil {
		t.Error("iMax < iMin: no error")
	}
}

// TestBifurcationAt checks that BifurcationAt, given Bifurcation's currents, gives its
// branches bit for bit (they are one sampler), that it ends the branches at the
// saddle-node for any spacing, and that it names the current that breaks its rules.
func TestBifurcationAt(t *testing.T) {
	n := eif.MustNew(eif.Default())
	const num = 1001
	currents := make([]float64, num)
	for k := range currents {
		currents[k] = -5 + (12-(-5))*float64(k)/float64(num-1)
	}
	s1, u1, err1 := n.Bifurcation(-5, 12, num)
	s2, u2, err2 := n.BifurcationAt(currents)
	if err1 != nil || err2 != nil || !sameBits(s1.I, s2.I) || !sameBits(s1.U, s2.U) || !sameBits(u1.I, u2.I) || !sameBits(u1.U, u2.U) {
		t.Errorf("BifurcationAt(Bifurcation's currents) differs from Bifurcation (%v, %v)", err1, err2)
	}
	dense := []float64{0, 4, 6, 7, 7.2, 7.249, 7.2499999, 8} // the rheobase is 7.25 nA
	s, u, err := n.BifurcationAt(dense)
	if last := len(dense) - 1; err != nil || len(s.I) != len(dense) || s.I[last] != n.Rheobase() || u.U[last] != -40 || s.U[last] != -40 {
		t.Errorf("dense towards the rheobase: %v, %v, %v", s, u, err)
	}
	var pe *eif.ParamError
	for _, c := range []struct {
		currents []float64
		field    string
	}{
		{[]float64{1}, "len(currents)"}, {[]float64{1, 2, 2}, "currents[2]"}, {[]float64{1, math.NaN()}, "currents[1]"},
		{[]float64{-2e6, 0}, "currents[0]"},
	} {
		if _, _, err := n.BifurcationAt(c.currents); !errors.As(err, &pe) || pe.Field != c.field {
			t.Errorf("%v: %v, want an error on %s", c.currents, err, c.field)
		}
	}
}

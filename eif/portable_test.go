package eif

import (
	"math"
	"math/rand/v2"
	"testing"
)

// ulps returns the distance between a and b in units in the last place of b.
func ulps(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / (math.Nextafter(math.Abs(b), math.Inf(1)) - math.Abs(b))
}

// TestPortableMath checks expP and logP against math.Exp and math.Log: within 4 and 2 ulp over
// their whole range, and the special values.
func TestPortableMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var worstE, worstL float64
	for range 200000 {
		x := (rng.Float64()*2 - 1) * 708 // normal results: subnormal ones lose bits anyway
		if d := ulps(expP(x), math.Exp(x)); d > worstE {
			worstE = d
		}
		y := math.Exp((rng.Float64()*2 - 1) * 700)
		if d := ulps(logP(y), math.Log(y)); d > worstL && math.Abs(math.Log(y)) > 1e-300 {
			worstL = d
		}
	}
	for _, x := range []float64{0, 1e-300, -1e-300, 0.3465, -0.3466, 1, -1, 10, 600, -700} {
		if d := ulps(expP(x), math.Exp(x)); d > worstE {
			worstE = d
		}
	}
	for _, y := range []float64{1, math.Nextafter(1, 2), math.Nextafter(1, 0), 2, 0.5, math.Sqrt2, 1e-300, 1e300} {
		if d := math.Abs(logP(y) - math.Log(y)); d > 2.3e-16*math.Max(1, math.Abs(math.Log(y))) {
			t.Errorf("logP(%g) = %g, math.Log %g", y, logP(y), math.Log(y))
		}
	}
	t.Logf("worst: expP %.2f ulp, logP %.2f ulp", worstE, worstL)
	if worstE > 4 || worstL > 2 {
		t.Errorf("worst error: expP %.2f ulp, logP %.2f ulp, want ≤ 4 and ≤ 2", worstE, worstL)
	}
	if expP(800) != math.Inf(1) || expP(-800) != 0 || !math.IsNaN(expP(math.NaN())) {
		t.Error("expP: wrong special values")
	}
	if logP(0) != math.Inf(-1) || !math.IsNaN(logP(-1)) || !math.IsInf(logP(math.Inf(1)), 1) {
		t.Error("logP: wrong special values")
	}
}

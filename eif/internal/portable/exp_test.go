package portable

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

// TestPortableMath checks Exp and Log against math.Exp and math.Log: within 4 and 2 ulp over
// their whole range, and the special values.
func TestPortableMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var worstE, worstL float64
	for range 200000 {
		x := (rng.Float64()*2 - 1) * 708 // normal results: subnormal ones lose bits anyway
		if d := ulps(Exp(x), math.Exp(x)); d > worstE {
			worstE = d
		}
		y := math.Exp((rng.Float64()*2 - 1) * 700)
		if d := ulps(Log(y), math.Log(y)); d > worstL && math.Abs(math.Log(y)) > 1e-300 {
			worstL = d
		}
	}
	for _, x := range []float64{0, 1e-300, -1e-300, 0.3465, -0.3466, 1, -1, 10, 600, -700} {
		if d := ulps(Exp(x), math.Exp(x)); d > worstE {
			worstE = d
		}
	}
	for _, y := range []float64{1, math.Nextafter(1, 2), math.Nextafter(1, 0), 2, 0.5, math.Sqrt2, 1e-300, 1e300} {
		if d := math.Abs(Log(y) - math.Log(y)); d > 2.3e-16*math.Max(1, math.Abs(math.Log(y))) {
			t.Errorf("Log(%g) = %g, math.Log %g", y, Log(y), math.Log(y))
		}
	}
	t.Logf("worst: Exp %.2f ulp, Log %.2f ulp", worstE, worstL)
	if worstE > 4 || worstL > 2 {
		t.Errorf("worst error: Exp %.2f ulp, Log %.2f ulp, want ≤ 4 and ≤ 2", worstE, worstL)
	}
	if Exp(800) != math.Inf(1) || Exp(-800) != 0 || !math.IsNaN(Exp(math.NaN())) {
		t.Error("Exp: wrong special values")
	}
	if Log(0) != math.Inf(-1) || !math.IsNaN(Log(-1)) || !math.IsInf(Log(math.Inf(1)), 1) {
		t.Error("Log: wrong special values")
	}
}

package portable

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestEMExp checks the exponential of the Euler–Maruyama step against factor·math.Exp:
// within (4 + 2|x|) ulp, x = (u − θ_rh)/Δ_T, where 2|x| ulp is the rounding of the argument
// (in y here, in x for math.Exp), over the whole range a step can meet, and 0 below it.
func TestEMExp(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	worst := 0.0
	for _, c := range []struct{ theta, deltaT, factor float64 }{
		{-40, 1, 0.001}, {-40, 0.05, 0.1}, {-55, 3.5, 1e-5},
	} {
		e := NewEMExp(c.theta, c.deltaT, c.factor)
		for range 100000 {
			x := -700 + rng.Float64()*1300
			u := c.theta + x*c.deltaT
			x = (u - c.theta) / c.deltaT
			want := c.factor * math.Exp(x)
			d := ulps(e.At(u), want) / (4 + 2*math.Abs(x))
			worst = max(worst, d)
		}
		if got := e.At(c.theta - 701*c.deltaT); got != 0 {
			t.Errorf("%+v: at(θ_rh − 701 Δ_T) = %g, want 0", c, got)
		}
		if got, want := e.At(c.theta), c.factor; got != want {
			t.Errorf("%+v: at(θ_rh) = %g, want %g", c, got, want)
		}
	}
	t.Logf("worst error: %.2f of the bound", worst)
	if worst > 1 {
		t.Errorf("worst error %.2f times the bound (4 + 2|x|) ulp", worst)
	}
	for j, v := range exp2Table2048 {
		if d := ulps(v, math.Exp2(float64(j)/2048)); d > 1 {
			t.Errorf("2^(%d/2048): %.2f ulp from math.Exp2", j, d)
		}
	}
}

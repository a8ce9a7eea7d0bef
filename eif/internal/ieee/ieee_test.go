package ieee

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestNearest checks Nearest against math.RoundToEven over |y| < 2^51, at random and at
// the halves.
func TestNearest(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 100000 {
		y := math.Ldexp(rng.Float64()*2-1, rng.IntN(52))
		if got, want := Nearest(y), math.RoundToEven(y); got != want {
			t.Fatalf("Nearest(%.17g) = %.17g, want %.17g", y, got, want)
		}
	}
	for _, y := range []float64{0.5, 1.5, 2.5, -0.5, -2.5, 1<<51 - 0.5, -(1<<51 - 0.5), 0, 0.49999999999999994} {
		if got, want := Nearest(y), math.RoundToEven(y); got != want {
			t.Errorf("Nearest(%.17g) = %.17g, want %.17g", y, got, want)
		}
	}
}

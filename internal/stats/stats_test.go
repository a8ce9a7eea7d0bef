package stats

import (
	"math"
	"testing"
)

// Percentiles of 1..21 interpolate between order statistics: p50 = 11,
// p95 = 1 + 0.95·20 = 20; p95 of 10 samples falls between the 9th and 10th.
func TestOf(t *testing.T) {
	var xs []float64
	for i := 21; i >= 1; i-- {
		xs = append(xs, float64(i))
	}
	if got := Of(xs); got != (Summary{N: 21, P50: 11, P95: 20, Max: 21}) {
		t.Errorf("Of(21..1) = %+v", got)
	}
	if xs[0] != 21 {
		t.Error("Of sorted its argument")
	}
	ten := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9, 10}
	if got := Of(ten).P95; math.Abs(got-9.55) > 1e-12 {
		t.Errorf("p95 of 1..10 = %v, want 9.55", got)
	}
	if got := Of(nil); got != (Summary{}) {
		t.Errorf("Of(nil) = %+v", got)
	}
	if got := Round1(2.345); got != 2.3 {
		t.Errorf("Round1(2.345) = %v", got)
	}
}

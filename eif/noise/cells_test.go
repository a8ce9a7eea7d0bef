package noise

import (
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// TestGaussLegendre checks the rule of the threshold integration: nodes increasing inside
// (0, 1), and ∫₀¹ tᵖ dt = 1/(p + 1) within 1e-15 relative for every degree p ≤ 15.
func TestGaussLegendre(t *testing.T) {
	for k, x := range glX {
		if !(x > 0 && x < 1) || k > 0 && !(x > glX[k-1]) {
			t.Fatalf("nodes %v: want them increasing inside (0, 1)", glX)
		}
	}
	for p := 0; p <= 15; p++ {
		var sum float64
		for k, x := range glX {
			sum += glW[k] * math.Pow(x, float64(p))
		}
		if want := 1 / float64(p+1); math.Abs(sum-want) > 1e-15*want {
			t.Errorf("degree %d: %.17g, want %.17g", p, sum, want)
		}
	}
}

// TestGridCheckedFirst checks that a grid too fine to build is reported before the work
// (issue 22: StationaryCV(−1e6, 0.01) with Δ_T = 20 mV and θ_pa = 100 mV took 3.3 s to
// say so): checkGrid, which only lays the cells, finds the error that StationaryCV and
// StationaryState return; and that it lets the grids of the usual cases through.
func TestGridCheckedFirst(t *testing.T) {
	p := eif.Default()
	p.DeltaT, p.Cutoff = 20, 100
	n := eif.MustNew(p)
	m, _ := neuronOf(n)
	q := newFokkerPlanck(m, -1e6, 0.01)
	pre := q.checkGrid()
	_, err := StationaryCV(n, -1e6, 0.01)
	if pre == nil || err == nil || pre.Error() != err.Error() {
		t.Errorf("checkGrid: %v; StationaryCV: %v; want the same error from both", pre, err)
	}
	if _, err := StationaryState(n, -1e6, 0.01); err == nil || err.Error() != pre.Error() {
		t.Errorf("StationaryState: %v, want %v", err, pre)
	}
	d, _ := neuronOf(eif.MustNew(eif.Default()))
	for _, c := range [][2]float64{{7, 2}, {10, 1}, {7.25, 0.1}, {-5, 6}} {
		q := newFokkerPlanck(d, c[0], c[1])
		if err := q.checkGrid(); err != nil {
			t.Errorf("I = %g nA, σ = %g mV: %v", c[0], c[1], err)
		}
	}
}

package chart

import (
	"math"
	"testing"
)

// TestHistogram checks the density normalisation (the step area is the fraction of
// values inside the range), the bins of edge values, and the empty series of bad input.
func TestHistogram(t *testing.T) {
	x := []float64{0, 0.5, 1, 1.5, 2, 3.9, 4, 5, math.NaN()}
	s := Histogram("h", x, 0, 4, 4)
	if len(s.X) != 5 || len(s.Y) != 5 || !s.Step {
		t.Fatalf("%d edges, %d values, step %v", len(s.X), len(s.Y), s.Step)
	}
	want := []float64{2, 2, 1, 2} // counts; 4 falls in the last bin, 5 and NaN in none
	var area float64
	for k, c := range want {
		if got := s.Y[k] * float64(len(x)); math.Abs(got-c) > 1e-12 {
			t.Errorf("bin %d: count %g, want %g", k, got, c)
		}
		area += s.Y[k] * (s.X[k+1] - s.X[k])
	}
	if math.Abs(area-7.0/9) > 1e-12 {
		t.Errorf("area %g, want 7/9", area)
	}
	for _, bad := range []Series{Histogram("", x, 1, 1, 4), Histogram("", x, 0, 1, 0), Histogram("", nil, 0, 1, 3), Histogram("", x, math.NaN(), 1, 3)} {
		if len(bad.X) != 0 {
			t.Errorf("bad input gave %d points", len(bad.X))
		}
	}
	if _, err := XY("t", "x", "y", Histogram("", nil, 0, 1, 3)).HTML(); err == nil {
		t.Error("an empty histogram drew without an error")
	}
}

// TestRaster checks one mark per finite spike, on the row of its train.
func TestRaster(t *testing.T) {
	s := Raster("r", [][]float64{{1, 2}, {}, {3, math.Inf(1)}})
	if len(s.X) != 3 || s.Y[2] != 2 || s.X[2] != 3 || !s.Points {
		t.Errorf("raster %v %v", s.X, s.Y)
	}
}

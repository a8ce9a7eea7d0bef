package sweep

import (
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
)

// TestRun checks that Run computes every point once, whatever the number of workers, and
// that a failing sweep returns the error of the lowest failing point, as a serial loop
// would, having computed every point below it.
func TestRun(t *testing.T) {
	const n = 1000
	for _, workers := range []int{1, 2, 7, 0} {
		var calls atomic.Int64
		out := make([]int, n)
		err := Run(n, workers, func() func(k int) error {
			return func(k int) error {
				calls.Add(1)
				out[k] = k * k
				return nil
			}
		})
		if err != nil || calls.Load() != n {
			t.Fatalf("%d workers: %v, %d calls for %d points", workers, err, calls.Load(), n)
		}
		for k, v := range out {
			if v != k*k {
				t.Fatalf("%d workers: point %d = %d", workers, k, v)
			}
		}
		done := make([]atomic.Bool, n)
		err = Run(n, workers, func() func(k int) error {
			return func(k int) error {
				done[k].Store(true)
				if k == 300 || k == 301 || k == 900 {
					return fmt.Errorf("point %d", k)
				}
				return nil
			}
		})
		if err == nil || err.Error() != "point 300" {
			t.Errorf("%d workers: %v, want the error of point 300", workers, err)
		}
		for k := range 300 {
			if !done[k].Load() {
				t.Fatalf("%d workers: point %d below the failure was not computed", workers, k)
			}
		}
	}
}

// TestEach checks Each's results and its error.
func TestEach(t *testing.T) {
	got, err := Each(5, func(k int) (float64, error) { return float64(k) / 2, nil })
	if err != nil || !slices.Equal(got, []float64{0, 0.5, 1, 1.5, 2}) {
		t.Errorf("Each: %v, %v", got, err)
	}
	bad := errors.New("bad")
	if got, err := Each(5, func(k int) (float64, error) { return 0, bad }); got != nil || !errors.Is(err, bad) {
		t.Errorf("Each failing: %v, %v", got, err)
	}
}

// TestOneAtATime checks that the wrapped progress is never entered twice at once, and
// that nil stays nil.
func TestOneAtATime(t *testing.T) {
	if OneAtATime(nil) != nil {
		t.Error("OneAtATime(nil) is not nil")
	}
	var inside, overlaps atomic.Int64
	p := OneAtATime(func(float64) {
		if inside.Add(1) > 1 {
			overlaps.Add(1)
		}
		for range 1000 {
		}
		inside.Add(-1)
	})
	_ = Run(200, 4, func() func(k int) error {
		return func(k int) error { p(float64(k)); return nil }
	})
	if overlaps.Load() != 0 {
		t.Errorf("progress entered %d times while running", overlaps.Load())
	}
}

package eif_test

import (
	"math"
	"runtime"
	"slices"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// withProcs runs f with GOMAXPROCS set to procs, and restores it.
func withProcs(procs int, f func()) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
	f()
}

// sameBits reports whether a and b hold the same float64s bit for bit.
func sameBits(a, b []float64) bool {
	return slices.EqualFunc(a, b, func(x, y float64) bool { return math.Float64bits(x) == math.Float64bits(y) })
}

// sweeps runs each parallel sweep of the package once and returns its results, the error
// of a sweep that fails part-way as a string.
func sweeps(t *testing.T) [][]float64 {
	t.Helper()
	e, l := eif.MustNew(eif.Default()), eif.MustNew(eif.DefaultLIF())
	var out [][]float64
	currents := []float64{0, 7.3, 8, 9.5, 11, 14, 20, 30, 7.26, 12.5, 16, 25}
	for _, n := range []*eif.Neuron{e, l} {
		rates, err := n.SimulatedFICurve(currents, 300, nil)
		if err != nil {
			t.Fatal(err)
		}
		ths, err := n.StrengthDuration([]float64{0.2, 1, 3, 10, 30, 100, 300}, &eif.SearchSettings{Tol: 1e-9})
		if err != nil {
			t.Fatal(err)
		}
		st, un, err := n.Bifurcation(-5, 12, 20001)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rates, ths, st.I, st.U)
		if n == e { // the LIF has no unstable branch
			out = append(out, un.I, un.U)
		}
	}
	return out
}

// TestSweepsBitIdentical checks that the sweeps give bit for bit the same results on one
// goroutine and on several, and fail at the same point with the same error.
func TestSweepsBitIdentical(t *testing.T) {
	var serial, parallel [][]float64
	withProcs(1, func() { serial = sweeps(t) })
	withProcs(4, func() { parallel = sweeps(t) })
	for k := range serial {
		if len(serial[k]) == 0 {
			t.Errorf("result %d is empty", k)
		}
		if !sameBits(serial[k], parallel[k]) {
			t.Errorf("result %d differs between GOMAXPROCS = 1 and 4:\n%v\n%v", k, serial[k], parallel[k])
		}
	}

	// Budgets of steps that some points exceed and others not: both runs must stop at the
	// same point, the first that fails, with the same error, which says where it stopped.
	n := eif.MustNew(eif.Default())
	currents := []float64{0, 1, 2, 3, 20, 4, 30, 5, 25}
	durations := []float64{0.5, 2, 10, 50, 1e4, 300, 1e5}
	sameFailure(t, "SimulatedFICurve", func(steps int) error {
		_, err := n.SimulatedFICurve(currents, 1000, &eif.Settings{MaxSteps: steps})
		return err
	})
	sameFailure(t, "StrengthDuration", func(steps int) error {
		_, err := n.StrengthDuration(durations, &eif.SearchSettings{Sim: &eif.Settings{MaxSteps: steps}})
		return err
	})
}

// sameFailure runs run serially and in parallel with budgets of steps from 16 up, doubling,
// until the serial run succeeds, and reports a budget where the two errors differ.
func sameFailure(t *testing.T, name string, run func(steps int) error) {
	t.Helper()
	failed := 0
	for steps := 16; steps <= 1<<24; steps *= 2 {
		var serial, parallel error
		withProcs(1, func() { serial = run(steps) })
		if serial == nil {
			break
		}
		failed++
		withProcs(4, func() { parallel = run(steps) })
		if parallel == nil || parallel.Error() != serial.Error() {
			t.Errorf("%s with MaxSteps = %d: serial err = %v, parallel err = %v, want the same", name, steps, serial, parallel)
		}
	}
	if failed == 0 {
		t.Errorf("%s: no budget made the serial run fail: the comparison checked nothing", name)
	}
}

// sdDurations are the 16 pulse durations of the strength–duration benchmark, 0.1–300 ms.
func sdDurations() []float64 {
	d := make([]float64, 16)
	for k := range d {
		d[k] = 0.1 * math.Pow(3000, float64(k)/15)
	}
	return d
}

// BenchmarkStrengthDuration finds the threshold of 16 pulses from 0.1 to 300 ms to 1e-6 nA.
// Run with -cpu 1,2 to compare the serial and the parallel sweep.
func BenchmarkStrengthDuration(b *testing.B) {
	n := eif.MustNew(eif.Default())
	d := sdDurations()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.StrengthDuration(d, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBifurcation sweeps 10⁵ currents over −5–12 nA for the fixed points.
func BenchmarkBifurcation(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := n.Bifurcation(-5, 12, 100_000); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBifurcationSmall is the diagram of the notebooks: 400 currents.
func BenchmarkBifurcationSmall(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := n.Bifurcation(-5, 12, 400); err != nil {
			b.Fatal(err)
		}
	}
}

// TestSweepProgress checks that a Settings.Progress that keeps unguarded state, as one
// written for a single run does, is called during a parallel sweep (run with -race to see
// that the calls never overlap).
func TestSweepProgress(t *testing.T) {
	n := eif.MustNew(eif.Default())
	calls := 0
	count := func(float64) { calls++ }
	withProcs(4, func() {
		if _, err := n.SimulatedFICurve([]float64{8, 10, 12, 14, 16}, 200, &eif.Settings{Progress: count}); err != nil {
			t.Fatal(err)
		}
		if _, err := n.StrengthDuration([]float64{1, 2, 3, 4}, &eif.SearchSettings{Sim: &eif.Settings{Progress: count}}); err != nil {
			t.Fatal(err)
		}
	})
	if calls == 0 {
		t.Error("Settings.Progress was never called")
	}
}

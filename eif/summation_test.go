package eif_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// The LIF's pair threshold against its closed form (the membrane's linear filter).
func TestPairThresholdLIF(t *testing.T) {
	n := eif.MustNew(eif.DefaultLIF())
	p := n.Params()
	const w = 0.5
	for _, sep := range []float64{0.5, 1, 5, 20, 60} {
		got, err := n.PairThreshold(w, sep, &eif.SearchSettings{Tol: 1e-9})
		if err != nil {
			t.Fatal(err)
		}
		want := (p.Cutoff - p.Rest) / (p.R * (1 - math.Exp(-w/p.Tau)) * (1 + math.Exp(-sep/p.Tau)))
		if math.Abs(got-want) > 1e-6*want {
			t.Errorf("sep = %g ms: threshold %.10f nA, want %.10f (relative 1e-6)", sep, got, want)
		}
	}
}

// The EIF's pair threshold between its two limits: touching pulses are one pulse of
// twice the width, far-apart pulses act alone.
func TestPairThresholdEIFLimits(t *testing.T) {
	n := eif.MustNew(eif.Default())
	const w = 0.5
	set := &eif.SearchSettings{Tol: 1e-7}
	one, err := n.PulseThreshold(w, set)
	if err != nil {
		t.Fatal(err)
	}
	double, err := n.PulseThreshold(2*w, set)
	if err != nil {
		t.Fatal(err)
	}
	touch, err := n.PairThreshold(w, w, set)
	if err != nil {
		t.Fatal(err)
	}
	far, err := n.PairThreshold(w, 400, set)
	if err != nil {
		t.Fatal(err)
	}
	if math.Abs(touch-double) > 1e-6 {
		t.Errorf("touching pulses: %.8f nA, one pulse of %g ms: %.8f nA", touch, 2*w, double)
	}
	// after 400 ms = 40 τ the first pulse's trace is e^(−40) of its size
	if math.Abs(far-one) > 1e-6 {
		t.Errorf("pulses 400 ms apart: %.8f nA, one pulse: %.8f nA", far, one)
	}
	prev := touch
	for _, sep := range []float64{1, 5, 20, 60} {
		th, err := n.PairThreshold(w, sep, set)
		if err != nil {
			t.Fatal(err)
		}
		if th <= prev || th >= one {
			t.Errorf("sep = %g ms: threshold %.8f nA not between the previous %.8f and one pulse's %.8f", sep, th, prev, one)
		}
		prev = th
	}
}

func TestPairThresholdErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	for _, c := range []struct{ w, sep float64 }{{0, 1}, {-1, 1}, {1, 0.5}, {math.NaN(), 1}, {1, math.NaN()}, {math.Inf(1), 1}, {1, 2e9}} {
		if _, err := n.PairThreshold(c.w, c.sep, nil); err == nil {
			t.Errorf("width %g, sep %g: no error", c.w, c.sep)
		}
	}
	if _, err := (*eif.Neuron)(nil).PairThreshold(1, 2, nil); err == nil {
		t.Error("nil Neuron: no error")
	}
}

func ExampleNeuron_PairThreshold() {
	e, l := eif.MustNew(eif.Default()), eif.MustNew(eif.DefaultLIF())
	for _, sep := range []float64{1, 5, 20} {
		te, err1 := e.PairThreshold(0.5, sep, nil)
		tl, err2 := l.PairThreshold(0.5, sep, nil)
		if err1 != nil || err2 != nil {
			fmt.Println(err1, err2)
			return
		}
		fmt.Printf("two 0.5 ms pulses %g ms apart: EIF %.3f nA, LIF %.3f nA\n", sep, te, tl)
	}
	// Output:
	// two 0.5 ms pulses 1 ms apart: EIF 89.921 nA, LIF 107.643 nA
	// two 0.5 ms pulses 5 ms apart: EIF 106.668 nA, LIF 127.630 nA
	// two 0.5 ms pulses 20 ms apart: EIF 151.036 nA, LIF 180.600 nA
}

func BenchmarkPairThreshold(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.PairThreshold(0.5, 5, nil); err != nil {
			b.Fatal(err)
		}
	}
}

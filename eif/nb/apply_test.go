package nb_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/nb"
)

func TestApply(t *testing.T) {
	var calls []float64
	got := nb.Apply(func(x float64) float64 { calls = append(calls, x); return x * x }, []float64{3, -1, 0.5})
	if want := []float64{9, 1, 0.25}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Apply(x², [3 −1 0.5]) = %v, want %v", got, want)
	}
	if fmt.Sprint(calls) != "[3 -1 0.5]" {
		t.Errorf("Apply called f with %v, want each value once, in order", calls)
	}
	if got := nb.Apply(math.Sqrt, nil); got == nil || len(got) != 0 {
		t.Errorf("Apply(f, nil) = %#v, want an empty slice", got)
	}
	xs := []float64{1, 4}
	nb.Apply(math.Sqrt, xs)
	if xs[0] != 1 || xs[1] != 4 {
		t.Errorf("Apply changed its input: %v", xs)
	}
}

func ExampleApply() {
	n := nb.Must(eif.New(eif.Default()))
	u := []float64{-70, -40, -35} // voltages (mV)
	f := nb.Apply(func(x float64) float64 { return n.DuDt(x, 0) }, u)
	nb.Printf("f(u) at I = 0: %.4f mV/ms\n", f)
	// Output:
	// f(u) at I = 0: [0.0000 -2.9000 11.3413] mV/ms
}

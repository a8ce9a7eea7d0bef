package eif_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"gonum.org/v1/gonum/integrate/quad"
)

// Near θ_rh the QIF agrees with the EIF up to the cubic term (u − θ_rh)³/(6·τ·Δ_T²).
func TestQIFIsTheNormalForm(t *testing.T) {
	n := eif.MustNew(eif.Default())
	p := n.Params()
	for _, i := range []float64{0, 7.25, 8} {
		for _, x := range []float64{-0.1, -0.01, 0, 0.01, 0.1} {
			q, err := n.QIF(p.ThetaRh+x, i)
			if err != nil {
				t.Fatal(err)
			}
			diff := n.DuDt(p.ThetaRh+x, i) - q
			cubic := x * x * x / (6 * p.Tau * p.DeltaT * p.DeltaT)
			quartic := x * x * x * x / (24 * p.Tau * p.DeltaT * p.DeltaT * p.DeltaT) // the next term bounds the rest
			if math.Abs(diff-cubic) > 1.1*quartic+1e-15 {
				t.Errorf("I = %g, u − θ_rh = %g: EIF − QIF = %.6g, cubic term %.6g, next term %.3g", i, x, diff, cubic, quartic)
			}
		}
	}
}

// QIFTime against the bottleneck formula and against quadrature of 1/QIF.
func TestQIFTime(t *testing.T) {
	n := eif.MustNew(eif.Default())
	p := n.Params()
	for _, d := range []float64{1e-6, 1e-3, 0.1, 3} {
		i := n.Rheobase() + d
		full, err := n.QIFTime(i, math.Inf(-1), math.Inf(1))
		if err != nil {
			t.Fatal(err)
		}
		want := math.Pi * p.Tau * math.Sqrt(2*p.DeltaT/(p.R*d))
		// i − I_rh carries the rounding of i: a relative error of about 1e-16·i/d
		if math.Abs(full-want) > (1e-12+2e-16*i/d)*want {
			t.Errorf("ΔI = %g: full time %.15g, bottleneck %.15g", d, full, want)
		}
		got, err := n.QIFTime(i, p.Rest, p.Cutoff)
		if err != nil {
			t.Fatal(err)
		}
		f := func(u float64) float64 { q, _ := n.QIF(u, i); return 1 / q }
		// split at θ_rh, where 1/QIF peaks, and integrate each side with many nodes
		num := quad.Fixed(f, p.Rest, p.ThetaRh, 2000, nil, 0) + quad.Fixed(f, p.ThetaRh, p.Cutoff, 2000, nil, 0)
		if d >= 0.1 && math.Abs(got-num) > 1e-9*got {
			t.Errorf("ΔI = %g: QIFTime %.12g ms, quadrature %.12g ms", d, got, num)
		}
	}
}

func TestQIFErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	if _, err := n.QIFTime(7, -70, -30); err == nil {
		t.Error("below rheobase: no error")
	}
	if _, err := n.QIFTime(8, -30, -70); err == nil {
		t.Error("u2 < u1: no error")
	}
	if _, err := n.QIF(math.NaN(), 0); err == nil {
		t.Error("NaN voltage: no error")
	}
	for _, p := range []eif.Params{eif.DefaultLIF(), func() eif.Params { p := eif.Default(); p.DeltaT = 0; return p }()} {
		m := eif.MustNew(p)
		if _, err := m.QIF(-40, 0); err == nil {
			t.Errorf("%v, Δ_T = %g: no error", p.Model, p.DeltaT)
		}
	}
	if v, err := n.QIF(1e300, 0); err != nil || math.IsInf(v, 0) || math.IsNaN(v) {
		t.Errorf("QIF(1e300) = %g, %v", v, err)
	}
}

func ExampleNeuron_QIFTime() {
	n := eif.MustNew(eif.Default())
	p := n.Params()
	i := n.Rheobase() + 1e-4
	full, _ := n.QIFTime(i, math.Inf(-1), math.Inf(1))
	below, _ := n.QIFTime(i, math.Inf(-1), p.Rest)
	above, _ := n.QIFTime(i, p.Cutoff, math.Inf(1))
	fmt.Printf("bottleneck %.2f ms, of which %.3f ms below u_r and %.3f ms above θ_pa\n", full, below, above)
	// Output:
	// bottleneck 2221.44 ms, of which 0.667 ms below u_r and 2.000 ms above θ_pa
}

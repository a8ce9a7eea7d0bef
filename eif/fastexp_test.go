package eif

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExpFast checks expFast against math.Exp within 2 ulp, over the range the
// integrators use and beyond, and at the edges of its fast path.
func TestExpFast(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(x float64) {
		t.Helper()
		got, want := expFast(x), math.Exp(x)
		if want == 0 || math.IsInf(want, 0) || math.IsNaN(want) {
			if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("expFast(%g) = %g, want %g", x, got, want)
			}
			return
		}
		if d := math.Abs(got-want) / want; d > 4.5e-16 {
			t.Fatalf("expFast(%.17g) = %.17g, math.Exp = %.17g: %.2g relative, beyond 2 ulp", x, got, want, d)
		}
	}
	for range 1_000_000 {
		check(-40 + 50*rng.Float64()) // (u − θ_rh)/Δ_T on the way to a spike
	}
	for range 200_000 {
		check(-1400 + 2800*rng.Float64())
	}
	for _, x := range []float64{0, -0, 1e-300, -1e-300, math.Ln2 / 128, -math.Ln2 / 128, 699.999, -699.999, 700, -700, 709.7, 710, -745, -746,
		math.Inf(1), math.Inf(-1), math.NaN(), math.MaxFloat64, -math.MaxFloat64} {
		check(x)
	}
	for j := range expN { // every table entry, exactly
		x := float64(j) * math.Ln2 / expN
		check(x)
		check(x - math.Ln2)
	}
}

var expSink float64

// BenchmarkExpLatency is the latency of a chain of exponentials, each waiting for the
// one before, as the stages of a step do: math.Exp against expFast.
func BenchmarkExpLatency(b *testing.B) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
	}{{"math.Exp", math.Exp}, {"expFast", expFast}} {
		b.Run(c.name, func(b *testing.B) {
			x := -3.0
			b.ReportAllocs()
			for b.Loop() {
				x = -3 + 1e-3*c.f(x)
			}
			expSink = x
		})
	}
}

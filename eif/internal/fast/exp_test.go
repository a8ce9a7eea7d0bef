package fast_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast/fmatest"
)

// TestExp checks Exp against math.Exp within 2 ulp, over the range the integrators use
// and beyond, and at the edges of its fast path, on both paths of FMA.
func TestExp(t *testing.T) {
	fmatest.Unfused(t)
	rng := rand.New(rand.NewPCG(1, 2))
	check := func(x float64) {
		t.Helper()
		got, want := fast.Exp(x), math.Exp(x)
		if want == 0 || math.IsInf(want, 0) || math.IsNaN(want) {
			if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("Exp(%g) = %g, want %g", x, got, want)
			}
			return
		}
		if d := math.Abs(got-want) / want; d > 4.5e-16 {
			t.Fatalf("Exp(%.17g) = %.17g, math.Exp = %.17g: %.2g relative, beyond 2 ulp", x, got, want, d)
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
	const expN = 64       // the entries of Exp's table
	for j := range expN { // every table entry, exactly
		x := float64(j) * math.Ln2 / expN
		check(x)
		check(x - math.Ln2)
	}
}

// TestInvFifthRoot checks InvFifthRoot against math.Pow(x, −0.2) within 1e-13
// relative, from the smallest normal number to the largest, and its fall-back outside, on
// both paths of FMA.
func TestInvFifthRoot(t *testing.T) {
	fmatest.Unfused(t)
	rng := rand.New(rand.NewPCG(3, 4))
	check := func(x float64) {
		t.Helper()
		got, want := fast.InvFifthRoot(x), math.Pow(x, -0.2)
		if got == want || math.IsNaN(got) && math.IsNaN(want) {
			return
		}
		if math.IsInf(want, 0) || math.IsNaN(want) || math.Abs(got-want) > 1e-13*want {
			t.Fatalf("InvFifthRoot(%.17g) = %.17g, math.Pow = %.17g", x, got, want)
		}
	}
	for range 1_000_000 {
		check(math.Exp(-700 + 1400*rng.Float64()))
	}
	for range 200_000 {
		check(1e-12 + 10*rng.Float64()) // the errors the controller sees
	}
	for _, x := range []float64{1, math.Nextafter(1, 2), math.Nextafter(1, 0), 2, 0.5, 32, 1.0 / 32, math.SmallestNonzeroFloat64, 0x1p-1022, math.MaxFloat64,
		0, -0, -1, math.Inf(1), math.Inf(-1), math.NaN()} {
		check(x)
	}
}

// TestLog checks Log against math.Log within 1e-15·max(1, |log x|), from the smallest
// normal number to the largest, and its fall-back outside, on both paths of FMA.
func TestLog(t *testing.T) {
	fmatest.Unfused(t)
	rng := rand.New(rand.NewPCG(5, 6))
	check := func(x float64) {
		t.Helper()
		got, want := fast.Log(x), math.Log(x)
		if got == want || math.IsNaN(got) && math.IsNaN(want) {
			return
		}
		if math.IsInf(want, 0) || math.IsNaN(want) || math.Abs(got-want) > 1e-15*math.Max(1, math.Abs(want)) {
			t.Fatalf("Log(%.17g) = %.17g, math.Log = %.17g", x, got, want)
		}
	}
	for range 1_000_000 {
		check(math.Exp(-700 + 1400*rng.Float64()))
	}
	for range 200_000 {
		check(math.Exp(-600 * rng.Float64())) // y on the upstroke
		check(0.5 + 1.5*rng.Float64())        // near 1, where log is small
	}
	for _, x := range []float64{1, math.Nextafter(1, 2), math.Nextafter(1, 0), 2, 0.5, math.SmallestNonzeroFloat64, 0x1p-1022, math.MaxFloat64,
		0, -0, -1, math.Inf(1), math.Inf(-1), math.NaN()} {
		check(x)
	}
}

var expSink float64

// BenchmarkExpLatency is the latency of a chain of exponentials, each waiting for the
// one before, as the stages of a step do: math.Exp against Exp; and the same for the
// controller's err^(−1/5), math.Pow against InvFifthRoot, and for the logarithm of the
// upstroke, math.Log against Log.
func BenchmarkExpLatency(b *testing.B) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
		x    float64 // the chain stays near x
	}{{"math.Exp", math.Exp, -3}, {"Exp", fast.Exp, -3}, {"math.Pow(x, -0.2)", func(x float64) float64 { return math.Pow(x, -0.2) }, 3}, {"InvFifthRoot", fast.InvFifthRoot, 3},
		{"math.Log", math.Log, 3}, {"Log", fast.Log, 3}} {
		b.Run(c.name, func(b *testing.B) {
			x := c.x
			b.ReportAllocs()
			for b.Loop() {
				x = c.x + 1e-3*c.f(x)
			}
			expSink = x
		})
	}
}

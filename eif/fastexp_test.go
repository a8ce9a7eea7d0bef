package eif

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestExpFast checks expFast against math.Exp within 2 ulp, over the range the
// integrators use and beyond, and at the edges of its fast path.
func TestExpFast(t *testing.T) { bothFMA(t, testExpFast) }

func testExpFast(t *testing.T) {
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

// TestInvFifthRoot checks invFifthRoot against math.Pow(x, −0.2) within 1e-13
// relative, from the smallest normal number to the largest, and its fall-back outside.
func TestInvFifthRoot(t *testing.T) { bothFMA(t, testInvFifthRoot) }

func testInvFifthRoot(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	check := func(x float64) {
		t.Helper()
		got, want := invFifthRoot(x), math.Pow(x, -0.2)
		if got == want || math.IsNaN(got) && math.IsNaN(want) {
			return
		}
		if math.IsInf(want, 0) || math.IsNaN(want) || math.Abs(got-want) > 1e-13*want {
			t.Fatalf("invFifthRoot(%.17g) = %.17g, math.Pow = %.17g", x, got, want)
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

// TestLogFast checks logFast against math.Log within 1e-15·max(1, |log x|), from the
// smallest normal number to the largest, and its fall-back outside.
func TestLogFast(t *testing.T) { bothFMA(t, testLogFast) }

func testLogFast(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	check := func(x float64) {
		t.Helper()
		got, want := logFast(x), math.Log(x)
		if got == want || math.IsNaN(got) && math.IsNaN(want) {
			return
		}
		if math.IsInf(want, 0) || math.IsNaN(want) || math.Abs(got-want) > 1e-15*math.Max(1, math.Abs(want)) {
			t.Fatalf("logFast(%.17g) = %.17g, math.Log = %.17g", x, got, want)
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

// fmaPaths are the two paths of fma: fused (math.FMA, emulated in software where the
// processor lacks it) and unfused (a product and a sum).
var fmaPaths = []struct {
	name  string
	fused bool
}{{"fused", true}, {"unfused", false}}

// bothFMA runs test on both paths of fma.
func bothFMA(t *testing.T, test func(*testing.T)) {
	saved := hasFMA
	defer func() { hasFMA = saved }()
	for _, path := range fmaPaths {
		hasFMA = path.fused
		t.Run(path.name, test)
	}
}

// TestRateBothFMA checks the simulated rate at 10 nA, 1 s, against the exact one within
// 1e-7 Hz on both paths of fma, and that the two count their steps within 1 %.
func TestRateBothFMA(t *testing.T) {
	n := MustNew(Default())
	want := n.Rate(10)
	steps := map[string]int{}
	bothFMA(t, func(t *testing.T) {
		r, err := n.Simulate(Constant(10), n.Params().Rest, 1000, &Settings{SpikesOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Spikes) < 2 {
			t.Fatalf("%d spikes", len(r.Spikes))
		}
		if got := spikeRate(r.Spikes); math.Abs(got-want) > 1e-7 {
			t.Errorf("rate %.12g Hz, exact %.12g Hz: %.2g Hz off, want ≤ 1e-7", got, want, got-want)
		}
		steps[t.Name()] = r.Steps
	})
	f, u := steps[t.Name()+"/fused"], steps[t.Name()+"/unfused"]
	if math.Abs(float64(f-u)) > 0.01*float64(f) {
		t.Errorf("steps: %d fused, %d unfused, more than 1 %% apart", f, u)
	}
}

var expSink float64

// BenchmarkExpLatency is the latency of a chain of exponentials, each waiting for the
// one before, as the stages of a step do: math.Exp against expFast; and the same for the
// controller's err^(−1/5), math.Pow against invFifthRoot, and for the logarithm of the
// upstroke, math.Log against logFast.
func BenchmarkExpLatency(b *testing.B) {
	for _, c := range []struct {
		name string
		f    func(float64) float64
		x    float64 // the chain stays near x
	}{{"math.Exp", math.Exp, -3}, {"expFast", expFast, -3}, {"math.Pow(x, -0.2)", func(x float64) float64 { return math.Pow(x, -0.2) }, 3}, {"invFifthRoot", invFifthRoot, 3},
		{"math.Log", math.Log, 3}, {"logFast", logFast, 3}} {
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

// BenchmarkStepFMA is the adaptive step of BenchmarkDormandPrinceConstant (1 s at 10 nA,
// spikes only) on both paths of fma: fused, and unfused as on a processor without FMA.
// On such a processor the fused path is math.FMA emulated in software, about 17 ns a
// multiply–add, which is why fma does not take it there.
func BenchmarkStepFMA(b *testing.B) {
	n := MustNew(Default())
	set := Settings{SpikesOnly: true}
	saved := hasFMA
	defer func() { hasFMA = saved }()
	for _, path := range fmaPaths {
		b.Run(path.name, func(b *testing.B) {
			hasFMA = path.fused
			var r Result
			b.ReportAllocs()
			for b.Loop() {
				if err := n.SimulateInto(&r, Constant(10), -70, 1000, &set); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(r.Steps+r.Rejected), "ns/step")
		})
	}
}

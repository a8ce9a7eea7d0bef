package eif

import (
	"fmt"
	"math"
	"os"
	"strconv"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/fast/fmatest"
)

// fusedStepsEnv hands the child process of TestRateBothFMA the step count of the fused
// path, to compare with its own.
const fusedStepsEnv = "EIF_TEST_FUSED_STEPS"

// TestRateBothFMA checks the simulated rate at 10 nA, 1 s, against the exact one within
// 1e-7 Hz on both paths of fast.FMA (the unfused one in a child process), and that the
// two count their steps within 1 %.
func TestRateBothFMA(t *testing.T) {
	n := MustNew(Default())
	want := n.Rate(10)
	r, err := n.Simulate(Constant(10), n.Params().Rest, 1000, &Settings{SpikesOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spikes) < 2 {
		t.Fatalf("%d spikes", len(r.Spikes))
	}
	t.Logf("fused: %v, %d steps", fast.Fused(), r.Steps)
	if got := spikeRate(r.Spikes); math.Abs(got-want) > 1e-7 {
		t.Errorf("rate %.12g Hz, exact %.12g Hz: %.2g Hz off, want ≤ 1e-7", got, want, got-want)
	}
	if s := os.Getenv(fusedStepsEnv); fmatest.Child() && s != "" {
		f, err := strconv.Atoi(s)
		if err != nil {
			t.Fatal(err)
		}
		if math.Abs(float64(f-r.Steps)) > 0.01*float64(f) {
			t.Errorf("steps: %d fused, %d unfused, more than 1 %% apart", f, r.Steps)
		}
	}
	fmatest.Unfused(t, fmt.Sprintf("%s=%d", fusedStepsEnv, r.Steps))
}

// BenchmarkStepFMA is the adaptive step of BenchmarkDormandPrinceConstant (1 s at 10 nA,
// spikes only) on the path of fast.FMA that this process takes, which names the
// sub-benchmark: fused, or unfused as on a processor without FMA. For the unfused path on
// a processor with FMA, run it with GODEBUG=cpu.fma=off (amd64). Where the processor
// lacks FMA, math.FMA is emulated in software, about 17 ns a multiply–add, which is why
// fast.FMA does not take it there.
func BenchmarkStepFMA(b *testing.B) {
	n := MustNew(Default())
	set := Settings{SpikesOnly: true}
	path := "unfused"
	if fast.Fused() {
		path = "fused"
	}
	b.Run(path, func(b *testing.B) {
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

package fast

import (
	"math"
	"runtime"

	"golang.org/x/sys/cpu"
)

// FMA returns x·y + z. Where the processor has a fused multiply–add it is math.FMA, one
// rounding and half the latency of a product and a sum, which is what the stages of a
// step wait for. Elsewhere, on x86 processors without FMA (before Haswell, and some
// Pentium and Celeron models), math.FMA would be emulated in software at about 17 ns a
// call, and a step makes some 80 calls; there FMA is the product and the sum
// (BenchmarkStepFMA in eif measures both paths).
func FMA(x, y, z float64) float64 {
	if fused {
		return math.FMA(x, y, z)
	}
	return x*y + z
}

// Fused reports whether FMA fuses in this process.
func Fused() bool { return fused }

// fused reports whether math.FMA is an instruction here. It is set once, here, when the
// program starts; no code assigns it afterwards (TestFusedSetOnce).
var fused = runtime.GOARCH == "arm64" || runtime.GOARCH == "ppc64le" || runtime.GOARCH == "s390x" ||
	runtime.GOARCH == "riscv64" || (runtime.GOARCH == "amd64" && cpu.X86.HasFMA)

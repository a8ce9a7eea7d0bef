package eif

import (
	"math"
	"runtime"

	"golang.org/x/sys/cpu"
)

// fma returns x·y + z. Where the processor has a fused multiply–add it is math.FMA, one
// rounding and half the latency of a product and a sum, which is what the stages of a
// step wait for. Elsewhere, on x86 processors without FMA (before Haswell, and some
// Pentium and Celeron models), math.FMA would be emulated in software at about 17 ns a
// call, and a step makes some 80 calls, more than ten times what it costs now; there
// fma is the product and the sum (BenchmarkStepFMA: 106 ns a step fused, 124 ns
// unfused).
func fma(x, y, z float64) float64 {
	if hasFMA {
		return math.FMA(x, y, z)
	}
	return x*y + z
}

// hasFMA reports whether math.FMA is an instruction here. It is a variable so that the
// tests can take both paths (bothFMA).
var hasFMA = runtime.GOARCH == "arm64" || runtime.GOARCH == "ppc64le" || runtime.GOARCH == "s390x" ||
	runtime.GOARCH == "riscv64" || (runtime.GOARCH == "amd64" && cpu.X86.HasFMA)

// Package fast holds the fast kernels of eif's integrators: an exponential (Exp), a
// logarithm (Log) and the step controller's err^(−1/5) (InvFifthRoot), each with about a
// third of the latency of its math counterpart, and a multiply–add (FMA) that is fused
// where the processor has the instruction.
//
// The integrators wait for these kernels one after the other (a Dormand–Prince step waits
// for six exponentials in a row), so their latency is what a step costs. They may fuse
// multiply–adds, so their last bits can differ from one machine to another; eif checks
// its deterministic results against tolerances that hold on both paths of FMA. The noisy
// simulation, which promises the same bits on every machine, uses eif/internal/portable
// instead, which must not import this package.
//
// Whether FMA fuses is decided once, when the program starts, from the processor, and
// nothing changes it afterwards. GODEBUG=cpu.fma=off at start-up turns it off on amd64
// (below GOAMD64=v3), as on a processor without the instruction; the tests use it to run
// the unfused path in a child process (fmatest).
package fast

// Package sourcecheck reads Go source files and reports what the reproducible path of the
// noisy simulation must not use: the functions of package math whose results differ
// between machines or fuse (math.Exp and math.Log use fused multiply–adds on amd64 with
// FMA, math.Expm1 is assembly on s390x, math.FMA fuses), the fast kernels of eif, which
// may fuse, and floating-point products that the compiler may fuse into a sum. Package
// portable checks all its files with it, and eif/noise the files of its Euler–Maruyama
// loop.
//
// Go may fuse x*y + z into one multiply–add, with one rounding instead of two, on arm64,
// ppc64le, riscv64 and s390x, "possibly across statements"; an explicit conversion
// float64(x*y) rounds the product and forbids it (the Go spec, "Arithmetic operators").
// Products reports a float product that is an operand of + or −, or is stored in a
// variable, without that conversion. A product passed to a function or returned is left
// alone: it could fuse only where the function is inlined, and the kernels of the loop
// are not (Exp, Log, Expm1, EMExp.At and Normal.Norm cost more than the compiler's
// inlining budget); the loop rounds what it passes to NewEMExp, which is inlined.
package sourcecheck

// Package portable holds the reproducible kernels of the noisy simulation: the
// exponential, e^x − 1 and the logarithm (Exp, Expm1, Log), the exponential term of an
// Euler–Maruyama step (EMExp) and the normal generator (Normal), which give the same bits
// on every machine, so that the same seed gives the same spikes everywhere.
//
// math.Exp and math.Log are not bit for bit the same everywhere: on amd64 math.Exp uses
// fused multiply–adds when the processor has them, and math.Expm1 is assembly on s390x.
// Go may also fuse x*y + z into one multiply–add on arm64, ppc64le, riscv64 and s390x. The
// kernels here use only +, −, ×, ÷, math.Sqrt, math.Ldexp, math.Frexp and table look-ups,
// which IEEE 754 rounds the same way everywhere, and convert every product that feeds a
// sum explicitly to float64, which the language spec defines as a rounding that forbids
// the fusion.
//
// The package must not call math.Exp, math.Log, math.Expm1 or math.FMA, nor import the
// fast kernels of eif (eif/internal/fast), which may fuse, nor leave a float product
// unrounded where Go may fuse it into a sum: TestReproducibleSource and
// TestReproducibleProducts read its source (with sourcecheck) and fail if it does. The
// Euler–Maruyama loop of eif/noise is held to the same rules.
package portable

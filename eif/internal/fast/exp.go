package fast

import (
	"math"
	"math/big"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/ieee"
)

// Exp is math.Exp for the right-hand side of the integrators, with about a third of its
// latency: the stages of a Runge–Kutta step each wait for the exponential of the one
// before, so the step costs six exponentials end to end. It reduces x = (k + j/64)·ln 2 + r
// with |r| ≤ ln 2/128, takes 2^(j/64) from a table and exp(r) − 1 from its Taylor
// polynomial of degree 5 (truncation below 4e-17 relative), evaluated in Estrin's scheme.
// The result is within 2 ulp of math.Exp (TestExp); outside |x| < 700, where the
// scaling by 2^k would leave the normal range, it is math.Exp. It is one call, written as
// one function: its cost is above the compiler's inlining budget, and a helper would be a
// second call.
func Exp(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	kd := FMA(x, expInvStep, ieee.RoundShift) // rounds x/(ln 2/64) to an integer
	kd -= ieee.RoundShift
	r := FMA(-kd, expStepLo, x-kd*expStepHi)
	k := int64(kd)
	s := math.Float64frombits(expTable[k&(expN-1)] + uint64(k>>expBits)<<52) // 2^(k/64)
	r2 := r * r
	p := FMA(r2*r2, FMA(r, 1.0/120, 1.0/24), FMA(r2, FMA(r, 1.0/6, 1.0/2), r))
	return FMA(s, p, s)
}

const (
	expBits    = 6
	expN       = 1 << expBits
	expInvStep = expN / math.Ln2
)

// Log is math.Log for the integrators' variable y = exp(−(u − θ_rh)/Δ_T) on the
// upstroke. It writes x = 2^e·m, m ∈ [1, 2), takes m = c_j·(1 + r) with c_j the middle of
// the j-th of 64 slices of [1, 2), |r| < 1/128, and log(1 + r) from its Taylor polynomial
// of degree 7 (truncation below 1e-17). It is within 1e-15·max(1, |log x|) of math.Log for
// normal x > 0 (TestLog), and is math.Log elsewhere. It is one call, as Exp is.
func Log(x float64) float64 {
	b := math.Float64bits(x)
	if b-0x0010000000000000 >= 0x7fe0000000000000 { // not a normal x > 0
		return math.Log(x)
	}
	j := (b >> (52 - expBits)) & (expN - 1)
	r := FMA(math.Float64frombits(b&(1<<52-1)|1023<<52), invC[j], -1)
	hi := float64(int64(b>>52)-1023)*math.Ln2 + logC[j] // e·ln 2 + log c_j
	r2 := r * r
	p := FMA(r2*r2, FMA(r2, FMA(r, 1.0/7, -1.0/6), FMA(r, 1.0/5, -1.0/4)), FMA(r2, FMA(r, 1.0/3, -1.0/2), r))
	return hi + p
}

// InvFifthRoot returns x^(−1/5), the step controller's factor err^(−1/5), within 1e-13
// relative of math.Pow (TestInvFifthRoot) for normal x > 0 and math.Pow elsewhere. It
// costs about a third of math.Pow's latency, which the next step waits for: with
// x = 2^e·m, m ∈ [1, 2), and e = 5a + b, it is 2^(−a)·2^(−b/5)·m^(−1/5), where
// m = c_j·(1 + r) with c_j the middle of the j-th of 64 slices of [1, 2), |r| < 1/128,
// and (1 + r)^(−1/5) is its Taylor polynomial of degree 5 (truncation below 2e-14).
func InvFifthRoot(x float64) float64 {
	bits := math.Float64bits(x)
	if bits-0x0010000000000000 >= 0x7fe0000000000000 { // not a normal x > 0
		return math.Pow(x, -0.2)
	}
	e := int(bits>>52) + 2 // e + 1025 ≥ 3, so that / and % round down
	a, b := e/5-205, e%5
	j := (bits >> (52 - expBits)) & (expN - 1)
	m := math.Float64frombits(bits&(1<<52-1) | 1023<<52)
	r := FMA(m, invC[j], -1)
	r2 := r * r
	p := FMA(r2, FMA(r2, FMA(r, -22176.0/375000, 44.0/625), FMA(r, -11.0/125, 3.0/25)), FMA(r, -1.0/5, 1))
	return math.Float64frombits(uint64(1023-a)<<52) * (fifthPow[b] * fifthC[j]) * p
}

// invC holds 1/c_j, c_j = 1 + (j + 1/2)/64; logC and fifthC hold −log and the fifth
// root of the 1/c_j stored, and fifthPow 2^(−b/5).
var (
	invC, logC, fifthC [expN]float64
	fifthPow           [5]float64
)

// expTable holds the bits of 2^(j/64), correctly rounded; expStepHi + expStepLo is
// ln 2/64, with expStepHi short enough (36 bits) that kd·expStepHi is exact for every
// |kd| < 2^17.
var (
	expTable             [expN]uint64
	expStepHi, expStepLo float64
)

func init() {
	const prec = 256
	root := new(big.Float).SetPrec(prec).SetInt64(2) // 2^(1/64), by six square roots
	for range expBits {
		root.Sqrt(root)
	}
	v := new(big.Float).SetPrec(prec).SetInt64(1)
	for j := range expN {
		f, _ := v.Float64()
		expTable[j] = math.Float64bits(f)
		v.Mul(v, root)
	}
	ln2, _ := new(big.Float).SetPrec(prec).SetString("0.693147180559945309417232121458176568075500134360255254120680009493393621969694715605863326996418687542001481021")
	step := ln2.Quo(ln2, new(big.Float).SetInt64(expN))
	s, _ := step.Float64()
	expStepHi = math.Float64frombits(math.Float64bits(s) &^ (1<<17 - 1))
	expStepLo, _ = step.Sub(step, new(big.Float).SetFloat64(expStepHi)).Float64()
	for j := range expN {
		invC[j] = 1 / (1 + (float64(j)+0.5)/expN)
		logC[j] = -math.Log(invC[j])
		fifthC[j] = math.Pow(invC[j], 0.2)
	}
	for b := range fifthPow {
		fifthPow[b] = math.Pow(2, -float64(b)/5)
	}
}

package eif

import (
	"math"
	"math/big"
)

// expFast is math.Exp for the right-hand side of the integrators, with about a third of
// its latency: the stages of a Runge–Kutta step each wait for the exponential of the one
// before, so the step costs six exponentials end to end. It reduces x = (k + j/64)·ln 2 + r
// with |r| ≤ ln 2/128, takes 2^(j/64) from a table and exp(r) − 1 from its Taylor
// polynomial of degree 5 (truncation below 4e-17 relative), evaluated in Estrin's scheme.
// The result is within 2 ulp of math.Exp (TestExpFast); outside |x| < 700, where the
// scaling by 2^k would leave the normal range, it is math.Exp.
func expFast(x float64) float64 {
	if !(x > -700 && x < 700) {
		return math.Exp(x)
	}
	kd := x*expInvStep + expShift // rounds x/(ln 2/64) to an integer
	kd -= expShift
	r := x - kd*expStepHi - kd*expStepLo
	k := int64(kd)
	s := math.Float64frombits(expTable[k&(expN-1)] + uint64(k>>expBits)<<52)
	r2 := r * r
	p := r + r2*(1.0/2+r*(1.0/6)) + r2*r2*(1.0/24+r*(1.0/120))
	return s + s*p
}

const (
	expBits = 6
	expN    = 1 << expBits
	// expShift is 1.5·2^52: adding it rounds a float64 below 2^51 in magnitude to an
	// integer.
	expShift   = 0x1.8p52
	expInvStep = expN / math.Ln2
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
}

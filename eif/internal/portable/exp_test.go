package portable

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"
)

// ulps returns the distance between a and b in units in the last place of b.
func ulps(a, b float64) float64 {
	if a == b {
		return 0
	}
	return math.Abs(a-b) / (math.Nextafter(math.Abs(b), math.Inf(1)) - math.Abs(b))
}

// TestPortableMath checks Exp and Log against math.Exp and math.Log: within 4 and 2 ulp over
// their whole range, and the special values.
func TestPortableMath(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var worstE, worstL float64
	for range 200000 {
		x := (rng.Float64()*2 - 1) * 708 // normal results: subnormal ones lose bits anyway
		if d := ulps(Exp(x), math.Exp(x)); d > worstE {
			worstE = d
		}
		y := math.Exp((rng.Float64()*2 - 1) * 700)
		if d := ulps(Log(y), math.Log(y)); d > worstL && math.Abs(math.Log(y)) > 1e-300 {
			worstL = d
		}
	}
	for _, x := range []float64{0, 1e-300, -1e-300, 0.3465, -0.3466, 1, -1, 10, 600, -700} {
		if d := ulps(Exp(x), math.Exp(x)); d > worstE {
			worstE = d
		}
	}
	for _, y := range []float64{1, math.Nextafter(1, 2), math.Nextafter(1, 0), 2, 0.5, math.Sqrt2, 1e-300, 1e300} {
		if d := math.Abs(Log(y) - math.Log(y)); d > 2.3e-16*math.Max(1, math.Abs(math.Log(y))) {
			t.Errorf("Log(%g) = %g, math.Log %g", y, Log(y), math.Log(y))
		}
	}
	t.Logf("worst: Exp %.2f ulp, Log %.2f ulp", worstE, worstL)
	if worstE > 4 || worstL > 2 {
		t.Errorf("worst error: Exp %.2f ulp, Log %.2f ulp, want ≤ 4 and ≤ 2", worstE, worstL)
	}
	if Exp(800) != math.Inf(1) || Exp(-800) != 0 || !math.IsNaN(Exp(math.NaN())) {
		t.Error("Exp: wrong special values")
	}
	if Log(0) != math.Inf(-1) || !math.IsNaN(Log(-1)) || !math.IsInf(Log(math.Inf(1)), 1) {
		t.Error("Log: wrong special values")
	}
}

// expm1Big returns e^x − 1 rounded to float64, from its Taylor series at 200 bits.
func expm1Big(x float64) float64 {
	const prec = 200
	bx := new(big.Float).SetPrec(prec).SetFloat64(x)
	sum := new(big.Float).SetPrec(prec)
	term := new(big.Float).SetPrec(prec).SetInt64(1)
	for n := int64(1); n < 400; n++ {
		term.Mul(term, bx)
		term.Quo(term, new(big.Float).SetPrec(prec).SetInt64(n))
		sum.Add(sum, term)
		if n > 2 && sum.Sign() != 0 && term.MantExp(nil) < sum.MantExp(nil)-prec {
			break // the rest is below the last bit kept
		}
	}
	f, _ := sum.Float64()
	return f
}

// TestExpm1 checks Expm1 against e^x − 1 at 200 bits: within 1 ulp for |x| ≤ ½, 10 ulp
// up to |x| = 20, and the special values; and that it is math.Expm1's value at the
// arguments of the Ornstein–Uhlenbeck update in the tests and notebooks (−2h/τ_c), so that
// the recorded spike times of TestTrialsReproducible stand.
func TestExpm1(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var worstIn, worstOut float64
	for range 5000 {
		x := rng.Float64() - 0.5
		if rng.IntN(2) == 0 {
			x = math.Ldexp(x, -rng.IntN(40)) // small arguments too
		}
		worstIn = max(worstIn, ulps(Expm1(x), expm1Big(x)))
		y := (rng.Float64()*2 - 1) * 20
		if math.Abs(y) > 0.5 {
			worstOut = max(worstOut, ulps(Expm1(y), expm1Big(y)))
		}
	}
	t.Logf("worst: %.2f ulp for |x| ≤ ½, %.2f ulp beyond", worstIn, worstOut)
	if worstIn > 1 || worstOut > 10 {
		t.Errorf("worst error %.2f ulp for |x| ≤ ½ (want ≤ 1), %.2f ulp beyond (want ≤ 10)", worstIn, worstOut)
	}
	for _, x := range []float64{-0.01, -0.02 / 3, -0.04 / 3, -0.001, -0.01 / 3, -0.2} {
		if Expm1(x) != math.Expm1(x) {
			t.Errorf("Expm1(%.17g) = %.17g, math.Expm1 %.17g", x, Expm1(x), math.Expm1(x))
		}
	}
	if Expm1(0) != 0 || Expm1(-800) != -1 || !math.IsInf(Expm1(800), 1) || !math.IsNaN(Expm1(math.NaN())) {
		t.Error("Expm1: wrong special values")
	}
}

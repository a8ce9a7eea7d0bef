package portable

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/ieee"
)

const (
	ln2Hi = 6.93147180369123816490e-01 // ln 2 split so that k·ln2Hi is exact for |k| < 2^20
	ln2Lo = 1.90821492927058770002e-10
	log2e = 1.44269504088896338700e+00
)

// Exp returns e^x to within 4 ulp, the same on every machine. It returns 0 below −745
// and +Inf above 709.78. With x = k·ln2/256 + r, |r| ≤ ln2/512, e^x = 2^(k/256)·e^r:
// 2^(j/256) comes from a table and e^r from its Taylor series to r⁴/24 (remainder below
// 4e-17), evaluated in Estrin's order so that the products do not wait for each other.
// Its reduction is the one of expSeries with 256 steps per octave.
func Exp(x float64) float64 {
	if v, ok := expOutside(x); ok {
		return v
	}
	kf := ieee.Nearest(float64(x * (256 * log2e))) // x·256/ln 2 rounded to an integer
	r := (x - float64(kf*(ln2Hi/256))) - float64(kf*(ln2Lo/256))
	r2 := float64(r * r)
	p := (1 + r) + float64(r2*(0.5+float64(r*(1.0/6)))) + float64(float64(r2*r2)*(1.0/24))
	k := int(kf)
	j, m := k&255, k>>8
	p = float64(p * exp2Table[j])
	if m > -1022 && m < 1023 {
		return p * math.Float64frombits(uint64(m+1023)<<52) // exact: a power of 2
	}
	return math.Ldexp(p, m)
}

// expOutside returns e^x and true where Exp and expSeries need no series: for NaN,
// above 709.78 (+Inf) and below −745.13 (0).
func expOutside(x float64) (float64, bool) {
	switch {
	case x != x:
		return x, true
	case x > 709.782712893384:
		return math.Inf(1), true
	case x < -745.1332191019412:
		return 0, true
	}
	return 0, false
}

// exp2Table[j] = 2^(j/256), from expSeries.
var exp2Table = func() (t [256]float64) {
	for j := range t {
		t[j] = expSeries(float64(float64(j)*(ln2Hi/256)) + float64(float64(j)*(ln2Lo/256)))
	}
	return t
}()

// expSeries returns e^x to within 2 ulp by the Taylor series after the reduction
// x = k·ln 2 + r, |r| ≤ ln2/2; it makes the table of Exp.
func expSeries(x float64) float64 {
	if v, ok := expOutside(x); ok {
		return v
	}
	k := math.Floor(float64(x*log2e) + 0.5)
	r := (x - float64(k*ln2Hi)) - float64(k*ln2Lo) // |r| ≤ 0.347
	// Taylor series to r^13/13!: the remainder is below 4e-18.
	p := float64(r*(1.0/6227020800)) + 1.0/479001600
	p = float64(p*r) + 1.0/39916800
	p = float64(p*r) + 1.0/3628800
	p = float64(p*r) + 1.0/362880
	p = float64(p*r) + 1.0/40320
	p = float64(p*r) + 1.0/5040
	p = float64(p*r) + 1.0/720
	p = float64(p*r) + 1.0/120
	p = float64(p*r) + 1.0/24
	p = float64(p*r) + 1.0/6
	p = float64(p*r) + 0.5
	p = float64(p*r) + 1
	p = float64(p*r) + 1
	if ki := int(k); ki > -1022 && ki < 1023 {
		return p * math.Float64frombits(uint64(ki+1023)<<52) // exact: a power of 2
	}
	return math.Ldexp(p, int(k))
}

// Log returns ln x to within 2 ulp for x > 0, the same on every machine; −Inf at 0 and
// NaN below.
func Log(x float64) float64 {
	switch {
	case x != x || x < 0:
		return math.NaN()
	case x == 0:
		return math.Inf(-1)
	case math.IsInf(x, 1):
		return x
	}
	m, e := math.Frexp(x) // x = m·2^e, m in [½, 1)
	if m < math.Sqrt2/2 {
		m *= 2
		e--
	}
	// ln m = 2·atanh(s), s = (m − 1)/(m + 1), |s| ≤ 0.1716: the series to s^25 is exact
	// to 1e-19.
	s := (m - 1) / (m + 1)
	s2 := float64(s * s)
	p := 1.0 / 25
	for j := 23; j >= 1; j -= 2 {
		p = float64(p*s2) + 1/float64(j)
	}
	k := float64(e)
	return float64(k*ln2Hi) + (float64(2*s*p) + float64(k*ln2Lo))
}

// Expm1 returns e^x − 1, the same on every machine, within 1 ulp for |x| ≤ ½ and 10 ulp
// beyond (TestExpm1): for |x| ≤ ½ it is x + x²·p(x), with p the Taylor series of
// (e^x − 1 − x)/x² to x^15 (remainder below 1e-19 relative), so that the rounding of the
// small correction x²·p barely reaches the result; beyond, it is Exp(x) − 1, which
// cancels at most a factor e^½/(e^½ − 1) ≈ 2.5 of Exp's 4 ulp.
func Expm1(x float64) float64 {
	if !(x >= -0.5 && x <= 0.5) { // and NaN
		return Exp(x) - 1
	}
	p := expm1Coef[len(expm1Coef)-1]
	for j := len(expm1Coef) - 2; j >= 0; j-- {
		p = float64(p*x) + expm1Coef[j]
	}
	return x + float64(float64(x*x)*p)
}

// expm1Coef[j] = 1/(j + 2)!, the Taylor coefficients of (e^x − 1 − x)/x².
var expm1Coef = func() (c [16]float64) {
	f := 1.0
	for j := range c {
		f *= float64(j + 2) // (j + 2)!, exact: 17! < 2^53
		c[j] = 1 / f
	}
	return c
}()

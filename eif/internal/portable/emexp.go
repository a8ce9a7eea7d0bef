package portable

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/ieee"
)

// EMExp is the exponential term of an Euler–Maruyama step, a·Δ_T·exp((u − θ_rh)/Δ_T), for
// the loop of the noisy simulation. Like Exp it uses only +, −, × and table look-ups, every product
// rounded explicitly, so it gives the same bits on every machine; unlike Exp it is built
// for the one dependent chain of operations that sets the cost of a step (u → the
// exponential → the next u), which it keeps short:
//   - the argument is taken in units of ln2/2048 in one product, y = (u − θ_rh)·2048/(Δ_T ln 2),
//     and split as y = k + t with k an integer and |t| ≤ ½;
//   - 2^(k/2048) = 2^(k>>11) · 2^((k&2047)/2048) comes from a table, off the chain;
//   - e^(t·ln2/2048) is its Taylor series to the cube, |t·ln2/2048| ≤ 1.7e-4, so the
//     remainder is below 4e-17, and the factor a·Δ_T is folded into the coefficients.
//
// The value is within (4 + 2|x|) ulp of a·Δ_T·e^x, x = (u − θ_rh)/Δ_T, where 2|x| ulp is the
// rounding of the argument (TestEMExp): 1e-13 at most, far below the error of the step.
type EMExp struct {
	theta, scale   float64 // θ_rh and 2048/(Δ_T ln 2)
	c0, c1, c2, c3 float64 // a·Δ_T times the Taylor coefficients of e^(t·ln2/2048)
}

// NewEMExp returns the exponential term factor·exp((u − θ_rh)/Δ_T), for Δ_T > 0; factor
// is a·Δ_T, with a = h/τ the Euler factor of the step.
func NewEMExp(thetaRh, deltaT, factor float64) EMExp {
	s := math.Ln2 / 2048
	return EMExp{
		theta: thetaRh,
		scale: 2048 * log2e / deltaT,
		c0:    factor,
		c1:    float64(factor * s),
		c2:    float64(factor*float64(s*s)) / 2,
		c3:    float64(factor*float64(float64(s*s)*s)) / 6,
	}
}

// at returns a·Δ_T·exp((u − θ_rh)/Δ_T) for u below the spike cut-off, and 0 where u is
// more than 700·Δ_T under θ_rh (e^−700 < 1e-304).
func (e *EMExp) At(u float64) float64 {
	y := float64((u - e.theta) * e.scale)
	if !(y > -700*2048*log2e) { // and u < θ_pa, so y ≤ 600·2048/ln 2 (Params.Validate)
		return 0
	}
	kf := ieee.Nearest(y) // y rounded to an integer
	t := y - kf
	t2 := float64(t * t)
	q := (e.c0 + float64(e.c1*t)) + float64(t2*(e.c2+float64(e.c3*t)))
	k := int(kf)
	// 2^(k>>11) is a normal number (−1010 ≤ k>>11 ≤ 866) and its product with the table
	// entry is exact, so it is computed off the chain, while q is.
	return float64(q * float64(exp2Table2048[k&2047]*math.Float64frombits(uint64(k>>11+1023)<<52)))
}

// exp2Table2048[j] = 2^(j/2048), from expSeries.
var exp2Table2048 = func() (t [2048]float64) {
	for j := range t {
		t[j] = expSeries(float64(float64(j)*(ln2Hi/2048)) + float64(float64(j)*(ln2Lo/2048)))
	}
	return t
}()

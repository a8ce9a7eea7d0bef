package eif_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/floats/scalar"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func TestLambertWKnownValues(t *testing.T) {
	ln2 := math.Ln2
	for _, tc := range []struct {
		name string
		f    func(float64) (float64, error)
		x, w float64
	}{
		{"W0(0)", eif.LambertW0, 0, 0},
		{"W0(1), the omega constant", eif.LambertW0, 1, 0.56714329040978387300},
		{"W0(e)", eif.LambertW0, math.E, 1},
		{"W0(−ln2/2)", eif.LambertW0, -ln2 / 2, -ln2},
		{"W0(−1/e)", eif.LambertW0, -1 / math.E, -1},
		{"W0(10)", eif.LambertW0, 10, 1.7455280027406993831},
		{"W0(1e300)", eif.LambertW0, 1e300, 684.24720862976082778},
		{"W−1(−ln2/2)", eif.LambertWm1, -ln2 / 2, -2 * ln2},
		{"W−1(−2e^−2)", eif.LambertWm1, -2 * math.Exp(-2), -2},
		{"W−1(−1/e)", eif.LambertWm1, -1 / math.E, -1},
		{"W−1(−0.1)", eif.LambertWm1, -0.1, -3.5771520639572972184},
		// References: Newton iteration in 40-digit decimal arithmetic.
		{"W−1(−1e−300)", eif.LambertWm1, -1e-300, -697.32277629546010},
	} {
		w, err := tc.f(tc.x)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if !scalar.EqualWithinAbsOrRel(w, tc.w, 0, 4e-16) {
			t.Errorf("%s = %.17g, want %.17g", tc.name, w, tc.w)
		}
	}
}

// TestLambertWIdentity checks w·e^w = x over many decades. The tolerance is what the
// condition of the identity allows: a few ulp of w, magnified by |1 + w|.
func TestLambertWIdentity(t *testing.T) {
	check := func(name string, x, w float64) {
		t.Helper()
		got := w * math.Exp(w)
		tol := 8e-16 * (1 + math.Abs(w))
		if !scalar.EqualWithinAbsOrRel(got, x, 0, tol) {
			t.Errorf("%s(%g) = %.17g: w·e^w = %.17g, rel. error %.2g", name, x, w, got, (got-x)/x)
		}
	}
	for e := -300.0; e <= 300; e += 0.25 {
		x := math.Pow(10, e)
		w, err := eif.LambertW0(x)
		if err != nil {
			t.Fatal(err)
		}
		check("W0", x, w)
	}
	for k := 1; k < 4000; k++ {
		// From the branch point to tiny arguments.
		x := -math.Exp(-1 - math.Pow(10, -8+float64(k)*0.0027))
		if x == 0 {
			break
		}
		w0, err0 := eif.LambertW0(x)
		wm, errm := eif.LambertWm1(x)
		if err0 != nil || errm != nil {
			t.Fatalf("x = %g: %v, %v", x, err0, errm)
		}
		if !(w0 >= -1 && wm <= -1) {
			t.Fatalf("x = %g: W0 = %g, W−1 = %g on the wrong branches", x, w0, wm)
		}
		if x < -1e-300 {
			check("W0", x, w0)
		}
		check("W−1", x, wm)
	}
}

func TestLambertWDomain(t *testing.T) {
	for _, x := range []float64{-0.4, -1, math.NaN(), math.Inf(1), math.Inf(-1)} {
		if _, err := eif.LambertW0(x); !errors.Is(err, eif.ErrDomain) {
			t.Errorf("W0(%g): err = %v, want ErrDomain", x, err)
		}
	}
	for _, x := range []float64{-0.4, 0, 1, math.NaN(), math.Inf(-1)} {
		if _, err := eif.LambertWm1(x); !errors.Is(err, eif.ErrDomain) {
			t.Errorf("W−1(%g): err = %v, want ErrDomain", x, err)
		}
	}
}

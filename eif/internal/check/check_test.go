package check

import (
	"math"
	"testing"
)

// TestRules checks each rule at its edges: "" for a value that keeps it, the rule
// otherwise.
func TestRules(t *testing.T) {
	inf, nan := math.Inf(1), math.NaN()
	for _, c := range []struct {
		name string
		rule func(v float64) string
		ok   []float64
		bad  []float64
		want string // the rule, for the first bad value
	}{
		{"Finite", Finite, []float64{0, -1e308, 5}, []float64{nan, inf, -inf}, "must be finite"},
		{"Current", func(v float64) string { return Current(v, 1e6) }, []float64{0, 1e6, -1e6}, []float64{1.0000001e6, -2e6, nan, inf}, "must be within ±1e+06 nA"},
		{"Duration", func(v float64) string { return Duration(v, 1e9) }, []float64{1e-300, 1, 1e9}, []float64{0, -1, 1.1e9, nan, inf}, "must be > 0 and ≤ MaxTime = 1e+09 ms"},
		{"Size", func(v float64) string { return Size(v, 10, "mV") }, []float64{0, 10, 3}, []float64{-1e-300, 10.5, nan, inf}, "must be finite, ≥ 0 and ≤ 10 mV"},
		{"OrDefault", func(v float64) string { return OrDefault(&v, 3) }, []float64{0, 1, 1e300}, []float64{-1, nan, inf, -inf}, "must be finite and ≥ 0 (0 means the default)"},
	} {
		for _, v := range c.ok {
			if r := c.rule(v); r != "" {
				t.Errorf("%s(%g) = %q, want \"\"", c.name, v, r)
			}
		}
		for k, v := range c.bad {
			r := c.rule(v)
			if r == "" || k == 0 && r != c.want {
				t.Errorf("%s(%g) = %q, want %q", c.name, v, r, c.want)
			}
		}
	}
	v := 0.0
	if OrDefault(&v, 3); v != 3 {
		t.Errorf("OrDefault(0, 3) left %g, want 3", v)
	}
	v = 2
	if OrDefault(&v, 3); v != 2 {
		t.Errorf("OrDefault(2, 3) left %g, want 2", v)
	}
}

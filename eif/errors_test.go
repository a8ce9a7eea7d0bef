package eif_test

import (
	"errors"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func TestParamErrorText(t *testing.T) {
	for _, tc := range []struct {
		e    eif.ParamError
		want string
	}{
		{eif.ParamError{Field: "Tau", Value: -1, Rule: "must be > 0 ms"}, "eif: Tau = -1: must be > 0 ms"},
		{eif.ParamError{Field: "Stimulus", Nil: true, Rule: "use Constant(0) for no current"}, "eif: Stimulus is nil: use Constant(0) for no current"},
		{eif.ParamError{Field: "dst", Nil: true}, "eif: dst is nil"},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %q, want %q", got, tc.want)
		}
	}
	// The nil arguments of Simulate and of a Func, as a caller meets them.
	n := eif.MustNew(eif.Default())
	for _, tc := range []struct {
		err  error
		want string
	}{
		{func() error { _, err := n.Simulate(nil, -70, 10, nil); return err }(), "eif: Stimulus is nil: use Constant(0) for no current"},
		{n.SimulateInto(nil, eif.Constant(0), -70, 10, nil), "eif: dst is nil: pass a *Result to fill"},
		{func() error { _, err := n.Simulate(eif.Func{}, -70, 10, nil); return err }(), "eif: Func.F is nil: set it to the current I(t) (nA)"},
	} {
		if tc.err == nil || tc.err.Error() != tc.want {
			t.Errorf("error %v, want %q", tc.err, tc.want)
		}
	}
}

// TestSearchErrors checks that the threshold searches name the argument at fault, after
// the package prefix, with the value the caller gave.
func TestSearchErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	_, err := n.StrengthDuration([]float64{1, -1}, nil)
	if err := wantField(err, "durations[1]", "= -1:", "MaxTime"); err != nil {
		t.Error("StrengthDuration:", err)
	}
	_, err = n.PairThreshold(1, 1e9, nil) // the pair would end after MaxTime
	if err := wantField(err, "sep", "= 1e+09:", "sep + width"); err != nil {
		t.Error("PairThreshold(1, 1e9):", err)
	}
	_, err = n.PairThreshold(1, 5, &eif.SearchSettings{After: 1e9 - 1})
	if err := wantField(err, "SearchSettings.After", "= 9.99999999e+08:", "MaxTime − (sep + width) = 9.99999994e+08 ms"); err != nil {
		t.Error("PairThreshold with a long After:", err)
	}
	_, err = n.PulseThreshold(10, &eif.SearchSettings{After: 1e9})
	if err := wantField(err, "SearchSettings.After", "= 1e+09:", "MaxTime − duration = 9.9999999e+08 ms"); err != nil {
		t.Error("PulseThreshold with a long After:", err)
	}
	_, err = n.PairThreshold(-1, 5, nil)
	if err := wantField(err, "width", "= -1:", "MaxTime"); err != nil {
		t.Error("PairThreshold(−1, 5):", err)
	}
}

// TestInvalidNeuron checks the contract of a Neuron not made by New, zero or nil: every
// method that returns an error returns ErrInvalid, and the others return their zero value.
func TestInvalidNeuron(t *testing.T) {
	for name, n := range map[string]*eif.Neuron{"zero": {}, "nil": nil} {
		calls := map[string]func() error{
			"Period":             func() error { _, err := n.Period(10); return err },
			"EffectiveThreshold": func() error { _, err := n.EffectiveThreshold(0); return err },
			"SimulatedRate":      func() error { _, err := n.SimulatedRate(10, 100, nil); return err },
			"SimulatedFICurve":   func() error { _, err := n.SimulatedFICurve([]float64{10}, 100, nil); return err },
			"PulseThreshold":     func() error { _, err := n.PulseThreshold(1, nil); return err },
			"StrengthDuration":   func() error { _, err := n.StrengthDuration([]float64{1}, nil); return err },
			"PairThreshold":      func() error { _, err := n.PairThreshold(1, 2, nil); return err },
			"Latency":            func() error { _, err := n.Latency(10, 100, nil); return err },
			"Bifurcation":        func() error { _, _, err := n.Bifurcation(0, 10, 10); return err },
			"QIF":                func() error { _, err := n.QIF(-50, 0); return err },
			"QIFTime":            func() error { _, err := n.QIFTime(8, -70, -30); return err },
			"Simulate":           func() error { _, err := n.Simulate(eif.Constant(0), -70, 10, nil); return err },
		}
		for m, call := range calls {
			if err := call(); !errors.Is(err, eif.ErrInvalid) {
				t.Errorf("%s Neuron: %s: err = %v, want ErrInvalid", name, m, err)
			}
		}
		if n.Rheobase() != 0 || n.Threshold() != 0 || n.Rate(10) != 0 || n.DuDt(-70, 0) != 0 ||
			n.Slope(-70) != 0 || n.Curvature(-70) != 0 || n.FixedPoints(0) != nil || n.Params() != (eif.Params{}) {
			t.Errorf("%s Neuron: a method without an error return is not inert", name)
		}
		if _, ok := n.RestingPotential(0); ok {
			t.Errorf("%s Neuron: RestingPotential reports a resting state", name)
		}
	}
}

package eif_test

import (
	"errors"
	"math"
	"reflect"
	"strings"
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

// TestNilNeuron calls every method of a nil *Neuron, found by reflection so that a new
// method cannot be missed, with zero arguments: none panics, every error is ErrInvalid,
// and every other result is its zero value.
func TestNilNeuron(t *testing.T) {
	var n *eif.Neuron
	v := reflect.ValueOf(n)
	errType := reflect.TypeFor[error]()
	for k := range v.NumMethod() {
		m, name := v.Method(k), v.Type().Method(k).Name
		args := make([]reflect.Value, m.Type().NumIn())
		for a := range args {
			args[a] = reflect.Zero(m.Type().In(a))
		}
		var out []reflect.Value
		func() {
			defer func() {
				if r := recover(); r != nil {
					t.Errorf("nil Neuron: %s panics: %v", name, r)
				}
			}()
			out = m.Call(args)
		}()
		for _, o := range out {
			if o.Type() == errType {
				if err, _ := o.Interface().(error); !errors.Is(err, eif.ErrInvalid) {
					t.Errorf("nil Neuron: %s: err = %v, want ErrInvalid", name, err)
				}
			} else if !o.IsZero() && !(o.Kind() == reflect.Slice && o.Len() == 0) {
				t.Errorf("nil Neuron: %s returns %v, want its zero value", name, o)
			}
		}
	}
	if got := eif.ErrInvalid.Error(); !strings.Contains(got, "nil") || !strings.Contains(got, "New") {
		t.Errorf("ErrInvalid reads %q: it should say the Neuron is nil and name New", got)
	}
}

// TestZeroNeuron checks that the zero Neuron is the one of Default(), method by method.
func TestZeroNeuron(t *testing.T) {
	var zero eif.Neuron
	def := eif.MustNew(eif.Default())
	stim := eif.Pulse{Amp: 8, T1: 10, T2: 30}
	for _, tc := range []struct {
		name string
		call func(n *eif.Neuron) any
	}{
		{"Params", func(n *eif.Neuron) any { return n.Params() }},
		{"Rheobase", func(n *eif.Neuron) any { return n.Rheobase() }},
		{"Threshold", func(n *eif.Neuron) any { return n.Threshold() }},
		{"Rate", func(n *eif.Neuron) any { return n.Rate(10) }},
		{"FICurve", func(n *eif.Neuron) any { return n.FICurve([]float64{0, 8, 12}) }},
		{"DuDt", func(n *eif.Neuron) any { return n.DuDt(-45, 3) }},
		{"Slope", func(n *eif.Neuron) any { return n.Slope(-45) }},
		{"Curvature", func(n *eif.Neuron) any { return n.Curvature(-45) }},
		{"FixedPoints", func(n *eif.Neuron) any { return n.FixedPoints(6) }},
		{"EffectiveThreshold", func(n *eif.Neuron) any { v, err := n.EffectiveThreshold(0); return []any{v, err} }},
		{"Period", func(n *eif.Neuron) any { v, err := n.Period(10); return []any{v, err} }},
		{"QIFTime", func(n *eif.Neuron) any { v, err := n.QIFTime(8, -70, -30); return []any{v, err} }},
		{"Simulate", func(n *eif.Neuron) any { r, err := n.Simulate(stim, -70, 100, nil); return []any{r, err} }},
		{"PulseThreshold", func(n *eif.Neuron) any { v, err := n.PulseThreshold(1, nil); return []any{v, err} }},
	} {
		if got, want := tc.call(&zero), tc.call(def); !reflect.DeepEqual(got, want) {
			t.Errorf("zero Neuron: %s = %v, Default() gives %v", tc.name, got, want)
		}
	}
	if r := zero.Rheobase(); math.Abs(r-7.25) > 1e-12 {
		t.Errorf("zero Neuron: Rheobase = %.15g nA, want (θ_rh − u_rest − Δ_T)/R = 7.25", r)
	}
}

package eif

import (
	"fmt"
	"math"
	"sort"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/check"
)

// Stimulus is an injected current I(t) in nA, t in ms.
//
// NextBreak reports the first time strictly after t at which I may jump, or +Inf when
// there is none; the integrators stop exactly there. Validate reports a malformed stimulus.
type Stimulus interface {
	Current(t float64) float64
	NextBreak(t float64) float64
	Validate() error
}

// Constant is a constant current in nA.
type Constant float64

// Current returns the constant value.
func (c Constant) Current(float64) float64 { return float64(c) }

// NextBreak returns +Inf: a constant current has no discontinuity.
func (Constant) NextBreak(float64) float64 { return math.Inf(1) }

// Validate checks that the current is finite.
func (c Constant) Validate() error {
	return checkCurrent("Constant", float64(c))
}

// Pulse is a square current pulse: Amp nA for T1 ≤ t < T2, zero elsewhere.
type Pulse struct {
	Amp    float64 // amplitude (nA)
	T1, T2 float64 // start and end (ms), T1 ≤ T2
}

// Current returns Amp inside [T1, T2) and 0 outside.
func (s Pulse) Current(t float64) float64 {
	if t >= s.T1 && t < s.T2 {
		return s.Amp
	}
	return 0
}

// NextBreak returns T1 or T2, whichever comes first after t.
func (s Pulse) NextBreak(t float64) float64 {
	switch {
	case t < s.T1:
		return s.T1
	case t < s.T2:
		return s.T2
	}
	return math.Inf(1)
}

// Validate checks that all fields are finite and that T1 ≤ T2.
func (s Pulse) Validate() error {
	if err := checkCurrent("Pulse.Amp", s.Amp); err != nil {
		return err
	}
	if err := finite("Pulse.T1", s.T1); err != nil {
		return err
	}
	if err := finite("Pulse.T2", s.T2); err != nil {
		return err
	}
	if s.T2 < s.T1 {
		return &ParamError{Field: "Pulse.T2", Value: s.T2, Rule: fmt.Sprintf("must be ≥ Pulse.T1 = %g ms", s.T1)}
	}
	return nil
}

// Steps is a piecewise-constant current: Amps[k] nA from Times[k] until Times[k+1]
// (the last one forever), and 0 before Times[0]. Times must increase strictly.
type Steps struct {
	Times []float64 // switch times (ms)
	Amps  []float64 // amplitudes (nA), one per time
}

// Current returns the amplitude of the step that holds t.
func (s Steps) Current(t float64) float64 {
	k := sort.SearchFloat64s(s.Times, t)
	// Times[k-1] < t ≤ Times[k]; a step starts at its time.
	if k < len(s.Times) && s.Times[k] == t {
		k++
	}
	if k == 0 || k > len(s.Amps) { // before the first step, or a malformed Steps
		return 0
	}
	return s.Amps[k-1]
}

// NextBreak returns the first switch time after t.
func (s Steps) NextBreak(t float64) float64 {
	k := sort.Search(len(s.Times), func(i int) bool { return s.Times[i] > t })
	if k < len(s.Times) {
		return s.Times[k]
	}
	return math.Inf(1)
}

// Validate checks lengths, finiteness and the order of the times.
func (s Steps) Validate() error {
	if len(s.Times) != len(s.Amps) {
		return &ParamError{Field: "Steps.Amps", Value: float64(len(s.Amps)), Rule: fmt.Sprintf("must have one amplitude per time (%d)", len(s.Times))}
	}
	for k := range s.Times {
		if err := finite("", s.Times[k]); err != nil {
			return element(err, "Steps.Times", k)
		}
		if err := checkCurrent("", s.Amps[k]); err != nil {
			return element(err, "Steps.Amps", k)
		}
		if k > 0 && s.Times[k] <= s.Times[k-1] {
			return &ParamError{Field: fmt.Sprintf("Steps.Times[%d]", k), Value: s.Times[k], Rule: "times must increase strictly"}
		}
	}
	return nil
}

// Func is an arbitrary current I(t) = F(t) in nA. F should be smooth between the
// optional Breaks (ms, increasing), where the integrators stop exactly. The simulation
// returns an error if F yields a non-finite value.
type Func struct {
	F      func(t float64) float64
	Breaks []float64
}

// Current returns F(t), or 0 when F is nil.
func (s Func) Current(t float64) float64 {
	if s.F == nil {
		return 0
	}
	return s.F(t)
}

// NextBreak returns the first of Breaks after t.
func (s Func) NextBreak(t float64) float64 {
	return Steps{Times: s.Breaks}.NextBreak(t)
}

// Validate checks that F is set and Breaks are finite and increasing.
func (s Func) Validate() error {
	if s.F == nil {
		return &ParamError{Field: "Func.F", Nil: true, Rule: "set it to the current I(t) (nA)"}
	}
	for k, b := range s.Breaks {
		if err := finite("", b); err != nil {
			return element(err, "Func.Breaks", k)
		}
		if k > 0 && b <= s.Breaks[k-1] {
			return &ParamError{Field: fmt.Sprintf("Func.Breaks[%d]", k), Value: b, Rule: "breaks must increase strictly"}
		}
	}
	return nil
}

// element names the field of err, a *ParamError about the k-th element of a slice,
// slice[k]. The checks of a slice's elements call it only when one fails, so that a
// valid slice costs no formatting and no allocation.
func element(err error, slice string, k int) error {
	if pe, ok := err.(*ParamError); ok {
		pe.Field = fmt.Sprintf("%s[%d]", slice, k)
	}
	return err
}

// finite, checkDuration, checkCurrent and orDefault report a value that breaks the rule
// of internal/check, as a *ParamError naming field.
func finite(field string, v float64) error { return broken(field, v, check.Finite(v)) }

func checkDuration(field string, d float64) error {
	return broken(field, d, check.Duration(d, MaxTime))
}

func checkCurrent(field string, i float64) error {
	return broken(field, i, check.Current(i, MaxCurrent))
}

func orDefault(field string, v *float64, def float64) error {
	x := *v
	return broken(field, x, check.OrDefault(v, def))
}

// broken returns the *ParamError of field, whose value v breaks rule, or nil when the
// rule is "", kept.
func broken(field string, v float64, rule string) error {
	if rule == "" {
		return nil
	}
	return &ParamError{Field: field, Value: v, Rule: rule}
}

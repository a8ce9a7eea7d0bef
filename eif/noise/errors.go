package noise

import (
	"errors"
	"fmt"
)

// ParamError reports an input that breaks a rule. Errors about the neuron itself come
// from package eif: eif.ErrInvalid for a nil *eif.Neuron.
type ParamError struct {
	Field string  // the name of the field or argument, as in Input or Settings
	Value float64 // the offending value
	Rule  string  // the rule it breaks
}

// Error reads "noise: Field = Value: Rule".
func (e *ParamError) Error() string {
	return fmt.Sprintf("noise: %s = %g: %s", e.Field, e.Value, e.Rule)
}

// broken returns the *ParamError of field, whose value v breaks rule (from
// internal/check), or nil when the rule is "", kept.
func broken(field string, v float64, rule string) error {
	if rule == "" {
		return nil
	}
	return &ParamError{Field: field, Value: v, Rule: rule}
}

var (
	// ErrTooManySpikes is returned, wrapped with the numbers, when the trials of a call
	// keep more spikes than Settings.MaxPoints leaves beside the recorded samples: set
	// Settings.MaxSpikes, shorten the run, or raise Settings.MaxPoints.
	ErrTooManySpikes = errors.New("noise: too many spikes")
	// ErrTooManySteps is returned, wrapped with the numbers, when the trials of a call with
	// Settings.MaxSpikes take more steps in all than Settings.MaxSteps: run fewer trials,
	// lower MaxSpikes, or raise Settings.MaxSteps. Without MaxSpikes the steps are known
	// before the call, and one that would take too many is refused with a *ParamError.
	ErrTooManySteps = errors.New("noise: too many steps")
	// ErrFit is returned when the fit of the dynamic I–V curve does not converge.
	ErrFit = errors.New("noise: the fit of the dynamic I–V curve did not converge")
)

package eif

import (
	"errors"
	"fmt"
)

// ParamError reports a parameter that breaks a rule.
type ParamError struct {
	Field string  // the name of the field, as in Params, Settings or a stimulus
	Value float64 // the offending value
	Rule  string  // the rule it breaks
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("eif: %s = %g: %s", e.Field, e.Value, e.Rule)
}

var (
	// ErrDomain is returned by the Lambert W functions for arguments outside their domain.
	ErrDomain = errors.New("eif: argument outside the domain of the function")
	// ErrNoFixedPoint is returned when a fixed point is asked for above rheobase.
	ErrNoFixedPoint = errors.New("eif: no fixed point: the current is above rheobase")
	// ErrNoSpike is returned when a search needs a spike that never comes.
	ErrNoSpike = errors.New("eif: no spike")
	// ErrTooManySteps is returned when an integration exceeds Settings.MaxSteps.
	ErrTooManySteps = errors.New("eif: too many integration steps")
	// ErrStepSize is returned when the adaptive step falls to the resolution of the time
	// axis and the solution is still not finite.
	ErrStepSize = errors.New("eif: the step size fell to the resolution of t")
)

// ErrInvalid is returned by the methods of a Neuron that was not made by New.
var ErrInvalid = errors.New("eif: invalid Neuron: make it with New")

package eif

import (
	"errors"
	"fmt"
)

// ParamError reports a parameter that breaks a rule, or an argument that is nil.
type ParamError struct {
	Field string  // the name of the field or argument, as in Params, Settings or a stimulus
	Value float64 // the offending value; none when Nil
	Rule  string  // the rule it breaks; for a nil argument, what to pass instead
	Nil   bool    // the argument is nil, so it has no value to report
}

// Error reads "eif: Field = Value: Rule", or "eif: Field is nil: Rule" for a nil argument.
func (e *ParamError) Error() string {
	switch {
	case e.Nil && e.Rule == "":
		return fmt.Sprintf("eif: %s is nil", e.Field)
	case e.Nil:
		return fmt.Sprintf("eif: %s is nil: %s", e.Field, e.Rule)
	}
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

// ErrInvalid is returned by the methods of a nil *Neuron, which New returns with its error.
var ErrInvalid = errors.New("eif: the Neuron is nil: make it with New, and check New's error")

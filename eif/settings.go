package eif

import (
	"fmt"
)

// Method selects the integrator of Simulate.
type Method int

const (
	// DormandPrince is the default: the adaptive Dormand–Prince 5(4) pair with error
	// control and 4th-order dense output, on which spike times are located by root-finding.
	DormandPrince Method = iota
	// RK4 is the classic fourth-order Runge–Kutta method with a fixed step.
	RK4
	// Euler is the forward Euler method with a fixed step, as in the report and neurodynex.
	Euler
)

// String returns the method's name.
func (m Method) String() string {
	switch m {
	case DormandPrince:
		return "Dormand–Prince 5(4)"
	case RK4:
		return "RK4"
	case Euler:
		return "Euler"
	}
	return fmt.Sprintf("Method(%d)", int(m))
}

// Settings tunes Simulate. A nil *Settings means the defaults; a zero field means the
// default for that field.
type Settings struct {
	Method Method

	// RelTol (no unit) and AbsTol (mV) bound the local error of each adaptive step:
	// |err| ≤ AbsTol + RelTol·|u|. Defaults: 1e-10 and 1e-10.
	RelTol, AbsTol float64
	// MaxStep bounds the adaptive step (ms). Default: no bound. Set it for a Func stimulus
	// that varies faster than the error control can see.
	MaxStep float64

	// Step is the fixed step of RK4 and Euler (ms). Default: 0.05 ms.
	Step float64
	// GridSpikes, for the fixed-step methods, records a spike at the end of the step in
	// which u passes the threshold, as neurodynex and most textbook code do. By default the
	// crossing is located inside the step by interpolation (linear for Euler, cubic Hermite
	// for RK4), which keeps the method's order.
	GridSpikes bool

	// OutputInterval is the spacing of the trace (ms). Default: 0.1 ms.
	OutputInterval float64
	// SpikesOnly skips the trace: Result.T and Result.U stay empty.
	SpikesOnly bool

	// MaxSteps bounds the number of integration steps, rejected ones included (they are
	// Result.Steps + Result.Rejected); Simulate returns ErrTooManySteps beyond it.
	// Default: 1 000 000, about a tenth of a second of work.
	MaxSteps int

	// MaxPoints bounds the length of the trace and of the spike list; Simulate returns an
	// error beyond it, before it starts when the output grid alone is too long. Default:
	// 1 000 000 points, 16 MB of trace, 300 times what a chart shows (it thins a trace to
	// a few thousand points), so that a notebook cell with a few runs stays well under
	// 500 MB.
	MaxPoints int

	// Progress, when not nil, is called during the run with the simulated time reached
	// (ms), at most about 100 times, for a progress display (chart.Progress draws one in
	// a notebook). It is called from the simulation's goroutine and must return quickly.
	// With SpikesOnly it is called at spikes only.
	Progress func(t float64)
}

// MinTol is the smallest tolerance Settings accepts: float64 cannot meet a smaller one,
// and the step would shrink to the resolution of t without reaching it.
const MinTol = 1e-14

var defaultSettings = Settings{
	Method:         DormandPrince,
	RelTol:         1e-10,
	AbsTol:         1e-10,
	Step:           0.05,
	OutputInterval: 0.1,
	MaxSteps:       1_000_000,
	MaxPoints:      1_000_000,
}

// withDefaults returns a copy of s with zero fields replaced by defaults, or an error
// naming the first invalid field.
func (s *Settings) withDefaults() (Settings, error) {
	if s == nil {
		return defaultSettings, nil
	}
	c := *s
	for _, err := range [...]error{
		orDefault("Settings.RelTol", &c.RelTol, defaultSettings.RelTol),
		orDefault("Settings.AbsTol", &c.AbsTol, defaultSettings.AbsTol),
		orDefault("Settings.Step", &c.Step, defaultSettings.Step),
		orDefault("Settings.OutputInterval", &c.OutputInterval, defaultSettings.OutputInterval),
		orDefault("Settings.MaxStep", &c.MaxStep, 0),
	} {
		if err != nil {
			return c, err
		}
	}
	for _, t := range [...]struct {
		name string
		v    float64
	}{{"Settings.RelTol", c.RelTol}, {"Settings.AbsTol", c.AbsTol}} {
		if t.v < MinTol {
			return c, &ParamError{Field: t.name, Value: t.v, Rule: fmt.Sprintf("must be 0 (the default) or ≥ MinTol = %g: float64 cannot meet a smaller tolerance", float64(MinTol))}
		}
	}
	if c.Method != DormandPrince && c.Method != RK4 && c.Method != Euler {
		return c, &ParamError{Field: "Settings.Method", Value: float64(c.Method), Rule: "must be DormandPrince, RK4 or Euler"}
	}
	if c.MaxSteps < 0 {
		return c, &ParamError{Field: "Settings.MaxSteps", Value: float64(c.MaxSteps), Rule: "must be ≥ 0 (0 means the default)"}
	}
	if c.MaxSteps == 0 {
		c.MaxSteps = defaultSettings.MaxSteps
	}
	if c.MaxPoints < 0 {
		return c, &ParamError{Field: "Settings.MaxPoints", Value: float64(c.MaxPoints), Rule: "must be ≥ 0 (0 means the default)"}
	}
	if c.MaxPoints == 0 {
		c.MaxPoints = defaultSettings.MaxPoints
	}
	return c, nil
}

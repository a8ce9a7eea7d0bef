package eif

import (
	"fmt"
	"math"
)

// Model selects the right-hand side of the membrane equation.
type Model int

const (
	// EIF is the exponential integrate-and-fire model:
	//  τ du/dt = −(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T) + R·I.
	EIF Model = iota
	// LIF is the linear (leaky) integrate-and-fire model:
	//  τ du/dt = −(u − u_rest) + R·I, with a fixed threshold at the cut-off θ_pa.
	LIF
)

// String returns "EIF" or "LIF".
func (m Model) String() string {
	switch m {
	case EIF:
		return "EIF"
	case LIF:
		return "LIF"
	}
	return fmt.Sprintf("Model(%d)", int(m))
}

// Params holds the parameters of one neuron. Units: ms, mV, MΩ.
// The zero value is not valid; start from Default or DefaultLIF.
type Params struct {
	Model Model

	Tau     float64 // membrane time constant τ (ms), > 0
	Rest    float64 // resting potential u_rest (mV), the report's u_r
	Reset   float64 // reset potential after a spike (mV), the report's u_r as well
	R       float64 // membrane resistance R (MΩ), > 0; R·I is in mV for I in nA
	DeltaT  float64 // slope factor Δ_T (mV), ≥ 0 (EIF only); 0 is the hard-threshold limit
	ThetaRh float64 // rheobase threshold θ_rh (mV) (EIF only)
	Cutoff  float64 // spike cut-off θ_pa (mV): reaching it emits a spike

	Refractory float64 // absolute refractory period after a spike (ms), ≥ 0
}

// Default returns the report's EIF parameters: τ = 10 ms, u_rest = u_reset = −70 mV,
// R = 4 MΩ, Δ_T = 1 mV, θ_rh = −40 mV, θ_pa = −30 mV, no refractory period.
func Default() Params {
	return Params{
		Model:   EIF,
		Tau:     10,
		Rest:    -70,
		Reset:   -70,
		R:       4,
		DeltaT:  1,
		ThetaRh: -40,
		Cutoff:  -30,
	}
}

// DefaultLIF returns the report's linear LIF: the parameters of Default with Model LIF.
// Its threshold is the cut-off θ_pa = −30 mV.
func DefaultLIF() Params {
	p := Default()
	p.Model = LIF
	return p
}

// The domain of the package. Parameters and inputs beyond these bounds are rejected with
// a *ParamError (DuDt, Slope and Curvature clamp their arguments to them instead), so that
// no computation overflows or underflows to a meaningless 0. They are far beyond any neuron
// on both sides: the lower bounds are a million times below the smallest τ, R and Δ_T of
// real cells, the upper ones a million times above the largest.
const (
	MaxVoltage = 1e5 // largest |voltage| (mV)
	MaxCurrent = 1e6 // largest |current| (nA)
	MaxTime    = 1e9 // largest time constant, refractory period or duration (ms)
	MaxR       = 1e6 // largest membrane resistance (MΩ)

	MinTau    = 1e-6 // smallest membrane time constant τ (ms)
	MinR      = 1e-6 // smallest membrane resistance (MΩ)
	MinDeltaT = 1e-6 // smallest non-zero slope factor Δ_T (mV); Δ_T = 0 is allowed
	MinGap    = 1e-6 // smallest distance from the reset up to the spike threshold (mV)
)

// maxExpArg bounds (θ_pa − θ_rh)/Δ_T so that the exponential term stays far from overflow
// anywhere below the cut-off.
const maxExpArg = 600

// Validate reports the first parameter that breaks a rule, as a *ParamError naming
// the field and the rule. It returns nil for valid parameters.
func (p Params) Validate() error {
	fields := []struct {
		name string
		v    float64
	}{
		{"Tau", p.Tau}, {"Rest", p.Rest}, {"Reset", p.Reset}, {"R", p.R},
		{"DeltaT", p.DeltaT}, {"ThetaRh", p.ThetaRh}, {"Cutoff", p.Cutoff},
		{"Refractory", p.Refractory},
	}
	for _, f := range fields {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) {
			return &ParamError{Field: f.name, Value: f.v, Rule: "must be finite"}
		}
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"Rest", p.Rest}, {"Reset", p.Reset}, {"ThetaRh", p.ThetaRh}, {"Cutoff", p.Cutoff}} {
		if math.Abs(f.v) > MaxVoltage {
			return &ParamError{Field: f.name, Value: f.v, Rule: fmt.Sprintf("must be within ±%g mV", float64(MaxVoltage))}
		}
	}
	switch {
	case p.Tau > MaxTime:
		return &ParamError{Field: "Tau", Value: p.Tau, Rule: fmt.Sprintf("must be ≤ %g ms", float64(MaxTime))}
	case p.Refractory > MaxTime:
		return &ParamError{Field: "Refractory", Value: p.Refractory, Rule: fmt.Sprintf("must be ≤ %g ms", float64(MaxTime))}
	case p.R > MaxR:
		return &ParamError{Field: "R", Value: p.R, Rule: fmt.Sprintf("must be ≤ %g MΩ", float64(MaxR))}
	case p.Model == EIF && p.DeltaT > MaxVoltage:
		return &ParamError{Field: "DeltaT", Value: p.DeltaT, Rule: fmt.Sprintf("must be ≤ %g mV", float64(MaxVoltage))}
	}
	switch {
	case p.Model != EIF && p.Model != LIF:
		return &ParamError{Field: "Model", Value: float64(p.Model), Rule: "must be EIF or LIF"}
	case p.Tau <= 0:
		return &ParamError{Field: "Tau", Value: p.Tau, Rule: "must be > 0 ms"}
	case p.Tau < MinTau:
		return &ParamError{Field: "Tau", Value: p.Tau, Rule: fmt.Sprintf("must be ≥ MinTau = %g ms", float64(MinTau))}
	case p.R <= 0:
		return &ParamError{Field: "R", Value: p.R, Rule: "must be > 0 MΩ"}
	case p.R < MinR:
		return &ParamError{Field: "R", Value: p.R, Rule: fmt.Sprintf("must be ≥ MinR = %g MΩ", float64(MinR))}
	case p.Refractory < 0:
		return &ParamError{Field: "Refractory", Value: p.Refractory, Rule: "must be ≥ 0 ms"}
	case p.Reset >= p.Cutoff:
		return &ParamError{Field: "Reset", Value: p.Reset, Rule: fmt.Sprintf("must be below the cut-off Cutoff = %g mV", p.Cutoff)}
	}
	if p.Rest >= p.spikeVoltage() {
		return &ParamError{Field: "Rest", Value: p.Rest, Rule: fmt.Sprintf("must be below the spike threshold %g mV", p.spikeVoltage())}
	}
	if p.Model == EIF {
		switch {
		case p.DeltaT < 0:
			return &ParamError{Field: "DeltaT", Value: p.DeltaT, Rule: "must be ≥ 0 mV"}
		case p.DeltaT > 0 && p.DeltaT < MinDeltaT:
			return &ParamError{Field: "DeltaT", Value: p.DeltaT, Rule: fmt.Sprintf("must be 0 (the hard-threshold limit) or ≥ MinDeltaT = %g mV", float64(MinDeltaT))}
		}
	}
	// A reset closer than MinGap to the threshold would make the interspike interval
	// underflow to 0 and the rate infinite.
	if thr := p.spikeVoltage(); p.Reset < thr && thr-p.Reset < MinGap {
		return &ParamError{Field: "Reset", Value: p.Reset, Rule: fmt.Sprintf("must be at least MinGap = %g mV below the spike threshold %g mV", float64(MinGap), thr)}
	}
	if p.Model == LIF {
		return nil
	}
	switch {
	case p.Cutoff <= p.ThetaRh:
		return &ParamError{Field: "Cutoff", Value: p.Cutoff, Rule: fmt.Sprintf("must be above ThetaRh = %g mV for the EIF", p.ThetaRh)}
	case p.DeltaT == 0 && p.Reset >= p.ThetaRh:
		return &ParamError{Field: "Reset", Value: p.Reset, Rule: fmt.Sprintf("must be below ThetaRh = %g mV, the spike threshold when DeltaT = 0", p.ThetaRh)}
	case p.DeltaT > 0 && (p.Cutoff-p.ThetaRh)/p.DeltaT > maxExpArg:
		return &ParamError{Field: "DeltaT", Value: p.DeltaT, Rule: fmt.Sprintf("must be ≥ (Cutoff − ThetaRh)/%d = %g mV, or exp((u − θ_rh)/Δ_T) overflows below the cut-off", maxExpArg, (p.Cutoff-p.ThetaRh)/maxExpArg)}
	}
	return nil
}

// Linear reports whether the right-hand side f(u) is linear in u below the threshold: true
// for the LIF, and for the EIF in its hard-threshold limit Δ_T = 0, where the exponential
// term vanishes. A linear model spikes at a fixed voltage (the cut-off, or θ_rh for the EIF
// with Δ_T = 0), has a single stable fixed point u_rest + R·I below threshold and no
// saddle-node, and its period and pulse thresholds have closed forms. This method is the
// one place that rule is written.
func (p Params) Linear() bool {
	return p.Model != EIF || p.DeltaT == 0
}

// spikeVoltage returns the voltage at which the model emits a spike: the cut-off, or θ_rh
// for the EIF in its hard-threshold limit Δ_T = 0.
func (p Params) spikeVoltage() float64 {
	if p.Model == EIF && p.DeltaT == 0 && p.ThetaRh < p.Cutoff {
		return p.ThetaRh
	}
	return p.Cutoff
}

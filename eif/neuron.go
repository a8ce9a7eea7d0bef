package eif

import "math"

// Neuron is a validated model neuron. Make one with New; its methods are safe to call
// with any finite input, from several goroutines at once.
//
// The zero Neuron, as in var n eif.Neuron, is ready to use: it is the report's neuron,
// the one of Default(), with its rheobase of 7.25 nA.
//
// A nil *Neuron, which is what New returns with its error, is no neuron at all. Every
// method of it that returns an error returns ErrInvalid; those with no error to return
// (Rheobase, Threshold, Rate, FICurve, DuDt, Slope, Curvature) return 0, FixedPoints nil,
// RestingPotential false and Params the zero Params, which Validate rejects. Check the
// error of New, or use MustNew, and no nil neuron is used.
type Neuron struct {
	p  Params
	ok bool // p was set by New; the zero Neuron has Default()
}

// New validates p and returns the neuron it describes, or a *ParamError naming the
// field and the rule it breaks.
func New(p Params) (*Neuron, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return &Neuron{p: p, ok: true}, nil
}

// MustNew is New for parameters known to be valid, such as Default(); it panics on
// invalid ones. It is meant for examples and notebooks, not for user input.
func MustNew(p Params) *Neuron {
	n, err := New(p)
	if err != nil {
		panic(err)
	}
	return n
}

// Params returns the neuron's parameters.
func (n *Neuron) Params() Params {
	if n == nil {
		return Params{}
	}
	return *n.params()
}

// params returns the parameters of a non-nil neuron, those given to New or Default()'s
// for the zero Neuron, to be read, not written.
func (n *Neuron) params() *Params {
	if !n.ok {
		return &defaultParams
	}
	return &n.p
}

var defaultParams = Default()

func (n *Neuron) check() error {
	if n == nil {
		return ErrInvalid
	}
	return nil
}

// Threshold returns the voltage at which a spike is emitted (mV): the cut-off θ_pa, or
// θ_rh for the EIF with Δ_T = 0, the hard-threshold limit.
func (n *Neuron) Threshold() float64 {
	if n.check() != nil {
		return 0
	}
	return n.params().spikeVoltage()
}

// DuDt returns the right-hand side f(u) = du/dt in mV/ms at voltage u (mV) under a
// constant current i (nA):
//
//	f(u) = [−(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T) + R·i] / τ.
//
// For the LIF the exponential term is absent. Beyond the cut-off, where the model is not
// defined, the exponential is continued by its tangent line at θ_pa, so f stays smooth and
// finite. u and i are clamped to ±MaxVoltage and ±MaxCurrent; NaN gives 0.
func (n *Neuron) DuDt(u, i float64) float64 {
	if n.check() != nil || math.IsNaN(u) || math.IsNaN(i) {
		return 0
	}
	return n.params().duDt(clamp(u, MaxVoltage), clamp(i, MaxCurrent))
}

func clamp(x, bound float64) float64 { return math.Max(-bound, math.Min(bound, x)) }

// Slope returns f′(u) = ∂(du/dt)/∂u in 1/ms, the report's "Jacobien": negative at a
// stable fixed point, positive at an unstable one.
func (n *Neuron) Slope(u float64) float64 {
	if n.check() != nil || math.IsNaN(u) {
		return 0
	}
	return n.params().slope(clamp(u, MaxVoltage))
}

// Curvature returns f″(u) = ∂²(du/dt)/∂u² in 1/(mV·ms). For the EIF,
// f″(θ_rh) = 1/(τ·Δ_T): 0.1 mV⁻¹·ms⁻¹ with the default parameters, which is
// 10⁵ V⁻¹·s⁻¹ in SI units. It is 0 for the LIF, and above the cut-off, where the
// exponential is continued by a straight line.
func (n *Neuron) Curvature(u float64) float64 {
	if n.check() != nil || math.IsNaN(u) {
		return 0
	}
	return n.params().curvature(clamp(u, MaxVoltage))
}

package eif

import (
	"errors"
	"math"
)

// errNoNormalForm is returned by the QIF functions for a neuron without a saddle-node.
var errNoNormalForm = errors.New("eif: the quadratic normal form needs the EIF with DeltaT > 0 (the LIF and the DeltaT = 0 limit have no saddle-node)")

// QIF returns the right-hand side (mV/ms) of the quadratic integrate-and-fire neuron that
// is the normal form of the EIF near its saddle-node, at voltage u (mV) under the constant
// current i (nA):
//
//	τ du/dt = R·(I − I_rh) + (u − θ_rh)²/(2·Δ_T).
//
// It is the Taylor expansion of τ·f(u) around θ_rh to second order, where f(θ_rh) at
// I_rh, f′(θ_rh) and f″(θ_rh) = 1/(τ·Δ_T) are those of the EIF; the two differ by about
// (u − θ_rh)³/(6·τ·Δ_T²). Every neuron with a saddle-node has this form near it, which is
// why the firing rate rises like √(I − I_rh) at onset.
func (n *Neuron) QIF(u, i float64) (float64, error) {
	if err := n.qifCheck(); err != nil {
		return 0, err
	}
	if err := finite("u", u); err != nil {
		return 0, err
	}
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
	p := n.params()
	x := clamp(u, MaxVoltage) - p.ThetaRh
	return (p.R*(i-n.Rheobase()) + x*x/(2*p.DeltaT)) / p.Tau, nil
}

// QIFTime returns the time (ms) the quadratic normal form (see QIF) takes to go from u1 to
// u2 > u1 (mV) under a constant current i (nA) above the rheobase:
//
//	t = τ/√(a·b)·[atan(x₂·√(b/a)) − atan(x₁·√(b/a))],  a = R·(I − I_rh), b = 1/(2Δ_T),
//
// with x = u − θ_rh. u1 may be −Inf and u2 +Inf: from −∞ to +∞ it is the bottleneck
// time π·τ·√(2Δ_T/(R·(I − I_rh))), finite because the QIF, like the EIF, blows up in
// finite time.
func (n *Neuron) QIFTime(i, u1, u2 float64) (float64, error) {
	if err := n.qifCheck(); err != nil {
		return 0, err
	}
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
	if i <= n.Rheobase() {
		return 0, &ParamError{Field: "i", Value: i, Rule: "must be above the rheobase (below it the QIF has fixed points and never arrives)"}
	}
	if math.IsNaN(u1) || math.IsNaN(u2) || u2 <= u1 {
		return 0, &ParamError{Field: "u2", Value: u2, Rule: "must be above u1 (neither NaN)"}
	}
	p := n.params()
	a, b := p.R*(i-n.Rheobase()), 1/(2*p.DeltaT)
	k := math.Sqrt(b / a)
	x1, x2 := u1-p.ThetaRh, u2-p.ThetaRh
	return p.Tau / math.Sqrt(a*b) * (math.Atan(x2*k) - math.Atan(x1*k)), nil
}

func (n *Neuron) qifCheck() error {
	if err := n.check(); err != nil {
		return err
	}
	if n.params().Linear() {
		return errNoNormalForm
	}
	return nil
}

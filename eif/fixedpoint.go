package eif

import "fmt"

// Stability classifies a fixed point by the sign of f′ there.
type Stability int

const (
	// Stable: f′(u*) < 0, nearby voltages return to u*.
	Stable Stability = iota
	// Unstable: f′(u*) > 0, nearby voltages move away from u*; for the EIF this point is
	// the effective threshold.
	Unstable
	// SaddleNode: f′(u*) = 0, the degenerate point where the stable and unstable fixed
	// points meet, at I = rheobase and u* = θ_rh.
	SaddleNode
)

// String returns "stable", "unstable" or "saddle-node".
func (s Stability) String() string {
	switch s {
	case Stable:
		return "stable"
	case Unstable:
		return "unstable"
	case SaddleNode:
		return "saddle-node"
	}
	return "unknown"
}

// FixedPoint is a voltage where du/dt = 0 under a constant current.
type FixedPoint struct {
	U         float64   // the voltage u* (mV)
	Slope     float64   // f′(u*) (1/ms), the report's "Jacobien"
	Stability Stability // from the sign of Slope
}

// FixedPoints returns the fixed points of du/dt = f(u) under the constant current i (nA),
// lowest first. They are the fixed points of the equation without its cut-off: with a
// wide Δ_T or a strong negative current the unstable one can lie above θ_pa, where the
// neuron would have spiked first.
//
// For the EIF they are exact, from the Lambert W function. With
// c = (θ_rh − u_rest − R·i)/Δ_T,
//
//	u* = u_rest + R·i − Δ_T·W_k(−e^(−c)),
//
// branch k = 0 giving the stable point and k = −1 the unstable one. There are two for
// c > 1 (i below rheobase), one saddle-node at u* = θ_rh for c = 1, and none above
// rheobase. At each of them e^((u*−θ_rh)/Δ_T) = −W_k, so f′(u*) = (−1 − W_k)/τ exactly.
// For Δ_T = 0 the unstable point has moved to the hard threshold θ_rh and only the
// stable one, u_rest + R·i when it lies below θ_rh, is returned.
//
// For the LIF there is always one, stable: u_rest + R·i.
func (n *Neuron) FixedPoints(i float64) []FixedPoint {
	if n.check() != nil || checkCurrent("i", i) != nil {
		return nil
	}
	var buf [2]FixedPoint
	if fps := n.fixedPoints(i, &buf); len(fps) > 0 {
		return append([]FixedPoint(nil), fps...)
	}
	return nil
}

// fixedPoints is FixedPoints for a valid neuron and current, written into buf.
func (n *Neuron) fixedPoints(i float64, buf *[2]FixedPoint) []FixedPoint {
	p := n.params()
	uinf := p.Rest + p.R*i
	if p.Linear() {
		// u_rest + R·i, written as θ + R·(i − I_rh) so that it lies on the side of the
		// threshold θ that i − Rheobase() says, as in Period.
		irh := n.Rheobase()
		buf[0] = FixedPoint{U: p.spikeVoltage() + p.R*(i-irh), Slope: -1 / p.Tau, Stability: Stable}
		if p.Model == LIF || i < irh {
			return buf[:1]
		}
		return nil
	}
	// d = c − 1. Which case holds is decided by i against Rheobase(), as in Period, so
	// that the two agree at every float: the rounding of d cannot contradict it.
	d := (p.ThetaRh - p.Rest - p.R*i - p.DeltaT) / p.DeltaT
	switch irh := n.Rheobase(); {
	case i > irh:
		return nil
	case i == irh || d <= 0:
		buf[0] = FixedPoint{U: p.ThetaRh, Slope: 0, Stability: SaddleNode}
		return buf[:1]
	}
	v0 := solveVd(d, 1+d, false) // v = −W_k(−e^(−c))
	v1 := solveVd(d, 1+d, true)
	buf[0] = FixedPoint{U: uinf + p.DeltaT*v0, Slope: (v0 - 1) / p.Tau, Stability: Stable}
	buf[1] = FixedPoint{U: uinf + p.DeltaT*v1, Slope: (v1 - 1) / p.Tau, Stability: Unstable}
	return buf[:2]
}

// RestingPotential returns the stable fixed point (mV) under the constant current i (nA), and false
// when there is none (above rheobase).
func (n *Neuron) RestingPotential(i float64) (float64, bool) {
	for _, fp := range n.FixedPoints(i) {
		if fp.Stability != Unstable {
			return fp.U, true
		}
	}
	return 0, false
}

// EffectiveThreshold returns θ_I (mV), the voltage beyond which the EIF under the
// constant current i (nA) runs away to a spike: its unstable fixed point, or θ_rh at
// rheobase. θ_{I=0} = −36.488 mV with the default parameters. For the LIF, and for the
// EIF with Δ_T = 0, it is the imposed threshold. Above rheobase it returns
// ErrNoFixedPoint, wrapped with i and the rheobase: every voltage leads to a spike.
func (n *Neuron) EffectiveThreshold(i float64) (float64, error) {
	if err := n.check(); err != nil {
		return 0, err
	}
	if err := checkCurrent("i", i); err != nil {
		return 0, err
	}
	if n.params().Linear() {
		if i >= n.Rheobase() {
			return 0, n.noFixedPoint(i)
		}
		return n.params().spikeVoltage(), nil
	}
	fps := n.FixedPoints(i)
	if len(fps) == 0 {
		return 0, n.noFixedPoint(i)
	}
	return fps[len(fps)-1].U, nil
}

// noFixedPoint is ErrNoFixedPoint for the current i (nA), with the numbers.
func (n *Neuron) noFixedPoint(i float64) error {
	return fmt.Errorf("%w (i = %g nA, I_rh = %g nA)", ErrNoFixedPoint, i, n.Rheobase())
}

// Rheobase returns the constant current (nA) above which the neuron has no resting state,
// so it fires repetitively (with a reset below θ_I it fires only then; a reset above θ_I
// makes it fire below rheobase too). For the EIF it is the saddle-node bifurcation, where
// the two fixed points meet at u = θ_rh: f(θ_rh) = 0 gives I_rh = (θ_rh − u_rest − Δ_T)/R, 7.25 nA with the
// default parameters. For the LIF the fixed point u_rest + R·I must reach the cut-off:
// I_rh = (θ_pa − u_rest)/R, 10 nA. For the EIF with Δ_T = 0, (θ_rh − u_rest)/R.
func (n *Neuron) Rheobase() float64 {
	if n.check() != nil {
		return 0
	}
	p := n.params()
	if p.Linear() {
		return (p.spikeVoltage() - p.Rest) / p.R // the fixed point u_rest + R·I reaches θ
	}
	return (p.ThetaRh - p.Rest - p.DeltaT) / p.R
}

package eif_test

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// The adversarial test drives every exported function with the extremes of each input:
// 0, the smallest subnormal, the domain bounds and the floats next to them, ±MaxFloat64,
// NaN and ±Inf, and the edges of the model: the rheobase and the floats on either side,
// a cut-off near θ_I, a reset above θ_rh, Δ_T at its lower bound. Every call must return
// an error (a *ParamError naming a field, or one of the package's sentinel errors), or
// finite values that obey the model, within maxCall. The cases are tables: to add one,
// add a row.

// maxCall is the longest any single call may take, in CPU time of its thread, which does
// not grow when other processes share the machine (the wall time is logged as well).
const maxCall = 2 * time.Second

// extremes are the special values of a float64 input.
var extremes = []float64{
	0, math.SmallestNonzeroFloat64, -math.SmallestNonzeroFloat64,
	math.MaxFloat64, -math.MaxFloat64, math.NaN(), math.Inf(1), math.Inf(-1),
}

// around returns x and the floats next to it.
func around(xs ...float64) []float64 {
	var out []float64
	for _, x := range xs {
		out = append(out, math.Nextafter(x, math.Inf(-1)), x, math.Nextafter(x, math.Inf(1)))
	}
	return out
}

// fieldEdits are the extremes of each parameter, applied to Default and DefaultLIF.
func fieldEdits() []paramCase {
	fields := []struct {
		name   string
		set    func(*eif.Params, float64)
		bounds []float64
	}{
		{"Tau", func(p *eif.Params, v float64) { p.Tau = v }, around(eif.MinTau, eif.MaxTime, 1e-300)},
		{"R", func(p *eif.Params, v float64) { p.R = v }, around(eif.MinR, eif.MaxR, 1e-300)},
		{"DeltaT", func(p *eif.Params, v float64) { p.DeltaT = v }, around(eif.MinDeltaT, 10.0/600, 10, eif.MaxVoltage)},
		{"Rest", func(p *eif.Params, v float64) { p.Rest = v }, around(-eif.MaxVoltage, -40, -30)},
		{"Reset", func(p *eif.Params, v float64) { p.Reset = v }, around(-eif.MaxVoltage, -40, -30-eif.MinGap, -30)},
		{"ThetaRh", func(p *eif.Params, v float64) { p.ThetaRh = v }, around(-eif.MaxVoltage, -70, -30)},
		{"Cutoff", func(p *eif.Params, v float64) { p.Cutoff = v }, around(eif.MaxVoltage, -40, -36.48809938192191, -5e-324)},
		{"Refractory", func(p *eif.Params, v float64) { p.Refractory = v }, around(eif.MaxTime)},
	}
	var out []paramCase
	for _, f := range fields {
		for _, v := range append(append([]float64{}, extremes...), f.bounds...) {
			for _, base := range []eif.Params{eif.Default(), eif.DefaultLIF()} {
				p := base
				f.set(&p, v)
				out = append(out, paramCase{fmt.Sprintf("%v %s = %g", p.Model, f.name, v), p})
			}
		}
	}
	return out
}

type paramCase struct {
	name string
	p    eif.Params
}

// modelEdges are parameter sets at the edges of the model itself.
func modelEdges() []paramCase {
	edit := func(name string, f func(*eif.Params)) paramCase {
		p := eif.Default()
		f(&p)
		return paramCase{name, p}
	}
	return []paramCase{
		edit("issue: Δ_T = 10, reset −60 (cut-off below θ_I)", func(p *eif.Params) { p.DeltaT, p.Reset = 10, -60 }),
		edit("issue: cut-off −36.5 just below θ_I=0", func(p *eif.Params) { p.Cutoff = -36.5 }),
		edit("cut-off at θ_I=0", func(p *eif.Params) { p.Cutoff = -36.48809938192191 }),
		edit("Δ_T at its lower bound (θ_pa − θ_rh)/600", func(p *eif.Params) { p.DeltaT = 10.0 / 600 }),
		edit("Δ_T = MinDeltaT, cut-off just above θ_rh", func(p *eif.Params) { p.DeltaT, p.Cutoff = eif.MinDeltaT, -40+600*eif.MinDeltaT }),
		edit("reset above θ_rh, below θ_I", func(p *eif.Params) { p.Reset = -38 }),
		edit("reset above θ_I", func(p *eif.Params) { p.Reset = -35 }),
		edit("reset MinGap below the cut-off", func(p *eif.Params) { p.Reset = -30 - eif.MinGap }),
		edit("rheobase current 0", func(p *eif.Params) { p.DeltaT = 30 }),
		edit("τ = MinTau", func(p *eif.Params) { p.Tau = eif.MinTau }),
		edit("R = MinR", func(p *eif.Params) { p.R = eif.MinR }),
		edit("R = MaxR", func(p *eif.Params) { p.R = eif.MaxR }),
		edit("wide Δ_T", func(p *eif.Params) { p.DeltaT = eif.MaxVoltage }),
		edit("hard threshold Δ_T = 0", func(p *eif.Params) { p.DeltaT = 0 }),
		edit("the widest voltages", func(p *eif.Params) {
			p.Rest, p.Reset, p.ThetaRh, p.Cutoff, p.DeltaT = -eif.MaxVoltage, -eif.MaxVoltage, eif.MaxVoltage-1, eif.MaxVoltage, 1
		}),
		{"LIF cut-off −5e-324", eif.Params{Model: eif.LIF, Tau: 10, Rest: -70, Reset: -70, R: 4, Cutoff: -5e-324}},
		{"LIF τ = MinTau, R = MaxR", eif.Params{Model: eif.LIF, Tau: eif.MinTau, Rest: -70, Reset: -70, R: eif.MaxR, Cutoff: -30}},
	}
}

// currents returns the currents to try on n: the extremes, the bounds, and the rheobase
// with its neighbours.
func currents(n *eif.Neuron) []float64 {
	irh := n.Rheobase()
	c := append([]float64{}, extremes...)
	c = append(c, around(irh, eif.MaxCurrent, -eif.MaxCurrent)...)
	return append(c, -1e4, -1e5, -1e-12, 1, 1e4, math.Nextafter(irh, math.Inf(1))*(1+1e-9))
}

// voltages are the voltages at which f, f′ and f″ are evaluated.
var voltages = append(append([]float64{}, extremes...), around(eif.MaxVoltage, -eif.MaxVoltage, -40, -30)...)

// ok reports whether err is an error the package documents: a *ParamError with a field,
// prefixed "eif: ", or one of its sentinel errors.
func ok(err error) bool {
	var pe *eif.ParamError
	if errors.As(err, &pe) {
		return pe.Field != "" && pe.Rule != "" && strings.HasPrefix(err.Error(), "eif: ")
	}
	for _, s := range []error{eif.ErrNoSpike, eif.ErrNoFixedPoint, eif.ErrTooManySteps, eif.ErrStepSize, eif.ErrDomain, eif.ErrInvalid} {
		if errors.Is(err, s) {
			return true
		}
	}
	return strings.HasPrefix(err.Error(), "eif: ")
}

// runner times and counts the calls.
type runner struct {
	t        *testing.T
	calls    int
	slowest  time.Duration // CPU time
	slowWall time.Duration
	slowTag  string
	byKind   map[string]time.Duration
}

func (r *runner) call(tag string, f func() error) {
	r.t.Helper()
	var err error
	start := time.Now()
	d := threadCPU(func() { err = f() })
	wall := time.Since(start)
	r.calls++
	if r.byKind == nil {
		r.byKind = map[string]time.Duration{}
	}
	r.byKind[tag[strings.LastIndex(tag, ": ")+2:]] += d
	if d > r.slowest {
		r.slowest, r.slowWall, r.slowTag = d, wall, tag
	}
	if d > maxCall {
		r.t.Errorf("%s: took %v of CPU (%v wall)", tag, d, wall)
	}
	if err != nil {
		r.t.Errorf("%s: %v", tag, err)
	}
}

// checkAnalysis runs the analytic functions of n at every current and voltage.
func checkAnalysis(r *runner, name string, n *eif.Neuron) {
	p := n.Params()
	thr := n.Threshold()
	irh := n.Rheobase()
	r.call(name+": Rheobase, Threshold", func() error {
		if !finiteAll(irh, thr) {
			return fmt.Errorf("Rheobase %g, Threshold %g", irh, thr)
		}
		return nil
	})
	for _, u := range voltages {
		r.call(fmt.Sprintf("%s: f, f′, f″ at %g", name, u), func() error {
			if !finiteAll(n.DuDt(u, 0), n.DuDt(u, eif.MaxCurrent), n.Slope(u), n.Curvature(u)) {
				return fmt.Errorf("non-finite f, f′ or f″")
			}
			return nil
		})
	}
	for _, i := range currents(n) {
		tag := fmt.Sprintf("%s: I = %g", name, i)
		r.call(tag+": FixedPoints", func() error { return checkFixedPoints(n, i) })
		r.call(tag+": Period, Rate", func() error {
			T, err := n.Period(i)
			rate := n.Rate(i)
			if !finiteAll(rate) || rate < 0 {
				return fmt.Errorf("Rate = %g", rate)
			}
			if err != nil {
				if !ok(err) || rate != 0 {
					return fmt.Errorf("Period: %v, Rate %g", err, rate)
				}
				return nil
			}
			if !finiteAll(T) || !(T > 0) || T < p.Refractory || rate != 1000/T {
				return fmt.Errorf("Period = %g, Rate = %g", T, rate)
			}
			// A period needs f > 0 from the reset to the threshold: no fixed point between
			// (one that rounds to the threshold itself may lie just above it).
			for _, fp := range n.FixedPoints(i) {
				if fp.U >= p.Reset && fp.U < thr {
					return fmt.Errorf("Period = %g with the fixed point %g between reset and threshold", T, fp.U)
				}
			}
			// f(reset) > 0, up to the rounding of its terms.
			scale := (math.Abs(p.Reset-p.Rest) + math.Abs(p.R*i)) / p.Tau
			if p.Model == eif.EIF {
				scale += (math.Abs(p.Reset-p.ThetaRh) + p.DeltaT) / p.Tau
			}
			if f := n.DuDt(p.Reset, i); f < -4e-16*scale {
				return fmt.Errorf("Period = %g with f(reset) = %g", T, f)
			}
			return nil
		})
		r.call(tag+": EffectiveThreshold, RestingPotential", func() error {
			th, err := n.EffectiveThreshold(i)
			if err != nil && !ok(err) || err == nil && !finiteAll(th) {
				return fmt.Errorf("EffectiveThreshold = %g, %v", th, err)
			}
			if u, has := n.RestingPotential(i); has && !finiteAll(u) {
				return fmt.Errorf("RestingPotential = %g", u)
			}
			return nil
		})
	}
	// At the rheobase the period is infinite; just above it, finite (reset below θ_rh).
	if p.Model == eif.LIF || p.Reset <= p.ThetaRh {
		r.call(name+": Period at and above the rheobase", func() error {
			if _, err := n.Period(irh); !errors.Is(err, eif.ErrNoSpike) && math.Abs(irh) <= eif.MaxCurrent {
				return fmt.Errorf("Period(I_rh): err = %v, want ErrNoSpike", err)
			}
			up := math.Nextafter(irh, math.Inf(1))
			if T, err := n.Period(up); math.Abs(up) <= eif.MaxCurrent && (err != nil || !(T > 0) || !finiteAll(T)) {
				return fmt.Errorf("Period(next float above I_rh) = %g, %v", T, err)
			}
			return nil
		})
	}
	r.call(name+": FICurve, Bifurcation", func() error {
		rates := n.FICurve(currents(n))
		for _, v := range rates {
			if !finiteAll(v) || v < 0 {
				return fmt.Errorf("FICurve rate %g", v)
			}
		}
		for _, lim := range [][2]float64{{-eif.MaxCurrent, eif.MaxCurrent}, {irh - 1, irh + 1}, {0, math.SmallestNonzeroFloat64}, {math.NaN(), 1}} {
			st, un, err := n.Bifurcation(lim[0], lim[1], 1000)
			if err != nil {
				if !ok(err) {
					return err
				}
				continue
			}
			if !finiteAll(st.I...) || !finiteAll(st.U...) || !finiteAll(un.I...) || !finiteAll(un.U...) {
				return fmt.Errorf("Bifurcation(%g, %g): non-finite branch", lim[0], lim[1])
			}
		}
		return nil
	})
}

// checkFixedPoints checks that the fixed points of n at i are finite, ordered, of the
// stability their slope says, and zeros of f.
func checkFixedPoints(n *eif.Neuron, i float64) error {
	fps := n.FixedPoints(i)
	p := n.Params()
	for k, fp := range fps {
		if !finiteAll(fp.U, fp.Slope) {
			return fmt.Errorf("fixed point %+v", fp)
		}
		if k > 0 && !(fp.U > fps[k-1].U) {
			return fmt.Errorf("fixed points not increasing: %+v", fps)
		}
		want := eif.Stable
		switch {
		case fp.Slope > 0:
			want = eif.Unstable
		case fp.Slope == 0:
			want = eif.SaddleNode
		}
		if fp.Stability != want {
			return fmt.Errorf("fixed point %+v: stability against its slope", fp)
		}
		if p.Model == eif.EIF && p.DeltaT > 0 && (fp.Stability == eif.Stable) != (fp.U < p.ThetaRh) && fp.Stability != eif.SaddleNode {
			return fmt.Errorf("fixed point %+v on the wrong side of θ_rh", fp)
		}
	}
	return nil
}

// checkDynamics runs the simulation-based functions of n, at a few currents: those near
// the rheobase, and with strong the extremes as well.
func checkDynamics(r *runner, name string, n *eif.Neuron, strong bool) {
	p := n.Params()
	irh := n.Rheobase()
	is := []float64{0, irh, math.Nextafter(irh, math.Inf(1)), math.NaN()}
	if strong {
		is = append(is, 2*irh+1, eif.MaxCurrent, -eif.MaxCurrent, math.Inf(1))
	}
	for _, i := range is {
		tag := fmt.Sprintf("%s: I = %g", name, i)
		r.call(tag+": Simulate", func() error {
			res, err := n.Simulate(eif.Pulse{Amp: i, T1: 1, T2: 30}, p.Rest, 50, nil)
			if err != nil {
				if !ok(err) {
					return err
				}
				return nil
			}
			return checkResult(res, p.Rest-math.Abs(p.Rest)-1)
		})
		r.call(tag+": Latency", func() error {
			if l, err := n.Latency(i, 100, nil); err != nil && !ok(err) || err == nil && !(l >= 0 && finiteAll(l)) {
				return fmt.Errorf("Latency = %g, %v", l, err)
			}
			return nil
		})
		r.call(tag+": SimulatedRate", func() error {
			if v, err := n.SimulatedRate(i, 100, nil); err != nil && !ok(err) || err == nil && !(v >= 0 && finiteAll(v)) {
				return fmt.Errorf("SimulatedRate = %g, %v", v, err)
			}
			return nil
		})
	}
	r.call(name+": PulseThreshold, StrengthDuration", func() error {
		ths, err := n.StrengthDuration([]float64{0.1, 10}, nil)
		if err != nil {
			if !ok(err) {
				return err
			}
			return nil
		}
		for _, v := range ths {
			if !(v >= 0 && finiteAll(v)) {
				return fmt.Errorf("threshold %g", v)
			}
		}
		return nil
	})
}

// checkResult checks a trace: finite, time never going back, voltages above floor.
func checkResult(res *eif.Result, floor float64) error {
	if !finiteAll(res.T...) || !finiteAll(res.U...) || !finiteAll(res.Spikes...) {
		return errors.New("non-finite trace")
	}
	for k := 1; k < len(res.T); k++ {
		if res.T[k] < res.T[k-1] {
			return fmt.Errorf("trace time goes back at %d", k)
		}
	}
	return nil
}

// TestAdversarialParams runs the analysis of every neuron, and its simulations near the
// rheobase. The simulations at the extreme currents, a fifth of a second each, run for the
// edges of the model, and for every neuron with EIF_ADVERSARIAL=full.
func TestAdversarialParams(t *testing.T) {
	r := &runner{t: t}
	full := os.Getenv("EIF_ADVERSARIAL") == "full"
	valid := 0
	edges := modelEdges()
	for k, pc := range append(edges, fieldEdits()...) {
		var n *eif.Neuron
		r.call(pc.name+": New", func() error {
			var err error
			n, err = eif.New(pc.p)
			if err != nil && !ok(err) {
				return fmt.Errorf("New: %v", err)
			}
			return nil
		})
		if n == nil {
			continue
		}
		valid++
		checkAnalysis(r, pc.name, n)
		switch {
		case testing.Short():
		case full || k < len(edges):
			checkDynamics(r, pc.name, n, true)
		case pc.p.Tau >= 1e-3: // the stiff τ = MinTau is among the edges
			checkDynamics(r, pc.name, n, false)
		}
	}
	for k, v := range r.byKind {
		if v > 100*time.Millisecond {
			t.Logf("%s: %v", k, v)
		}
	}
	t.Logf("%d calls on %d valid neurons; slowest %v of CPU, %v wall (%s)", r.calls, valid, r.slowest, r.slowWall, r.slowTag)
}

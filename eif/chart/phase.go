package chart

import (
	"math"
	"slices"
	"strings"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// phaseSamples is the number of voltages at which a phase curve is evaluated.
const phaseSamples = 401

// Curve is one right-hand side f(u) = du/dt for Family: a neuron under a constant current.
type Curve struct {
	Label  string // legend entry, such as "Δ_T = 2 mV" or "I = 6 nA"
	Neuron *eif.Neuron
	I      float64 // constant current (nA)
}

// PhaseLine draws the phase portrait of n under the constant current i (nA): du/dt = f(u)
// against u over [umin, umax] (mV), the zero line, the fixed points (filled: stable;
// hollow: unstable; half filled: saddle-node) and arrows on the u axis giving the
// direction of the flow. The du/dt axis is cut so the exponential does not flatten the
// rest: set the figure's Y to see more.
func PhaseLine(title string, n *eif.Neuron, i, umin, umax float64) *Figure {
	legend := textf("f(u) at I = %g nA", "f(u) à I = %g nA", i)
	f := phaseFigure(title, umin, umax, []Curve{{Label: legend.en, Neuron: n, I: i}})
	if f.err != nil {
		return f
	}
	f.Series[0].term = legend
	markers := map[eif.Stability]Marker{eif.Stable: Filled, eif.Unstable: Hollow, eif.SaddleNode: Half}
	fps := n.FixedPoints(i)
	f.subtitle = offRange(fps, umin, umax)
	f.Subtitle = f.subtitle.en
	for _, st := range []eif.Stability{eif.Stable, eif.Unstable, eif.SaddleNode} {
		s := named(st, Series{Points: true, Marker: markers[st], Size: 13, Color: "#222"})
		for _, fp := range fps {
			if fp.Stability == st && fp.U >= umin && fp.U <= umax {
				s.X, s.Y = append(s.X, fp.U), append(s.Y, 0)
			}
		}
		if len(s.X) > 0 {
			f.Series = append(f.Series, s)
		}
	}
	// One arrow in the middle of each interval between fixed points (two in wide ones).
	cuts := []float64{umin}
	for _, fp := range fps {
		if fp.U > umin && fp.U < umax {
			cuts = append(cuts, fp.U)
		}
	}
	cuts = append(cuts, umax)
	right := Series{Points: true, Marker: ArrowRight, Size: 12, Color: "#555", aux: true}
	left := Series{Points: true, Marker: ArrowLeft, Size: 12, Color: "#555", aux: true}
	for k := 1; k < len(cuts); k++ {
		a, b := cuts[k-1], cuts[k]
		if b-a < 0.04*(umax-umin) {
			continue
		}
		at := []float64{(a + b) / 2}
		if b-a > 0.45*(umax-umin) {
			at = []float64{a + (b-a)/4, a + 3*(b-a)/4}
		}
		for _, u := range at {
			switch d := n.DuDt(u, i); {
			case d > 0:
				right.X, right.Y = append(right.X, u), append(right.Y, 0)
			case d < 0:
				left.X, left.Y = append(left.X, u), append(left.Y, 0)
			}
		}
	}
	for _, s := range []Series{right, left} {
		if len(s.X) > 0 {
			f.Series = append(f.Series, s)
		}
	}
	return f
}

// Family draws several curves f(u) = du/dt against u over [umin, umax] (mV), such as one
// neuron under several currents or several neurons (Δ_T = 0.25 … 4 mV) under one, with
// their fixed points (filled: stable; hollow: unstable; half filled: saddle-node).
// As in PhaseLine, the du/dt axis is cut to show the region of the fixed points.
func Family(title string, umin, umax float64, curves ...Curve) *Figure {
	f := phaseFigure(title, umin, umax, curves)
	if f.err != nil {
		return f
	}
	markers := map[eif.Stability]Marker{eif.Stable: Filled, eif.Unstable: Hollow, eif.SaddleNode: Half}
	var off []eif.FixedPoint
	for _, c := range curves {
		off = append(off, c.Neuron.FixedPoints(c.I)...)
	}
	f.subtitle = offRange(off, umin, umax)
	f.Subtitle = f.subtitle.en
	for k, c := range curves {
		for _, fp := range c.Neuron.FixedPoints(c.I) {
			if fp.U >= umin && fp.U <= umax {
				f.Series = append(f.Series, Series{Name: c.Label, X: []float64{fp.U}, Y: []float64{0},
					Points: true, Marker: markers[fp.Stability], Size: 11, Color: Color(k), aux: true})
			}
		}
	}
	return f
}

// offRange says which fixed points lie outside [umin, umax], so that a point the chart
// cannot show is named on it rather than missing without a word; empty when all are in.
func offRange(fps []eif.FixedPoint, umin, umax float64) text {
	var en, fr []string
	for _, fp := range fps {
		if fp.U < umin || fp.U > umax {
			t := textf("u* = %.2f mV (%s)", "u* = %.2f mV (%s)", fp.U, stabilityText(fp.Stability))
			en, fr = append(en, t.en), append(fr, t.fr)
		}
	}
	if len(en) == 0 {
		return text{}
	}
	return textf("off the chart (u from %g to %g mV): %s", "hors du graphique (u de %g à %g mV) : %s",
		umin, umax, text{strings.Join(en, ", "), strings.Join(fr, ", ")})
}

// phaseFigure draws the curves f(u) and the zero line, on a du/dt range that shows the
// fixed points and the minimum of f, not the whole exponential.
func phaseFigure(title string, umin, umax float64, curves []Curve) *Figure {
	f := &Figure{Title: title, XLabel: "u (mV)", YLabel: "du/dt (mV/ms)"}
	switch {
	case len(curves) == 0:
		f.err = errorText("chart: %q: no curve to draw", "chart: %q : aucune courbe à tracer", title)
		return f
	case !finite(umin) || !finite(umax) || umin >= umax:
		f.err = errorText("chart: %q: voltage range [%g, %g] is empty or not finite",
			"chart: %q : l'intervalle de potentiel [%g, %g] est vide ou n'est pas fini", title, umin, umax)
		return f
	case math.Abs(umin) > eif.MaxVoltage || math.Abs(umax) > eif.MaxVoltage:
		f.err = errorText("chart: %q: voltage range [%g, %g] leaves the model's domain, |u| ≤ eif.MaxVoltage = %g mV",
			"chart: %q : l'intervalle de potentiel [%g, %g] sort du domaine du modèle, |u| ≤ eif.MaxVoltage = %g mV", title, umin, umax, eif.MaxVoltage)
		return f
	}
	lo, left := math.Inf(1), math.Inf(-1)
	for k, c := range curves {
		if c.Neuron == nil {
			f.err = errorText("chart: %q: curve %q has a nil Neuron", "chart: %q : la courbe %q a un Neuron nil (aucun neurone)", title, c.Label)
			return f
		}
		if !finite(c.I) || math.Abs(c.I) > eif.MaxCurrent {
			f.err = errorText("chart: %q: curve %q: current I = %g nA is not finite or exceeds eif.MaxCurrent = %g nA",
				"chart: %q : courbe %q : le courant I = %g nA n'est pas fini ou dépasse eif.MaxCurrent = %g nA", title, c.Label, c.I, eif.MaxCurrent)
			return f
		}
		u := make([]float64, 0, phaseSamples+2)
		for j := range phaseSamples {
			u = append(u, umin+(umax-umin)*float64(j)/(phaseSamples-1))
		}
		for _, fp := range c.Neuron.FixedPoints(c.I) {
			if fp.U > umin && fp.U < umax {
				u = append(u, fp.U) // exact zeros on the curve
			}
		}
		slices.Sort(u)
		y := make([]float64, len(u))
		for j := range u {
			y[j] = c.Neuron.DuDt(u[j], c.I)
			if finite(y[j]) {
				lo = math.Min(lo, y[j])
			}
		}
		left = math.Max(left, y[0])
		f.Series = append(f.Series, Series{Name: c.Label, X: u, Y: y, Color: Color(k)})
	}
	// Show the left end (the leak) and the dip, with room above; the exponential
	// runs out of the top.
	top := 1.3 * math.Max(math.Max(left, math.Abs(lo)), 0.5)
	bottom := math.Min(lo, 0)
	bottom -= 0.08 * (top - bottom)
	f.Y = niceRange(bottom, top)
	// Where a curve leaves through the top, add the exact point there: the samples
	// around it are far apart in du/dt.
	level := f.Y.Max + 0.02*(f.Y.Max-f.Y.Min)
	for k, c := range curves {
		s := &f.Series[k]
		s.X, s.Y = withCrossings(s.X, s.Y, level, func(u float64) float64 { return c.Neuron.DuDt(u, c.I) })
	}
	f.Series = append(f.Series, Series{X: []float64{umin, umax}, Y: []float64{0, 0}, Color: "#444", Width: 1, aux: true})
	return f
}

// niceRange widens [lo, hi] to multiples of a 1-2-5 step, about five steps in all.
func niceRange(lo, hi float64) Range {
	if !(hi > lo) || !finite(lo) || !finite(hi) {
		return Range{}
	}
	raw := (hi - lo) / 5
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	step := mag
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		if m*mag >= raw {
			step = m * mag
			break
		}
	}
	return Range{onStep(math.Floor(lo/step), step), onStep(math.Ceil(hi/step), step)}
}

// onStep returns k·step rounded to the decimals of step, so a bound reads 7.175 and
// not 7.175000000000001 (287 × 0.025 in floating point).
func onStep(k, step float64) float64 {
	p := math.Pow(10, math.Max(0, 1-math.Floor(math.Log10(step))))
	return math.Round(k*step*p) / p
}

// withCrossings returns the curve (x, y = g(x)) with, between consecutive points on either
// side of level, the point where g crosses it, found by bisection.
func withCrossings(x, y []float64, level float64, g func(float64) float64) ([]float64, []float64) {
	xs := make([]float64, 0, len(x)+4)
	ys := make([]float64, 0, len(y)+4)
	for k := range x {
		if k > 0 && (y[k-1]-level)*(y[k]-level) < 0 {
			a, b := x[k-1], x[k]
			below := y[k-1] < level
			for range 60 {
				m := (a + b) / 2
				if (g(m) < level) == below {
					a = m
				} else {
					b = m
				}
			}
			xs, ys = append(xs, (a+b)/2), append(ys, level)
		}
		xs, ys = append(xs, x[k]), append(ys, y[k])
	}
	return xs, ys
}

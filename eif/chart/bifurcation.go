package chart

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// bifurcationSamples is the number of currents at which the fixed points are computed.
const bifurcationSamples = 400

// named returns s named after the stability st, as chart writes it in each language.
func named(st eif.Stability, s Series) Series {
	s.term = stabilityText(st)
	s.Name = s.term.en
	return s
}

// Bifurcation draws the fixed points u* of n against the constant current I over
// [iMin, iMax] (nA): the stable branch solid, the unstable one dashed, the saddle-node
// where they meet at the rheobase (half filled), and, at each of the currents marks,
// a labelled vertical line with the fixed points there (filled: stable; hollow: unstable).
// Currents are sampled more densely towards the rheobase, where the branches turn.
func Bifurcation(title string, n *eif.Neuron, iMin, iMax float64, marks ...float64) *Figure {
	f := &Figure{Title: title, XLabel: "I (nA)", YLabel: "u* (mV)", X: Range{iMin, iMax}}
	switch {
	case n == nil:
		f.err = errorText("chart: Bifurcation %q: nil Neuron", "chart: Bifurcation %q : Neuron nil (aucun neurone)", title)
		return f
	case !finite(iMin) || !finite(iMax) || iMin >= iMax:
		f.err = errorText("chart: Bifurcation %q: current range [%g, %g] is empty or not finite",
			"chart: Bifurcation %q : l'intervalle de courant [%g, %g] est vide ou n'est pas fini", title, iMin, iMax)
		return f
	}
	rh := n.Rheobase()
	hi := math.Min(iMax, rh)
	if hi < iMin {
		f.err = errorText("chart: Bifurcation %q: no fixed point in [%g, %g] nA: the rheobase is %.4g nA",
			"chart: Bifurcation %q : aucun point fixe dans [%g, %g] nA : le courant rhéobase vaut %.4g nA", title, iMin, iMax, rh)
		return f
	}
	// The currents, dense near hi, where u* moves fastest; eif.BifurcationAt ends both
	// branches at the saddle-node.
	currents := make([]float64, 0, bifurcationSamples+1)
	for k := bifurcationSamples; k >= 0; k-- {
		s := float64(k) / bifurcationSamples
		if i := hi - (hi-iMin)*s*s; len(currents) == 0 || i > currents[len(currents)-1] {
			currents = append(currents, i)
		}
	}
	if len(currents) < 2 { // hi = iMin: the rheobase at the start of the range
		currents = []float64{iMin, iMax}
	}
	st, un, err := n.BifurcationAt(currents)
	if err != nil {
		f.err = errorText("chart: Bifurcation %q: %v", "chart: Bifurcation %q : %v", title, err)
		return f
	}
	stable := named(eif.Stable, Series{X: st.I, Y: st.U, Color: Color(0), Width: 2.2})
	unstable := named(eif.Unstable, Series{X: un.I, Y: un.U, Color: Color(3), Width: 2.2, Dashed: true})
	for _, s := range []Series{stable, unstable} {
		if len(s.X) > 0 {
			f.Series = append(f.Series, s)
		}
	}
	for _, fp := range n.FixedPoints(rh) {
		if fp.Stability == eif.SaddleNode && rh >= iMin && rh <= iMax {
			f.Series = append(f.Series, named(eif.SaddleNode, Series{X: []float64{rh}, Y: []float64{fp.U},
				Points: true, Marker: Half, Size: 14, Color: "#222"}))
		}
	}
	if rh <= iMax && rh >= iMin {
		f.VLines = append(f.VLines, refOf(rh, symbolf("I_rh = %.4g nA", rh)))
	}
	for _, m := range marks {
		if !finite(m) {
			f.err = errorText("chart: Bifurcation %q: marked current %g is not finite", "chart: Bifurcation %q : le courant marqué %g n'est pas fini", title, m)
			return f
		}
		f.VLines = append(f.VLines, refOf(m, symbolf("%.4g nA", m)))
		for _, fp := range n.FixedPoints(m) {
			s := Series{X: []float64{m}, Y: []float64{fp.U}, Points: true, Marker: Filled, Size: 10, Color: Color(0), aux: true}
			switch fp.Stability {
			case eif.Unstable:
				s.Marker, s.Color = Hollow, Color(3)
			case eif.SaddleNode:
				s.Marker, s.Color = Half, "#222"
			}
			f.Series = append(f.Series, named(fp.Stability, s))
		}
	}
	return f
}

package eif

import (
	"fmt"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/sweep"
)

// Branch is one branch of a bifurcation diagram: the fixed point U[k] (mV) at the
// current I[k] (nA).
type Branch struct {
	I, U []float64
}

// bifurcationChunk is the number of currents one goroutine takes at a time: a diagram of
// the usual few hundred currents is computed on one, without the cost of starting others.
const bifurcationChunk = 4096

// Bifurcation sweeps num currents evenly over [iMin, iMax] (nA) and returns the stable and
// the unstable branch of fixed points u*(I), for the bifurcation diagram. When the
// saddle-node point (I_rh, θ_rh) lies in the range it ends both branches, so they meet.
// Currents without a fixed point are left out. num must be between 2 and 10⁶. Beyond a
// few thousand currents the fixed points are computed in parallel, on up to GOMAXPROCS
// goroutines, with bit for bit the results of one. BifurcationAt takes the currents.
func (n *Neuron) Bifurcation(iMin, iMax float64, num int) (stable, unstable Branch, err error) {
	if err = n.check(); err != nil {
		return
	}
	if err = checkCurrent("iMin", iMin); err != nil {
		return
	}
	if err = checkCurrent("iMax", iMax); err != nil {
		return
	}
	if iMax <= iMin {
		return stable, unstable, &ParamError{Field: "iMax", Value: iMax, Rule: "must be above iMin"}
	}
	if num < 2 || num > maxBifurcation {
		return stable, unstable, &ParamError{Field: "num", Value: float64(num), Rule: "must be between 2 and 1e6"}
	}
	stable, unstable = n.branches(grid{lo: iMin, hi: iMax, num: num})
	return stable, unstable, nil
}

// BifurcationAt is Bifurcation at the given currents (nA), between 2 and 10⁶ of them,
// increasing strictly, for a diagram sampled where it needs it: chart.Bifurcation takes
// them denser towards the rheobase, where the branches turn. When the rheobase lies
// between the first current and the last, the saddle-node ends both branches and the
// currents at or above it are left out.
func (n *Neuron) BifurcationAt(currents []float64) (stable, unstable Branch, err error) {
	if err = n.check(); err != nil {
		return
	}
	if len(currents) < 2 || len(currents) > maxBifurcation {
		return stable, unstable, &ParamError{Field: "len(currents)", Value: float64(len(currents)), Rule: "must be between 2 and 1e6"}
	}
	for k, i := range currents {
		if err = checkCurrent("", i); err != nil {
			return stable, unstable, element(err, "currents", k)
		}
		if k > 0 && i <= currents[k-1] {
			return stable, unstable, &ParamError{Field: fmt.Sprintf("currents[%d]", k), Value: i, Rule: "the currents must increase strictly"}
		}
	}
	stable, unstable = n.branches(grid{lo: currents[0], hi: currents[len(currents)-1], num: len(currents), at: currents})
	return stable, unstable, nil
}

// maxBifurcation bounds the currents of a bifurcation diagram.
const maxBifurcation = 1_000_000

// grid is the currents of a diagram: num of them from lo to hi, evenly spaced, or at.
type grid struct {
	lo, hi float64
	num    int
	at     []float64
}

// branches returns the branches of fixed points at the increasing currents of g: the one
// sampler of Bifurcation and BifurcationAt.
func (n *Neuron) branches(g grid) (stable, unstable Branch) {
	lo, hi, num, at := g.lo, g.hi, g.num, g.at
	// A closure of copies, which the compiler inlines where it is called.
	current := func(k int) float64 {
		if at != nil {
			return at[k]
		}
		return lo + (hi-lo)*float64(k)/float64(num-1)
	}
	irh := n.Rheobase()
	addSN := !n.params().Linear() && irh >= lo && irh <= hi
	m := num // the currents swept: those below the saddle-node, which is added exactly below
	if addSN {
		for m = 0; m < num && current(m) < irh; m++ {
		}
	}
	// The fixed points at each current, at most one stable and one unstable.
	su, uu := make([]float64, m), make([]float64, m)
	has := make([]uint8, m) // bit 0: a stable point, bit 1: an unstable one
	chunks := (m + bifurcationChunk - 1) / bifurcationChunk
	_ = sweep.Run(chunks, 0, func() func(c int) error {
		var buf [2]FixedPoint
		return func(c int) error {
			for k := c * bifurcationChunk; k < min(m, (c+1)*bifurcationChunk); k++ {
				for _, fp := range n.fixedPoints(current(k), &buf) {
					switch fp.Stability {
					case Stable:
						su[k], has[k] = fp.U, has[k]|1
					case Unstable:
						uu[k], has[k] = fp.U, has[k]|2
					}
				}
			}
			return nil
		}
	})
	var ns, nu int
	for _, h := range has {
		ns, nu = ns+int(h&1), nu+int(h>>1)
	}
	if addSN {
		ns, nu = ns+1, nu+1
	}
	stable, unstable = newBranch(ns), newBranch(nu)
	for k, h := range has {
		if h&1 != 0 {
			stable.I, stable.U = append(stable.I, current(k)), append(stable.U, su[k])
		}
		if h&2 != 0 {
			unstable.I, unstable.U = append(unstable.I, current(k)), append(unstable.U, uu[k])
		}
	}
	if addSN {
		u := n.params().ThetaRh
		stable.I, stable.U = append(stable.I, irh), append(stable.U, u)
		unstable.I, unstable.U = append(unstable.I, irh), append(unstable.U, u)
	}
	return stable, unstable
}

// newBranch returns an empty branch with room for n points, or the zero Branch for none.
func newBranch(n int) Branch {
	if n == 0 {
		return Branch{}
	}
	return Branch{I: make([]float64, 0, n), U: make([]float64, 0, n)}
}

package eif

// Branch is one branch of a bifurcation diagram: the fixed point U[k] (mV) at the
// current I[k] (nA).
type Branch struct {
	I, U []float64
}

// Bifurcation sweeps num currents evenly over [iMin, iMax] (nA) and returns the stable and
// the unstable branch of fixed points u*(I), for the bifurcation diagram. When the
// saddle-node point (I_rh, θ_rh) lies in the range it ends both branches, so they meet.
// Currents without a fixed point are left out. num must be between 2 and 10⁶.
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
	if num < 2 || num > 1_000_000 {
		return stable, unstable, &ParamError{Field: "num", Value: float64(num), Rule: "must be between 2 and 1e6"}
	}
	irh := n.Rheobase()
	addSN := !n.p.Linear() && irh >= iMin && irh <= iMax
	for k := 0; k < num; k++ {
		i := iMin + (iMax-iMin)*float64(k)/float64(num-1)
		if addSN && i >= irh {
			break // the saddle-node point is added exactly below
		}
		for _, fp := range n.FixedPoints(i) {
			switch fp.Stability {
			case Stable:
				stable.I, stable.U = append(stable.I, i), append(stable.U, fp.U)
			case Unstable:
				unstable.I, unstable.U = append(unstable.I, i), append(unstable.U, fp.U)
			}
		}
	}
	if addSN {
		u := n.p.ThetaRh
		stable.I, stable.U = append(stable.I, irh), append(stable.U, u)
		unstable.I, unstable.U = append(unstable.I, irh), append(unstable.U, u)
	}
	return stable, unstable, nil
}

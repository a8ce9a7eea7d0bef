package noise

import (
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/internal/portable"
)

// run is the Euler–Maruyama loop. Every product that feeds a sum is converted to
// float64, so no architecture fuses it into a multiply–add and the result is the same
// everywhere; the exponential is portable.EMExp for the same reason.
//
// The loop reads nothing of j: a pointer live across the loop would be reloaded after
// every call of a step. The spike budget of the call comes through r.budget.
func (j *job) run(r *Result, g portable.Normal) error {
	// Copies, not pointers into j: the loop reads them from its own frame.
	m, z, cfg, steps := j.m, j.z, j.cfg, j.steps
	p := &m.p
	h := cfg.Step
	thr := m.thr
	hasExp := !p.Linear()
	// The exponential term of the step, a·Δ_T·exp((u − θ_rh)/Δ_T), is an exponential of
	// its own (portable.EMExp), with the factor a·Δ_T folded into its polynomial.
	var e portable.EMExp
	if hasExp {
		e = portable.NewEMExp(p.ThetaRh, p.DeltaT, float64(h/p.Tau*p.DeltaT))
	}
	mu := float64(p.R * z.I)
	a := h / p.Tau // the Euler factor
	// White noise: the Euler–Maruyama increment σ·√(2τ)/τ·√h·N = σ·√(2h/τ)·N.
	white := 0.0
	if z.TauC == 0 {
		white = float64(z.Sigma * math.Sqrt(2*h/p.Tau))
	}
	intrinsic := float64(z.Intrinsic * math.Sqrt(2*h/p.Tau))
	// OU current: exact update coefficients.
	var decay, kick, eta float64
	ou := z.TauC > 0 && z.Sigma > 0
	if ou {
		s := float64(z.Sigma * math.Sqrt((p.Tau+z.TauC)/z.TauC))
		decay = portable.Exp(-h / z.TauC)
		kick = float64(s * math.Sqrt(-portable.Expm1(-2*h/z.TauC)))
		eta = float64(s * g.Norm())
	}
	r.Spikes = r.Spikes[:0]
	r.U, r.I = r.U[:0], r.I[:0]
	r.Dt, r.Steps = 0, steps
	if cfg.Record > 0 {
		r.Dt = float64(float64(cfg.Record) * h)
		m := steps/cfg.Record + 1
		r.U, r.I = make([]float64, 0, m), make([]float64, 0, m)
	}
	u := cfg.U0
	hold := 0.0 // refractory time left (ms)
	for k := 0; k < steps; k++ {
		if cfg.Record > 0 && k%cfg.Record == 0 {
			r.U = append(r.U, u)
			r.I = append(r.I, z.I+eta/p.R)
		}
		var noise float64
		if white > 0 {
			noise = float64(white * g.Norm())
		}
		if intrinsic > 0 {
			noise += float64(intrinsic * g.Norm())
		}
		drive := mu + eta
		if ou {
			eta = float64(eta*decay) + float64(kick*g.Norm())
		}
		if hold > 0 {
			hold -= h
			if hold > 1e-12*h {
				continue
			}
			hold = 0
		}
		// un = u + a·((u_rest − u) + ψ(u) + drive) + noise, grouped so that the terms that
		// do not depend on u stay off the chain of dependent operations.
		un := float64(u*(1-a)) + (float64(a*(p.Rest+drive)) + noise)
		if hasExp {
			un += e.At(u)
		}
		if un >= thr {
			t := float64(float64(k) * h) // rounded: Go may fuse a product into a sum across statements
			ts := t + float64(h*((thr-u)/(un-u)))
			if r.budget.Add(-1) < 0 {
				return errBudget
			}
			r.Spikes = append(r.Spikes, ts)
			if len(r.Spikes) == cfg.MaxSpikes {
				r.Steps = k + 1
				return nil
			}
			u = p.Reset
			hold = p.Refractory - (t + h - ts)
			continue
		}
		u = un
	}
	if cfg.Record > 0 && steps%cfg.Record == 0 {
		r.U = append(r.U, u)
		r.I = append(r.I, z.I+eta/p.R)
	}
	return nil
}

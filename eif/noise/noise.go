package noise

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/check"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/portable"
)

// Input is a noisy input: a constant current plus Gaussian noise, in the convention of
// the package doc:
//
//	τ du/dt = −(u − u_rest) + ψ(u) + μ + η(t),   μ = R·I (mV),
//
// where η is white noise σ·√(2τ)·ξ(t) when TauC = 0, or an Ornstein–Uhlenbeck process
// τ_c dη/dt = −η + s·√(2τ_c)·ξ(t) of correlation time TauC, with s = σ·√((τ + τ_c)/τ_c).
// Either way σ is the standard deviation of the free membrane potential (the LIF without
// threshold), so noises of different correlation times shake it equally.
type Input struct {
	I     float64 // mean current I₀ (nA)
	Sigma float64 // σ (mV), ≥ 0: the standard deviation of the free membrane potential
	TauC  float64 // correlation time τ_c of the noise (ms), ≥ 0; 0 is white noise

	// Intrinsic is the σ (mV) of a second, white, noise that is not part of the recorded
	// injected current (channel noise, in an experiment). Default 0.
	Intrinsic float64
}

// Validate reports a field that is not finite or out of its range, as a *ParamError.
func (z Input) Validate() error {
	if err := broken("Input.I", z.I, check.Current(z.I, eif.MaxCurrent)); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    float64
		max  float64
		unit string
	}{{"Input.Sigma", z.Sigma, eif.MaxVoltage, "mV"}, {"Input.TauC", z.TauC, eif.MaxTime, "ms"}, {"Input.Intrinsic", z.Intrinsic, eif.MaxVoltage, "mV"}} {
		if err := broken(f.name, f.v, check.Size(f.v, f.max, f.unit)); err != nil {
			return err
		}
	}
	return nil
}

// Settings tunes Simulate and Trials. A nil *Settings means the defaults; a zero field
// means the default for that field.
type Settings struct {
	// Step is the Euler–Maruyama step (ms). Default 0.01 ms.
	Step float64
	// Seed is the base seed of the random numbers. Trial k of a run uses a stream that
	// depends on Seed and k only, so results do not depend on the number of cores.
	Seed uint64
	// Record, if > 0, keeps u and the injected current every Record steps in
	// Result.U and Result.I (with Record = 1 every step, as the dynamic I–V
	// curve needs). Default 0: spikes only.
	Record int
	// U0 is the initial potential (mV). Default (0): u_rest. The noise starts in its
	// stationary state.
	U0 float64
	// Workers is the number of goroutines of Trials. Default: GOMAXPROCS.
	Workers int
	// MaxSpikes, if > 0, ends each run at its MaxSpikes-th spike (or at the duration, if it
	// comes first): runs that end at a spike give TrialRate complete intervals only.
	MaxSpikes int
}

// Bounds on the work and memory of the noisy simulations, so that every call ends in
// reasonable time and memory whatever its input.
const (
	maxNoiseSteps  = 1e10 // Euler–Maruyama steps of one call (about 150 s of CPU)
	maxNoisePoints = 2e8  // recorded points of one call, over all its trials (3.2 GB)
	maxNoiseSpikes = 1e7  // spikes kept per run (80 MB)
)

// Result is the outcome of one noisy run.
type Result struct {
	Spikes []float64 // spike times (ms), located by linear interpolation inside the step
	// Dt is the recording interval (ms), Record·Step; U (mV) and I (nA) are u and the
	// injected current I₀ + η/R at times 0, Dt, 2·Dt, … (empty unless Record > 0). After a
	// spike U holds the reset value during the refractory period.
	Dt   float64
	U, I []float64
	// Steps is the number of Euler–Maruyama steps.
	Steps int
}

// Simulate integrates the neuron n for duration ms under the noisy input z, with the
// Euler–Maruyama method at the fixed step set.Step, and returns the spike times (trial 0
// of set.Seed). Where the noise is an Ornstein–Uhlenbeck current, η is advanced by its
// exact update, η ← η·e^(−h/τ_c) + s·√(1 − e^(−2h/τ_c))·N, and u by the Euler step with η
// held over the step. A spike is emitted when u reaches the threshold, at the time found
// by linear interpolation; u is then held at the reset for the refractory period.
func Simulate(n *eif.Neuron, z Input, duration float64, set *Settings) (*Result, error) {
	m, cfg, err := configure(n, z, duration, set)
	if err != nil {
		return nil, err
	}
	r := new(Result)
	if err := m.run(r, z, duration, cfg, portable.NewNormal(cfg.Seed, 0)); err != nil {
		return nil, err
	}
	return r, nil
}

// neuron is what the noisy simulation reads of an eif.Neuron.
type neuron struct {
	p   eif.Params
	thr float64 // the spike threshold
}

// neuronOf returns the parameters of n, or eif.ErrInvalid for a nil n.
func neuronOf(n *eif.Neuron) (neuron, error) {
	if n == nil {
		return neuron{}, eif.ErrInvalid
	}
	return neuron{p: n.Params(), thr: n.Threshold()}, nil
}

// configure checks the input and returns the neuron and the settings with their defaults.
func configure(n *eif.Neuron, z Input, duration float64, set *Settings) (neuron, Settings, error) {
	var c Settings
	if set != nil {
		c = *set
	}
	m, err := neuronOf(n)
	if err != nil {
		return m, c, err
	}
	if err := z.Validate(); err != nil {
		return m, c, err
	}
	step := c.Step
	if err := broken("Settings.Step", step, check.OrDefault(&c.Step, 0.01)); err != nil {
		return m, c, err
	}
	if err := broken("duration", duration, check.Duration(duration, eif.MaxTime)); err != nil {
		return m, c, err
	}
	if duration/c.Step > maxNoiseSteps {
		return m, c, &ParamError{Field: "Settings.Step", Value: c.Step, Rule: fmt.Sprintf("needs more than %g steps for %g ms", float64(maxNoiseSteps), duration)}
	}
	if c.Record < 0 {
		return m, c, &ParamError{Field: "Settings.Record", Value: float64(c.Record), Rule: "must be ≥ 0"}
	}
	if c.Record > 0 && duration/c.Step/float64(c.Record) > maxNoisePoints {
		return m, c, &ParamError{Field: "Settings.Record", Value: float64(c.Record), Rule: fmt.Sprintf("gives more than %g recorded points; raise it", float64(maxNoisePoints))}
	}
	if c.MaxSpikes < 0 {
		return m, c, &ParamError{Field: "Settings.MaxSpikes", Value: float64(c.MaxSpikes), Rule: "must be ≥ 0 (0 means no limit)"}
	}
	if c.Workers < 0 {
		return m, c, &ParamError{Field: "Settings.Workers", Value: float64(c.Workers), Rule: "must be ≥ 0 (0 means GOMAXPROCS)"}
	}
	if c.U0 == 0 {
		c.U0 = m.p.Rest
	}
	if err := broken("Settings.U0", c.U0, check.Finite(c.U0)); err != nil {
		return m, c, err
	}
	if c.U0 >= m.thr || c.U0 < -eif.MaxVoltage {
		return m, c, &ParamError{Field: "Settings.U0", Value: c.U0, Rule: fmt.Sprintf("must be below the spike threshold %g mV and ≥ −%g mV", m.thr, float64(eif.MaxVoltage))}
	}
	return m, c, nil
}

// run is the Euler–Maruyama loop. Every product that feeds a sum is converted to
// float64, so no architecture fuses it into a multiply–add and the result is the same
// everywhere; the exponential is portable.EMExp for the same reason.
func (m neuron) run(r *Result, z Input, duration float64, cfg Settings, g portable.Normal) error {
	p := &m.p
	h := cfg.Step
	steps := int(math.Ceil(duration/h - 1e-9))
	thr := m.thr
	hasExp := !p.Linear()
	// The exponential term of the step, a·Δ_T·exp((u − θ_rh)/Δ_T), is an exponential of
	// its own (portable.EMExp), with the factor a·Δ_T folded into its polynomial.
	var e portable.EMExp
	if hasExp {
		e = portable.NewEMExp(p.ThetaRh, p.DeltaT, h/p.Tau*p.DeltaT)
	}
	mu := p.R * z.I
	a := h / p.Tau // the Euler factor
	// White noise: the Euler–Maruyama increment σ·√(2τ)/τ·√h·N = σ·√(2h/τ)·N.
	white := 0.0
	if z.TauC == 0 {
		white = z.Sigma * math.Sqrt(2*h/p.Tau)
	}
	intrinsic := z.Intrinsic * math.Sqrt(2*h/p.Tau)
	// OU current: exact update coefficients.
	var decay, kick, eta float64
	ou := z.TauC > 0 && z.Sigma > 0
	if ou {
		s := z.Sigma * math.Sqrt((p.Tau+z.TauC)/z.TauC)
		decay = portable.Exp(-h / z.TauC)
		kick = s * math.Sqrt(-math.Expm1(-2*h/z.TauC))
		eta = s * g.Norm()
	}
	r.Spikes = r.Spikes[:0]
	r.U, r.I = r.U[:0], r.I[:0]
	r.Dt, r.Steps = 0, steps
	if cfg.Record > 0 {
		r.Dt = float64(cfg.Record) * h
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
			t := float64(k) * h
			ts := t + float64(h*((thr-u)/(un-u)))
			r.Spikes = append(r.Spikes, ts)
			if len(r.Spikes) == cfg.MaxSpikes {
				r.Steps = k + 1
				return nil
			}
			if len(r.Spikes) > maxNoiseSpikes {
				return ErrTooManySpikes
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

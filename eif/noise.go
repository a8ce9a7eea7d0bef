package eif

import (
	"errors"
	"fmt"
	"math"
)

// Noise is a noisy input: a constant current plus Gaussian noise, in the convention of
// the package doc ("Noise"):
//
//	τ du/dt = −(u − u_rest) + ψ(u) + μ + η(t),   μ = R·I (mV),
//
// where η is white noise σ·√(2τ)·ξ(t) when TauC = 0, or an Ornstein–Uhlenbeck process
// τ_c dη/dt = −η + s·√(2τ_c)·ξ(t) of correlation time TauC, with s = σ·√((τ + τ_c)/τ_c).
// Either way σ is the standard deviation of the free membrane potential (the LIF without
// threshold), so noises of different correlation times shake it equally.
type Noise struct {
	I     float64 // mean current I₀ (nA)
	Sigma float64 // σ (mV), ≥ 0: the standard deviation of the free membrane potential
	TauC  float64 // correlation time τ_c of the noise (ms), ≥ 0; 0 is white noise

	// Intrinsic is the σ (mV) of a second, white, noise that is not part of the recorded
	// injected current (channel noise, in an experiment). Default 0.
	Intrinsic float64
}

// Validate reports a field that is not finite or out of its range.
func (z Noise) Validate() error {
	if err := checkCurrent("Noise.I", z.I); err != nil {
		return err
	}
	for _, f := range []struct {
		name string
		v    float64
		max  float64
		unit string
	}{{"Noise.Sigma", z.Sigma, MaxVoltage, "mV"}, {"Noise.TauC", z.TauC, MaxTime, "ms"}, {"Noise.Intrinsic", z.Intrinsic, MaxVoltage, "mV"}} {
		if math.IsNaN(f.v) || math.IsInf(f.v, 0) || f.v < 0 || f.v > f.max {
			return &ParamError{Field: f.name, Value: f.v, Rule: fmt.Sprintf("must be finite, ≥ 0 and ≤ %g %s", f.max, f.unit)}
		}
	}
	return nil
}

// NoiseSettings tunes SimulateNoise and Trials. A nil *NoiseSettings means the defaults;
// a zero field means the default for that field.
type NoiseSettings struct {
	// Step is the Euler–Maruyama step (ms). Default 0.01 ms.
	Step float64
	// Seed is the base seed of the random numbers. Trial k of a run uses a stream that
	// depends on Seed and k only, so results do not depend on the number of cores.
	Seed uint64
	// Record, if > 0, keeps u and the injected current every Record steps in
	// NoisyResult.U and NoisyResult.I (with Record = 1 every step, as the dynamic I–V
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

// ErrTooManySpikes is returned when a noisy run emits more than 10 million spikes; set
// NoiseSettings.MaxSpikes or shorten the run.
var ErrTooManySpikes = errors.New("eif: more than 1e7 spikes in one noisy run: set NoiseSettings.MaxSpikes or shorten the run")

// NoisyResult is the outcome of one noisy run.
type NoisyResult struct {
	Spikes []float64 // spike times (ms), located by linear interpolation inside the step
	// Dt is the recording interval (ms), Record·Step; U (mV) and I (nA) are u and the
	// injected current I₀ + η/R at times 0, Dt, 2·Dt, … (empty unless Record > 0). After a
	// spike U holds the reset value during the refractory period.
	Dt   float64
	U, I []float64
	// Steps is the number of Euler–Maruyama steps.
	Steps int
}

// SimulateNoise integrates the neuron for duration ms under the noisy input z, with the
// Euler–Maruyama method at the fixed step set.Step, and returns the spike times (trial 0
// of set.Seed). Where the noise is an Ornstein–Uhlenbeck current, η is advanced by its
// exact update, η ← η·e^(−h/τ_c) + s·√(1 − e^(−2h/τ_c))·N, and u by the Euler step with η
// held over the step. A spike is emitted when u reaches the threshold, at the time found
// by linear interpolation; u is then held at the reset for the refractory period.
// The deterministic methods (Simulate) are unchanged.
func (n *Neuron) SimulateNoise(z Noise, duration float64, set *NoiseSettings) (*NoisyResult, error) {
	cfg, err := n.noiseConfig(z, duration, set)
	if err != nil {
		return nil, err
	}
	r := new(NoisyResult)
	if err := n.runNoise(r, z, duration, cfg, newGauss(cfg.Seed, 0)); err != nil {
		return nil, err
	}
	return r, nil
}

// noiseConfig checks the input and returns the settings with their defaults.
func (n *Neuron) noiseConfig(z Noise, duration float64, set *NoiseSettings) (NoiseSettings, error) {
	var c NoiseSettings
	if set != nil {
		c = *set
	}
	if err := n.check(); err != nil {
		return c, err
	}
	if err := z.Validate(); err != nil {
		return c, err
	}
	if err := orDefault("NoiseSettings.Step", &c.Step, 0.01); err != nil {
		return c, err
	}
	if err := checkDuration("duration", duration); err != nil {
		return c, err
	}
	if duration/c.Step > maxNoiseSteps {
		return c, &ParamError{Field: "NoiseSettings.Step", Value: c.Step, Rule: fmt.Sprintf("needs more than %g steps for %g ms", float64(maxNoiseSteps), duration)}
	}
	if c.Record < 0 {
		return c, &ParamError{Field: "NoiseSettings.Record", Value: float64(c.Record), Rule: "must be ≥ 0"}
	}
	if c.Record > 0 && duration/c.Step/float64(c.Record) > maxNoisePoints {
		return c, &ParamError{Field: "NoiseSettings.Record", Value: float64(c.Record), Rule: fmt.Sprintf("gives more than %g recorded points; raise it", float64(maxNoisePoints))}
	}
	if c.MaxSpikes < 0 {
		return c, &ParamError{Field: "NoiseSettings.MaxSpikes", Value: float64(c.MaxSpikes), Rule: "must be ≥ 0 (0 means no limit)"}
	}
	if c.Workers < 0 {
		return c, &ParamError{Field: "NoiseSettings.Workers", Value: float64(c.Workers), Rule: "must be ≥ 0 (0 means GOMAXPROCS)"}
	}
	if c.U0 == 0 {
		c.U0 = n.params().Rest
	}
	if err := finite("NoiseSettings.U0", c.U0); err != nil {
		return c, err
	}
	if c.U0 >= n.Threshold() || c.U0 < -MaxVoltage {
		return c, &ParamError{Field: "NoiseSettings.U0", Value: c.U0, Rule: fmt.Sprintf("must be below the spike threshold %g mV and ≥ −%g mV", n.Threshold(), float64(MaxVoltage))}
	}
	return c, nil
}

// runNoise is the Euler–Maruyama loop. Every product that feeds a sum is converted to
// float64, so no architecture fuses it into a multiply–add and the result is the same
// everywhere; the exponential is emExp for the same reason.
func (n *Neuron) runNoise(r *NoisyResult, z Noise, duration float64, cfg NoiseSettings, g gauss) error {
	p := n.params()
	h := cfg.Step
	steps := int(math.Ceil(duration/h - 1e-9))
	thr := p.threshold()
	hasExp := !p.Linear()
	// The exponential term of the step, a·Δ_T·exp((u − θ_rh)/Δ_T), is an exponential of
	// its own (emExp), with the factor a·Δ_T folded into its polynomial.
	var e emExp
	if hasExp {
		e = newEMExp(p.ThetaRh, p.DeltaT, h/p.Tau*p.DeltaT)
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
		decay = expP(-h / z.TauC)
		kick = s * math.Sqrt(-math.Expm1(-2*h/z.TauC))
		eta = s * g.norm()
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
			noise = float64(white * g.norm())
		}
		if intrinsic > 0 {
			noise += float64(intrinsic * g.norm())
		}
		drive := mu + eta
		if ou {
			eta = float64(eta*decay) + float64(kick*g.norm())
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
			un += e.at(u)
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

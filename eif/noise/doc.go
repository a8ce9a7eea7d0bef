// Package noise is the stochastic side of the EIF neuron of package eif: the neuron under
// a noisy input current, simulated trial by trial and solved exactly.
//
// # The model
//
// Under noisy input the membrane equation of an eif.Neuron is
//
//	τ du/dt = −(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T) + μ + σ·√(2τ)·ξ(t),
//
// with μ = R·I₀ in mV, ξ unit Gaussian white noise, and σ (mV) the standard deviation
// that the free membrane (the LIF without threshold) would have. Spikes, reset and the
// refractory period are those of the neuron's eif.Params. An Input describes the noise:
// I₀, σ, and a correlation time τ_c for an Ornstein–Uhlenbeck current instead of white
// noise, with σ keeping the same meaning, so that noises of different correlation times
// shake the membrane equally.
//
// # What it computes
//
//   - Simulate integrates the equation by Euler–Maruyama at a fixed step, and Trials runs
//     many trials in parallel. Each trial draws from its own random stream, a function of
//     the seed and the trial index only, with an exponential and a normal generator that
//     give the same numbers on every machine: the same seed gives the same spikes, whatever
//     the number of cores. TrialRate, CountRate, ISIs and CV summarise the spikes.
//   - StationaryRate, StationaryFICurve and StationaryState give the exact stationary rate
//     and voltage density under white noise, from the Fokker–Planck equation by threshold
//     integration (Richardson 2007), and StationaryCV the exact coefficient of variation of
//     the interspike intervals, from the first two moments of the first-passage time. A
//     simulation is checked against them: its rate within a few standard errors.
//     CurrentForRate inverts StationaryRate, to compare neurons at the same rate.
//   - LinearResponse gives the exact response of the rate to a weak sinusoidal
//     modulation of the current, by the same threshold integration: how well a
//     population of noisy neurons follows a fast input (Fourcaud-Trocmé et al. 2003).
//   - EstimateIV estimates f(u) from a noisy recording as Badel et al. (2008) do, by
//     averaging C·du/dt − I_inj in voltage bins, and the Fit of the resulting DynamicIV
//     returns τ, u_rest, Δ_T and θ_rh with standard errors, as an experimenter would
//     measure them.
//
// For example, the report's neuron does not fire at 7 nA, below its 7.25 nA rheobase,
// but under white noise of σ = 2 mV it fires at about 10 Hz:
//
//	n := eif.MustNew(eif.Default())
//	rate, err := noise.StationaryRate(n, 7, 2)             // 10.0324 Hz, exact
//	trials, err := noise.Trials(n, noise.Input{I: 7, Sigma: 2}, 1e4, 20, nil)
//	simulated, se := noise.TrialRate(trials)                // within a few se of rate
//
// # Errors and bounds
//
// Invalid input gives a *ParamError that names the field and the rule ("noise: ..."); a
// nil *eif.Neuron gives eif.ErrInvalid, and the zero eif.Neuron is the report's neuron, as
// in package eif. The work of one call is bounded: Settings.MaxSteps bounds its
// Euler–Maruyama steps over all its trials (10⁹ by default, about 15 s of CPU), and a
// call that would take more is refused before it starts (runs that end at a spike,
// Settings.MaxSpikes, are stopped with ErrTooManySteps). So is its memory:
// Settings.MaxPoints bounds the recorded samples and spikes of all its trials together.
// Going beyond either gives an error that names the setting. The threshold integration
// refuses a grid too fine to build before it starts.
package noise

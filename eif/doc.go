// Package eif simulates and analyses the exponential integrate-and-fire (EIF) neuron and,
// for comparison, the linear leaky integrate-and-fire (LIF) neuron.
//
// # The model
//
// The membrane potential u(t) of the EIF obeys
//
//	τ du/dt = −(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T) + R·I(t).
//
// The first term is the leak, which pulls u back to rest. The exponential term is
// negligible far below the rheobase threshold θ_rh and explodes above it: it models the
// fast opening of sodium channels, and Δ_T, the slope factor, sets how sharp the onset is.
// When u reaches the cut-off θ_pa a spike (potentiel d'action) is emitted and u is reset to
// u_reset, where it may stay for a refractory period. The LIF drops the exponential and
// fires when u reaches θ_pa.
//
// # Units
//
// Times are in ms, voltages in mV, currents in nA, resistances in MΩ (so R·I is in mV),
// capacitances in nF and rates in Hz. Default returns the parameters of the course report:
// τ = 10 ms, u_rest = u_reset = −70 mV, R = 4 MΩ, Δ_T = 1 mV, θ_rh = −40 mV,
// θ_pa = −30 mV. Δ_T = 0 is allowed: it is the hard-threshold limit, a LIF that fires
// at θ_rh. Params.Linear tells the two linear models (the LIF, and the EIF with Δ_T = 0)
// from the EIF proper.
//
// # What it computes
//
// A Neuron is made from Params by New, which checks them and names any field that breaks
// a rule. From it:
//
//   - DuDt, Slope and Curvature give f(u), f′(u) and f″(u), for the phase line;
//   - FixedPoints gives the exact fixed points under a constant current, from the Lambert
//     W function (LambertW0, LambertWm1), with their stability, and Bifurcation sweeps them
//     over a range of currents (BifurcationAt at given ones); EffectiveThreshold and
//     Rheobase give the thresholds;
//   - Simulate integrates the model under a Stimulus (Constant, Pulse, Steps or Func),
//     with the adaptive Dormand–Prince 5(4) method by default, stopping exactly at every
//     jump of the stimulus and locating each spike by root-finding on the dense output;
//     forward Euler and RK4 with a fixed step are there to compare; its Result
//     is read with At (u at a time) and Reaches (the time u reaches a level);
//   - Period, Rate and FICurve give the exact firing rate, SimulatedRate measures it;
//   - PulseThreshold, StrengthDuration and Latency answer how strong, how long and how
//     soon; PairThreshold (with PulsePair) does it for two pulses, for temporal summation;
//   - QIF and QIFTime give the quadratic integrate-and-fire normal form near the
//     saddle-node and its closed-form passage time, which the bottleneck law uses.
//
// The sweeps (SimulatedFICurve, StrengthDuration, and Bifurcation over many currents)
// compute their points in parallel, on up to GOMAXPROCS goroutines. Each point is computed
// by the same code whatever goroutine runs it, so the results are bit for bit those of
// GOMAXPROCS = 1, and a failing sweep reports the error of its first failing point.
//
// No exported function panics (but MustNew on invalid parameters), hangs, or returns NaN
// or ±Inf for finite input: invalid input gives an error, a *ParamError that names the
// field and the rule where a parameter is at fault.
//
// # The domain
//
// The domain is bounded far beyond any neuron on both sides, so that no computation
// overflows, or underflows to a meaningless 0. Validate accepts exactly:
//
//   - finite fields, and Model EIF or LIF;
//   - MinTau = 1e-6 ms ≤ τ ≤ MaxTime = 1e9 ms, and 0 ≤ t_ref ≤ MaxTime;
//   - MinR = 1e-6 MΩ ≤ R ≤ MaxR = 1e6 MΩ;
//   - |u_rest|, |u_reset|, |θ_rh|, |θ_pa| ≤ MaxVoltage = 1e5 mV;
//   - u_reset < θ_pa, and u_rest below the spike threshold θ (θ_pa, or θ_rh for the EIF
//     with Δ_T = 0), with θ − u_reset ≥ MinGap = 1e-6 mV;
//   - for the EIF: θ_pa > θ_rh; Δ_T = 0 (then u_reset < θ_rh) or
//     MinDeltaT = 1e-6 mV ≤ Δ_T ≤ MaxVoltage, with (θ_pa − θ_rh)/Δ_T ≤ 600 so that the
//     exponential stays below e⁶⁰⁰ up to the cut-off. The LIF ignores Δ_T and θ_rh.
//
// Currents are bounded by |I| ≤ MaxCurrent = 1e6 nA, durations by 0 < T ≤ MaxTime, and
// the simulation Settings by RelTol, AbsTol ≥ MinTol = 1e-14 (float64 cannot meet less).
// The work of one simulation is bounded by Settings.MaxSteps (10⁶ steps by default, about
// a tenth of a second), and a threshold search shares one such budget among all its runs; the
// memory of one by Settings.MaxPoints (10⁶ trace points and spikes by default, 16 MB).
// A run that would go beyond them returns an error that says which setting to change.
//
// Within the domain, every value returned is finite: f, f′ and f″ (evaluated at u clamped
// to ±MaxVoltage), the fixed points (those of the equation without its cut-off, which lie
// beyond ±MaxVoltage when R·I or Δ_T is that large), the rheobase (|I_rh| ≤ 3·10¹¹ nA), the
// period (> 0, and at most about 10¹⁷⁷ ms) and the rate (≥ 0).
//
// # Edges of the model
//
// The rheobase I_rh is the float64 that Rheobase returns. With the reset below θ_rh the
// EIF fires exactly for I > I_rh: Period(Rheobase()) is ErrNoSpike, and at the next float
// above it the period is finite, the time spent in the bottleneck
// π·τ·√(2Δ_T/(R·(I − I_rh))), about 10⁹ ms with the report's parameters. FixedPoints
// decides between two fixed points, a saddle-node and none by the same comparison.
//
// A period exists only when f > 0 from the reset all the way to the threshold, that is
// when no fixed point lies between them. A cut-off θ_pa below the effective threshold θ_I
// makes the cut-off the threshold of the model: the exponential runaway is never reached,
// and the neuron spikes when u gets to θ_pa, which it does only when f stays positive up
// there. With the reset below θ_rh, f(θ_rh) > 0, that is I > I_rh, is then still the
// condition; with the reset above θ_rh, the reset must lie above θ_I (f(u_reset) > 0), and
// the neuron then fires below the rheobase too.
//
// A Func stimulus (or any Stimulus) that panics does not crash the caller: the simulation
// returns an error that names the method and the time t at which it panicked.
//
// # Noise
//
// The stochastic work, the neuron under noisy input, is package eif/noise: simulation by
// Euler–Maruyama with the same spikes on every machine, the exact stationary rate, density
// and interval statistics from the Fokker–Planck equation, and the dynamic I–V curve. It
// uses only the exported API of this package, which it leaves unchanged.
package eif

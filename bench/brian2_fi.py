"""The f–I sweep of BenchmarkFISweep (eif/dopri_bench_test.go), in Brian2.

200 currents evenly over 0–20 nA, 1 s each from u_rest, the report's EIF (τ = 10 ms,
u_rest = u_reset = −70 mV, R = 4 MΩ, Δ_T = 1 mV, θ_rh = −40 mV, θ_pa = −30 mV, no
refractory period), forward Euler with dt = 0.05 ms on Brian2's Cython target, the rate
from the interspike intervals (their number over their total length, 0 with fewer than
two spikes). The 200 neurons are one NeuronGroup, as Brian2 is meant to be used.

It prints the median wall time of the run over --repeat fresh networks (the code is
compiled once before, and not timed), and the largest distance of the rates to the exact
ones, T(I) = ∫ du/f(u) from u_reset to θ_pa, computed with mpmath (a dependency of
Brian2's sympy). See bench/README.md for how to set it beside the Go benchmark.
"""

import argparse
import statistics
import time

import mpmath
import numpy as np
import brian2 as b2
from brian2 import Mohm, mV, ms, nA

TAU, U_REST, U_RESET, R_M, DELTA_T, THETA_RH, CUTOFF = 10.0, -70.0, -70.0, 4.0, 1.0, -40.0, -30.0
CURRENTS = 20 * np.arange(200) / 199  # nA
DURATION = 1000.0  # ms


def exact_rate(i):
    """The exact rate (Hz) at the constant current i (nA), 0 below the rheobase."""
    f = lambda u: (-(u - U_REST) + DELTA_T * mpmath.exp((u - THETA_RH) / DELTA_T) + R_M * i) / TAU
    if f(THETA_RH) <= 0:  # f is smallest at θ_rh: a fixed point blocks the way
        return 0.0
    mpmath.mp.dps = 30
    period = mpmath.quad(lambda u: 1 / f(u), [U_RESET, THETA_RH, CUTOFF])
    return float(1000 / period)


def isi_rates(spike_trains):
    """The rate (Hz) of each train (s): intervals over their total length."""
    rates = []
    for k in range(len(CURRENTS)):
        t = np.asarray(spike_trains[k] / b2.second)
        rates.append((len(t) - 1) / (t[-1] - t[0]) if len(t) >= 2 else 0.0)
    return np.array(rates)


def sweep(dt):
    """One run of the sweep: its wall time (s), without building the network, and rates."""
    b2.start_scope()
    b2.defaultclock.dt = dt * ms
    ns = dict(tau=TAU * ms, u_rest=U_REST * mV, u_reset=U_RESET * mV, R=R_M * Mohm,
              DT=DELTA_T * mV, theta=THETA_RH * mV, cutoff=CUTOFF * mV)
    g = b2.NeuronGroup(len(CURRENTS), """du/dt = (-(u - u_rest) + DT*exp((u - theta)/DT) + R*I)/tau : volt
                                  I : amp (constant)""",
                       threshold="u > cutoff", reset="u = u_reset", method="euler", namespace=ns)
    g.u = U_REST * mV
    g.I = CURRENTS * nA
    mon = b2.SpikeMonitor(g)
    net = b2.Network(g, mon)
    net.run(0 * ms)  # prepares the code objects outside the timing
    start = time.perf_counter()
    net.run(DURATION * ms)
    return time.perf_counter() - start, isi_rates(mon.spike_trains())


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--dt", type=float, default=0.05, help="Euler step (ms)")
    args = ap.parse_args()
    b2.prefs.codegen.target = "cython"
    sweep(args.dt)  # compiles, or loads from Brian2's cache
    times = []
    for _ in range(args.repeat):
        t, rates = sweep(args.dt)
        times.append(t)
    exact = np.array([exact_rate(i) for i in CURRENTS])
    err = np.abs(rates - exact)
    print(f"brian2 {b2.__version__} cython euler dt={args.dt} ms: sweep {1000 * statistics.median(times):.0f} ms "
          f"(median of {args.repeat}: {', '.join(f'{1000 * t:.0f}' for t in times)} ms), "
          f"max rate error {err.max():.3g} Hz (at {CURRENTS[err.argmax()]:.3f} nA)")


if __name__ == "__main__":
    main()

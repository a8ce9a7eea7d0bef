#!/usr/bin/env python3
"""Reference stationary rates of the EIF under white noise, for fokkerplanck_test.go.

The mean first-passage time from the reset u_r to the cut-off θ of
  τ du/dt = −(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T) + μ + σ·√(2τ)·ξ(t)
is the double integral (D = σ²/τ, Φ′ = A/D, Φ known in closed form)
  T = (1/D) ∫_{u_r}^{θ} dx ∫_{−∞}^{x} exp(Φ(y) − Φ(x)) dy,
and the rate is 1000/(t_ref + T) Hz. This script computes it with mpmath's
adaptive tanh-sinh quadrature at 20 digits: an independent route from the
package's threshold integration. Run: python3 stationary_rate.py
"""
from mpmath import mp, mpf, exp, quad, inf

mp.dps = 20


def rate(mu, sigma, tau=10, rest=-70, reset=-70, dt=1, th=-40, cut=-30, tref=0):
    mu, sigma = mpf(mu), mpf(sigma)
    s2 = sigma**2
    D = s2 / tau

    def phi(u):
        return (-(u - rest) ** 2 / 2 + dt**2 * exp((u - th) / dt) + mu * u) / s2

    def inner(x):
        px = phi(x)
        f = lambda y: exp(phi(y) - px)
        lo = x - 30 * sigma - 40
        pts = [lo] + [x - d for d in (20, 10, 5, 2, 1, mpf("0.3"), mpf("0.1"), mpf("0.01")) if x - d > lo] + [x]
        return quad(f, [-inf] + pts)

    pts = [mpf(reset) + (mpf(cut) - reset) * k / 40 for k in range(41)]
    T = quad(inner, pts) / D
    return 1000 / (tref + T)


if __name__ == "__main__":
    for i, sigma in [(7, 2), (10, 1)]:
        r = rate(4 * mpf(i), sigma)
        print(f"I = {i} nA, σ = {sigma} mV: {mp.nstr(r, 20)} Hz")

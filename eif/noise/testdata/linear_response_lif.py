#!/usr/bin/env python3
"""Reference linear responses of the LIF under white noise, for linresp_test.go.

The LIF  τ du/dt = −(u − u_rest) + μ + μ₁·cos ωt + σ·√(2τ)·ξ(t),  threshold θ, reset u_reset,
refractory period t_ref, has the exact susceptibility (Lindner & Schimansky-Geier, Phys. Rev.
Lett. 86, 2934, 2001; Brunel, Chance, Fourcaud & Abbott, PRL 86, 2186, 2001), in units of τ,
with D = σ², w = ωτ, y_θ = (μ − (θ − u_rest))/σ, y_R = (μ − (u_reset − u_rest))/σ,
Δ = (y_R² − y_θ²)/4 and D_ν the parabolic cylinder functions:

  χ(w) = r₀·iw/(σ(iw − 1)) · [D_{iw−1}(y_θ) − e^Δ·D_{iw−1}(y_R)] / [D_{iw}(y_θ) − e^Δ·e^{iw·t_ref/τ}·D_{iw}(y_R)],

with r₀ the Siegert rate. Their convention is e^(−iωt); the package's is e^(+iωt), so its χ is
the complex conjugate. In Hz/nA: χ·1000·R/τ. This is an independent route from the package's
threshold integration. Run: python3 linear_response_lif.py
"""
from mpmath import mp, mpf, mpc, pcfd, exp, sqrt, pi, quad, erfc, nstr

mp.dps = 25


def chi(f, mu, sigma, tref=0, reset=-70, tau=10, rest=-70, theta=-30, R=4):
    sigma = mpf(sigma)
    w = 2 * pi * mpf(f) / 1000 * tau
    yT = (mpf(mu) - (theta - rest)) / sigma
    yR = (mpf(mu) - (reset - rest)) / sigma
    T = sqrt(pi) * quad(lambda x: exp(x**2) * erfc(-x), [-yR / sqrt(2), -yT / sqrt(2)])
    r0 = 1 / (mpf(tref) / tau + T)  # per τ
    iw = mpc(0, w)
    num = pcfd(iw - 1, yT) - exp((yR**2 - yT**2) / 4) * pcfd(iw - 1, yR)
    den = pcfd(iw, yT) - exp((yR**2 - yT**2) / 4) * exp(iw * mpf(tref) / tau) * pcfd(iw, yR)
    c = r0 * iw / (sigma * (iw - 1)) * num / den
    return (c * 1000 * R / tau).conjugate()


if __name__ == "__main__":
    for args in [dict(mu=36, sigma=2), dict(mu=36, sigma=2, tref=2), dict(mu=44, sigma=1), dict(mu=30, sigma=4, tref=1, reset=-60)]:
        for f in [0.5, 10, 100, 1000, 10000]:
            c = chi(f, **args)
            print(f"{args} f = {f} Hz: {nstr(c.real, 15)} {nstr(c.imag, 15)}")

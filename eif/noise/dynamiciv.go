package noise

import (
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/internal/check"
)

// DynamicIV is the dynamic I–V curve of a noisy recording (Badel et al., J. Neurophysiol.
// 99, 656, 2008): the membrane current I_ion = C·du/dt − I_inj, averaged over the samples
// whose u falls in each voltage bin. Divided by C it estimates, without knowing the model,
//
//	F(u) = ⟨du/dt − I_inj/C⟩_u = [−(u − u_rest) + Δ_T·exp((u − θ_rh)/Δ_T)]/τ,
//
// the right-hand side f(u) at I = 0 (mV/ms): the noise of the injected current cancels,
// because it is recorded. The noise that is not recorded (Input.Intrinsic) averages out.
type DynamicIV struct {
	C     float64   // capacitance τ/R (nF) used for the estimate
	U     []float64 // the mean u of the samples in each bin (mV), increasing; bins with too few samples are left out
	Var   []float64 // the variance of u in each bin (mV²), for the curvature of F within it
	F     []float64 // the estimate of F(u) (mV/ms): the mean over the bin
	SE    []float64 // its standard error (mV/ms), from the spread of the samples in the bin
	Count []int     // the number of samples in each bin
}

// EstimateIV estimates the dynamic I–V curve from the recording r of the neuron n (a run
// of Simulate or Trials with Settings.Record > 0), in bins mV wide from uMin to uMax. du/dt is the forward difference of the recording, (u(t+Dt) − u(t))/Dt, and
// I_inj the recorded current at t: with Record = 1 that is exactly the Euler–Maruyama
// step, and the estimate has no bias. Samples in a step that holds a spike, and during
// the refractory period, are left out, as are bins with fewer than 100 samples.
// C = τ/R comes from the neuron's parameters, as an experimenter would measure it.
func EstimateIV(n *eif.Neuron, r *Result, uMin, uMax, bin float64) (*DynamicIV, error) {
	nr, err := neuronOf(n)
	if err != nil {
		return nil, err
	}
	if r == nil || len(r.U) < 2 || len(r.I) != len(r.U) || !(r.Dt > 0) {
		return nil, &ParamError{Field: "r", Value: 0, Rule: "must be a recording (Settings.Record > 0) of at least two samples"}
	}
	for _, f := range []struct {
		name string
		v    float64
	}{{"uMin", uMin}, {"uMax", uMax}, {"bin", bin}} {
		if err := broken(f.name, f.v, check.Finite(f.v)); err != nil {
			return nil, err
		}
	}
	if !(uMax > uMin) {
		return nil, &ParamError{Field: "uMax", Value: uMax, Rule: fmt.Sprintf("must be above uMin = %g mV", uMin)}
	}
	if !(bin > 0) || (uMax-uMin)/bin > 1e6 {
		return nil, &ParamError{Field: "bin", Value: bin, Rule: "must be > 0 and give at most 1e6 bins"}
	}
	p := nr.p
	c := p.Tau / p.R
	m := int(math.Ceil((uMax - uMin) / bin))
	sum, sum2 := make([]float64, m), make([]float64, m)
	su, su2 := make([]float64, m), make([]float64, m)
	count := make([]int, m)
	next := 0 // the next spike
	for k := 0; k+1 < len(r.U); k++ {
		t0 := float64(k) * r.Dt
		t1 := t0 + r.Dt
		for next < len(r.Spikes) && r.Spikes[next] < t0-p.Refractory {
			next++
		}
		if next < len(r.Spikes) && r.Spikes[next] <= t1 {
			continue // a spike or the refractory period in [t0, t1]
		}
		u := r.U[k]
		j := int(math.Floor((u - uMin) / bin))
		if j < 0 || j >= m {
			continue
		}
		f := (r.U[k+1]-u)/r.Dt - r.I[k]/c // nA/nF = mV/ms
		sum[j] += f
		sum2[j] += f * f
		du := u - (uMin + (float64(j)+0.5)*bin) // about the centre, to keep the digits
		su[j] += du
		su2[j] += du * du
		count[j]++
	}
	d := &DynamicIV{C: c}
	for j := range m {
		k := float64(count[j])
		if count[j] < 100 {
			continue
		}
		mean := sum[j] / k
		v := math.Max(sum2[j]/k-mean*mean, 0) * k / (k - 1)
		mu := su[j] / k
		d.U = append(d.U, uMin+(float64(j)+0.5)*bin+mu)
		d.Var = append(d.Var, math.Max(su2[j]/k-mu*mu, 0))
		d.F = append(d.F, mean)
		d.SE = append(d.SE, math.Sqrt(v/k))
		d.Count = append(d.Count, count[j])
	}
	if len(d.U) < 5 {
		return nil, &ParamError{Field: "r", Value: float64(len(r.U)), Rule: fmt.Sprintf("gives only %d bins with 100 samples or more between %g and %g mV: record longer", len(d.U), uMin, uMax)}
	}
	return d, nil
}

// IVFit is the fit of F(u) = [E − u + Δ_T·exp((u − θ_rh)/Δ_T)]/τ to a dynamic I–V curve,
// each parameter with its standard error from the curvature of the weighted least squares.
type IVFit struct {
	Tau, Rest, DeltaT, ThetaRh         float64 // τ (ms), E = u_rest (mV), Δ_T (mV), θ_rh (mV)
	TauSE, RestSE, DeltaTSE, ThetaRhSE float64 // their standard errors
	ChiSq                              float64 // the weighted residual sum of squares per degree of freedom, ≈ 1 for a good fit
}

// CI95 returns the half-width of the 95 % confidence interval of a parameter with the
// standard error se: 1.96·se.
func CI95(se float64) float64 { return 1.959963984540054 * se }

// Fit fits the exponential model to the curve by weighted least squares (weights 1/SE²),
// with the Levenberg–Marquardt method from a start found by two linear fits: the leak
// below the exponential part, then ln(τF − (E − u)) against u above it. The standard
// errors come from the inverse of JᵀWJ at the optimum, the linearised model.
func (d *DynamicIV) Fit() (*IVFit, error) {
	if d == nil || len(d.U) < 5 || len(d.F) != len(d.U) || len(d.SE) != len(d.U) {
		return nil, &ParamError{Field: "DynamicIV", Value: 0, Rule: "must have at least 5 bins"}
	}
	w := make([]float64, len(d.U))
	for k, se := range d.SE {
		if !(se > 0) || math.IsInf(se, 0) {
			return nil, &ParamError{Field: fmt.Sprintf("DynamicIV.SE[%d]", k), Value: se, Rule: "must be finite and > 0"}
		}
		w[k] = 1 / (se * se)
	}
	x, ok := d.start(w)
	if !ok {
		return nil, ErrFit
	}
	chi := d.chi2(x, w)
	lambda := 1e-3
	for it := 0; it < 200; it++ {
		jtj, jtr := d.normal(x, w)
		for k := range 4 {
			jtj[k][k] *= 1 + lambda
		}
		dx, ok := solve4(jtj, jtr)
		if !ok {
			return nil, ErrFit
		}
		var y [4]float64
		for k := range 4 {
			y[k] = x[k] + dx[k]
		}
		if y[2] <= 0 || y[0] <= 0 {
			lambda *= 10
			continue
		}
		c := d.chi2(y, w)
		if c < chi {
			done := chi-c < 1e-12*chi
			x, chi, lambda = y, c, lambda/10
			if done {
				break
			}
		} else {
			lambda *= 10
			if lambda > 1e12 {
				break
			}
		}
	}
	jtj, _ := d.normal(x, w)
	cov, ok := invert4(jtj)
	if !ok {
		return nil, ErrFit
	}
	a := x[0]
	f := &IVFit{
		Tau: 1 / a, Rest: x[1], DeltaT: x[2], ThetaRh: x[3],
		TauSE: math.Sqrt(cov[0][0]) / (a * a), RestSE: math.Sqrt(cov[1][1]),
		DeltaTSE: math.Sqrt(cov[2][2]), ThetaRhSE: math.Sqrt(cov[3][3]),
		ChiSq: chi / float64(len(d.U)-4),
	}
	for _, v := range []float64{f.Tau, f.Rest, f.DeltaT, f.ThetaRh, f.TauSE, f.RestSE, f.DeltaTSE, f.ThetaRhSE, f.ChiSq} {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, ErrFit
		}
	}
	return f, nil
}

// model returns the mean of F over a bin with mean u and variance v, to second order,
// F(u) + F″(u)·v/2, and its gradient with respect to x = (1/τ, E, Δ_T, θ_rh).
func model(x [4]float64, u, v float64) (float64, [4]float64) {
	a, e, dt, th := x[0], x[1], x[2], x[3]
	z := math.Min((u-th)/dt, 600)
	c := v / (2 * dt * dt) // the curvature correction of the exponential
	ex := math.Exp(z) * (1 + c)
	inner := e - u + dt*ex
	// ∂/∂Δ_T of Δ_T·e^z·(1 + c): e^z·[(1 − z)(1 + c) − 2c].
	dd := math.Exp(z) * ((1-z)*(1+c) - 2*c)
	return a * inner, [4]float64{inner, a, a * dd, -a * ex}
}

func (d *DynamicIV) chi2(x [4]float64, w []float64) float64 {
	var s float64
	for k, u := range d.U {
		f, _ := model(x, u, d.v(k))
		s += w[k] * (d.F[k] - f) * (d.F[k] - f)
	}
	return s
}

// normal returns JᵀWJ and JᵀW·r at x.
func (d *DynamicIV) normal(x [4]float64, w []float64) (jtj [4][4]float64, jtr [4]float64) {
	for k, u := range d.U {
		f, g := model(x, u, d.v(k))
		r := d.F[k] - f
		for i := range 4 {
			jtr[i] += w[k] * g[i] * r
			for j := range 4 {
				jtj[i][j] += w[k] * g[i] * g[j]
			}
		}
	}
	return jtj, jtr
}

// v returns the variance of u in bin k, or 0 when Var is not given.
func (d *DynamicIV) v(k int) float64 {
	if k < len(d.Var) {
		return d.Var[k]
	}
	return 0
}

// start returns a first guess: a weighted line through the bins below the knee gives 1/τ
// and E; then ln(F/a − (E − u)) = ln Δ_T + (u − θ_rh)/Δ_T is a line through the bins
// where the exponential part stands out.
func (d *DynamicIV) start(w []float64) ([4]float64, bool) {
	// The knee: the bin of smallest F (the curve dips, then rises with the exponential).
	kmin := 0
	for k := range d.F {
		if d.F[k] < d.F[kmin] {
			kmin = k
		}
	}
	lo := d.U[0] + (d.U[kmin]-d.U[0])*0.6
	var xs, ys, ws []float64
	for k, u := range d.U {
		if u <= lo {
			xs, ys, ws = append(xs, u), append(ys, d.F[k]), append(ws, w[k])
		}
	}
	slope, icpt, ok := line(xs, ys, ws)
	if !ok || slope >= 0 {
		return [4]float64{}, false
	}
	a := -slope
	e := icpt / a
	xs, ys, ws = xs[:0], ys[:0], ws[:0]
	for k, u := range d.U {
		if r := d.F[k]/a - (e - u); u > lo && r > 0 {
			xs, ys, ws = append(xs, u), append(ys, math.Log(r)), append(ws, w[k]*r*r)
		}
	}
	s, c, ok := line(xs, ys, ws)
	if !ok || s <= 0 {
		return [4]float64{}, false
	}
	dt := 1 / s
	th := dt * (math.Log(dt) - c) // ln Δ_T − θ/Δ_T = c
	return [4]float64{a, e, dt, th}, true
}

// line returns the weighted least-squares line y = slope·x + icpt.
func line(x, y, w []float64) (slope, icpt float64, ok bool) {
	if len(x) < 2 {
		return 0, 0, false
	}
	var sw, sx, sy, sxx, sxy float64
	for k := range x {
		sw += w[k]
		sx += w[k] * x[k]
		sy += w[k] * y[k]
		sxx += w[k] * x[k] * x[k]
		sxy += w[k] * x[k] * y[k]
	}
	den := sw*sxx - sx*sx
	if !(math.Abs(den) > 0) {
		return 0, 0, false
	}
	slope = (sw*sxy - sx*sy) / den
	icpt = (sy - slope*sx) / sw
	return slope, icpt, !math.IsNaN(slope) && !math.IsNaN(icpt)
}

// solve4 solves A·x = b by Gaussian elimination with partial pivoting.
func solve4(a [4][4]float64, b [4]float64) ([4]float64, bool) {
	for c := range 4 {
		p := c
		for r := c + 1; r < 4; r++ {
			if math.Abs(a[r][c]) > math.Abs(a[p][c]) {
				p = r
			}
		}
		if !(math.Abs(a[p][c]) > 0) {
			return b, false
		}
		a[c], a[p] = a[p], a[c]
		b[c], b[p] = b[p], b[c]
		for r := c + 1; r < 4; r++ {
			f := a[r][c] / a[c][c]
			for k := c; k < 4; k++ {
				a[r][k] -= f * a[c][k]
			}
			b[r] -= f * b[c]
		}
	}
	var x [4]float64
	for r := 3; r >= 0; r-- {
		s := b[r]
		for k := r + 1; k < 4; k++ {
			s -= a[r][k] * x[k]
		}
		x[r] = s / a[r][r]
	}
	return x, true
}

// invert4 returns the inverse of a, column by column.
func invert4(a [4][4]float64) ([4][4]float64, bool) {
	var inv [4][4]float64
	for c := range 4 {
		var e [4]float64
		e[c] = 1
		x, ok := solve4(a, e)
		if !ok {
			return inv, false
		}
		for r := range 4 {
			inv[r][c] = x[r]
		}
	}
	return inv, true
}

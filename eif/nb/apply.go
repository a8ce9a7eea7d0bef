package nb

// Apply returns f(x) for each x of xs, in a new slice: a curve from a function, for a
// chart's series or a table. It calls f in order, once per value.
//
//	u := floats.Span(make([]float64, 201), -80, -30) // voltages (mV)
//	f := nb.Apply(func(x float64) float64 { return n.DuDt(x, 0) }, u) // f(u) at I = 0 (mV/ms)
func Apply(f func(float64) float64, xs []float64) []float64 {
	ys := make([]float64, len(xs))
	for k, x := range xs {
		ys[k] = f(x)
	}
	return ys
}

package chart

// XY returns a figure of the series against linear axes, such as an f–I curve:
//
//	chart.XY("f–I curve", "I (nA)", "rate (Hz)",
//		chart.Series{Name: "analytic", X: currents, Y: rates},
//		chart.Series{Name: "simulated", X: simCurrents, Y: simRates, Points: true})
func XY(title, xLabel, yLabel string, series ...Series) *Figure {
	return &Figure{Title: title, XLabel: xLabel, YLabel: yLabel, Series: series}
}

// LogLog is XY with logarithmic axes, for latencies, strength–duration curves and
// convergence plots. Points with a coordinate ≤ 0 are left out (drawn as gaps).
func LogLog(title, xLabel, yLabel string, series ...Series) *Figure {
	f := XY(title, xLabel, yLabel, series...)
	f.LogX, f.LogY = true, true
	return f
}

package chart

import "math"

// Histogram returns a step series of the histogram of x over [lo, hi] in bins equal bins,
// normalised as a density (each bin's count over len(x)·width), so it can be drawn
// against a probability density such as noise.Stationary.P (package eif/noise). Values
// outside [lo, hi] and non-finite values count in the total but fall in no bin. An invalid range or bin count
// gives an empty series, which a figure reports as an error.
func Histogram(name string, x []float64, lo, hi float64, bins int) Series {
	s := Series{Name: name, Step: true}
	if !(hi > lo) || !finite(lo) || !finite(hi) || bins < 1 || bins > 1e6 || len(x) == 0 {
		return s
	}
	w := (hi - lo) / float64(bins)
	counts := make([]float64, bins)
	for _, v := range x {
		if !(v >= lo && v <= hi) {
			continue
		}
		counts[min(int((v-lo)/w), bins-1)]++
	}
	s.X, s.Y = make([]float64, bins+1), make([]float64, bins+1)
	for k := range counts {
		s.X[k] = lo + float64(k)*w
		s.Y[k] = counts[k] / (float64(len(x)) * w)
	}
	s.X[bins], s.Y[bins] = hi, s.Y[bins-1]
	return s
}

// Raster returns a scatter series of spike trains: one small mark at (t, k) for each
// spike time t (ms) of trains[k], trial k on row k.
func Raster(name string, trains [][]float64) Series {
	s := Series{Name: name, Points: true, Size: 4}
	for k, tr := range trains {
		for _, t := range tr {
			if !math.IsNaN(t) && !math.IsInf(t, 0) {
				s.X = append(s.X, t)
				s.Y = append(s.Y, float64(k))
			}
		}
	}
	return s
}

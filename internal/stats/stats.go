// Package stats is how the load tests (the class test, the proc sampler)
// summarise their samples: the count, the median (p50), the 95th percentile
// (p95) and the largest, percentiles by linear interpolation between order
// statistics.
package stats

import (
	"fmt"
	"sort"
)

// Summary summarises samples.
type Summary struct {
	N             int
	P50, P95, Max float64
}

// Of summarises xs (which it does not change); the zero Summary for none.
func Of(xs []float64) Summary {
	if len(xs) == 0 {
		return Summary{}
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return Summary{N: len(s), P50: Quantile(s, 0.5), P95: Quantile(s, 0.95), Max: s[len(s)-1]}
}

// Quantile is the q-quantile (0 ≤ q ≤ 1) of sorted data, by linear
// interpolation between order statistics.
func Quantile(sorted []float64, q float64) float64 {
	pos := q * float64(len(sorted)-1)
	i := int(pos)
	if i+1 >= len(sorted) {
		return sorted[len(sorted)-1]
	}
	return sorted[i] + (pos-float64(i))*(sorted[i+1]-sorted[i])
}

// Seconds formats the summary of durations in seconds for a log.
func Seconds(xs []float64) string {
	s := Of(xs)
	return fmt.Sprintf("n=%d p50 %.1f s, p95 %.1f s, max %.1f s", s.N, s.P50, s.P95, s.Max)
}

// Round1 rounds x to one decimal, for reports.
func Round1(x float64) float64 { return float64(int(x*10+0.5)) / 10 }

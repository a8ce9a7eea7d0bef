package eif

import (
	"math"
	"sort"
)

// Reaches returns the first time t ≥ after (ms) at which the traced voltage reaches
// level (mV), coming from the side where it is at time after, and whether it does. The
// time is interpolated linearly between the two trace points around the crossing, as At
// reads the trace; at a spike, where the trace jumps from the threshold to the reset,
// it is the spike time.
//
// It answers questions about a trace's shape, such as how long a relaxation takes to
// cover 95 % of its way from a to b: Reaches(a + 0.95·(b − a), t0) − t0.
// A nil or empty Result, or a NaN argument, gives (0, false).
func (r *Result) Reaches(level, after float64) (float64, bool) {
	if r == nil || len(r.T) == 0 || math.IsNaN(level) || math.IsNaN(after) {
		return 0, false
	}
	after = math.Max(after, r.T[0])
	prevT, prevU := after, r.At(after)
	side := math.Copysign(1, prevU-level)
	if prevU == level {
		return after, true
	}
	// k is the first point after the time after.
	k := sort.Search(len(r.T), func(i int) bool { return r.T[i] > after })
	for ; k < len(r.T); k++ {
		t, u := r.T[k], r.U[k]
		if (u-level)*side <= 0 {
			if u == prevU || t == prevT {
				return t, true
			}
			return prevT + (level-prevU)*(t-prevT)/(u-prevU), true
		}
		prevT, prevU = t, u
	}
	return 0, false
}

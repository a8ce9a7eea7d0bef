package chart

import (
	"bytes"
	"math"
	"slices"
	"strconv"
)

// maxPoints is the number of points above which a line is thinned before drawing:
// about three points per pixel of a wide notebook, so nothing visible is lost,
// and a saved notebook stays small.
const maxPoints = 3000

// digits is the number of significant digits written for each coordinate.
const digits = 6

// points is the data of one echarts series, [[x, y], …], written compactly
// with digits significant digits and "-" (an echarts gap) for points that cannot be drawn.
// On a logarithmic axis the coordinate written is log10 of the value.
type points struct {
	x, y []float64
	logX bool
	logY bool

	spliced bool // written as dataPlaceholder, for spliceData
}

// MarshalJSON implements json.Marshaler.
func (p points) MarshalJSON() ([]byte, error) {
	if p.spliced {
		return []byte(dataPlaceholder), nil
	}
	return p.appendJSON(nil), nil
}

// appendJSON appends the points to b.
func (p points) appendJSON(b []byte) []byte {
	b = slices.Grow(b, 2+len(p.x)*20)
	b = append(b, '[')
	for k := range p.x {
		if k > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendCoord(b, p.x[k], p.logX)
		b = append(b, ',')
		b = appendCoord(b, p.y[k], p.logY)
		b = append(b, ']')
	}
	return append(b, ']')
}

// The data of the series are most of an option's bytes, and encoding/json checks and
// compacts again whatever a MarshalJSON returns. So option encodes each series' data as
// dataPlaceholder, a JSON string that a text would encode only if it held a NUL
// character, and spliceData writes the points in their places: the same bytes, in about
// half the time.
const dataPlaceholder = `"\u0000eif-data"`

// spliceData returns the option b with the placeholders of its series' data replaced by
// data, in order, and false when b does not hold exactly len(data) placeholders (a text
// of the figure holds one).
func spliceData(b []byte, data []points) ([]byte, bool) {
	if bytes.Count(b, []byte(dataPlaceholder)) != len(data) {
		return nil, false
	}
	n := len(b)
	for _, p := range data {
		n += 2 + 16*len(p.x)
	}
	out := make([]byte, 0, n)
	for _, p := range data {
		k := bytes.Index(b, []byte(dataPlaceholder))
		out = p.appendJSON(append(out, b[:k]...))
		b = b[k+len(dataPlaceholder):]
	}
	return append(out, b...), true
}

func appendCoord(b []byte, v float64, log bool) []byte {
	if !finite(v) || log && v <= 0 {
		return append(b, `"-"`...)
	}
	if log {
		v = math.Log10(v)
	}
	return strconv.AppendFloat(b, v, 'g', digits, 64)
}

// thin returns at most about max points of the line (x, y) that draw the same picture:
// for each of max/4 buckets it keeps the first and last points and the lowest and highest,
// in their order, so spikes (vertical jumps) and gaps survive. Buckets are intervals of x
// when x never decreases (a time trace), runs of consecutive points otherwise.
// The input is returned unchanged when it is short enough.
func thin(x, y []float64, max int) ([]float64, []float64) {
	n := len(x)
	if n <= max || max < 8 {
		return x, y
	}
	buckets := max / 4
	bucket := func(k int) int { return k * buckets / n }
	if sorted(x) && finite(x[0]) && finite(x[n-1]) && x[n-1] > x[0] {
		x0, w := x[0], (x[n-1]-x[0])/float64(buckets)
		bucket = func(k int) int { return min(int((x[k]-x0)/w), buckets-1) }
	}
	xs := make([]float64, 0, max+8)
	ys := make([]float64, 0, max+8)
	var keep []int
	for start := 0; start < n; {
		b := bucket(start)
		end := start + 1
		for end < n && bucket(end) == b {
			end++
		}
		keep = keep[:0]
		keep = append(keep, start, end-1)
		lo, hi, gap := -1, -1, -1
		for k := start; k < end; k++ {
			if !finite(y[k]) {
				if gap < 0 {
					gap = k
				}
				continue
			}
			if lo < 0 || y[k] < y[lo] {
				lo = k
			}
			if hi < 0 || y[k] > y[hi] {
				hi = k
			}
		}
		for _, k := range []int{lo, hi, gap} {
			if k >= 0 {
				keep = append(keep, k)
			}
		}
		slices.Sort(keep)
		keep = slices.Compact(keep)
		for _, k := range keep {
			xs = append(xs, x[k])
			ys = append(ys, y[k])
		}
		start = end
	}
	return xs, ys
}

// sorted reports whether x never decreases; a NaN makes it false.
func sorted(x []float64) bool {
	for k := 1; k < len(x); k++ {
		if !(x[k] >= x[k-1]) {
			return false
		}
	}
	return true
}

package chart

import (
	"cmp"
	"math"
	"slices"
)

// margin is the fraction of an automatic range left free above and below the data.
const margin = 0.04

// yRange returns the range of the y axis of the main panel (lower false) or of the lower
// panel: f.Y when it is fixed; for a logarithmic axis, whole decades around the data;
// otherwise the data and the horizontal reference lines with a margin, widened to round
// numbers, without crossing zero when the data do not.
func (f *Figure) yRange(lower bool) Range {
	if !lower && f.Y.fixed() {
		return f.Y
	}
	return autoRange(f.yValues(lower), f.LogY && !lower)
}

// yValues returns the y values an automatic range of a panel must hold: its drawable
// points and, for the main panel, its horizontal reference lines.
func (f *Figure) yValues(lower bool) []float64 {
	log := f.LogY && !lower
	// Only the extremes matter: keep those, not a copy of every value of a long trace.
	var vs []float64
	keep := func(v float64) {
		switch {
		case len(vs) < 2:
			vs = append(vs, v)
		case v < vs[0]:
			vs[0] = v
		case v > vs[1]:
			vs[1] = v
		}
		if len(vs) == 2 && vs[1] < vs[0] {
			vs[0], vs[1] = vs[1], vs[0]
		}
	}
	for _, s := range f.Series {
		if s.Lower != lower {
			continue
		}
		for k := range s.Y {
			if f.drawable(s.X[k], s.Y[k]) {
				keep(s.Y[k])
			}
		}
	}
	if !lower {
		for _, r := range f.HLines {
			if !log || r.Value > 0 {
				keep(r.Value)
			}
		}
	}
	return vs
}

// autoRange is a round range around the values vs (see yRange).
func autoRange(vs []float64, log bool) Range {
	if len(vs) == 0 {
		return Range{}
	}
	lo, hi := slices.Min(vs), slices.Max(vs)
	if log {
		// Whole decades, as many as a multiple of the tick step (logStep).
		a, b := math.Floor(math.Log10(lo)), math.Ceil(math.Log10(hi))
		b = math.Max(b, a+1)
		step := logStep(b - a)
		a = b - step*math.Ceil((b-a)/step)
		return Range{math.Pow(10, a), math.Pow(10, b)}
	}
	if lo == hi {
		d := math.Max(math.Abs(lo)*0.1, 1)
		return niceRange(lo-d, hi+d)
	}
	d := margin * (hi - lo)
	plo, phi := lo-d, hi+d
	if lo >= 0 && plo < 0 {
		plo = 0
	}
	if hi <= 0 && phi > 0 {
		phi = 0
	}
	return niceRange(plo, phi)
}

// checkSpans reports an axis whose range, fixed or fitted to the data and rounded as
// autoRange does, is wider than a float64 can hold: values such as ±1e308 would
// otherwise give an empty chart on an axis from 0 to 1.
func (f *Figure) checkSpans(l Lang) error {
	wide := func(axis string, values bool, r Range) error {
		if values {
			return errorf(l, "chart: figure %q: %s values from %g to %g: too wide for an axis (its span would exceed the float64 range); scale the values",
				"chart: figure %q : valeurs %s de %g à %g : trop étendues pour un axe (leur étendue dépasserait celle des float64) ; changez d'échelle",
				f.Title, axis, r.Min, r.Max)
		}
		return errorf(l, "chart: figure %q: %s range from %g to %g: too wide for an axis (its span would exceed the float64 range); scale the values",
			"chart: figure %q : intervalle %s de %g à %g : trop étendu pour un axe (son étendue dépasserait celle des float64) ; changez d'échelle",
			f.Title, axis, r.Min, r.Max)
	}
	x := f.xExtent()
	switch {
	case f.X.fixed() && !finite(f.X.Max-f.X.Min):
		return wide("X", false, f.X)
	case !f.X.fixed() && x.Min < x.Max && !autoRange([]float64{x.Min, x.Max}, f.LogX).fixed():
		return wide("x", true, x)
	}
	for _, lower := range []bool{false, true} {
		axis := "y"
		if lower {
			axis = text{"lower y", "y du panneau inférieur"}.in(l)
		}
		if !lower && f.Y.fixed() {
			if !finite(f.Y.Max - f.Y.Min) {
				return wide("Y", false, f.Y)
			}
			continue
		}
		vs := f.yValues(lower)
		if r := autoRange(vs, f.LogY && !lower); len(vs) > 0 && !(r.fixed() && finite(r.Max-r.Min)) {
			return wide(axis, true, Range{slices.Min(vs), slices.Max(vs)})
		}
	}
	return nil
}

// xExtent returns the extent of the drawable x values of f and of its vertical lines,
// or f.X when it is fixed.
func (f *Figure) xExtent() Range {
	if f.X.fixed() {
		return f.X
	}
	r := Range{math.Inf(1), math.Inf(-1)}
	for _, s := range f.Series {
		for k := range s.X {
			if f.drawable(s.X[k], s.Y[k]) {
				r.Min, r.Max = math.Min(r.Min, s.X[k]), math.Max(r.Max, s.X[k])
			}
		}
	}
	for _, v := range f.VLines {
		r.Min, r.Max = math.Min(r.Min, v.Value), math.Max(r.Max, v.Value)
	}
	return r
}

// labelPositions places the labels of reference lines at values vs on an axis spanning
// r, so that labels of close lines do not overlap. Each label takes the first of four
// places that is free: at the end of its line, above it (left of a vertical line); end,
// below (right); start, above (left); start, below (right). A label is taken to fill a
// band of the axis beside its line, as thick as the label (see close); a place is free
// when its band keeps half that thickness from the bands taken at the same end and
// holds no other line.
func labelPositions(vs []float64, r Range, log, vertical bool) []string {
	places := []string{"insideEndTop", "insideEndBottom", "insideStartTop", "insideStartBottom"}
	pos := make([]string, len(vs))
	order := make([]int, len(vs))
	for k := range order {
		order[k] = k
	}
	scale := func(v float64) float64 { return v }
	if log {
		scale = func(v float64) float64 { return math.Log10(math.Max(v, 1e-300)) }
	}
	span := scale(r.Max) - scale(r.Min)
	// Horizontal lines, from the top: labels 14 px high on a panel of about 250 px;
	// "Top" is above the line. Vertical ones, from the left: labels 14 px wide, rotated,
	// on 500 to 1000 px; "Top" is on the left of the line.
	close, above := 0.07, 1.0
	if vertical {
		close, above = 0.045, -1
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(vs[a], vs[b]) })
	} else {
		slices.SortFunc(order, func(a, b int) int { return -cmp.Compare(vs[a], vs[b]) })
	}
	type band struct{ lo, hi float64 }
	taken := map[bool][]band{} // by end: true for the end of the lines, false for the start
	h := close * span
	// Labels at one end keep half a label's thickness apart, and a label does not
	// cover another line. When no place is both, the first place clear of other labels
	// is taken (or, failing that, the last).
	clear := func(b band, own int) bool {
		for j, w := range vs {
			if x := scale(w); j != own && x > b.lo && x < b.hi {
				return false
			}
		}
		return true
	}
	for _, k := range order {
		v := scale(vs[k])
		choice, fallback := -1, -1
		bands := make([]band, len(places))
		for i := range places {
			end, top := i < 2, i%2 == 0
			bands[i] = band{v, v + h}
			if top != (above > 0) {
				bands[i] = band{v - h, v}
			}
			free := true
			for _, o := range taken[end] {
				if bands[i].lo < o.hi+h/2 && o.lo-h/2 < bands[i].hi {
					free = false
					break
				}
			}
			if free && fallback < 0 {
				fallback = i
			}
			if free && clear(bands[i], k) {
				choice = i
				break
			}
		}
		if choice < 0 {
			choice = fallback
		}
		if choice < 0 {
			choice = len(places) - 1
		}
		pos[k] = places[choice]
		taken[choice < 2] = append(taken[choice < 2], bands[choice])
	}
	return pos
}

// clipLine cuts the line (x, y) where it leaves [r.Min, r.Max] by more than a few
// percent: the segment that leaves ends on that boundary, and the points outside become
// one gap. Far-away values, such as an exponential a hundred times the range, would
// otherwise reach the canvas as huge coordinates, which browsers do not draw reliably.
func clipLine(x, y []float64, r Range) ([]float64, []float64) {
	if !r.fixed() {
		return x, y
	}
	d := 0.02 * (r.Max - r.Min)
	lo, hi := r.Min-d, r.Max+d
	out := func(v float64) bool { return finite(v) && (v < lo || v > hi) }
	if !slices.ContainsFunc(y, out) {
		return x, y
	}
	xs := make([]float64, 0, len(x)+8)
	ys := make([]float64, 0, len(y)+8)
	cross := func(k int) { // the point where segment k-1 → k meets the boundary
		b := hi
		if y[k] < lo || y[k-1] < lo {
			b = lo
		}
		t := (b - y[k-1]) / (y[k] - y[k-1])
		xs, ys = append(xs, x[k-1]+t*(x[k]-x[k-1])), append(ys, b)
	}
	for k := range x {
		prevIn := k > 0 && finite(y[k-1]) && !out(y[k-1]) && finite(x[k-1]) && finite(x[k])
		if !out(y[k]) {
			if k > 0 && out(y[k-1]) && finite(x[k-1]) && finite(x[k]) && finite(y[k]) {
				cross(k)
			}
			xs, ys = append(xs, x[k]), append(ys, y[k])
			continue
		}
		if prevIn {
			cross(k)
		}
		if len(ys) == 0 || !math.IsNaN(ys[len(ys)-1]) {
			xs, ys = append(xs, x[k]), append(ys, math.NaN())
		}
	}
	return xs, ys
}

// logStep is the number of decades between ticks of a logarithmic axis spanning
// the given number of decades: 1 up to 12 decades, then 2, 3…
func logStep(decades float64) float64 { return math.Max(1, math.Ceil(decades/12)) }

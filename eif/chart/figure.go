package chart

import "math"

// Figure is a chart with one x axis and one y axis, and optionally a lower panel that
// shares the x axis (for the stimulus I(t) under a voltage trace).
// The zero value of every field is a sensible default, except Series, which must
// hold at least one series.
type Figure struct {
	Title    string
	Subtitle string // a second, smaller line under the title, such as the parameters

	XLabel     string // x axis name with its unit, such as "t (ms)"
	YLabel     string // y axis name with its unit, such as "u (mV)"
	LowerLabel string // y axis name of the lower panel, such as "I (nA)"

	Series []Series

	// HLines and VLines are reference lines across the main panel, such as thresholds.
	HLines, VLines []Ref

	// X and Y fix the axis ranges; the zero Range fits the data (and the reference lines).
	X, Y       Range
	LogX, LogY bool // logarithmic axes; points ≤ 0 on a logarithmic axis become gaps

	// Height is the height of the chart in pixels; 0 means 400, or 520 with a lower panel.
	// The width follows the width of the notebook output.
	Height int

	// Lang is the language of the words the chart writes itself (see Lang); "" means the
	// one named by the environment variable EIF_LANG when the figure is drawn, and a
	// language chart does not know means English.
	Lang Lang

	subtitle text  // the Subtitle a helper wrote, in each language
	err      error // set by the helpers that build figures, reported by HTML
}

// Series is a set of points drawn as a line (the default) or as markers.
// Non-finite values (NaN, ±Inf) are gaps: a line breaks there.
// A series with an empty Name is left out of the legend; the tooltip names its values
// after the y axis. Series with the same Name share one legend entry.
type Series struct {
	Name string
	X, Y []float64

	Points bool    // markers only, no line (a scatter plot)
	Dashed bool    // dashed line
	Step   bool    // step line: each value holds until the next x
	Marker Marker  // marker drawn at every point; Points without a Marker draws Filled
	Size   float64 // marker size in pixels; 0 means 8, or 11 for Hollow and Half
	Color  string  // CSS color; "" takes the next color of the palette (see Color)
	Width  float64 // line width in pixels; 0 means 2
	Lower  bool    // draw in the lower panel instead of the main one

	aux  bool // drawn and in the legend under Name, but not in the tooltip
	term text // the Name a helper wrote, such as "stable", in each language
}

// nameIn is the name of s drawn in the language l: a name a helper wrote, as long as it
// was left as it is, is drawn in l.
func (s *Series) nameIn(l Lang) string {
	if s.term.en != "" && s.Name == s.term.en {
		return s.term.in(l)
	}
	return s.Name
}

// subtitleIn is the subtitle of f drawn in the language l (see Series.nameIn).
func (f *Figure) subtitleIn(l Lang) string {
	if f.subtitle.en != "" && f.Subtitle == f.subtitle.en {
		return f.subtitle.in(l)
	}
	return f.Subtitle
}

// lang is the language f is drawn in.
func (f *Figure) lang() Lang { return f.Lang.Resolve() }

// Marker is the symbol drawn at the points of a series.
type Marker int

const (
	NoMarker   Marker = iota // no marker (the default for lines)
	Filled                   // filled circle: a stable fixed point
	Hollow                   // hollow circle: an unstable fixed point
	Half                     // left half filled: a saddle-node, stable from the left
	ArrowRight               // right-pointing triangle: flow towards larger x
	ArrowLeft                // left-pointing triangle: flow towards smaller x
	Diamond                  // filled diamond
)

// Ref is a labelled reference line, horizontal (at y = Value) or vertical (at x = Value).
// A Label a helper wrote, such as "I_rh = 7.25 nA", is drawn in the figure's language
// (I_rh = 7,25 nA in French) as long as it is left unchanged.
type Ref struct {
	Value float64
	Label string

	term text // the Label a helper wrote, in each language
}

// refOf is a reference line at v labelled t, a label a helper wrote.
func refOf(v float64, t text) Ref { return Ref{Value: v, Label: t.en, term: t} }

// labelIn is the label of r drawn in the language l (see Series.nameIn).
func (r Ref) labelIn(l Lang) string {
	if r.term.en != "" && r.Label == r.term.en {
		return r.term.in(l)
	}
	return r.Label
}

// Range is an axis range. A Range with Min ≥ Max, such as the zero Range, fits the data.
type Range struct{ Min, Max float64 }

func (r Range) fixed() bool { return r.Min < r.Max }

// Color returns the k-th color of the palette used for series without a Color,
// so that a helper series can match a curve: Color(0) is the first series' color.
func Color(k int) string {
	k %= len(palette) // in (−len, len), also for math.MinInt
	if k < 0 {
		k += len(palette)
	}
	return palette[k]
}

// palette is the Tableau 10 palette (the default of matplotlib), easy to tell apart.
var palette = []string{
	"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
	"#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
}

// check reports the first problem that prevents drawing f, in the language l.
func (f *Figure) check(l Lang) error {
	if f == nil {
		return errorf(l, "chart: nil figure", "chart: figure nil (aucune figure)")
	}
	if f.err != nil {
		return localize(f.err, l)
	}
	if len(f.Series) == 0 {
		return errorf(l, "chart: figure %q has no series", "chart: la figure %q n'a aucune série", f.Title)
	}
	if f.Height < 0 {
		return errorf(l, "chart: figure %q: height %d px is negative", "chart: figure %q : la hauteur %d px est négative", f.Title, f.Height)
	}
	for _, r := range []struct {
		name string
		r    Range
		log  bool
	}{{"X", f.X, f.LogX}, {"Y", f.Y, f.LogY}} {
		if !finite(r.r.Min) || !finite(r.r.Max) {
			return errorf(l, "chart: figure %q: %s range [%g, %g] is not finite", "chart: figure %q : l'intervalle %s [%g, %g] n'est pas fini", f.Title, r.name, r.r.Min, r.r.Max)
		}
		if r.log && r.r.fixed() && r.r.Min <= 0 {
			return errorf(l, "chart: figure %q: logarithmic %s range [%g, %g] must be positive", "chart: figure %q : l'intervalle logarithmique %s [%g, %g] doit être positif", f.Title, r.name, r.r.Min, r.r.Max)
		}
	}
	for _, refs := range [][]Ref{f.HLines, f.VLines} {
		for _, r := range refs {
			if !finite(r.Value) {
				return errorf(l, "chart: figure %q: reference line %q at %g is not finite", "chart: figure %q : la ligne de référence %q en %g n'est pas finie", f.Title, r.Label, r.Value)
			}
		}
	}
	drawable := false
	for _, s := range f.Series {
		if len(s.X) != len(s.Y) {
			return errorf(l, "chart: series %q: X has %d points, Y has %d", "chart: série %q : X a %d points, Y en a %d", s.Name, len(s.X), len(s.Y))
		}
		if len(s.X) == 0 {
			return errorf(l, "chart: series %q has no points", "chart: la série %q n'a aucun point", s.Name)
		}
		if s.Marker < NoMarker || s.Marker > Diamond {
			return errorf(l, "chart: series %q: unknown marker %d", "chart: série %q : marqueur %d inconnu", s.Name, s.Marker)
		}
		if s.Color != "" {
			if err := checkColor(s.Color); err != nil {
				return errorf(l, "chart: series %q: Color %q %s", "chart: série %q : la couleur (Color) %q %s", s.Name, s.Color, err.in(l))
			}
		}
		for k := range s.X {
			if f.drawable(s.X[k], s.Y[k]) {
				drawable = true
				break
			}
		}
	}
	if !drawable {
		return errorf(l, "chart: figure %q has no finite point to draw", "chart: la figure %q n'a aucun point fini à tracer", f.Title)
	}
	return f.checkSpans(l)
}

// drawable reports whether the point (x, y) can be drawn on f's axes.
func (f *Figure) drawable(x, y float64) bool {
	return finite(x) && finite(y) && !(f.LogX && x <= 0) && !(f.LogY && y <= 0)
}

func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// hasLower reports whether a series goes to the lower panel.
func (f *Figure) hasLower() bool {
	for _, s := range f.Series {
		if s.Lower {
			return true
		}
	}
	return false
}

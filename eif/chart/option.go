package chart

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Colors and markers.
const (
	textColor = "#333"
	refColor  = "#888"

	// Markers drawn as SVG paths, in a 20×20 box.
	halfSymbol       = "path://M10 0A10 10 0 1 1 10 20A10 10 0 1 1 10 0ZM10 2.5A7.5 7.5 0 1 0 10 17.5A7.5 7.5 0 1 0 10 2.5ZM10 2.5A7.5 7.5 0 0 0 10 17.5Z"
	arrowRightSymbol = "path://M0 0L20 10L0 20Z"
	arrowLeftSymbol  = "path://M20 0L0 10L20 20Z"
)

// option builds the echarts option of f (already checked) with go-echarts, laid out as l,
// and returns it as JSON in which '<', '>' and '&' are escaped, so it is safe inside a
// <script> element. What go-echarts has no field for is added by the visitor of
// complete.go, as typed values, in the same single encoding.
//
// It does not use go-echarts' RenderSnippet (nor Render): its Element is a fixed-width
// <div class="container"> (a class notebook pages style), and its Script calls
// echarts.init at once, without waiting for the library, declares a top-level
// "let goecharts_<id>", and writes the option unescaped, so a label holding "</script>"
// would end the script. HTML writes its own element and script around this JSON.
func (f *Figure) option(l layout) ([]byte, error) {
	return encode(f.line(l))
}

// line returns the go-echarts chart of f, complete (see complete.go).
func (f *Figure) line(l layout) *charts.Line {
	c := charts.NewLine()
	c.Colors = palette
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{
			Title:         f.Title,
			Subtitle:      f.subtitleIn(l.lang),
			Left:          "14",
			Top:           "8",
			TitleStyle:    &opts.TextStyle{FontSize: 16, FontWeight: "600", Color: textColor},
			SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: "#666"},
		}),
		charts.WithLegendOpts(opts.Legend{
			Show:      opts.Bool(l.legend),
			Type:      "plain", // wraps onto more lines (draw.js makes room), never pages
			Top:       fmt.Sprint(l.legendTop),
			Left:      fmt.Sprint(gridLeft - 8),
			Right:     "80",
			Data:      l.legendData,
			ItemWidth: 28,
			TextStyle: &opts.TextStyle{FontSize: 12, Color: textColor},
		}),
		charts.WithTooltipOpts(opts.Tooltip{
			Show:        opts.Bool(true),
			Trigger:     "axis",
			AxisPointer: &opts.AxisPointer{Type: "cross"},
		}),
		// The toolbox is written by the visitor (complete.go); this only makes it shown.
		charts.WithToolboxOpts(opts.Toolbox{Show: opts.Bool(true), Right: "14", Top: "6"}),
	)
	grids := []opts.Grid{{Left: fmt.Sprint(gridLeft), Right: fmt.Sprint(gridRight), Top: fmt.Sprint(l.top), Height: fmt.Sprint(l.mainHeight)}}
	if l.lower {
		grids = append(grids, opts.Grid{Left: fmt.Sprint(gridLeft), Right: fmt.Sprint(gridRight), Top: fmt.Sprint(l.lowerTop), Height: fmt.Sprint(l.lowerHeight)})
	}
	c.SetGlobalOptions(charts.WithGridOpts(grids...))

	// Axes: main x and y first, then the lower panel's.
	c.XAxisList = []opts.XAxis{f.xAxis(0, !l.lower, l.x)}
	c.YAxisList = []opts.YAxis{f.yAxis(0, f.YLabel, l.y, f.LogY)}
	if l.lower {
		c.XAxisList = append(c.XAxisList, f.xAxis(1, true, l.x))
		lower := f.yAxis(1, f.LowerLabel, l.lowerY, false)
		lower.SplitNumber = 2
		c.YAxisList = append(c.YAxisList, lower)
	}

	free := 0 // palette colors taken by series without a Color
	for k, s := range f.Series {
		color := s.Color
		if color == "" {
			color = Color(free)
			free++
		}
		c.MultiSeries = append(c.MultiSeries, f.series(k, s, color, l))
	}
	c.MultiSeries = append(c.MultiSeries, f.refSeries(l))

	zooms := []opts.DataZoom{{Type: "inside", XAxisIndex: l.xIndex, FilterMode: "none"}}
	if l.slider {
		zooms = append(zooms, opts.DataZoom{Type: "slider", XAxisIndex: l.xIndex, FilterMode: "none"})
	}
	c.SetGlobalOptions(charts.WithDataZoomOpts(zooms...))

	c.Validate()
	c.Accept(visitor{logX: f.LogX, logY: f.LogY, words: l.words, image: fileName(f.Title)})
	return c
}

// encode returns the JSON of c. The series' data are written after encoding, by
// spliceData, unless a text of the figure holds the placeholder.
func encode(c *charts.Line) ([]byte, error) {
	var data []points
	for k := range c.MultiSeries {
		if p, ok := c.MultiSeries[k].Data.(points); ok {
			p.spliced = true
			c.MultiSeries[k].Data = p
			data = append(data, p)
		}
	}
	b, err := json.Marshal(c.JSON())
	if err != nil {
		return nil, err
	}
	if out, ok := spliceData(b, data); ok {
		return out, nil
	}
	for k := range c.MultiSeries {
		if p, ok := c.MultiSeries[k].Data.(points); ok {
			p.spliced = false
			c.MultiSeries[k].Data = p
		}
	}
	return json.Marshal(c.JSON())
}

// Logarithmic axes are linear axes of log10 of the values, whose labels show the values
// (see decade in draw.js): echarts' own log axes label only every tenth decade when the
// data span ten decades or more.

func (f *Figure) xAxis(grid int, labelled bool, r Range) opts.XAxis {
	a := opts.XAxis{
		Type:         "value",
		GridIndex:    grid,
		Scale:        opts.Bool(true),
		NameLocation: "middle",
		NameGap:      30,
		SplitLine:    &opts.SplitLine{Show: opts.Bool(true)},
		AxisLine:     &opts.AxisLine{OnZero: opts.Bool(false)},
		AxisLabel:    &opts.AxisLabel{Show: opts.Bool(labelled), ShowMinLabel: opts.Bool(true), ShowMaxLabel: opts.Bool(true)},
	}
	if labelled {
		a.Name = f.XLabel
	}
	if r.fixed() {
		a.Min, a.Max = axisValue(r.Min, f.LogX), axisValue(r.Max, f.LogX)
	}
	return a
}

// axisValue is v on a linear axis, or log10(v) on a logarithmic one.
func axisValue(v float64, log bool) float64 {
	if log {
		return math.Log10(v)
	}
	return v
}

func (f *Figure) yAxis(grid int, name string, r Range, log bool) opts.YAxis {
	a := opts.YAxis{
		Type:         "value",
		Name:         name,
		GridIndex:    grid,
		Scale:        opts.Bool(true),
		NameLocation: "end",
		NameGap:      12,
		SplitLine:    &opts.SplitLine{Show: opts.Bool(true)},
		AxisLine:     &opts.AxisLine{Show: opts.Bool(true), OnZero: opts.Bool(false)},
		AxisLabel:    &opts.AxisLabel{Show: opts.Bool(true)},
	}
	if r.fixed() {
		a.Min, a.Max = axisValue(r.Min, log), axisValue(r.Max, log)
	}
	return a
}

// series converts the k-th series of f, drawn in color.
func (f *Figure) series(k int, s Series, color string, l layout) charts.SingleSeries {
	// Lines and markers alike are thinned, so that no series, not even the spike markers
	// of a trace that fires a million times, writes more than about maxPoints points.
	x, y := thin(s.X, s.Y, maxPoints)
	if !s.Points {
		switch {
		case s.Lower:
			x, y = clipLine(x, y, l.lowerY)
		case !f.LogY:
			x, y = clipLine(x, y, l.y)
		}
	}
	out := charts.SingleSeries{
		Name:       l.names[k],
		Type:       "line",
		Data:       points{x: x, y: y, logX: f.LogX, logY: f.LogY},
		Symbol:     "none",
		ShowSymbol: opts.Bool(false),
		ItemStyle:  &opts.ItemStyle{Color: color},
	}
	if s.Lower {
		out.XAxisIndex, out.YAxisIndex = 1, 1
	}
	marker := s.Marker
	if s.Points {
		out.Type = "scatter"
		if marker == NoMarker {
			marker = Filled
		}
	} else {
		width := s.Width
		if width <= 0 {
			width = 2
		}
		ls := &opts.LineStyle{Color: color, Width: float32(width), Type: "solid"}
		if s.Dashed {
			ls.Type = "dashed"
		}
		out.LineStyle = ls
		if s.Step {
			out.Step = "end"
		}
	}
	if marker != NoMarker {
		size := s.Size
		if size <= 0 {
			size = 8
			if marker == Hollow || marker == Half {
				size = 11
			}
		}
		out.ShowSymbol = opts.Bool(true)
		out.SymbolSize = size
		out.Symbol = symbol(marker)
		if marker == Hollow {
			out.ItemStyle = &opts.ItemStyle{Color: "#fff", BorderColor: color, BorderWidth: 2}
		}
	}
	return out
}

// symbol returns the echarts symbol of m; Points without a marker draw Filled.
func symbol(m Marker) string {
	switch m {
	case Hollow:
		return "circle"
	case Half:
		return halfSymbol
	case ArrowRight:
		return arrowRightSymbol
	case ArrowLeft:
		return arrowLeftSymbol
	case Diamond:
		return "diamond"
	}
	return "circle"
}

// refSeries is an invisible series that carries the reference lines of f as echarts
// mark lines, and, for an automatic x axis, points at the vertical ones, so the x axis
// includes them.
func (f *Figure) refSeries(l layout) charts.SingleSeries {
	var xs, ys []float64
	var marks []any
	hv := make([]float64, len(f.HLines))
	for k, r := range f.HLines {
		hv[k] = r.Value
	}
	for k, pos := range labelPositions(hv, l.y, f.LogY, false) {
		v := axisValue(f.HLines[k].Value, f.LogY)
		marks = append(marks, markLine{Y: &v, Name: f.HLines[k].labelIn(l.lang), Label: markLabel(pos)})
	}
	vv := make([]float64, len(f.VLines))
	for k, r := range f.VLines {
		vv[k] = r.Value
		if !f.X.fixed() && l.y.fixed() && !(f.LogX && r.Value <= 0) {
			xs, ys = append(xs, r.Value), append(ys, l.y.Min)
		}
	}
	for k, pos := range labelPositions(vv, f.xExtent(), f.LogX, true) {
		v := axisValue(f.VLines[k].Value, f.LogX)
		marks = append(marks, markLine{X: &v, Name: f.VLines[k].labelIn(l.lang), Label: markLabel(pos)})
	}
	s := charts.SingleSeries{
		Type:       "line",
		Data:       points{x: xs, y: ys, logX: f.LogX, logY: f.LogY},
		Symbol:     "none",
		ShowSymbol: opts.Bool(false),
		LineStyle:  &opts.LineStyle{Opacity: opts.Float(0), Width: 0},
	}
	if len(marks) > 0 {
		s.MarkLines = &opts.MarkLines{
			Data: marks,
			MarkLineStyle: opts.MarkLineStyle{
				Symbol:    []string{"none", "none"},
				LineStyle: &opts.LineStyle{Color: refColor, Width: 1.2, Type: "dashed"},
				Label:     &opts.Label{Show: opts.Bool(true), Color: "#555", FontSize: 12, Formatter: "{b}"},
			},
		}
	}
	return s
}

// fileName turns a title into a file name for saved images.
func fileName(title string) string {
	b := make([]rune, 0, len(title))
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b = append(b, r)
		case len(b) > 0 && b[len(b)-1] != '_':
			b = append(b, '_')
		}
	}
	for len(b) > 0 && b[len(b)-1] == '_' {
		b = b[:len(b)-1]
	}
	if len(b) == 0 {
		return "chart"
	}
	return string(b)
}

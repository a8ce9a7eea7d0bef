package chart

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Layout, in pixels.
const (
	defaultHeight      = 400
	defaultLowerHeight = 520
	gridLeft           = 72
	gridRight          = 36
	panelGap           = 40 // between the main panel and the lower one
	fontFamily         = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
	textColor          = "#333"
	refColor           = "#888"
	sliderMinPoints    = 1000 // a line this long gets a zoom slider under the x axis
	hiddenPrefix       = "eifh"
)

// Markers drawn as SVG paths, in a 20×20 box.
const (
	halfSymbol       = "path://M10 0A10 10 0 1 1 10 20A10 10 0 1 1 10 0ZM10 2.5A7.5 7.5 0 1 0 10 17.5A7.5 7.5 0 1 0 10 2.5ZM10 2.5A7.5 7.5 0 0 0 10 17.5Z"
	arrowRightSymbol = "path://M0 0L20 10L0 20Z"
	arrowLeftSymbol  = "path://M20 0L0 10L20 20Z"
	lineIcon         = "path://M0 0H28V3H0Z"
	dashIcon         = "path://M0 0H7V3H0ZM10.5 0H17.5V3H10.5ZM21 0H28V3H21Z"
)

// layout places the title, legend, panels and slider of a figure.
type layout struct {
	height         int
	legendTop      int
	top            int // top of the main panel
	mainHeight     int
	lowerTop       int
	lowerHeight    int
	bottom         int // space under the lowest panel
	lower, legend  bool
	slider         bool
	legendNames    []string
	legendData     []map[string]string // names and icons
	x              Range               // x range, when it is not left to echarts
	y, lowerY      Range               // y ranges of the panels
	xIndex, yIndex []int               // axes every x-zoom acts on
}

func (f *Figure) layout() layout {
	var l layout
	l.lower = f.hasLower()
	seen := map[string]bool{}
	for _, s := range f.Series {
		if s.Name != "" && !seen[s.Name] {
			seen[s.Name] = true
			l.legendNames = append(l.legendNames, s.Name)
		}
		if !s.Points && len(s.X) >= sliderMinPoints && !f.LogX {
			l.slider = true
		}
	}
	l.legend = len(l.legendNames) >= 2
	l.y = f.yRange(false)
	if f.X.fixed() {
		l.x = f.X
	} else if f.LogX {
		r := f.xExtent()
		l.x = autoRange([]float64{r.Min, r.Max}, true)
	}
	if l.lower {
		l.lowerY = f.yRange(true)
	}
	for _, name := range l.legendNames {
		item := map[string]string{"name": name}
		for _, s := range f.Series {
			if s.Name == name {
				// echarts draws a circle on the legend line of a line without markers.
				switch {
				case s.Points || s.Marker != NoMarker:
				case s.Dashed:
					item["icon"] = dashIcon
				default:
					item["icon"] = lineIcon
				}
				break
			}
		}
		l.legendData = append(l.legendData, item)
	}
	l.height = f.Height
	if l.height == 0 {
		l.height = defaultHeight
		if l.lower {
			l.height = defaultLowerHeight
		}
	}
	y := 10
	if f.Title != "" {
		y += 24
	}
	if f.Subtitle != "" {
		y += 18
	}
	l.legendTop = y
	if l.legend {
		y += 24
	}
	l.top = y + 30 // room for the y axis name above the panel
	l.bottom = 52
	if l.slider {
		l.bottom += 34
	}
	avail := max(l.height-l.top-l.bottom, 60)
	l.mainHeight = avail
	l.xIndex, l.yIndex = []int{0}, []int{0}
	if l.lower {
		avail -= panelGap
		l.lowerHeight = max(avail/4, 40)
		l.mainHeight = avail - l.lowerHeight
		l.lowerTop = l.top + l.mainHeight + panelGap
		l.xIndex, l.yIndex = []int{0, 1}, []int{0, 1}
	}
	return l
}

// option builds the echarts option of f (already checked) with go-echarts, and returns it
// as JSON in which '<', '>' and '&' are escaped, so it is safe inside a <script> element.
//
// It does not use go-echarts' RenderSnippet (nor Render): its Element is a fixed-width
// <div class="container"> (a class notebook pages style), and its Script calls
// echarts.init at once, without waiting for the library, declares a top-level
// "let goecharts_<id>", and writes the option unescaped, so a label holding "</script>"
// would end the script. HTML writes its own element and script around this JSON.
func (f *Figure) option() ([]byte, error) {
	l := f.layout()
	c := charts.NewLine()
	c.Colors = palette
	c.SetGlobalOptions(
		charts.WithAnimation(false),
		charts.WithTitleOpts(opts.Title{
			Title:         f.Title,
			Subtitle:      f.Subtitle,
			Left:          "14",
			Top:           "8",
			TitleStyle:    &opts.TextStyle{FontSize: 16, FontWeight: "600", Color: textColor},
			SubtitleStyle: &opts.TextStyle{FontSize: 12, Color: "#666"},
		}),
		charts.WithLegendOpts(opts.Legend{
			Show:      opts.Bool(l.legend),
			Type:      "plain", // wraps onto more lines (drawScript makes room), never pages
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
		charts.WithToolboxOpts(opts.Toolbox{
			Show:  opts.Bool(true),
			Right: "14",
			Top:   "6",
			Feature: &opts.ToolBoxFeature{
				Restore:     &opts.ToolBoxFeatureRestore{Show: opts.Bool(true), Title: "reset"},
				SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "save PNG", Type: "png", Name: fileName(f.Title)},
			},
		}),
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
	c.Accept(visitor{logX: f.LogX, logY: f.LogY})
	return json.Marshal(c.JSON())
}

// Logarithmic axes are linear axes of log10 of the values, whose labels show the values
// (see decadeLabel in the script): echarts' own log axes label only every tenth decade
// when the data span ten decades or more.

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
		Name:       s.Name,
		Type:       "line",
		Data:       points{x: x, y: y, logX: f.LogX, logY: f.LogY},
		Symbol:     "none",
		ShowSymbol: opts.Bool(false),
		ItemStyle:  &opts.ItemStyle{Color: color},
	}
	if s.Name == "" || s.aux {
		out.Id = fmt.Sprintf("%s%d", hiddenPrefix, k)
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
		marks = append(marks, markLine("yAxis", axisValue(f.HLines[k].Value, f.LogY), f.HLines[k].Label, pos))
	}
	vv := make([]float64, len(f.VLines))
	for k, r := range f.VLines {
		vv[k] = r.Value
		if !f.X.fixed() && l.y.fixed() && !(f.LogX && r.Value <= 0) {
			xs, ys = append(xs, r.Value), append(ys, l.y.Min)
		}
	}
	for k, pos := range labelPositions(vv, f.xExtent(), f.LogX, true) {
		marks = append(marks, markLine("xAxis", axisValue(f.VLines[k].Value, f.LogX), f.VLines[k].Label, pos))
	}
	s := charts.SingleSeries{
		Id:         hiddenPrefix + "refs",
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

func markLine(axis string, v float64, label, position string) any {
	return map[string]any{
		axis:    v,
		"name":  label,
		"label": map[string]any{"position": position, "backgroundColor": "rgba(255,255,255,0.8)", "padding": []int{1, 3}, "borderRadius": 2},
	}
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

// visitor completes the option with what go-echarts' types lack.
type visitor struct {
	charts.BaseConfigurationVisitor
	logX, logY bool
}

// Visit adds the global text style, which go-echarts has no field for.
func (v visitor) Visit(obj map[string]any) {
	obj["textStyle"] = map[string]any{"fontFamily": fontFamily, "fontSize": 12, "color": textColor}
}

// VisitDataZooms makes the mouse wheel zoom only with Ctrl held, so that scrolling the
// notebook over a chart scrolls the notebook, and places the slider.
func (v visitor) VisitDataZooms(zooms []opts.DataZoom) any {
	out := make([]any, len(zooms))
	for k, z := range zooms {
		switch z.Type {
		case "inside":
			out[k] = extend(z, map[string]any{"zoomOnMouseWheel": "ctrl", "moveOnMouseWheel": false, "moveOnMouseMove": true})
		default:
			out[k] = extend(z, map[string]any{"height": 20, "bottom": 10, "showDetail": false})
		}
	}
	return out
}

// VisitXAxis sets the axis name style, and the ticks of logarithmic axes.
func (v visitor) VisitXAxis(axes []opts.XAxis) any {
	out := make([]any, len(axes))
	for k, a := range axes {
		extra := map[string]any{"nameTextStyle": nameStyle}
		if v.logX {
			logExtra(extra, a.Min, a.Max)
		}
		out[k] = extend(a, extra)
	}
	return out
}

// VisitYAxis sets the axis name style, aligned with the title, and the ticks of
// logarithmic axes.
func (v visitor) VisitYAxis(axes []opts.YAxis) any {
	out := make([]any, len(axes))
	for k, a := range axes {
		extra := map[string]any{"nameTextStyle": map[string]any{"fontSize": 13, "color": textColor, "align": "left", "padding": []int{0, 0, 0, -gridLeft + 14}}}
		if k == 0 && v.logY {
			logExtra(extra, a.Min, a.Max)
		}
		out[k] = extend(a, extra)
	}
	return out
}

// logExtra marks a logarithmic axis for the script, which labels it with values,
// and, when its range is whole decades, puts a tick at every decade, or every
// second… when there are more than 12.
func logExtra(extra map[string]any, lo, hi any) {
	extra["eifLog"] = true
	l, okl := lo.(float64)
	h, okh := hi.(float64)
	if okl && okh && h > l && l == math.Round(l) && h == math.Round(h) {
		extra["interval"] = logStep(h - l)
	}
}

// VisitToolbox adds box zoom and saves images at twice the screen resolution.
func (v visitor) VisitToolbox(t opts.Toolbox) any {
	return extend(t, map[string]any{"itemSize": 14, "feature": extend(*t.Feature, map[string]any{
		"saveAsImage": extend(*t.Feature.SaveAsImage, map[string]any{"pixelRatio": 2}),
		// go-echarts writes "icon": null, which hides the buttons. The default filter
		// mode would drop the points outside the y range, and the lines that leave it.
		"dataZoom": map[string]any{"show": true, "filterMode": "none", "title": map[string]string{"zoom": "box zoom", "back": "undo zoom"}},
	})})
}

var nameStyle = map[string]any{"fontSize": 13, "color": textColor}

// extended is a go-echarts option value with extra keys.
type extended struct {
	typed any
	extra map[string]any
}

func extend(typed any, extra map[string]any) extended { return extended{typed, extra} }

// MarshalJSON implements json.Marshaler: the typed value's keys, then the extra ones.
func (e extended) MarshalJSON() ([]byte, error) {
	b, err := json.Marshal(e.typed)
	if err != nil {
		return nil, err
	}
	m := map[string]any{}
	if err := json.Unmarshal(b, &m); err != nil {
		return nil, err
	}
	for k, v := range e.extra {
		m[k] = v
	}
	return json.Marshal(m)
}

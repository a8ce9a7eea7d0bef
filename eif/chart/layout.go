package chart

// Layout, in pixels.
const (
	defaultHeight      = 400
	defaultLowerHeight = 520
	gridLeft           = 72
	gridRight          = 36
	panelGap           = 40   // between the main panel and the lower one
	sliderMinPoints    = 1000 // a line this long gets a zoom slider under the x axis
)

// Legend icons of lines, in a 28×3 box: echarts draws a circle on the legend line of a
// line without markers.
const (
	lineIcon = "path://M0 0H28V3H0Z"
	dashIcon = "path://M0 0H7V3H0ZM10.5 0H17.5V3H10.5ZM21 0H28V3H21Z"
)

// layout is what drawing a figure decides before writing its option: the words of its
// language, the names of its series, the place of the title, legend, panels and slider,
// and the axis ranges. It is computed once per drawing.
type layout struct {
	lang   Lang
	words  words
	names  []string // the name drawn for each series, in the figure's language
	height int

	legendTop      int
	top            int // top of the main panel
	mainHeight     int
	lowerTop       int
	lowerHeight    int
	lower, legend  bool
	slider         bool
	legendData     []legendItem
	x              Range // x range, when it is not left to echarts
	y, lowerY      Range // y ranges of the panels
	xIndex, yIndex []int // axes every x-zoom acts on
}

// legendItem is one entry of the legend.
type legendItem struct {
	Name string `json:"name"`
	Icon string `json:"icon,omitempty"`
}

// layout decides the layout of f, drawn in the language lang.
func (f *Figure) layout(lang Lang) layout {
	l := layout{lang: lang, words: lang.words(), lower: f.hasLower()}
	l.names = make([]string, len(f.Series))
	seen := map[string]bool{}
	for k, s := range f.Series {
		name := s.nameIn(lang)
		l.names[k] = name
		if name != "" && !seen[name] {
			seen[name] = true
			item := legendItem{Name: name}
			switch {
			case s.Points || s.Marker != NoMarker:
			case s.Dashed:
				item.Icon = dashIcon
			default:
				item.Icon = lineIcon
			}
			l.legendData = append(l.legendData, item)
		}
		if !s.Points && len(s.X) >= sliderMinPoints && !f.LogX {
			l.slider = true
		}
	}
	l.legend = len(l.legendData) >= 2
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
	if f.subtitleIn(lang) != "" {
		y += 18
	}
	l.legendTop = y
	if l.legend {
		y += 24
	}
	l.top = y + 30 // room for the y axis name above the panel
	bottom := 52   // space under the lowest panel
	if l.slider {
		bottom += 34
	}
	avail := max(l.height-l.top-bottom, 60)
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

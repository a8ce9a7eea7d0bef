package chart

import (
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// This file completes the option with what go-echarts' types lack. Each addition is a
// small typed value that embeds the go-echarts one, so the option is encoded once.

const fontFamily = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"

// visitor hands go-echarts the completed values.
type visitor struct {
	charts.BaseConfigurationVisitor
	logX, logY bool
	words      words  // button titles
	image      string // file name of saved images
}

// style is a text style with the fields go-echarts' TextStyle lacks (padding).
type style struct {
	FontFamily string `json:"fontFamily,omitempty"`
	FontSize   int    `json:"fontSize,omitempty"`
	Color      string `json:"color,omitempty"`
	Align      string `json:"align,omitempty"`
	Padding    []int  `json:"padding,omitempty"`
}

// Visit adds the global text style.
func (v visitor) Visit(obj map[string]any) {
	obj["textStyle"] = style{FontFamily: fontFamily, FontSize: 12, Color: textColor}
}

// dataZoom is a zoom with its mouse and slider settings.
type dataZoom struct {
	opts.DataZoom
	ZoomOnMouseWheel string `json:"zoomOnMouseWheel,omitempty"`
	MoveOnMouseWheel *bool  `json:"moveOnMouseWheel,omitempty"`
	MoveOnMouseMove  *bool  `json:"moveOnMouseMove,omitempty"`
	Height           int    `json:"height,omitempty"`
	Bottom           int    `json:"bottom,omitempty"`
	ShowDetail       *bool  `json:"showDetail,omitempty"`
}

// VisitDataZooms makes the mouse wheel zoom only with Ctrl held, so that scrolling the
// notebook over a chart scrolls the notebook, and places the slider.
func (v visitor) VisitDataZooms(zooms []opts.DataZoom) any {
	yes, no := true, false
	out := make([]dataZoom, len(zooms))
	for k, z := range zooms {
		out[k] = dataZoom{DataZoom: z}
		switch z.Type {
		case "inside":
			out[k].ZoomOnMouseWheel, out[k].MoveOnMouseWheel, out[k].MoveOnMouseMove = "ctrl", &no, &yes
		default:
			out[k].Height, out[k].Bottom, out[k].ShowDetail = 20, 10, &no
		}
	}
	return out
}

// logAxis marks a logarithmic axis for draw.js, which labels it with values, and, when
// its range is whole decades, puts a tick at every decade, or every second… when there
// are more than 12.
type logAxis struct {
	EifLog   bool    `json:"eifLog,omitempty"`
	Interval float64 `json:"interval,omitempty"`
}

func newLogAxis(log bool, lo, hi any) logAxis {
	if !log {
		return logAxis{}
	}
	a := logAxis{EifLog: true}
	l, okl := lo.(float64)
	h, okh := hi.(float64)
	if okl && okh && h > l && l == math.Round(l) && h == math.Round(h) {
		a.Interval = logStep(h - l)
	}
	return a
}

type xAxis struct {
	opts.XAxis
	logAxis
	NameTextStyle style `json:"nameTextStyle"`
}

type yAxis struct {
	opts.YAxis
	logAxis
	NameTextStyle style `json:"nameTextStyle"`
}

// VisitXAxis sets the axis name style, and the ticks of logarithmic axes.
func (v visitor) VisitXAxis(axes []opts.XAxis) any {
	out := make([]xAxis, len(axes))
	for k, a := range axes {
		out[k] = xAxis{a, newLogAxis(v.logX, a.Min, a.Max), style{FontSize: 13, Color: textColor}}
	}
	return out
}

// VisitYAxis sets the axis name style, aligned with the title, and the ticks of a
// logarithmic main axis.
func (v visitor) VisitYAxis(axes []opts.YAxis) any {
	out := make([]yAxis, len(axes))
	for k, a := range axes {
		out[k] = yAxis{a, newLogAxis(k == 0 && v.logY, a.Min, a.Max),
			style{FontSize: 13, Color: textColor, Align: "left", Padding: []int{0, 0, 0, -gridLeft + 14}}}
	}
	return out
}

// toolbox has the buttons: reset, box zoom, and save as PNG at twice the screen resolution.
type toolbox struct {
	opts.Toolbox
	ItemSize int            `json:"itemSize"`
	Feature  toolboxButtons `json:"feature"` // in place of go-echarts' Feature
}

type toolboxButtons struct {
	Restore     opts.ToolBoxFeatureRestore `json:"restore"`
	SaveAsImage saveAsImage                `json:"saveAsImage"`
	// go-echarts' DataZoom writes "icon": null, which hides the buttons.
	DataZoom boxZoom `json:"dataZoom"`
}

type saveAsImage struct {
	opts.ToolBoxFeatureSaveAsImage
	PixelRatio int `json:"pixelRatio"`
}

type boxZoom struct {
	Show bool `json:"show"`
	// The default filter mode would drop the points outside the y range, and the lines
	// that leave it.
	FilterMode string `json:"filterMode"`
	Title      struct {
		Zoom string `json:"zoom"`
		Back string `json:"back"`
	} `json:"title"`
}

// VisitToolbox writes the buttons, titled in the figure's language.
func (v visitor) VisitToolbox(t opts.Toolbox) any {
	out := toolbox{Toolbox: t, ItemSize: 14}
	out.Feature.Restore = opts.ToolBoxFeatureRestore{Show: opts.Bool(true), Title: v.words.Reset}
	out.Feature.SaveAsImage = saveAsImage{opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: v.words.SavePNG, Type: "png", Name: v.image}, 2}
	out.Feature.DataZoom = boxZoom{Show: true, FilterMode: "none"}
	out.Feature.DataZoom.Title.Zoom, out.Feature.DataZoom.Title.Back = v.words.BoxZoom, v.words.UndoZoom
	return out
}

// markLine is a reference line at x = X or y = Y, with its label.
type markLine struct {
	X     *float64  `json:"xAxis,omitempty"`
	Y     *float64  `json:"yAxis,omitempty"`
	Name  string    `json:"name"`
	Label markStyle `json:"label"`
}

type markStyle struct {
	Position        string `json:"position"`
	BackgroundColor string `json:"backgroundColor"`
	Padding         []int  `json:"padding"`
	BorderRadius    int    `json:"borderRadius"`
}

func markLabel(position string) markStyle {
	return markStyle{position, "rgba(255,255,255,0.8)", []int{1, 3}, 2}
}

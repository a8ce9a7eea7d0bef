package chart

import (
	"crypto/rand"
	_ "embed"
	"encoding/json"
	"html"
	"strconv"
	"strings"
)

// maxHTML bounds the chart data of one figure (bytes): each series is thinned to about
// maxPoints points, so only a figure with hundreds of series comes near it.
const maxHTML = 8 << 20

// HTML returns f as an HTML snippet for a notebook output: a <div class="eif-chart">
// that takes the width of the output, and a script that draws the chart in it as soon
// as the ECharts library is there (see Init). Each call gives the chart a fresh id,
// so a snippet can be shown any number of times on one page.
//
// It returns an error, and no HTML, when f cannot be drawn: no series, a series with
// no points or with X and Y of different lengths, no finite point, a bad range.
func (f *Figure) HTML() (string, error) {
	d, err := f.Drawing()
	if err != nil {
		return "", err
	}
	return d.HTML(), nil
}

// Drawing is a figure ready to draw: what the script of its HTML hands to ECharts, as
// JSON. HTML wraps it in an element and a script; a page that redraws a chart in place
// passes it to the chart's element instead (see AppendJSON).
type Drawing struct {
	Height int    // the chart's height in pixels, before a legend of several lines
	Option []byte // the ECharts option, in which '<', '>' and '&' are escaped
	Rows   []byte // the name of each series' tooltip row
	Words  []byte // the texts and the decimal sign of the script (see words)

	lang Lang // of the text shown until the chart is drawn
}

// Drawing returns what drawing f takes, or the error that prevents it, as HTML does.
func (f *Figure) Drawing() (*Drawing, error) {
	lang := EnvLang()
	if f != nil {
		lang = f.lang()
	}
	if err := f.check(lang); err != nil {
		return nil, err
	}
	l := f.layout(lang)
	opt, err := f.option(l)
	if err != nil {
		return nil, err
	}
	if len(opt) > maxHTML {
		return nil, errorf(lang, "chart: figure %q would write %.1f MB of HTML, more than %d MB: draw fewer series",
			"chart: la figure %q écrirait %.1f Mo de HTML, plus de %d Mo : tracez moins de séries", f.Title, float64(len(opt))/(1<<20), maxHTML>>20)
	}
	rows, err := json.Marshal(f.tooltipNames(l))
	if err != nil {
		return nil, err
	}
	script, err := json.Marshal(map[string]string{"noLibrary": l.words.NoLibrary, "cannotDraw": l.words.CannotDraw,
		"decimal": l.words.Decimal, "colon": l.words.Colon})
	if err != nil {
		return nil, err
	}
	return &Drawing{Height: l.height, Option: opt, Rows: rows, Words: script, lang: lang}, nil
}

// HTML returns d in a <div class="eif-chart"> with a fresh id, and the script that draws
// it there (see Figure.HTML).
func (d *Drawing) HTML() string {
	id := newID()
	var b strings.Builder
	b.Grow(len(d.Option) + len(drawJS) + 512)
	b.WriteString(`<div class="eif-chart" id="`)
	b.WriteString(id)
	b.WriteString(`" style="width:100%;min-width:320px;height:`)
	b.WriteString(strconv.Itoa(d.Height))
	b.WriteString(`px;">`)
	b.WriteString(placeholderHTML(d.lang.Resolve().NotDrawn()))
	b.WriteString(`</div>` + "\n<script>\n(function () {\n\"use strict\";\nvar id = \"")
	b.WriteString(id)
	b.WriteString("\";\nvar option = ")
	b.Write(d.Option)
	b.WriteString(";\nvar rows = ")
	b.Write(d.Rows)
	b.WriteString(";\nvar words = ")
	b.Write(d.Words)
	b.WriteString(";\n")
	b.WriteString(drawJS)
	b.WriteString("})();\n</script>\n")
	return b.String()
}

// AppendJSON appends d to b as one JSON object, {"height": …, "option": …, "rows": …,
// "words": …}, safe inside a <script> element. A chart drawn by HTML keeps a function
// in its element, eifDraw, which draws such an object in place of the chart: ECharts
// merges the new option into the chart it has, instead of starting anew.
func (d *Drawing) AppendJSON(b []byte) []byte {
	b = append(b, `{"height":`...)
	b = strconv.AppendInt(b, int64(d.Height), 10)
	b = append(b, `,"option":`...)
	b = append(b, d.Option...)
	b = append(b, `,"rows":`...)
	b = append(b, d.Rows...)
	b = append(b, `,"words":`...)
	b = append(b, d.Words...)
	return append(b, '}')
}

// tooltipNames returns, for each echarts series, the name of its tooltip row: the series
// name, or the y axis name for an unnamed series, or "" for no row.
func (f *Figure) tooltipNames(l layout) []string {
	names := make([]string, 0, len(f.Series)+1)
	for k, s := range f.Series {
		switch {
		case s.aux:
			names = append(names, "")
		case l.names[k] != "":
			names = append(names, l.names[k])
		case s.Lower:
			names = append(names, f.LowerLabel)
		default:
			names = append(names, f.YLabel)
		}
	}
	return append(names, "") // the reference lines
}

// NotDrawn is the text a chart's container shows until its script draws the chart in
// its place, in English (French.NotDrawn() is the French one). Where scripts of outputs
// do not run (a notebook that is not trusted, a viewer that runs no JavaScript), it is
// all that shows: the HTML sanitizer of JupyterLab keeps text.
const NotDrawn = "chart not drawn: run this cell, or trust the notebook (command palette → Trust Notebook)"

// placeholderHTML holds the text notDrawn in the chart's container, centred.
func placeholderHTML(notDrawn string) string {
	return `<div class="eif-chart-placeholder" style="padding:2em 1em;text-align:center;` +
		`color:#555;font:13px/1.4 sans-serif;border:1px dashed #bbb;border-radius:4px;">` + html.EscapeString(notDrawn) + `</div>`
}

// drawJS draws a chart (see draw.js).
//
//go:embed draw.js
var drawJS string

// newID returns a fresh element id that is also a JavaScript identifier.
func newID() string { return "eifchart_" + rand.Text() }

// ErrorHTML shows err in red where a chart would be, as Show does for a figure that
// cannot be drawn.
func ErrorHTML(err error) string {
	return `<div class="eif-chart-error" style="color:#b00020;background:#fdecea;border:1px solid #f5c2c0;` +
		`border-radius:4px;padding:8px 12px;font:13px/1.4 monospace;white-space:pre-wrap;">` +
		html.EscapeString(err.Error()) + "</div>\n"
}

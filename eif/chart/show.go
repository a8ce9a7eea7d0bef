package chart

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"os"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
)

// echartsVersion is the version of the embedded ECharts library (assets/README.md).
const echartsVersion = "5.6.0"

//go:embed assets/echarts.min.js
var echartsJS string

// Show displays f as the output of the notebook cell. When f cannot be drawn it displays
// the error instead, in red, so a failure is never a blank space, and returns it.
// Outside a notebook it only returns the error (and prints it on standard error).
func Show(f *Figure) error {
	h, err := f.HTML()
	if err != nil {
		h = ErrorHTML(err)
	}
	output(h, err, func(h string) { gonbui.DisplayHTML(h) })
	return err
}

// Update draws f in the output block displayID, replacing what was there: the block
// is created by the first call. It is for charts redrawn in place, such as under a
// slider; displayID is any unique string, such as "fig_" + gonbui.UniqueId(), and is not
// the id of an HTML element. Errors are shown in the block, as by Show.
//
// Blocks drawn by Update are transient in GoNB: when the interaction ends, finish with
// a Show of the last figure, so the saved notebook keeps a picture.
func Update(displayID string, f *Figure) error {
	h, err := f.HTML()
	if err != nil {
		h = ErrorHTML(err)
	}
	output(h, err, func(h string) { gonbui.UpdateHTML(displayID, h) })
	return err
}

// Init puts the ECharts library into the notebook: call it once, in the setup cell, before
// any chart. The library (about 1 MB, Apache-2.0, embedded in this package) is then part
// of the saved notebook, so charts draw without network, also in an HTML export; this is
// Plotly's "offline" mode. Running Init again is harmless. Charts whose script finds no
// library within 10 s say so in place of the chart.
func Init() {
	output(InitHTML(), nil, func(h string) { gonbui.DisplayHTML(h) })
}

// InitHTML returns what Init displays: a line of status text, in the language named by
// EIF_LANG (see Lang), and the script that defines window.echarts, for pages built
// outside a notebook.
func InitHTML() string {
	w := EnvLang().words()
	id := newID()
	var b strings.Builder
	b.Grow(len(echartsJS) + 1024)
	b.WriteString(`<div class="eif-chart-init" id="` + id + `" style="font:12px sans-serif;color:#777;">`)
	b.WriteString(html.EscapeString(fmt.Sprintf(w.InitLine, echartsVersion)) + ` <span>` + html.EscapeString(w.InitWait) + `</span></div>` + "\n")
	// The wrapper hides AMD and CommonJS loaders (RequireJS in classic Jupyter),
	// so the library defines the global window.echarts.
	b.WriteString("<script>\n(function (define, exports, module) {\n")
	b.WriteString(echartsJS)
	b.WriteString("\n}).call(window);\n</script>\n<script>\n(function () {\n")
	b.WriteString(`var el = document.getElementById("` + id + `");` + "\n")
	b.WriteString(`if (el) { el.lastChild.textContent = window.echarts ? ` + jsString(w.InitLoaded) + ` + window.echarts.version : ` + jsString(w.InitFailed) + `; }` + "\n")
	b.WriteString("})();\n</script>\n")
	return b.String()
}

// jsString is s as a JavaScript string literal, safe inside a <script> element.
func jsString(s string) string {
	b, _ := json.Marshal(s) // a string always encodes
	return string(b)
}

// output sends h to the notebook with send; outside a notebook it prints err, if any.
// In a notebook it waits until GoNB has taken the output: GoNB reads outputs from a
// pipe, and drops what is still in it when the cell's program exits, which happens
// right after the chart in most cells.
func output(h string, err error, send func(string)) {
	switch {
	case gonbui.IsNotebook:
		send(h)
		gonbui.Sync()
	case err != nil:
		fmt.Fprintln(os.Stderr, err)
	}
}

package explore

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// explorerJS connects the controls to the Go program (see explorer.js).
//
//go:embed explorer.js
var explorerJS string

// controls returns the sliders and the Done button, labelled in the language lang, with
// the script that sends their state to the Go program at addr.
func controls(id, addr string, i, deltaT float64, lang chart.Lang) string {
	w := wordsOf(lang)
	js := func(v any) []byte {
		b, _ := json.Marshal(v) // strings always encode, with <, > and & escaped
		return b
	}
	return fmt.Sprintf(`<div class="eif-explorer" id="%[1]s" style="font-family:sans-serif">
<div class="eif-slider">%[5]s <input type="range" min="0" max="300" value="%[3]d"> <span class="eif-slider-value">%[8]s</span></div>
<div class="eif-slider">%[6]s <input type="range" min="1" max="40" value="%[4]d"> <span class="eif-slider-value">%[9]s</span></div>
<div class="eif-explorer-done"><button type="button">%[7]s</button></div>
<script>
(function () {
"use strict";
var root = document.getElementById("%[1]s"), addr = %[2]s, show = %[10]s;
%[11]s})();
</script></div>`, id, js(addr), int(math.Round(i/0.05)), int(math.Round(deltaT/0.1)),
		html.EscapeString(w.current), html.EscapeString(w.slope), html.EscapeString(w.done),
		html.EscapeString(fmt.Sprintf(w.showI, lang.Sprintf("%.2f", i))),
		html.EscapeString(fmt.Sprintf(w.showDeltaT, lang.Sprintf("%.1f", deltaT))),
		js(map[string]string{"i": w.showI, "deltaT": w.showDeltaT, "decimal": lang.Decimal()}), explorerJS)
}

// ended is what the controls become when the explorer ends as e, at i and deltaT, in the
// language lang.
func ended(e End, i, deltaT float64, lang chart.Lang) string {
	w := wordsOf(lang)
	status := w.ended
	switch e {
	case Headless:
		status = w.headless
	case RunAll:
		status = w.runAll
	}
	return fmt.Sprintf(`<div class="eif-explorer-ended" data-end="%s"><i>%s</i></div>`,
		e, html.EscapeString(lang.Sprintf(w.end, status, i, deltaT)))
}

package explore

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"html"
	"math"
)

// explorerJS connects the controls to the Go program (see explorer.js).
//
//go:embed explorer.js
var explorerJS string

// controls returns the sliders and the Done button, labelled in the words w, with the
// script that sends their state to the Go program at addr.
func controls(id, addr string, i, deltaT float64, w words) string {
	a, _ := json.Marshal(addr) // a string always encodes, with <, > and & escaped
	return fmt.Sprintf(`<div class="eif-explorer" id="%[1]s" style="font-family:sans-serif">
<div class="eif-slider">%[5]s <input type="range" min="0" max="300" value="%[3]d"> <span class="eif-slider-value">I = %.2[8]f nA</span></div>
<div class="eif-slider">%[6]s <input type="range" min="1" max="40" value="%[4]d"> <span class="eif-slider-value">Δ_T = %.1[9]f mV</span></div>
<div class="eif-explorer-done"><button type="button">%[7]s</button></div>
<script>
(function () {
"use strict";
var root = document.getElementById("%[1]s"), addr = %[2]s;
%[10]s})();
</script></div>`, id, a, int(math.Round(i/0.05)), int(math.Round(deltaT/0.1)),
		html.EscapeString(w.current), html.EscapeString(w.slope), html.EscapeString(w.done), i, deltaT, explorerJS)
}

// ended is what the controls become when the explorer ends as e, at i and deltaT.
func ended(e End, i, deltaT float64, w words) string {
	status := w.ended
	switch e {
	case Headless:
		status = w.headless
	case RunAll:
		status = w.runAll
	}
	return fmt.Sprintf(`<div class="eif-explorer-ended" data-end="%s"><i>%s</i></div>`,
		e, html.EscapeString(fmt.Sprintf(w.end, status, i, deltaT)))
}

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

// The sliders: I from 0 to 15 nA by iStep, Δ_T from 0.1 to 4 mV by deltaTStep; the page
// sends their positions, whole numbers, and parseMove turns them into values.
const (
	iStep, iMax           = 0.05, 300 // positions 0…300
	deltaTStep, deltaTMin = 0.1, 1    // positions 1…40
	deltaTMax             = 40
)

// The global objects of the page through which the controls send their moves: GoNB's
// connection to the kernel in a notebook, the page's own copy of this package on the
// course website (see Page).
const (
	gonbComm = "gonb_comm"
	pageComm = "eif_explorer_comm"
)

// controls returns the sliders, and the Done button when done is true, labelled in the
// language lang, with the script that sends their state to addr through the page's global
// object comm.
func controls(id, addr, comm string, i, deltaT float64, lang chart.Lang, done bool) string {
	w := wordsOf(lang)
	js := func(v any) []byte {
		b, _ := json.Marshal(v) // strings always encode, with <, > and & escaped
		return b
	}
	button := ""
	if done {
		button = `<div class="eif-explorer-done"><button type="button">` + html.EscapeString(w.done) + `</button></div>` + "\n"
	}
	return fmt.Sprintf(`<div class="eif-explorer" id="%[1]s" style="font-family:sans-serif">
<div class="eif-slider">%[5]s <input type="range" min="0" max="%[12]d" value="%[3]d"> <span class="eif-slider-value">%[8]s</span></div>
<div class="eif-slider">%[6]s <input type="range" min="%[13]d" max="%[14]d" value="%[4]d"> <span class="eif-slider-value">%[9]s</span></div>
%[7]s<script>
(function () {
"use strict";
var root = document.getElementById("%[1]s"), addr = %[2]s, comm = %[15]s, show = %[10]s;
%[11]s})();
</script></div>`, id, js(addr), int(math.Round(i/iStep)), int(math.Round(deltaT/deltaTStep)),
		html.EscapeString(w.current), html.EscapeString(w.slope), button,
		html.EscapeString(fmt.Sprintf(w.showI, lang.Sprintf("%.2f", i))),
		html.EscapeString(fmt.Sprintf(w.showDeltaT, lang.Sprintf("%.1f", deltaT))),
		js(map[string]any{"i": w.showI, "deltaT": w.showDeltaT, "decimal": lang.Decimal(), "iStep": iStep, "deltaTStep": deltaTStep}), explorerJS,
		iMax, deltaTMin, deltaTMax, js(comm))
}

// parseMove reads a message of the controls, "I-position Δ_T-position done" (whole
// numbers; done is 1 after the Done button, 2 under Run All, else 0), into the values of
// the sliders. ok is false for a message it cannot read.
func parseMove(msg string) (i, deltaT float64, done int, ok bool) {
	var pi, pd int
	if _, err := fmt.Sscan(msg, &pi, &pd, &done); err != nil {
		return 0, 0, 0, false
	}
	return iStep * float64(pi), deltaTStep * float64(pd), done, true
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

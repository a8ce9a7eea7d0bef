package explore

import (
	"encoding/json"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// The explorer without a kernel: on the course website (site/), this package compiled to
// WebAssembly (eif/explore/wasm) runs in the page. The page replaces the note that a
// headless run left in the notebook with the controls of Page, and hands each of their
// messages to Redraw, whose readout and charts it draws in place of the last ones (or to
// Move, whose HTML it puts in place of the last picture): the sliders, the messages and
// the picture are those of Run, only the Go program is in the page instead of the kernel.

// Page returns the explorer's sliders, starting at i and deltaT, labelled in the language
// lang, for a page that runs this package itself: they are Run's without the Done button,
// and send their moves to the page's global object eif_explorer_comm, to the address id
// (also the id of their element).
func Page(id string, i, deltaT float64, lang chart.Lang) string {
	return controls(id, id, pageComm, i, deltaT, lang, false)
}

// Move returns the picture of View, in the language lang, for the sliders' message msg
// as the controls send it, and false for a message it cannot read.
func Move(msg string, lang chart.Lang) (string, bool) {
	i, deltaT, ok := Values(msg)
	if !ok {
		return "", false
	}
	return View(i, deltaT, lang), true
}

// Redraw returns the picture of Move for a page whose charts draw again in place (see
// chart.Drawing.AppendJSON), as one JSON object: {"readout": the readout's HTML,
// "charts": [the phase line's drawing, the trace's]}. It returns false for a message it
// cannot read, and for a picture that holds an error (the page then shows Move's HTML,
// which says what went wrong).
func Redraw(msg string, lang chart.Lang) ([]byte, bool) {
	i, deltaT, ok := Values(msg)
	if !ok {
		return nil, false
	}
	p := draw(i, deltaT, lang)
	if p.err != nil {
		return nil, false
	}
	readout, err := json.Marshal(p.readout)
	if err != nil {
		return nil, false
	}
	b := append(append([]byte(`{"readout":`), readout...), `,"charts":[`...)
	for k, f := range p.charts {
		d, err := f.Drawing()
		if err != nil {
			return nil, false
		}
		if k > 0 {
			b = append(b, ',')
		}
		b = d.AppendJSON(b)
	}
	return append(b, "]}"...), true
}

// Values returns the current i (nA) and slope factor deltaT (mV) that the sliders' message
// msg stands for, and false for a message it cannot read.
func Values(msg string) (i, deltaT float64, ok bool) {
	i, deltaT, _, ok = parseMove(msg)
	return i, deltaT, ok
}

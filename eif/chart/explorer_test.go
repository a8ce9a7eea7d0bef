package chart

import (
	"strings"
	"testing"
)

func TestExplorerView(t *testing.T) {
	for _, tc := range []struct {
		name       string
		i, deltaT  float64
		want       []string
		charts     int
		errorBoxes int
	}{
		{"below rheobase", 6, 1, []string{`data-i="6.00"`, "u*_1 = -45.99751508 mV (stable)", "u*_2 = -37.90928259 mV (unstable)", "rheobase I_rh = 7.2500 nA", "spikes during the 300 ms pulse: 0"}, 2, 0},
		{"above rheobase", 12, 2, []string{`data-deltat="2.0"`, "no fixed point: the current is above rheobase"}, 2, 0},
		{"sharp onset", 10, 0.1, []string{"rheobase I_rh = 7.4750 nA"}, 2, 0},
		{"invalid slope factor", 6, -1, []string{"DeltaT = -1: must be ≥ 0 mV"}, 0, 1},
	} {
		h := ExplorerView(tc.i, tc.deltaT)
		for _, w := range tc.want {
			if !strings.Contains(h, w) {
				t.Errorf("%s: no %q in the view", tc.name, w)
			}
		}
		if got := strings.Count(h, `class="eif-chart"`); got != tc.charts {
			t.Errorf("%s: %d charts, want %d", tc.name, got, tc.charts)
		}
		if got := strings.Count(withoutScripts(h), `class="eif-chart-error"`); got != tc.errorBoxes {
			t.Errorf("%s: %d error boxes, want %d", tc.name, got, tc.errorBoxes)
		}
	}
}

func TestExplorerControls(t *testing.T) {
	h := explorerControls("eif_explorer_x", "/eif/eif_explorer_x", 7.25, 1)
	for _, w := range []string{`id="eif_explorer_x"`, `value="145"`, `value="10"`, `comm.send("/eif/eif_explorer_x"`,
		"I = 7.25 nA", "Δ_T = 1.0 mV", "underRunAll()"} {
		if !strings.Contains(h, w) {
			t.Errorf("no %q in the controls", w)
		}
	}
}

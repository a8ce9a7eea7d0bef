package chart

import (
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// maxViewBytes bounds the HTML of one trace, whatever its input (the explorer's picture
// is bounded in package explore).
const maxViewBytes = 1 << 20

// TestOutputSizeBounded: a trace of a neuron firing a hundred thousand times stays
// small, because lines and markers alike are thinned.
func TestOutputSizeBounded(t *testing.T) {
	n := eif.MustNew(eif.Default())
	pulse := eif.Pulse{Amp: 1e5, T1: 10, T2: 30}
	r, err := n.Simulate(pulse, -70, 40, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spikes) < 5*maxPoints {
		t.Fatalf("%d spikes: the test needs many more than %d", len(r.Spikes), maxPoints)
	}
	h, err := Trace("1e5 nA", n, Run{Label: "u", Result: r, Stimulus: pulse}).HTML()
	if err != nil {
		t.Fatal(err)
	}
	if len(h) > maxViewBytes {
		t.Errorf("trace of %d spikes: %d bytes", len(r.Spikes), len(h))
	}
	t.Logf("trace of %d spikes, %d points: %d bytes", len(r.Spikes), len(r.T), len(h))
}

// TestTooManySeries: a figure whose thinned data still exceeds maxHTML says so instead of
// writing it.
func TestTooManySeries(t *testing.T) {
	x := make([]float64, maxPoints)
	for k := range x {
		x[k] = float64(k) + 0.123456
	}
	var series []Series
	for range maxHTML / (maxPoints * 10) {
		series = append(series, Series{Name: "s", X: x, Y: x})
	}
	h, err := XY("many", "x", "y", series...).HTML()
	if err == nil || !strings.Contains(err.Error(), "MB of HTML") || h != "" {
		t.Errorf("%d series of %d points: %d bytes, err = %v", len(series), maxPoints, len(h), err)
	}
}

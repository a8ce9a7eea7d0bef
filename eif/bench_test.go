package eif_test

import (
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// fiCurrents are the 200 currents of the f–I benchmark, evenly over 0–20 nA.
func fiCurrents() []float64 {
	c := make([]float64, 200)
	for k := range c {
		c[k] = 20 * float64(k) / 199
	}
	return c
}

// BenchmarkSimulatedFICurve simulates 1 s at each of 200 currents over 0–20 nA with the
// default adaptive integrator (ISI within 1e-8 relative of the exact period).
func BenchmarkSimulatedFICurve(b *testing.B) {
	n := eif.MustNew(eif.Default())
	cur := fiCurrents()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.SimulatedFICurve(cur, 1000, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkInteractive is what one redraw of the explorer costs: a 500 ms simulation
// with its trace, plus the fixed points.
func BenchmarkInteractive(b *testing.B) {
	n := eif.MustNew(eif.Default())
	var r eif.Result
	b.ReportAllocs()
	for b.Loop() {
		if err := n.SimulateInto(&r, eif.Pulse{Amp: 8, T1: 50, T2: 450}, -70, 500, nil); err != nil {
			b.Fatal(err)
		}
		_ = n.FixedPoints(8)
	}
}

// BenchmarkSimulateIntoSteps shows that a simulation allocates nothing per step: the
// allocations per run stay at zero whatever the number of steps.
func BenchmarkSimulateIntoSteps(b *testing.B) {
	for _, d := range []struct {
		name string
		ms   float64
	}{{"100ms", 100}, {"1000ms", 1000}, {"10000ms", 10000}} {
		b.Run(d.name, func(b *testing.B) {
			n := eif.MustNew(eif.Default())
			var r eif.Result
			set := &eif.Settings{SpikesOnly: true}
			if err := n.SimulateInto(&r, eif.Constant(10), -70, d.ms, set); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				if err := n.SimulateInto(&r, eif.Constant(10), -70, d.ms, set); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(r.Steps+r.Rejected), "steps/op")
		})
	}
}

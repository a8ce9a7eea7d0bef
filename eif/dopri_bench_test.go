package eif_test

import (
	"math"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// everyInterval are the settings of the benchmarks below: spikes only, every interspike
// interval integrated.
var everyInterval = eif.Settings{SpikesOnly: true}

// BenchmarkDormandPrinceConstant is the adaptive integrator on a constant current of
// 10 nA (about 54 Hz) for 1 s, spikes only: ns/step is the cost of one step, rejected
// ones included, and steps/op the work of the run.
func BenchmarkDormandPrinceConstant(b *testing.B) {
	n := eif.MustNew(eif.Default())
	var r eif.Result
	set := everyInterval
	if err := n.SimulateInto(&r, eif.Constant(10), -70, 1000, &set); err != nil { // sizes r
		b.Fatal(err)
	}
	b.ReportAllocs()
	cpu := threadCPU(func() {
		for b.Loop() {
			if err := n.SimulateInto(&r, eif.Constant(10), -70, 1000, &set); err != nil {
				b.Fatal(err)
			}
		}
	})
	reportSteps(b, r.Steps+r.Rejected, cpu)
}

// BenchmarkFISweep is the f–I sweep a peer simulator is measured against
// (bench/brian2_fi.py): 200 currents evenly over 0–20 nA, 1 s each from u_rest, the rate
// from the interspike intervals, every interval integrated. maxerr-nHz is the largest
// distance to the exact rate (Neuron.Rate), in units of 1e-9 Hz.
func BenchmarkFISweep(b *testing.B) {
	n := eif.MustNew(eif.Default())
	cur := fiCurrents()
	set := everyInterval
	var rates []float64
	b.ReportAllocs()
	cpu := threadCPU(func() {
		for b.Loop() {
			var err error
			if rates, err = n.SimulatedFICurve(cur, 1000, &set); err != nil {
				b.Fatal(err)
			}
		}
	})
	worst := 0.0
	for k, i := range cur {
		worst = math.Max(worst, math.Abs(rates[k]-n.Rate(i)))
	}
	b.ReportMetric(worst*1e9, "maxerr-nHz")
	steps := 0
	var r eif.Result
	for _, i := range cur {
		if err := n.SimulateInto(&r, eif.Constant(i), n.Params().Rest, 1000, &set); err != nil {
			b.Fatal(err)
		}
		steps += r.Steps + r.Rejected
	}
	reportSteps(b, steps, cpu)
}

// reportSteps reports steps/op and ns/step for runs of the given number of steps, and
// cpu-ns/step from the CPU time of the benchmark's thread, cpu, which does not count the
// time other processes of a loaded machine take.
func reportSteps(b *testing.B, steps int, cpu time.Duration) {
	b.ReportMetric(float64(steps), "steps/op")
	if steps > 0 && b.N > 0 {
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(steps), "ns/step")
		b.ReportMetric(float64(cpu.Nanoseconds())/float64(b.N)/float64(steps), "cpu-ns/step")
	}
}

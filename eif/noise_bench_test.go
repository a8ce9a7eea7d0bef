package eif_test

import (
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// BenchmarkEulerMaruyamaStep is one Euler–Maruyama step of the EIF under white noise (a
// normal number, the exponential and the update): ns/op is per step. The run is b.N
// steps of 0.01 ms at I = 7 nA, σ = 2 mV, about 10 Hz, spikes only.
func BenchmarkEulerMaruyamaStep(b *testing.B) {
	benchEM(b, eif.Noise{I: 7, Sigma: 2})
}

// BenchmarkEulerMaruyamaStepOU is the same step under an Ornstein–Uhlenbeck current
// (τ_c = 3 ms).
func BenchmarkEulerMaruyamaStepOU(b *testing.B) {
	benchEM(b, eif.Noise{I: 7, Sigma: 2, TauC: 3})
}

func benchEM(b *testing.B, z eif.Noise) {
	n := eif.MustNew(eif.Default())
	set := &eif.NoiseSettings{Step: 0.01, Seed: 1}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := n.SimulateNoise(z, float64(b.N)*set.Step, set); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStationaryRate is the exact rate by threshold integration at one (μ, σ):
// I = 7 nA (below rheobase), σ = 2 mV.
func BenchmarkStationaryRate(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.StationaryRate(7, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStationaryFICurve is a 200-point f–I chart of exact rates, 0–20 nA at σ = 1 mV.
func BenchmarkStationaryFICurve(b *testing.B) {
	n := eif.MustNew(eif.Default())
	cur := fiCurrents()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.StationaryFICurve(cur, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStationaryCV is the exact ISI CV at I = 7 nA, σ = 2 mV.
func BenchmarkStationaryCV(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := n.StationaryCV(7, 2); err != nil {
			b.Fatal(err)
		}
	}
}

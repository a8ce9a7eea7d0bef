package noise_test

import (
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/noise"
)

// BenchmarkEulerMaruyamaStep is one Euler–Maruyama step of the EIF under white noise (a
// normal number, the exponential and the update): ns/op is per step. The run is b.N
// steps of 0.01 ms at I = 7 nA, σ = 2 mV, about 10 Hz, spikes only.
func BenchmarkEulerMaruyamaStep(b *testing.B) {
	benchEM(b, noise.Input{I: 7, Sigma: 2})
}

// BenchmarkEulerMaruyamaStepOU is the same step under an Ornstein–Uhlenbeck current
// (τ_c = 3 ms).
func BenchmarkEulerMaruyamaStepOU(b *testing.B) {
	benchEM(b, noise.Input{I: 7, Sigma: 2, TauC: 3})
}

func benchEM(b *testing.B, z noise.Input) {
	n := eif.MustNew(eif.Default())
	set := &noise.Settings{Step: 0.01, Seed: 1}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := noise.Simulate(n, z, float64(b.N)*set.Step, set); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkStationaryRate is the exact rate by threshold integration at one (μ, σ):
// I = 7 nA (below rheobase), σ = 2 mV.
func BenchmarkStationaryRate(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := noise.StationaryRate(n, 7, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStationaryFICurve is a 200-point f–I chart of exact rates, 0–20 nA at σ = 1 mV.
func BenchmarkStationaryFICurve(b *testing.B) {
	n := eif.MustNew(eif.Default())
	cur := make([]float64, 200)
	for k := range cur {
		cur[k] = 20 * float64(k) / 199
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := noise.StationaryFICurve(n, cur, 1); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkStationaryCV is the exact ISI CV at I = 7 nA, σ = 2 mV.
func BenchmarkStationaryCV(b *testing.B) {
	n := eif.MustNew(eif.Default())
	b.ReportAllocs()
	for b.Loop() {
		if _, err := noise.StationaryCV(n, 7, 2); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLinearResponse is the exact linear response at one frequency by threshold
// integration, I = 7 nA, σ = 2 mV, 1 kHz (the grid follows the wavelength √(D/ω), so
// higher frequencies cost more), on one goroutine.
func BenchmarkLinearResponse(b *testing.B) {
	n := eif.MustNew(eif.Default())
	f := []float64{1000}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := noise.LinearResponse(n, 7, 2, f); err != nil {
			b.Fatal(err)
		}
	}
}

package noise_test

import (
	"fmt"
	"math/cmplx"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/noise"
)

// Under white noise of σ = 2 mV the EIF fires at 7 nA, below its 7.25 nA rheobase.
func ExampleStationaryRate() {
	n := eif.MustNew(eif.Default())
	for _, sigma := range []float64{0, 1, 2, 4} {
		r, err := noise.StationaryRate(n, 7, sigma)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("I = 7 nA, σ = %g mV: %.6g Hz\n", sigma, r)
	}
	// Output:
	// I = 7 nA, σ = 0 mV: 0 Hz
	// I = 7 nA, σ = 1 mV: 2.39055 Hz
	// I = 7 nA, σ = 2 mV: 10.0324 Hz
	// I = 7 nA, σ = 4 mV: 19.1961 Hz
}

// Trials are reproducible: the same seed gives the same spikes.
func ExampleTrials() {
	n := eif.MustNew(eif.Default())
	z := noise.Input{I: 7, Sigma: 2}
	set := &noise.Settings{Seed: 42}
	a, _ := noise.Trials(n, z, 1000, 8, set)
	b, _ := noise.Trials(n, z, 1000, 8, set)
	fmt.Println(len(a), "trials; same spikes:", fmt.Sprint(a[5].Spikes) == fmt.Sprint(b[5].Spikes))
	// Output:
	// 8 trials; same spikes: true
}

// At equal rate, the sharper the spike onset (small Δ_T), the faster the input a
// population of noisy EIF neurons can follow: above (σ/Δ_T)²/(2πτ) the gain falls like
// r₀·R/(Δ_T·ωτ).
func ExampleLinearResponse() {
	for _, deltaT := range []float64{0.5, 1} {
		p := eif.Default()
		p.DeltaT = deltaT
		n := eif.MustNew(p)
		i, err := noise.CurrentForRate(n, 10, 2) // the current for 10 Hz at σ = 2 mV
		if err != nil {
			fmt.Println(err)
			return
		}
		chi, err := noise.LinearResponse(n, i, 2, []float64{0, 1000})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("Δ_T = %g mV: I = %.4f nA, gain %.2f Hz/nA at 0 Hz, %.3f Hz/nA at 1 kHz\n", deltaT, i, cmplx.Abs(chi[0]), cmplx.Abs(chi[1]))
	}
	// Output:
	// Δ_T = 0.5 mV: I = 6.9500 nA, gain 21.84 Hz/nA at 0 Hz, 1.246 Hz/nA at 1 kHz
	// Δ_T = 1 mV: I = 6.9985 nA, gain 21.86 Hz/nA at 0 Hz, 0.653 Hz/nA at 1 kHz
}

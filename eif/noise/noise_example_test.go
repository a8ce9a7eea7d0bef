package noise_test

import (
	"fmt"

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

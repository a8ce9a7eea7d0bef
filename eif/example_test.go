package eif_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func ExampleNew() {
	p := eif.Default()
	p.Tau = -5
	_, err := eif.New(p)
	fmt.Println(err)
	// Output:
	// eif: Tau = -5: must be > 0 ms
}

func ExampleNeuron_FixedPoints() {
	n := eif.MustNew(eif.Default())
	for _, i := range []float64{0, 6, 7.25, 8} {
		fps := n.FixedPoints(i)
		if len(fps) == 0 {
			fmt.Printf("I = %g nA: no fixed point: the current is above rheobase\n", i)
		}
		for _, fp := range fps {
			fmt.Printf("I = %g nA: u* = %.8f mV, f′(u*) = %+.8f /ms, %v\n", i, fp.U, fp.Slope, fp.Stability)
		}
	}
	// Output:
	// I = 0 nA: u* = -70.00000000 mV, f′(u*) = -0.10000000 /ms, stable
	// I = 0 nA: u* = -36.48809938 mV, f′(u*) = +3.25119006 /ms, unstable
	// I = 6 nA: u* = -45.99751508 mV, f′(u*) = -0.09975151 /ms, stable
	// I = 6 nA: u* = -37.90928259 mV, f′(u*) = +0.70907174 /ms, unstable
	// I = 7.25 nA: u* = -40.00000000 mV, f′(u*) = +0.00000000 /ms, saddle-node
	// I = 8 nA: no fixed point: the current is above rheobase
}

func ExampleNeuron_EffectiveThreshold() {
	n := eif.MustNew(eif.Default())
	th, _ := n.EffectiveThreshold(0)
	fmt.Printf("θ_I=0 = %.8f mV\n", th)
	_, err := n.EffectiveThreshold(8)
	fmt.Println(err)
	// Output:
	// θ_I=0 = -36.48809938 mV
	// eif: no fixed point: the current is above rheobase (i = 8 nA, I_rh = 7.25 nA)
}

func ExampleNeuron_Rheobase() {
	fmt.Printf("EIF: %.4g nA, LIF: %.4g nA\n",
		eif.MustNew(eif.Default()).Rheobase(), eif.MustNew(eif.DefaultLIF()).Rheobase())
	// Output:
	// EIF: 7.25 nA, LIF: 10 nA
}

func ExampleNeuron_Simulate() {
	n := eif.MustNew(eif.Default())
	// The report's square pulse: 6 nA from 100 to 400 ms, from rest.
	r, err := n.Simulate(eif.Pulse{Amp: 6, T1: 100, T2: 400}, -70, 600, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	at := func(t float64) float64 { return r.U[int(t/0.1)] }
	fmt.Printf("spikes: %d; u(390 ms) = %.4f mV; u(600 ms) = %.4f mV\n", len(r.Spikes), at(390), at(600))

	// From just above θ_I=0 the neuron spikes without any current.
	r, _ = n.Simulate(eif.Constant(0), -36.4, 50, nil)
	fmt.Printf("from −36.4 mV: spike at %.4f ms\n", r.Spikes[0])
	// Output:
	// spikes: 0; u(390 ms) = -45.9975 mV; u(600 ms) = -70.0000 mV
	// from −36.4 mV: spike at 0.7546 ms
}

func ExampleNeuron_Period() {
	n := eif.MustNew(eif.Default())
	T, _ := n.Period(10)
	fmt.Printf("EIF at 10 nA: T = %.8f ms, rate = %.4f Hz\n", T, n.Rate(10))
	_, err := n.Period(7)
	fmt.Println(errors.Is(err, eif.ErrNoSpike))
	// Output:
	// EIF at 10 nA: T = 16.37840952 ms, rate = 61.0560 Hz
	// true
}

func ExampleNeuron_PulseThreshold() {
	l := eif.MustNew(eif.DefaultLIF())
	th, _ := l.PulseThreshold(300, nil)
	fmt.Printf("LIF, 300 ms pulse: %.6f nA\n", th)
	// Output:
	// LIF, 300 ms pulse: 10.000000 nA
}

func ExampleNeuron_Latency() {
	n := eif.MustNew(eif.Default())
	for _, i := range []float64{7.3, 8, 10} {
		lat, _ := n.Latency(i, 1000, nil)
		fmt.Printf("I = %g nA: first spike at %.2f ms\n", i, lat)
	}
	// Output:
	// I = 7.3 nA: first spike at 113.42 ms
	// I = 8 nA: first spike at 33.15 ms
	// I = 10 nA: first spike at 16.38 ms
}

func ExampleNeuron_Bifurcation() {
	n := eif.MustNew(eif.Default())
	stable, unstable, _ := n.Bifurcation(0, 8, 5)
	for k := range stable.I {
		fmt.Printf("I = %.2f nA: %.4f mV (stable), %.4f mV (unstable)\n", stable.I[k], stable.U[k], unstable.U[k])
	}
	// Output:
	// I = 0.00 nA: -70.0000 mV (stable), -36.4881 mV (unstable)
	// I = 2.00 nA: -62.0000 mV (stable), -36.7720 mV (unstable)
	// I = 4.00 nA: -54.0000 mV (stable), -37.1773 mV (unstable)
	// I = 6.00 nA: -45.9975 mV (stable), -37.9093 mV (unstable)
	// I = 7.25 nA: -40.0000 mV (stable), -40.0000 mV (unstable)
}

func ExampleLambertW0() {
	w, _ := eif.LambertW0(1)
	fmt.Printf("W0(1) = %.15f\n", w)
	_, err := eif.LambertW0(-1)
	fmt.Println(err)
	// Output:
	// W0(1) = 0.567143290409784
	// eif: argument outside the domain of the function
}

func ExampleLambertWm1() {
	// The unstable fixed point at I = 0: u* = u_r − Δ_T·W₋₁(−e^(−30)).
	w, _ := eif.LambertWm1(-math.Exp(-30))
	fmt.Printf("W−1(−e^−30) = %.8f, u* = %.8f mV\n", w, -70-w)
	// Output:
	// W−1(−e^−30) = -33.51190062, u* = -36.48809938 mV
}

// How long does the voltage take to settle under the report's 6 nA pulse? The rise from
// rest covers 95 % of its way to the stable fixed point in about τ·ln 20 ≈ 30 ms.
func ExampleResult_Reaches() {
	n := eif.MustNew(eif.Default())
	res, err := n.Simulate(eif.Pulse{Amp: 6, T1: 100, T2: 400}, -70, 600, nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	from, to := -70.0, res.At(400) // rest, and the plateau reached at the end of the pulse
	t, ok := res.Reaches(from+0.95*(to-from), 100)
	fmt.Printf("95 %% of the rise in %.1f ms: %v\n", t-100, ok)
	// Output:
	// 95 % of the rise in 30.0 ms: true
}

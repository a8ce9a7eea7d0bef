package nb_test

import (
	"fmt"
	"os"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/nb"
)

func ExamplePrintf() {
	n := nb.Must(eif.New(eif.Default()))
	nb.Printf("rheobase I_rh = %.4f nA, above 7 nA: %v\n", n.Rheobase(), n.Rheobase() > 7)

	os.Setenv("EIF_LANG", "fr") // what the French setup cell's `%env EIF_LANG fr` does
	defer os.Unsetenv("EIF_LANG")
	nb.Printf("rhéobase I_rh = %.4f nA, au-dessus de 7 nA : %v (with no-break spaces)\n", n.Rheobase(), n.Rheobase() > 7)
	// Output:
	// rheobase I_rh = 7.2500 nA, above 7 nA: yes
	// rhéobase I_rh = 7,2500 nA, au-dessus de 7 nA : oui (with no-break spaces)
}

// A "Your turn" task: the student sets Δ_T = 0.5 mV by hand in I_rh = (θ_rh − u_r − Δ_T)/R
// and writes the value in answer; the cell computes the rheobase with eif and checks.
func ExampleSelfCheck() {
	answer := 7.25 // the student's value (nA); still the one for Δ_T = 1 mV
	p := eif.Default()
	p.DeltaT = 0.5
	n := nb.Must(eif.New(p))
	nb.SelfCheck("I_rh at Δ_T = 0.5 mV (nA)", answer, n.Rheobase(), 1e-3, "a smaller Δ_T takes less off (θ_rh − u_r)/R")
	answer = 7.375
	nb.SelfCheck("I_rh at Δ_T = 0.5 mV (nA)", answer, n.Rheobase(), 1e-3, "a smaller Δ_T takes less off (θ_rh − u_r)/R")
	// Output:
	// ✗ I_rh at Δ_T = 0.5 mV (nA): your value 7.25 is not right yet. Hint: a smaller Δ_T takes less off (θ_rh − u_r)/R
	// ✓ I_rh at Δ_T = 0.5 mV (nA): your value 7.375 is right (computed: 7.375, tolerance ±0.001)
}

func ExampleTable() {
	n := nb.Must(eif.New(eif.Default()))
	var rows [][]string
	for _, fp := range n.FixedPoints(6) {
		rows = append(rows, []string{nb.Sprintf("%.4f", fp.U), fp.Stability.String()})
	}
	nb.Table([]string{"u* (mV)", "stability"}, rows...)
	// Output:
	// | u* (mV) | stability |
	// |---|---|
	// | -45.9975 | stable |
	// | -37.9093 | unstable |
}

func ExampleMust() {
	p := eif.Default()
	p.Tau = 20 // a slower membrane
	n := nb.Must(eif.New(p))
	fmt.Printf("τ = %g ms, I_rh = %g nA\n", n.Params().Tau, n.Rheobase())
	// Output:
	// τ = 20 ms, I_rh = 7.25 nA
}

func ExampleSpikes() {
	n := nb.Must(eif.New(eif.Default()))
	for _, u0 := range []float64{-50, -35} {
		r := nb.Must(n.Simulate(eif.Constant(0), u0, 20, nil))
		nb.Printf("u(0) = %g mV: %s\n", u0, nb.Spikes(r))
	}
	// Output:
	// u(0) = -50 mV: no spike, u(20 ms) = -67.2933 mV
	// u(0) = -35 mV: 1 spike, at t = 0.0765 ms
}

package eif_test

import (
	"math"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// The LIF relaxes exactly as u(t) = u_r + (u0 − u_r)·e^(−t/τ): it covers the fraction q
// of its way to rest in τ·ln(1/(1 − q)). Reaches reads it off the trace to within the
// error of linear interpolation between points 0.1 ms apart (≈ 1e-4 ms here).
func TestReachesRelaxation(t *testing.T) {
	n := eif.MustNew(eif.DefaultLIF())
	p := n.Params()
	u0 := -50.0
	r, err := n.Simulate(eif.Constant(0), u0, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ after, q float64 }{{0, 0.5}, {0, 0.95}, {5, 0.95}, {0, 0.99}} {
		level := u0 + tc.q*(p.Rest-u0)
		got, ok := r.Reaches(level, tc.after)
		want := p.Tau * math.Log(1/(1-tc.q))
		if !ok || math.Abs(got-want) > 1e-3 {
			t.Errorf("Reaches(%g, %g) = %v, %v; want %v ± 1e-3 ms", level, tc.after, got, ok, want)
		}
	}
	// the 6 nA pulse from rest: the rise to u_r + R·I covers 95 % of its way in τ·ln 20
	pulse := eif.Pulse{Amp: 6, T1: 100, T2: 400}
	r, err = n.Simulate(pulse, p.Rest, 600, nil)
	if err != nil {
		t.Fatal(err)
	}
	top := p.Rest + p.R*6
	for _, tc := range []struct{ from, to, t0 float64 }{{p.Rest, top, 100}, {top, p.Rest, 400}} {
		got, ok := r.Reaches(tc.from+0.95*(tc.to-tc.from), tc.t0)
		if want := p.Tau * math.Log(20); !ok || math.Abs(got-tc.t0-want) > 1e-3 {
			t.Errorf("from %g to %g after %g ms: %v, %v; want %v ± 1e-3 ms later", tc.from, tc.to, tc.t0, got-tc.t0, ok, want)
		}
	}
}

// A spike is a jump in the trace from the threshold to the reset: a level inside the jump
// is reached at the spike time.
func TestReachesSpike(t *testing.T) {
	n := eif.MustNew(eif.Default())
	r, err := n.Simulate(eif.Constant(0), -35, 20, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Spikes) != 1 {
		t.Fatalf("%d spikes, want 1", len(r.Spikes))
	}
	got, ok := r.Reaches(-30, 0)
	if !ok || math.Abs(got-r.Spikes[0]) > 1e-9 {
		t.Errorf("Reaches(θ_pa) = %v, %v; want the spike time %v", got, ok, r.Spikes[0])
	}
	// from −35 mV the trace climbs to θ_pa and jumps to the reset: it reaches −50 mV, from
	// above, at the spike time, and never again (it stays at rest)
	if got, ok := r.Reaches(-50, 0); !ok || math.Abs(got-r.Spikes[0]) > 1e-9 {
		t.Errorf("Reaches(-50) = %v, %v; want the spike time %v", got, ok, r.Spikes[0])
	}
	if got, ok := r.Reaches(-50, r.Spikes[0]+1e-9); ok {
		t.Errorf("Reaches(-50) after the spike = %v, %v; want false", got, ok)
	}
}

func TestReachesEdges(t *testing.T) {
	var nilResult *eif.Result
	r := &eif.Result{T: []float64{0, 1, 2}, U: []float64{0, 1, 2}}
	for _, tc := range []struct {
		name         string
		r            *eif.Result
		level, after float64
		want         float64
		ok           bool
	}{
		{"nil", nilResult, 1, 0, 0, false},
		{"empty", &eif.Result{}, 1, 0, 0, false},
		{"NaN level", r, math.NaN(), 0, 0, false},
		{"NaN after", r, 1, math.NaN(), 0, false},
		{"never", r, 3, 0, 0, false},
		{"already there", r, 0.5, 0.5, 0.5, true},
		{"interpolated", r, 1.5, 0, 1.5, true},
		{"from below the start", r, 0.25, -5, 0.25, true},
		{"after the end", r, 1, 10, 0, false},
		{"level behind", r, 0.5, 1, 0, false},
	} {
		got, ok := tc.r.Reaches(tc.level, tc.after)
		if ok != tc.ok || math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("%s: Reaches(%v, %v) = %v, %v; want %v, %v", tc.name, tc.level, tc.after, got, ok, tc.want, tc.ok)
		}
	}
}

package check

import (
	"errors"
	"math"
	"testing"
)

// run calls f and reports whether a check in it failed.
func run(f func()) (failed bool) {
	defer func() {
		if r := recover(); r != nil {
			failed = true
		}
	}()
	exit = func(int) { panic("exit") }
	defer func() { exit = nil }()
	f()
	return false
}

func TestChecks(t *testing.T) {
	for _, c := range []struct {
		name string
		f    func()
		fail bool
	}{
		{"near inside", func() { Near("x", 1+1e-10, 1, 1e-9) }, false},
		{"near at the edge", func() { Near("x", 1.5, 1, 0.5) }, false},
		{"near outside", func() { Near("x", 1+2e-9, 1, 1e-9) }, true},
		{"near NaN", func() { Near("x", math.NaN(), 1, 1) }, true},
		{"near Inf", func() { Near("x", math.Inf(1), math.Inf(1), 1) }, true},
		{"within", func() { Within("x", 2, 1, 3) }, false},
		{"within below", func() { Within("x", 0.5, 1, 3) }, true},
		{"within NaN", func() { Within("x", math.NaN(), 1, 3) }, true},
		{"true", func() { True("x", true) }, false},
		{"false", func() { True("x", false) }, true},
		{"no error", func() { NoError("x", nil) }, false},
		{"error", func() { NoError("x", errors.New("eif: boom")) }, true},
	} {
		if got := run(c.f); got != c.fail {
			t.Errorf("%s: failed = %v, want %v", c.name, got, c.fail)
		}
	}
}

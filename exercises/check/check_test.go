package check

import (
	"errors"
	"io"
	"math"
	"os"
	"strings"
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

// capture returns what f writes to stdout and stderr.
func capture(t *testing.T, f func()) (stdout, stderr string) {
	t.Helper()
	read := func(p **os.File) (func() string, error) {
		r, w, err := os.Pipe()
		if err != nil {
			return nil, err
		}
		old := *p
		*p = w
		done := make(chan string)
		go func() { b, _ := io.ReadAll(r); done <- string(b) }()
		return func() string { w.Close(); *p = old; return <-done }, nil
	}
	out, err := read(&os.Stdout)
	if err != nil {
		t.Fatal(err)
	}
	errs, err := read(&os.Stderr)
	if err != nil {
		t.Fatal(err)
	}
	run(f)
	return out(), errs()
}

// The messages in both languages, and the sealed line the grader looks for.
func TestMessages(t *testing.T) {
	for _, c := range []struct {
		lang             string
		f                func()
		stdout, stderrIn string
	}{
		{"en", func() { Passed("Ex. 1") }, "Ex. 1: the checks passed\n", ""},
		{"fr", func() { Passed("Ex. 1") }, "Ex. 1 : vérifications réussies\n", ""},
		{"en", func() { Sealed("Ex. 1", "3f9a") }, "Ex. 1: the checks passed (seal 3f9a)\n", ""},
		{"fr", func() { Sealed("Ex. 1", "3f9a") }, "Ex. 1 : vérifications réussies (seal 3f9a)\n", ""},
		{"en", func() { Near("u", 2, 1, 0.5) }, "", "check failed: u = 2, expected 1 within 0.5"},
		{"fr", func() { Near("u", 2, 1, 0.5) }, "", "vérification échouée : u = 2, attendu 1 à 0.5 près"},
		{"fr", func() { Within("u", 2, 3, 4) }, "", "attendu entre 3 et 4"},
		{"fr", func() { True("u1 < u2", false) }, "", "vérification échouée : u1 < u2 : à corriger"},
	} {
		t.Setenv("EIF_LANG", c.lang)
		out, errs := capture(t, c.f)
		if out != c.stdout || !strings.Contains(errs, c.stderrIn) || (c.stderrIn == "") != (errs == "") {
			t.Errorf("%s: stdout %q, stderr %q; want stdout %q and stderr with %q", c.lang, out, errs, c.stdout, c.stderrIn)
		}
	}
}

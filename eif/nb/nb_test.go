package nb

import (
	"errors"
	"github.com/eif-notebooks/eif-notebooks/eif"
	"io"
	"math"
	"os"
	"strings"
	"testing"
)

func TestSprintfFrench(t *testing.T) {
	t.Setenv("EIF_LANG", "fr")
	for _, tc := range []struct {
		format string
		args   []any
		want   string
	}{
		{"I_rh = %.4f\u00a0nA", []any{7.25}, "I_rh = 7,2500\u00a0nA"},
		{"I_rh = %.4f nA : ok", []any{7.25}, "I_rh = 7,2500\u00a0nA\u00a0: ok"},
		{"%g", []any{-36.48809938192191}, "-36,48809938192191"},
		{"%8.3f|", []any{1.5}, "   1,500|"},
		{"%-8.2f|", []any{1.5}, "1,50    |"},
		{"%+.2e", []any{1.5e-13}, "+1,50e-13"},
		{"%v", []any{0.1}, "0,1"},
		{"%g", []any{float32(2.5)}, "2,5"},
		{"%g", []any{7.0}, "7"},
		{"%d spikes", []any{17}, "17 spikes"},
		{"%v %t", []any{true, false}, "oui non"},
		{"[%5v]", []any{true}, "[  oui]"},
		{"%v", []any{[]float64{1.5, 2}}, "[1,5 2]"},
		{"%s", []any{"7.25 stays as written"}, "7.25 stays as written"},
		{"%.1f %%", []any{95.0}, "95,0\u00a0%"},
		{"%g", []any{math.NaN()}, "NaN"},
		{"%g", []any{math.Inf(-1)}, "-Inf"},
	} {
		if got := Sprintf(tc.format, tc.args...); got != tc.want {
			t.Errorf("French Sprintf(%q, %v) = %q, want %q", tc.format, tc.args, got, tc.want)
		}
	}
}

// In English, Sprintf is fmt.Sprintf but for the booleans, which read yes and no.
func TestSprintfEnglish(t *testing.T) {
	for _, lang := range []string{"", "en", "de"} {
		t.Setenv("EIF_LANG", lang)
		if got, want := Sprintf("%.4f nA: %v %8.2e %t", 7.25, true, 1.5e-13, false), "7.2500 nA: yes 1.50e-13 no"; got != want {
			t.Errorf("EIF_LANG=%q: Sprintf = %q, want %q", lang, got, want)
		}
	}
}

// captured runs f and returns what it wrote on the standard output and error.
func captured(t *testing.T, f func()) (stdout, stderr string) {
	t.Helper()
	read := func(f **os.File) func() string {
		r, w, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		old := *f
		*f = w
		done := make(chan string)
		go func() { b, _ := io.ReadAll(r); done <- string(b) }()
		return func() string { *f = old; w.Close(); return <-done }
	}
	out, errOut := read(&os.Stdout), read(&os.Stderr)
	f()
	return out(), errOut()
}

type exited int

// The cell's program stops, cleanly (status 0), on the first error, after one line in red.
func TestMust(t *testing.T) {
	exit = func(code int) { panic(exited(code)) }
	defer func() { exit = os.Exit }()
	for _, lang := range []string{"en", "fr"} {
		t.Setenv("EIF_LANG", lang)
		if got := Must(3.5, nil); got != 3.5 {
			t.Errorf("Must(3.5, nil) = %v", got)
		}
		var code any
		_, stderr := captured(t, func() {
			defer func() { code = recover() }()
			Must(0, errors.New("eif: DeltaT = -1: must be ≥ 0 mV"))
			t.Error("Must returned after an error")
		})
		want := map[string]string{"en": "error: eif: DeltaT = -1: must be ≥ 0 mV\n", "fr": "erreur\u00a0: eif: DeltaT = -1: must be ≥ 0 mV\n"}[lang]
		if code != exited(0) || stderr != want {
			t.Errorf("EIF_LANG=%s: Must with an error: exit %v, stderr %q; want exit 0, %q", lang, code, stderr, want)
		}
	}
	stdout, stderr := captured(t, func() { Stop(nil) })
	if stdout+stderr != "" {
		t.Errorf("Stop(nil) wrote %q", stdout+stderr)
	}
}

// Require stops the cell as Must does, with its message in the notebook's language, or
// does nothing when the rule holds.
func TestRequire(t *testing.T) {
	exit = func(code int) { panic(exited(code)) }
	defer func() { exit = os.Exit }()
	for _, tc := range []struct {
		lang   string
		ok     bool
		format string
		want   string
	}{
		{"en", true, "skip = %g ms: must be shorter than T = %g ms", ""},
		{"en", false, "skip = %g ms: must be shorter than T = %g ms", "error: skip = 2500.5 ms: must be shorter than T = 2000 ms\n"},
		{"fr", true, "skip = %g ms : doit être plus court que T = %g ms", ""},
		{"fr", false, "skip = %g ms : doit être plus court que T = %g ms", "erreur\u00a0: skip = 2500,5\u00a0ms\u00a0: doit être plus court que T = 2000\u00a0ms\n"},
	} {
		t.Setenv("EIF_LANG", tc.lang)
		var code any
		stdout, stderr := captured(t, func() {
			defer func() { code = recover() }()
			Require(tc.ok, tc.format, 2500.5, 2000.0)
		})
		switch {
		case tc.ok && (code != nil || stdout+stderr != ""):
			t.Errorf("%s: Require(true, …) stopped (%v) or wrote %q", tc.lang, code, stdout+stderr)
		case !tc.ok && (code != exited(0) || stderr != tc.want || stdout != ""):
			t.Errorf("%s: Require(false, …): exit %v, stderr %q, stdout %q; want exit 0, %q", tc.lang, code, stderr, stdout, tc.want)
		}
	}
}

func TestSelfCheck(t *testing.T) {
	for _, tc := range []struct {
		lang           string
		got, want, tol float64
		ok             bool
		contains       string
	}{
		{"en", 7.375, 7.375, 0.01, true, "✓ I_rh: your value 7.375 is right (computed: 7.375, tolerance ±0.01)"},
		{"en", 7.38, 7.375, -0.01, true, "is right"},
		{"en", 7.25, 7.375, 0.01, false, "✗ I_rh: your value 7.25 is not right yet. Hint: Δ_T/R"},
		{"en", math.NaN(), 7.375, 0.01, false, "your value NaN is not right yet"},
		{"en", math.Inf(1), math.Inf(1), 0.01, false, "could not compute"},
		{"en", 0, math.NaN(), 0.01, false, "could not compute"},
		{"fr", 7.375, 7.375, 0.01, true, "✓ I_rh\u00a0: votre valeur 7,375 est juste (calculée\u00a0: 7,375, tolérance ±0,01)"},
		{"fr", 7.25, 7.375, 0.01, false, "✗ I_rh\u00a0: votre valeur 7,25 n'est pas encore juste. Indice\u00a0: Δ_T/R"},
	} {
		t.Setenv("EIF_LANG", tc.lang)
		var ok bool
		out, _ := captured(t, func() { ok = SelfCheck("I_rh", tc.got, tc.want, tc.tol, "Δ_T/R") })
		if ok != tc.ok || !strings.Contains(out, tc.contains) || strings.Count(out, "\n") != 1 {
			t.Errorf("%s: SelfCheck(%v, %v, %v) = %v, printed %q; want %v and %q on one line", tc.lang, tc.got, tc.want, tc.tol, ok, out, tc.ok, tc.contains)
		}
	}
}

func TestPrintln(t *testing.T) {
	for lang, want := range map[string]string{"en": "7.25 3 yes x\n", "fr": "7,25 3 oui x\n"} {
		t.Setenv("EIF_LANG", lang)
		if out, _ := captured(t, func() { Println(7.25, 3, true, "x") }); out != want {
			t.Errorf("EIF_LANG=%s: Println printed %q, want %q", lang, out, want)
		}
	}
}

func TestTableOutsideNotebook(t *testing.T) {
	out, _ := captured(t, func() { Table([]string{"a", "b|c"}, []string{"1", "x|y"}) })
	if want := "| a | b\\|c |\n|---|---|\n| 1 | x\\|y |\n"; out != want {
		t.Errorf("Table printed %q, want %q", out, want)
	}
}

func TestSpikes(t *testing.T) {
	n := eif.MustNew(eif.Default())
	rest, err := n.Simulate(eif.Constant(0), -50, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	one, err := n.Simulate(eif.Constant(0), -35, 50, nil)
	if err != nil {
		t.Fatal(err)
	}
	many, err := n.Simulate(eif.Constant(8), -70, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		lang string
		r    *eif.Result
		want string
	}{
		{"en", nil, "no run"},
		{"en", rest, "no spike, u(50 ms) = -69.8652 mV"}, // u_r + 20·e^(−5) = −69.86524
		{"en", one, Sprintf("1 spike, at t = %.4f ms", one.Spikes[0])},
		{"en", many, Sprintf("%d spikes, the first at t = %.4f ms", len(many.Spikes), many.Spikes[0])},
		{"fr", rest, "aucun PA, u(50\u00a0ms) = -69,8652\u00a0mV"},
		{"fr", one, "1 PA, à t = 0,0765\u00a0ms"},
	} {
		t.Setenv("EIF_LANG", tc.lang)
		if got := Spikes(tc.r); got != tc.want {
			t.Errorf("%s: Spikes = %q, want %q", tc.lang, got, tc.want)
		}
	}
	if len(many.Spikes) < 2 {
		t.Errorf("8 nA for 100 ms: %d spikes, want several", len(many.Spikes))
	}
}

package chart

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

const nbsp = "\u00a0"

func TestSprintf(t *testing.T) {
	for _, tc := range []struct {
		format string
		args   []any
		en, fr string
	}{
		{"%.4f nA", []any{7.25}, "7.2500 nA", "7,2500" + nbsp + "nA"},
		{"%g", []any{1e-9}, "1e-09", "1e-09"},
		{"%.2e|%.3E", []any{12345.678, -0.5}, "1.23e+04|-5.000E-01", "1,23e+04|-5,000E-01"},
		{"%8.3f|%-7.1f|%+g", []any{3.14159, -2.5, 0.25}, "   3.142|-2.5   |+0.25", "   3,142|-2,5   |+0,25"},
		{"%v %v %G", []any{float32(0.5), 1e21, 1e-7}, "0.5 1e+21 1E-07", "0,5 1e+21 1E-07"},
		{"%.1f %v", []any{[]float64{1, 2.5}, []float64{}}, "[1.0 2.5] []", "[1,0 2,5] []"},
		{"%#v %x %b", []any{7.25, 1.5, 2.0}, "7.25 0x1.8p+00 4503599627370496p-51", "7.25 0x1.8p+00 4503599627370496p-51"},
		{"%v %+.1f %f", []any{math.NaN(), math.Inf(1), math.Inf(-1)}, "NaN +Inf -Inf", "NaN +Inf -Inf"},
		{"%[2]g/%[1]g", []any{1.5, 2.5}, "2.5/1.5", "2,5/1,5"},
		{"%d %s %q", []any{1234, "5.6.0", "a.b"}, `1234 5.6.0 "a.b"`, `1234 5.6.0 "a.b"`},
		{"%t %v %s|%5t|%-4v|", []any{true, false, true, true, false}, "yes no yes|  yes|no  |", "oui non oui|  oui|non |"},
		{"%d", []any{true}, "%!d(bool=true)", "%!d(bool=true)"},
		{"%g", []any{"x"}, "%!g(string=x)", "%!g(string=x)"},
		{"Δ_T = 0.5 mV, %g", []any{0.5}, "Δ_T = 0.5 mV, 0.5", "Δ_T = 0.5" + nbsp + "mV, 0,5"}, // the format's own numbers stay
		// French typography: no-break spaces before : ; ? ! », after «, and between a number and its unit.
		{"B1 : %d PA ; ok ? « %s » !", []any{3, "x"}, "B1 : 3 PA ; ok ? « x » !",
			"B1" + nbsp + ": 3 PA" + nbsp + "; ok" + nbsp + "? «" + nbsp + "x" + nbsp + "»" + nbsp + "!"},
		{"%g mV/ms, %g 1/ms, 95 %% du chemin, %g s.", []any{1.5, 2.0, 3.0}, "1.5 mV/ms, 2 1/ms, 95 % du chemin, 3 s.",
			"1,5" + nbsp + "mV/ms, 2" + nbsp + "1/ms, 95" + nbsp + "% du chemin, 3" + nbsp + "s."},
		{"%g Ω × %g A = %g V", []any{4e6, 6e-9, 0.024}, "4e+06 Ω × 6e-09 A = 0.024 V", "4e+06" + nbsp + "Ω × 6e-09" + nbsp + "A = 0,024" + nbsp + "V"},
		{"%d secondes, %d mVolts, %d Ampères, u*_2 ms, %d nA_max", []any{2, 3, 4, 5}, "2 secondes, 3 mVolts, 4 Ampères, u*_2 ms, 5 nA_max",
			"2 secondes, 3 mVolts, 4 Ampères, u*_2" + nbsp + "ms, 5 nA_max"},
		{"%d ms", []any{12}, "12 ms", "12" + nbsp + "ms"},
		{"gain %.2f Hz/nA at %g kHz", []any{1.246, 1.0}, "gain 1.25 Hz/nA at 1 kHz", "gain 1,25" + nbsp + "Hz/nA at 1" + nbsp + "kHz"},
		{"C = %g nF, q = %.2f pC", []any{2.5, 83.78}, "C = 2.5 nF, q = 83.78 pC", "C = 2,5" + nbsp + "nF, q = 83,78" + nbsp + "pC"}, // a charge (notebook 03)
		{"", nil, "", ""},
	} {
		for _, l := range []Lang{English, French} {
			want := map[Lang]string{English: tc.en, French: tc.fr}[l]
			if got := l.Sprintf(tc.format, tc.args...); got != want {
				t.Errorf("%s.Sprintf(%q, %v) = %q, want %q", l, tc.format, tc.args, got, want)
			}
		}
	}
}

// TestSprintfFloats checks, over many values and verbs, that English writes floats as fmt
// does and French as fmt does with a comma for the point.
func TestSprintfFloats(t *testing.T) {
	values := []float64{0, -0.0, 1, -1, 0.1, 7.25, -45.99751508, 1 / 3.0, 123456.789, 1e-300, 5e-324, math.MaxFloat64, -1e15}
	verbs := []string{"%v", "%g", "%.3g", "%e", "%.0e", "%E", "%f", "%.8f", "%10.2f", "%+.4F", "%#g", "%G"}
	for _, v := range values {
		for _, verb := range verbs {
			ref := fmt.Sprintf(verb, v)
			if got := English.Sprintf(verb, v); got != ref {
				t.Errorf("English.Sprintf(%q, %g) = %q, fmt gives %q", verb, v, got, ref)
			}
			if got, want := French.Sprintf(verb, v), strings.Replace(ref, ".", ",", 1); got != want {
				t.Errorf("French.Sprintf(%q, %g) = %q, want %q", verb, v, got, want)
			}
		}
	}
}

func TestSprintfEnv(t *testing.T) {
	for _, tc := range []struct{ env, want string }{{"fr", "0,5" + nbsp + "ms oui"}, {"en", "0.5 ms yes"}, {"", "0.5 ms yes"}, {"de", "0.5 ms yes"}} {
		t.Setenv(LangEnv, tc.env)
		if got := Sprintf("%g ms %v", 0.5, true); got != tc.want {
			t.Errorf("EIF_LANG=%q: Sprintf = %q, want %q", tc.env, got, tc.want)
		}
		if got := Lang("").Sprintf("%g ms %v", 0.5, true); got != tc.want {
			t.Errorf("EIF_LANG=%q: Lang(\"\").Sprintf = %q, want %q", tc.env, got, tc.want)
		}
	}
	t.Setenv(LangEnv, "fr")
	if got := English.Sprintf("%g", 0.5); got != "0.5" {
		t.Errorf("English.Sprintf under EIF_LANG=fr = %q", got)
	}
}

func TestBoolDecimal(t *testing.T) {
	for _, tc := range []struct {
		l         Lang
		yes, no   string
		langLabel string
	}{{English, "yes", "no", "en"}, {French, "oui", "non", "fr"}, {"FR", "oui", "non", "FR"}, {"xx", "yes", "no", "xx"}} {
		if got := tc.l.Bool(true); got != tc.yes {
			t.Errorf("Lang(%q).Bool(true) = %q, want %q", tc.langLabel, got, tc.yes)
		}
		if got := tc.l.Bool(false); got != tc.no {
			t.Errorf("Lang(%q).Bool(false) = %q, want %q", tc.langLabel, got, tc.no)
		}
		if got, want := tc.l.Decimal(), map[string]string{"yes": ".", "oui": ","}[tc.yes]; got != want {
			t.Errorf("Lang(%q).Decimal() = %q, want %q", tc.langLabel, got, want)
		}
	}
}

// TestRefLabels checks the labels chart writes on reference lines in both languages, and
// that a label changed by hand is drawn as it is.
func TestRefLabels(t *testing.T) {
	n := eif.MustNew(eif.Default())
	th0, err := n.EffectiveThreshold(0)
	if err != nil || math.Abs(th0-(-36.49)) > 0.005 {
		t.Fatalf("θ_I=0 = %v (%v), the labels below expect -36.49 mV", th0, err)
	}
	refs := Thresholds(n)
	refs = append(refs, Thresholds(eif.MustNew(eif.DefaultLIF()))...)
	refs = append(refs, Bifurcation("b", n, 0, 9, 6.889).VLines...)
	want := []struct{ en, fr string }{
		{"θ_pa = -30 mV", "θ_pa = -30" + nbsp + "mV"},
		{"θ_rh = -40 mV", "θ_rh = -40" + nbsp + "mV"},
		{"θ_I=0 = -36.49 mV", "θ_I=0 = -36,49" + nbsp + "mV"},
		{"θ = -30 mV", "θ = -30" + nbsp + "mV"},
		{"I_rh = 7.25 nA", "I_rh = 7,25" + nbsp + "nA"},
		{"6.889 nA", "6,889" + nbsp + "nA"},
	}
	if len(refs) != len(want) {
		t.Fatalf("%d reference lines, want %d", len(refs), len(want))
	}
	for k, w := range want {
		if en, fr := refs[k].labelIn(English), refs[k].labelIn(French); en != w.en || fr != w.fr || refs[k].Label != w.en {
			t.Errorf("line %d: Label %q, drawn %q in English and %q in French, want %q and %q", k, refs[k].Label, en, fr, w.en, w.fr)
		}
	}
	r := refs[0]
	r.Label = "cut-off"
	if got := r.labelIn(French); got != "cut-off" {
		t.Errorf("a label set by hand is drawn %q in French", got)
	}
}

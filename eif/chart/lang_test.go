package chart

import (
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

func TestEnvLang(t *testing.T) {
	for _, tc := range []struct {
		env  string
		want Lang
	}{
		{"", English}, {"en", English}, {"fr", French}, {" FR ", French}, {"Fr", French},
		{"de", English}, {"fr_FR.UTF-8", English}, {"french", English},
	} {
		t.Setenv(LangEnv, tc.env)
		if got := EnvLang(); got != tc.want {
			t.Errorf("EIF_LANG=%q: EnvLang() = %q, want %q", tc.env, got, tc.want)
		}
	}
}

// verbs are the formatting verbs of a text, which both languages must share.
var verbs = regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)

// checkFrench reports a French text that is empty, still the English one, has a plain
// space before : ; ? ! (French typography wants a no-break one), or does not take the
// English text's arguments.
func checkFrench(t *testing.T, what, en, fr string) {
	t.Helper()
	switch {
	case fr == "":
		t.Errorf("%s: no French text for %q", what, en)
	case fr == en && en != "stable":
		t.Errorf("%s: the French text is the English one, %q", what, en)
	case regexp.MustCompile(` [:;?!]`).MatchString(fr):
		t.Errorf("%s: %q has a plain space before a colon, semicolon, question or exclamation mark", what, fr)
	case !reflect.DeepEqual(verbs.FindAllString(en, -1), verbs.FindAllString(fr, -1)):
		t.Errorf("%s: %q and %q take different arguments", what, en, fr)
	}
}

// TestWords checks every word of a drawn chart in both languages.
func TestWords(t *testing.T) {
	en, fr := reflect.ValueOf(English.words()), reflect.ValueOf(French.words())
	for k := range en.NumField() {
		name := en.Type().Field(k).Name
		if en.Field(k).String() == "" {
			t.Errorf("words.%s: no English text", name)
		}
		checkFrench(t, "words."+name, en.Field(k).String(), fr.Field(k).String())
	}
	for _, st := range []eif.Stability{eif.Stable, eif.Unstable, eif.SaddleNode} {
		tx := stabilityText(st)
		if tx.en != st.String() {
			t.Errorf("stability %v: English %q", st, tx.en)
		}
		checkFrench(t, "stability", tx.en, tx.fr)
	}
	if English.NotDrawn() != NotDrawn || French.NotDrawn() == NotDrawn || Lang("xx").NotDrawn() != NotDrawn {
		t.Errorf("Lang.NotDrawn: English %q, French %q", English.NotDrawn(), French.NotDrawn())
	}
}

// frenchFigures are the figures whose words chart writes itself: the three kinds of fixed
// points, a phase line with a fixed point off the chart, the toolbox, the labels of the
// thresholds.
func frenchFigures() []*Figure {
	n := eif.MustNew(eif.Default())
	pulse := eif.Pulse{Amp: 8, T1: 10, T2: 60}
	res, _ := n.Simulate(pulse, -70, 80, nil) // an error would show as a nil Result
	return []*Figure{
		Bifurcation("b", n, 0, 9, 6, n.Rheobase()),
		PhaseLine("p", n, 6, -80, -42), // the unstable point, -37.9 mV, is off the chart
		PhaseLine("p", n, n.Rheobase(), -80, -30),
		Trace("t", n, Run{Label: "8 nA", Result: res, Stimulus: pulse}),
	}
}

// TestFrenchLabels draws figures with EIF_LANG=fr and checks that every label chart
// writes itself is in French in the option, and that no English one is left.
func TestFrenchLabels(t *testing.T) {
	t.Setenv(LangEnv, "fr")
	var all strings.Builder
	for _, f := range frenchFigures() {
		h, err := f.HTML()
		if err != nil {
			t.Fatal(err)
		}
		all.WriteString(h)
	}
	page := all.String()
	w := French.words()
	labels := []struct{ en, fr string }{
		{"unstable", "instable"}, {"saddle-node", "col-nœud"}, {"f(u) at I = 6 nA", "f(u) à I = 6\u00a0nA"},
		{"off the chart (u from -80 to -42 mV): u* = -37.91 mV (unstable)", "hors du graphique (u de -80 à -42\u00a0mV)\u00a0: u* = -37,91\u00a0mV (instable)"},
		{"I_rh = 7.25 nA", "I_rh = 7,25\u00a0nA"}, {"θ_pa = -30 mV", "θ_pa = -30\u00a0mV"},
		{English.words().NotDrawn, w.NotDrawn}, {English.words().Reset, w.Reset}, {English.words().SavePNG, w.SavePNG},
		{English.words().BoxZoom, w.BoxZoom}, {English.words().UndoZoom, w.UndoZoom},
		{English.words().NoLibrary, w.NoLibrary}, {English.words().CannotDraw, w.CannotDraw},
	}
	for _, l := range labels {
		if !strings.Contains(page, jsonText(l.fr)) {
			t.Errorf("no French label %q in the charts", l.fr)
		}
		if strings.Contains(page, jsonText(l.en)) {
			t.Errorf("English label %q left in the French charts", l.en)
		}
	}
	opt := decodeOption(t, page)
	var names []any
	for _, it := range path(opt, "legend", "data").([]any) {
		names = append(names, path(it, "name"))
	}
	if want := []any{"stable", "instable", "col-nœud"}; !reflect.DeepEqual(names, want) {
		t.Errorf("legend of the bifurcation diagram: %v, want %v", names, want)
	}
	// A name set by hand is kept; Lang chooses the language in Go, over EIF_LANG.
	f := Bifurcation("b", eif.MustNew(eif.Default()), 0, 9)
	f.Series[0].Name = "branche stable (mine)"
	f.Lang = English
	h, err := f.HTML()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(h, `"branche stable (mine)"`) || !strings.Contains(h, `"unstable"`) || strings.Contains(h, "instable") {
		t.Errorf("Lang = English under EIF_LANG=fr, or a hand-set name, not honoured")
	}
}

// jsonText is s as json.Marshal writes it inside the option (HTML characters escaped).
func jsonText(s string) string {
	s = strings.NewReplacer("&", `\u0026`, "<", `\u003c`, ">", `\u003e`).Replace(s)
	return s
}

// TestFrenchErrors checks that the errors shown in place of a chart are in the figure's
// language, those found while building a figure as well as those found when drawing it.
func TestFrenchErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	for _, tc := range []struct {
		fig    *Figure
		en, fr string
	}{
		{&Figure{Title: "e"}, `chart: figure "e" has no series`, `chart: la figure "e" n'a aucune série`},
		{XY("c", "x", "y", Series{X: []float64{1}, Y: []float64{1}, Color: "bleu"}), `chart: series "": Color "bleu" is not a colour`, `chart: série "" : la couleur (Color) "bleu" n'est pas une couleur`},
		{Trace("t", n), `chart: Trace "t": no run to draw`, `chart: Trace "t" : aucune simulation à tracer`},
		{Bifurcation("b", n, 8, 9), `chart: Bifurcation "b": no fixed point in [8, 9] nA`, `chart: Bifurcation "b" : aucun point fixe dans [8, 9] nA`},
		{PhaseLine("p", n, 0, -30, -80), `chart: "p": voltage range [-30, -80] is empty`, `chart: "p" : l'intervalle de potentiel [-30, -80] est vide`},
		{XY("w", "x", "y", Series{X: []float64{0, 1}, Y: []float64{-1e308, 1e308}}), `chart: figure "w": y values from`, `chart: figure "w" : valeurs y de`},
	} {
		for _, l := range []Lang{English, French} {
			tc.fig.Lang = l
			_, err := tc.fig.HTML()
			want := map[Lang]string{English: tc.en, French: tc.fr}[l]
			if err == nil || !strings.HasPrefix(err.Error(), want) {
				t.Errorf("%s: error %v, want one starting %q", l, err, want)
			}
		}
	}
}

func TestFrenchInitAndProgress(t *testing.T) {
	t.Setenv(LangEnv, "fr")
	if h := InitHTML(); !strings.Contains(h, `"chargée, version " + window.echarts.version`) || !strings.Contains(h, "copie hors ligne") || strings.Contains(h, "not loaded") {
		t.Errorf("Init's status line is not in French")
	}
	if p := NewProgress("x"); p.lang != French {
		t.Errorf("a progress bar made under EIF_LANG=fr is not in French")
	}
	if h := progressHTML(French, "calcul", 1, 3e9, true); !strings.Contains(h, "calcul\u00a0: terminé en 3,0\u00a0s") {
		t.Errorf("French progress bar: %s", h)
	}
	if h := progressHTML(French, "calcul", 0.425, 1.25e9, false); !strings.Contains(h, "calcul\u00a0: 42\u00a0%, 1,2\u00a0s") {
		t.Errorf("French progress bar: %s", h)
	}
}

package explore

import (
	"encoding/json"
	"math"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// withoutScripts removes the scripts from an HTML text.
func withoutScripts(s string) string {
	return regexp.MustCompile(`(?s)<script.*?</script>`).ReplaceAllString(s, "")
}

func TestView(t *testing.T) {
	for _, tc := range []struct {
		name       string
		i, deltaT  float64
		lang       chart.Lang
		want       []string
		charts     int
		errorBoxes int
	}{
		{"below rheobase", 6, 1, chart.English, []string{`data-i="6.00"`, `data-fixed-points="2"`, "u*_1 = -45.99751508 mV (stable)", "u*_2 = -37.90928259 mV (unstable)", "rheobase I_rh = 7.2500 nA", "spikes during the 300 ms pulse: 0"}, 2, 0},
		{"above rheobase", 12, 2, chart.English, []string{`data-deltat="2.0"`, `data-fixed-points="0"`, "no fixed point: the current is above rheobase"}, 2, 0},
		{"sharp onset", 10, 0.1, chart.English, []string{"rheobase I_rh = 7.4750 nA"}, 2, 0},
		{"invalid slope factor", 6, -1, chart.English, []string{"DeltaT = -1: must be ≥ 0 mV"}, 0, 1},
		{"en français", 6, 1, chart.French, []string{`data-fixed-points="2"`, "u*_2 = -37,90928259\u00a0mV (instable)", "courant rhéobase I_rh = 7,2500\u00a0nA", "PA pendant l'impulsion de 300\u00a0ms\u00a0: 0", `"text":"Portrait de phase"`, "\"name\":\"f(u) à I = 6\u00a0nA\""}, 2, 0},
		{"au-dessus de la rhéobase", 12, 2, chart.French, []string{"aucun point fixe\u00a0: le courant dépasse la rhéobase"}, 2, 0},
	} {
		h := View(tc.i, tc.deltaT, tc.lang)
		for _, w := range tc.want {
			if !strings.Contains(h, w) {
				t.Errorf("%s: no %q in the view", tc.name, w)
			}
		}
		if got := strings.Count(h, `class="eif-chart"`); got != tc.charts {
			t.Errorf("%s: %d charts, want %d", tc.name, got, tc.charts)
		}
		if got := strings.Count(withoutScripts(h), `class="eif-chart-error"`); got != tc.errorBoxes {
			t.Errorf("%s: %d error boxes, want %d", tc.name, got, tc.errorBoxes)
		}
		if tc.lang == chart.French {
			readout := h[strings.Index(h, `style="font-family:monospace">`):strings.Index(h, "</div>")]
			if m := regexp.MustCompile(`\d\.\d|\d (mV|nA|ms|Hz)`).FindString(readout); m != "" {
				t.Errorf("%s: the French readout writes %q (a decimal point, or a plain space before a unit): %s", tc.name, m, readout)
			}
			for _, en := range []string{"rheobase", "unstable", "spikes", "Phase line", "f(u) at", "from rest"} {
				if strings.Contains(h, en) {
					t.Errorf("%s: English %q left in the French view", tc.name, en)
				}
			}
		}
	}
}

func TestViewLanguageFromEnv(t *testing.T) {
	t.Setenv(chart.LangEnv, "fr")
	if h := View(6, 1, ""); !strings.Contains(h, "instable") || strings.Contains(h, "unstable") {
		t.Errorf("View with EIF_LANG=fr is not in French")
	}
	if h := View(6, 1, chart.English); !strings.Contains(h, "unstable") {
		t.Errorf("View(…, chart.English) under EIF_LANG=fr is not in English")
	}
}

func TestControls(t *testing.T) {
	h := controls("eif_explorer_x", "/eif/eif_explorer_x", gonbComm, 7.25, 1, chart.English, true)
	for _, w := range []string{`id="eif_explorer_x"`, `value="145"`, `value="10"`, `addr = "/eif/eif_explorer_x"`, `comm = "gonb_comm"`,
		"conn.send(addr,", `min="0" max="300"`, `min="1" max="40"`,
		"I = 7.25 nA", "Δ_T = 1.0 mV", "underRunAll()", "current I (0–15 nA):", ">Done</button>"} {
		if !strings.Contains(h, w) {
			t.Errorf("no %q in the controls", w)
		}
	}
	if !strings.Contains(h, `show = {"decimal":".","deltaT":"Δ_T = %s mV","deltaTStep":0.1,"i":"I = %s nA","iStep":0.05}`) {
		t.Errorf("the controls' script does not get the English texts of the values: %s", h)
	}
	h = controls("x", "/eif/x", gonbComm, 0, 0.1, chart.French, true)
	for _, w := range []string{">Terminer</button>", "courant I (0–15\u00a0nA)\u00a0:", "facteur de pente Δ_T (0,1–4\u00a0mV)\u00a0:",
		">I = 0,00\u00a0nA<", ">Δ_T = 0,1\u00a0mV<", `show = {"decimal":",","deltaT":"Δ_T = %s` + "\u00a0" + `mV","deltaTStep":0.1,"i":"I = %s` + "\u00a0" + `nA","iStep":0.05}`} {
		if !strings.Contains(h, w) {
			t.Errorf("no %q in the French controls: %s", w, h)
		}
	}
}

// Page: Run's sliders, with no Done button, sending to the page's own connection.
func TestPage(t *testing.T) {
	h := Page("eif_site_1", 6, 1, chart.French)
	for _, w := range []string{`id="eif_site_1"`, `addr = "eif_site_1"`, `comm = "eif_explorer_comm"`, `value="120"`, `value="10"`, "courant I (0–15\u00a0nA)\u00a0:"} {
		if !strings.Contains(h, w) {
			t.Errorf("no %q in the page's controls", w)
		}
	}
	if strings.Contains(h, "<button") {
		t.Error("the page's controls have a Done button")
	}
}

// parseMove reads the controls' messages (slider positions) into values; Move draws them.
func TestMove(t *testing.T) {
	for _, tc := range []struct {
		msg       string
		i, deltaT float64
		done      int
		ok        bool
	}{
		{"120 10 0", 6, 1, 0, true},
		{"240 20 1", 12, 2, 1, true},
		{"0 1 2", 0, 0.1, 2, true},
		{"145 10", 0, 0, 0, false},
		{"x 10 0", 0, 0, 0, false},
		{"", 0, 0, 0, false},
	} {
		i, d, done, ok := parseMove(tc.msg)
		if ok != tc.ok || ok && (math.Abs(i-tc.i) > 1e-12 || math.Abs(d-tc.deltaT) > 1e-12 || done != tc.done) {
			t.Errorf("parseMove(%q) = %g, %g, %d, %v; want %g, %g, %d, %v", tc.msg, i, d, done, ok, tc.i, tc.deltaT, tc.done, tc.ok)
		}
	}
	h, ok := Move("120 10 0", chart.English)
	if !ok || !strings.Contains(h, `data-i="6.00" data-deltat="1.0" data-fixed-points="2"`) || strings.Count(h, `class="eif-chart"`) != 2 {
		t.Errorf("Move(120 10 0) = %v, %.200s", ok, h)
	}
	if _, ok := Move("nonsense", chart.English); ok {
		t.Error("Move(nonsense): ok")
	}
}

// Compute gives the numbers that View shows.
func TestCompute(t *testing.T) {
	x, err := Compute(6, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(x.FixedPoints) != 2 || math.Abs(x.Rheobase-7.25) > 1e-9 || x.Run == nil || len(x.Run.T) == 0 || x.Pulse.Amp != 6 {
		t.Errorf("Compute(6, 1) = %+v", x)
	}
	if _, err := Compute(6, -1); err == nil {
		t.Error("Compute(6, -1): no error")
	}
}

func TestEnded(t *testing.T) {
	for _, tc := range []struct {
		e    End
		lang chart.Lang
		want string
	}{
		{Headless, chart.English, "No notebook page connected the sliders"},
		{Done, chart.English, "The explorer has ended, at I = 12.00 nA and Δ_T = 2.0 mV. Rerun the cell to explore."},
		{Idle, chart.English, "The explorer has ended"},
		{RunAll, chart.English, "Run All went on"},
		{RunAll, chart.French, "«\u00a0Exécuter tout\u00a0» a continué"},
		{Done, chart.French, "L&#39;explorateur est terminé, à I = 12,00\u00a0nA et Δ_T = 2,0\u00a0mV."},
	} {
		h := ended(tc.e, 12, 2, tc.lang)
		if !strings.Contains(h, `data-end="`+tc.e.String()+`"`) || !strings.Contains(h, tc.want) {
			t.Errorf("%v (%s): %s, want %q", tc.e, tc.lang, h, tc.want)
		}
	}
	if got := End(9).String(); got != "End(9)" {
		t.Errorf("End(9).String() = %q", got)
	}
}

// TestWords checks that every text of the explorer has a French version that is not the
// English one, takes the same arguments, and follows French typography.
func TestWords(t *testing.T) {
	verbs := regexp.MustCompile(`%[-+# 0-9.\[\]]*[a-zA-Z%]`)
	en, fr := reflect.ValueOf(wordsOf(chart.English)), reflect.ValueOf(wordsOf(chart.French))
	for k := range en.NumField() {
		name, e, f := en.Type().Field(k).Name, en.Field(k).String(), fr.Field(k).String()
		switch {
		case e == "" || f == "":
			t.Errorf("%s: empty text (%q, %q)", name, e, f)
		case e == f:
			t.Errorf("%s: the French text is the English one, %q", name, e)
		case regexp.MustCompile(` [:;?!»]|« `).MatchString(f):
			t.Errorf("%s: %q has a plain space where French wants a no-break one", name, f)
		case !reflect.DeepEqual(verbs.FindAllString(e, -1), verbs.FindAllString(f, -1)):
			t.Errorf("%s: %q and %q take different arguments", name, e, f)
		}
	}
}

func TestSettings(t *testing.T) {
	t.Setenv(chart.LangEnv, "")
	if got := (*Settings)(nil).settings(); got != (Settings{Idle: 30 * time.Second, Wait: 5 * time.Second, Lang: chart.English}) {
		t.Errorf("nil settings: %+v", got)
	}
	if got := (&Settings{Idle: time.Second, Lang: "de"}).settings(); got.Idle != time.Second || got.Wait != 5*time.Second || got.Lang != chart.English {
		t.Errorf("settings: %+v", got)
	}
	if got := (&Settings{Lang: " FR "}).settings(); got.Lang != chart.French {
		t.Errorf(`Lang " FR ": %q, want French, as chart reads it`, got.Lang)
	}
	t.Setenv(chart.LangEnv, "fr")
	if got := (&Settings{}).settings(); got.Lang != chart.French {
		t.Errorf("EIF_LANG=fr: settings in %q", got.Lang)
	}
}

// TestRunOutsideNotebook: without a notebook, Run draws the first picture and returns at
// once, whatever its settings: it never waits for a page that cannot come.
func TestRunOutsideNotebook(t *testing.T) {
	start := time.Now()
	s := Run(6, 1, &Settings{Idle: time.Hour, Wait: time.Hour})
	if took := time.Since(start); took > 30*time.Second || s.End != Headless || s.Redraws != 1 || s.I != 6 || s.DeltaT != 1 || s.Median <= 0 {
		t.Errorf("Run outside a notebook took %v and returned %+v", took, s)
	}
}

func TestStatsString(t *testing.T) {
	s := Stats{Redraws: 3, Median: 4250 * time.Microsecond, Max: 12 * time.Millisecond, Lang: chart.English}
	if got, want := s.String(), "explorer: 3 redraw(s); redraw time (simulation + fixed points + chart HTML): median 4.25 ms, max 12.00 ms"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	s.Lang = chart.French
	if got := s.String(); !strings.Contains(got, "médiane 4,25\u00a0ms, max 12,00\u00a0ms") {
		t.Errorf("French: %q", got)
	}
}

// maxViewBytes bounds the HTML of one explorer picture, whatever its input.
const maxViewBytes = 1 << 20

// TestViewSizeBounded: the explorer's picture stays small whatever the input, because
// lines and markers alike are thinned.
func TestViewSizeBounded(t *testing.T) {
	largest := 0
	for _, i := range []float64{0, 8, 1e4, 1e5, 1e6, -1e6, math.MaxFloat64, math.NaN(), math.Inf(1)} {
		for _, d := range []float64{0, eif.MinDeltaT, 1, 4, eif.MaxVoltage, math.NaN()} {
			h := View(i, d, chart.English)
			largest = max(largest, len(h))
			if len(h) > maxViewBytes {
				t.Errorf("View(%g, %g): %d bytes", i, d, len(h))
			}
		}
	}
	t.Logf("largest explorer picture: %d bytes", largest)
}

// BenchmarkView is one redraw of the explorer, as Stats measures it: a 500 ms simulation,
// the fixed points and the HTML of both charts.
func BenchmarkView(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		_ = View(6, 1, chart.English)
	}
}

// TestRedraw: Redraw's JSON holds Move's readout and the drawings of its two charts, and
// refuses what Move refuses or cannot draw.
func TestRedraw(t *testing.T) {
	b, ok := Redraw("120 10 0", chart.English)
	if !ok {
		t.Fatal("Redraw(120 10 0): not ok")
	}
	var p struct {
		Readout string
		Charts  []struct {
			Height int
			Option map[string]any
			Rows   []string
			Words  map[string]string
		}
	}
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatalf("Redraw(120 10 0): %v\n%.300s", err, b)
	}
	h, _ := Move("120 10 0", chart.English)
	if !strings.HasPrefix(h, p.Readout) || !strings.Contains(p.Readout, `data-fixed-points="2"`) {
		t.Errorf("readout %q is not the start of Move's picture", p.Readout)
	}
	if len(p.Charts) != 2 {
		t.Fatalf("%d charts, want 2", len(p.Charts))
	}
	for k, c := range p.Charts {
		if c.Height < 200 || c.Option["series"] == nil || len(c.Rows) == 0 || c.Words["decimal"] != "." {
			t.Errorf("chart %d: height %d, %d rows, words %v, series %v", k, c.Height, len(c.Rows), c.Words, c.Option["series"] != nil)
		}
	}
	for _, msg := range []string{"nonsense", "145 10"} {
		if _, ok := Redraw(msg, chart.English); ok {
			t.Errorf("Redraw(%q): ok", msg)
		}
	}
}

// BenchmarkRedraw is one slider move on the course website, on the Go side: the view's
// numbers and the JSON of both charts (explore.Redraw), without HTML.
func BenchmarkRedraw(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := Redraw("120 10 0", chart.English); !ok {
			b.Fatal("not drawn")
		}
	}
}

package chart

import (
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"fmt"
	"github.com/eif-notebooks/eif-notebooks/eif"
	"strconv"
)

var optionRe = regexp.MustCompile(`(?s)\nvar option = (.*?);\nvar rows = `)

// option returns the echarts option of an HTML snippet, decoded.
func decodeOption(t *testing.T, h string) map[string]any {
	t.Helper()
	m := optionRe.FindStringSubmatch(h)
	if m == nil {
		t.Fatalf("no option in the snippet:\n%.500s", h)
	}
	var opt map[string]any
	if err := json.Unmarshal([]byte(m[1]), &opt); err != nil {
		t.Fatalf("option is not JSON: %v", err)
	}
	return opt
}

// path follows keys (strings) and indexes (ints) into decoded JSON.
func path(v any, keys ...any) any {
	for _, k := range keys {
		switch k := k.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				return nil
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

func line(name string, x, y []float64) Series { return Series{Name: name, X: x, Y: y} }

func TestHTML(t *testing.T) {
	n := eif.MustNew(eif.Default())
	res, err := n.Simulate(eif.Pulse{Amp: 8, T1: 10, T2: 90}, -70, 100, nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		fig  *Figure
		want []string // substrings of the snippet
		not  []string // substrings it must not have
	}{
		{
			name: "axis names with units",
			fig:  XY("f–I", "I (nA)", "rate (Hz)", line("a", []float64{0, 1}, []float64{0, 10})),
			want: []string{`"name":"I (nA)"`, `"name":"rate (Hz)"`, `"text":"f–I"`},
		},
		{
			name: "escaped title and labels",
			fig: &Figure{Title: `<b>&"</b>`, XLabel: "</script>", YLabel: "y",
				Series: []Series{line(`<i>`, []float64{1, 2}, []float64{1, 2})}, HLines: []Ref{{Value: 1, Label: "<!--"}}},
			want: []string{`\u003cb\u003e\u0026\"\u003c/b\u003e`, `\u003c/script\u003e`, `\u003c!--`},
			not:  []string{"<b>&", "<i>", "<!--"},
		},
		{
			name: "trace with stimulus panel",
			fig:  Trace("pulse", n, Run{Label: "8 nA", Result: res, Stimulus: eif.Pulse{Amp: 8, T1: 10, T2: 90}}),
			want: []string{`"name":"t (ms)"`, `"name":"u (mV)"`, `"name":"I (nA)"`, "θ_rh = -40 mV", "θ_pa = -30 mV", `"type":"slider"`},
		},
		{
			name: "phase line",
			fig:  PhaseLine("f(u)", n, 0, -80, -30),
			want: []string{`"name":"du/dt (mV/ms)"`, `"name":"u (mV)"`, `"name":"stable"`, `"name":"unstable"`, arrowRightSymbol, arrowLeftSymbol},
		},
		{
			name: "bifurcation",
			fig:  Bifurcation("u*(I)", n, 0, 9, 6),
			want: []string{`"type":"dashed"`, `"name":"I (nA)"`, `"name":"u* (mV)"`, "I_rh = 7.25 nA", `"name":"6 nA"`, halfSymbol},
		},
		{
			name: "log axes",
			fig:  LogLog("err", "dt (ms)", "error (mV)", line("e", []float64{0.01, 0.1, 1}, []float64{1e-8, 1e-4, 1})),
			want: []string{`"eifLog":true`, `"min":-8`, `"max":0`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := tt.fig.HTML()
			if err != nil {
				t.Fatal(err)
			}
			decodeOption(t, h)
			for _, w := range tt.want {
				if !strings.Contains(h, w) {
					t.Errorf("no %q in the snippet", w)
				}
			}
			for _, w := range tt.not {
				if strings.Contains(h, w) {
					t.Errorf("%q in the snippet", w)
				}
			}
			for _, w := range []string{"http://", "https://", " src=", "goecharts_"} {
				if strings.Contains(h, w) {
					t.Errorf("%q in the snippet", w)
				}
			}
			if n := strings.Count(strings.ToLower(h), "</script"); n != 1 {
				t.Errorf("%d closing script tags, want 1", n)
			}
			if !strings.HasPrefix(h, `<div class="eif-chart" id="eifchart_`) {
				t.Errorf("snippet starts with %.60q", h)
			}
		})
	}
}

func TestOptionStructure(t *testing.T) {
	f := XY("t", "x (a)", "y (b)", line("one", []float64{0, 1}, []float64{0, 1}), line("two", []float64{0, 1}, []float64{1, 0}))
	h, err := f.HTML()
	if err != nil {
		t.Fatal(err)
	}
	opt := decodeOption(t, h)
	checks := []struct {
		keys []any
		want any
	}{
		{[]any{"tooltip", "trigger"}, "axis"},
		{[]any{"legend", "show"}, true},
		{[]any{"legend", "data", 1, "name"}, "two"},
		{[]any{"toolbox", "feature", "saveAsImage", "show"}, true},
		{[]any{"toolbox", "feature", "restore", "show"}, true},
		{[]any{"toolbox", "feature", "dataZoom", "filterMode"}, "none"},
		{[]any{"dataZoom", 0, "type"}, "inside"},
		{[]any{"xAxis", 0, "name"}, "x (a)"},
		{[]any{"yAxis", 0, "name"}, "y (b)"},
		{[]any{"series", 0, "lineStyle", "color"}, Color(0)},
		{[]any{"series", 1, "lineStyle", "color"}, Color(1)},
		{[]any{"animation"}, false},
	}
	for _, c := range checks {
		if got := path(opt, c.keys...); got != c.want {
			t.Errorf("option%v = %v, want %v", c.keys, got, c.want)
		}
	}
	// One series: no legend.
	h, _ = XY("t", "x", "y", line("one", []float64{0, 1}, []float64{0, 1})).HTML()
	if got := path(decodeOption(t, h), "legend", "show"); got != false {
		t.Errorf("legend shown for one series")
	}
}

func TestUniqueIDs(t *testing.T) {
	f := XY("t", "x", "y", line("a", []float64{0, 1}, []float64{0, 1}))
	idRe := regexp.MustCompile(`id="(eifchart_[A-Za-z0-9_]+)"`)
	jsID := regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
	seen := map[string]bool{}
	for range 100 {
		h, err := f.HTML()
		if err != nil {
			t.Fatal(err)
		}
		m := idRe.FindStringSubmatch(h)
		if m == nil {
			t.Fatalf("no id in %.100q", h)
		}
		if seen[m[1]] {
			t.Fatalf("id %s twice", m[1])
		}
		if !jsID.MatchString(m[1]) {
			t.Errorf("id %s is not a JavaScript identifier", m[1])
		}
		seen[m[1]] = true
		if strings.Count(h, m[1]) != 2 { // the div and the script
			t.Errorf("id %s appears %d times", m[1], strings.Count(h, m[1]))
		}
	}
}

func TestGaps(t *testing.T) {
	nan, inf := math.NaN(), math.Inf(1)
	tests := []struct {
		name string
		fig  *Figure
		want string // the data of the first series
	}{
		{"NaN and Inf", XY("g", "x", "y", line("s", []float64{0, 1, 2, 3, 4}, []float64{1, nan, inf, math.Inf(-1), 2})),
			`[[0,1],[1,"-"],[2,"-"],[3,"-"],[4,2]]`},
		{"non-finite x", XY("g", "x", "y", line("s", []float64{0, nan, 2}, []float64{1, 1, 1})),
			`[[0,1],["-",1],[2,1]]`},
		{"log axes drop values ≤ 0", LogLog("g", "x", "y", line("s", []float64{0, 1, 10, 100}, []float64{1, 10, -1, 1000})),
			`[["-",0],[0,1],[1,"-"],[2,3]]`},
		{"six digits", XY("g", "x", "y", line("s", []float64{1.0 / 3, 12345.6789}, []float64{-65.123456789, 1e-12})),
			`[[0.333333,-65.1235],[12345.7,1e-12]]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := tt.fig.HTML()
			if err != nil {
				t.Fatal(err)
			}
			data, _ := json.Marshal(path(decodeOption(t, h), "series", 0, "data"))
			if string(data) != tt.want {
				t.Errorf("data = %s, want %s", data, tt.want)
			}
		})
	}
}

func TestErrors(t *testing.T) {
	n := eif.MustNew(eif.Default())
	ok := []float64{1, 2}
	tests := []struct {
		name string
		fig  *Figure
		want string
	}{
		{"nil", nil, "chart: nil figure"},
		{"no series", &Figure{Title: "empty"}, `chart: figure "empty" has no series`},
		{"lengths", XY("t", "x", "y", line("x", []float64{1, 2, 3}, ok)), `chart: series "x": X has 3 points, Y has 2`},
		{"no points", XY("t", "x", "y", line("x", nil, nil)), `chart: series "x" has no points`},
		{"all NaN", XY("t", "x", "y", line("x", ok, []float64{math.NaN(), math.Inf(1)})), `chart: figure "t" has no finite point to draw`},
		{"all ≤ 0 on log axes", LogLog("t", "x", "y", line("x", ok, []float64{0, -1})), `chart: figure "t" has no finite point to draw`},
		{"height", &Figure{Title: "h", Height: -1, Series: []Series{line("x", ok, ok)}}, `chart: figure "h": height -1 px is negative`},
		{"range", &Figure{Title: "r", Y: Range{math.NaN(), 1}, Series: []Series{line("x", ok, ok)}}, `chart: figure "r": Y range [NaN, 1] is not finite`},
		{"log range", &Figure{Title: "r", LogX: true, X: Range{0, 1}, Series: []Series{line("x", ok, ok)}}, `chart: figure "r": logarithmic X range [0, 1] must be positive`},
		{"ref", &Figure{Title: "r", HLines: []Ref{{Value: math.Inf(1), Label: "top"}}, Series: []Series{line("x", ok, ok)}}, `chart: figure "r": reference line "top" at +Inf is not finite`},
		{"marker", XY("t", "x", "y", Series{Name: "m", X: ok, Y: ok, Marker: 99}), `chart: series "m": unknown marker 99`},
		{"colour injection", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "red;background-image:url(http://127.0.0.1:9/leak)"}),
			`chart: series "c": Color "red;background-image:url(http://127.0.0.1:9/leak)" is not a colour: use #rgb, #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a CSS colour name`},
		{"colour typo", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "bleu"}),
			`chart: series "c": Color "bleu" is not a colour: use #rgb, #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a CSS colour name`},
		{"colour hex length", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "#12345"}),
			`chart: series "c": Color "#12345" is not a colour: use #rgb, #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a CSS colour name`},
		{"colour rgb range", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "rgb(256, 0, 0)"}),
			`chart: series "c": Color "rgb(256, 0, 0)" value "256" of rgb() is not a number from 0 to 255`},
		{"colour rgba alpha", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "rgba(0, 0, 0, 2)"}),
			`chart: series "c": Color "rgba(0, 0, 0, 2)" value " 2" of rgba() is not a number from 0 to 1`},
		{"colour rgba count", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "rgba(0, 0, 0)"}),
			`chart: series "c": Color "rgba(0, 0, 0)" has 3 values, rgba() takes 4`},
		{"colour transparent", XY("t", "x", "y", Series{Name: "c", X: ok, Y: ok, Color: "transparent"}),
			`chart: series "c": Color "transparent" is not a colour: use #rgb, #rrggbb, rgb(r, g, b), rgba(r, g, b, a) or a CSS colour name`},
		{"y ±1e308", XY("t", "x", "y", line("x", ok, []float64{-1e308, 1e308})),
			`chart: figure "t": y values from -1e+308 to 1e+308: too wide for an axis (its span would exceed the float64 range); scale the values`},
		{"x ±1e308", XY("t", "x", "y", line("x", []float64{-1e308, 1e308}, ok)),
			`chart: figure "t": x values from -1e+308 to 1e+308: too wide for an axis (its span would exceed the float64 range); scale the values`},
		{"fixed y range ±1e308", &Figure{Title: "r", Y: Range{-1e308, 1e308}, Series: []Series{line("x", ok, ok)}},
			`chart: figure "r": Y range from -1e+308 to 1e+308: too wide for an axis (its span would exceed the float64 range); scale the values`},
		{"lower panel ±1e308", &Figure{Title: "r", Series: []Series{line("x", ok, ok), {X: ok, Y: []float64{-1e308, 1e308}, Lower: true}}},
			`chart: figure "r": lower y values from -1e+308 to 1e+308: too wide for an axis (its span would exceed the float64 range); scale the values`},
		{"phase ±1e308", PhaseLine("p", n, 0, -1e308, 1e308), `chart: "p": voltage range [-1e+308, 1e+308] leaves the model's domain, |u| ≤ eif.MaxVoltage = 100000 mV`},
		{"phase NaN current", PhaseLine("p", n, math.NaN(), -80, -30), `chart: "p": curve "f(u) at I = NaN nA": current I = NaN nA is not finite or exceeds eif.MaxCurrent = 1e+06 nA`},
		{"family Inf current", Family("fam", -80, -30, Curve{Label: "c", Neuron: n, I: math.Inf(1)}), `chart: "fam": curve "c": current I = +Inf nA is not finite or exceeds eif.MaxCurrent = 1e+06 nA`},
		{"trace without runs", Trace("tr", n), `chart: Trace "tr": no run to draw`},
		{"trace nil result", Trace("tr", n, Run{Label: "r"}), `chart: Trace "tr": run "r" has a nil Result`},
		{"trace spikes only", Trace("tr", n, Run{Label: "r", Result: &eif.Result{Spikes: []float64{1}}}), `chart: Trace "tr": run "r" has no trace (was it simulated with SpikesOnly?)`},
		{"phase nil neuron", PhaseLine("p", nil, 0, -80, -30), `chart: "p": curve "f(u) at I = 0 nA" has a nil Neuron`},
		{"phase range", PhaseLine("p", n, 0, -30, -80), `chart: "p": voltage range [-30, -80] is empty or not finite`},
		{"family empty", Family("fam", -80, -30), `chart: "fam": no curve to draw`},
		{"bifurcation above rheobase", Bifurcation("b", n, 8, 9), `chart: Bifurcation "b": no fixed point in [8, 9] nA: the rheobase is 7.25 nA`},
		{"bifurcation range", Bifurcation("b", n, 9, 8), `chart: Bifurcation "b": current range [9, 8] is empty or not finite`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := tt.fig.HTML()
			if err == nil || err.Error() != tt.want {
				t.Errorf("error = %v, want %s", err, tt.want)
			}
			if h != "" {
				t.Errorf("HTML despite the error")
			}
			if err != nil && !strings.HasPrefix(err.Error(), "chart: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestErrorHTML(t *testing.T) {
	_, err := XY(`<img src=x onerror=alert(1)>`, "x", "y").HTML()
	h := ErrorHTML(err)
	if strings.Contains(h, "<img") || !strings.Contains(h, "&lt;img") {
		t.Errorf("error not escaped: %s", h)
	}
}

func TestInitHTML(t *testing.T) {
	h := InitHTML()
	if len(h) < 1_000_000 || len(h) > 1_100_000 {
		t.Errorf("init output is %d bytes", len(h))
	}
	for _, w := range []string{"(function (define, exports, module) {", "}).call(window);", "window.echarts.version", `class="eif-chart-init"`} {
		if !strings.Contains(h, w) {
			t.Errorf("no %q in the init output", w)
		}
	}
	if strings.Contains(h, "<script src") || strings.Count(h, "</script>") != 2 {
		t.Errorf("init output loads a script from elsewhere or has a stray </script>")
	}
}

func TestThin(t *testing.T) {
	// A 10 000-point trace with jumps (spikes) every 1000 points.
	n := 10000
	x, y := make([]float64, 0, n+20), make([]float64, 0, n+20)
	for k := range n {
		tk := float64(k) * 0.1
		if k > 0 && k%1000 == 0 {
			x, y = append(x, tk, tk), append(y, -30, -70)
			continue
		}
		x, y = append(x, tk), append(y, -70+float64(k%1000)*0.03)
	}
	y[5000] = math.NaN()
	xs, ys := thin(x, y, maxPoints)
	if len(xs) > maxPoints+8 || len(xs) < maxPoints/2 {
		t.Fatalf("thinned to %d points", len(xs))
	}
	jumps, gaps := 0, 0
	for k := 1; k < len(xs); k++ {
		if xs[k] == xs[k-1] && ys[k-1] == -30 && ys[k] == -70 {
			jumps++
		}
		if math.IsNaN(ys[k]) {
			gaps++
		}
		if xs[k] < xs[k-1] {
			t.Fatalf("x decreases at %d", k)
		}
	}
	if jumps != 9 || gaps != 1 {
		t.Errorf("%d jumps and %d gaps kept, want 9 and 1", jumps, gaps)
	}
	if xs[0] != x[0] || xs[len(xs)-1] != x[len(x)-1] {
		t.Errorf("ends not kept")
	}
	if sx, _ := thin(x[:100], y[:100], maxPoints); len(sx) != 100 {
		t.Errorf("a short line was thinned")
	}
}

func TestClipLine(t *testing.T) {
	x := []float64{0, 1, 2, 3, 4}
	y := []float64{0, 5, 1000, 1e9, 5}
	xs, ys := clipLine(x, y, Range{-10, 10})
	// 0, 5, crossing at 10.4 between x=1 and 2, gap, crossing back between 3 and 4, 5.
	if len(xs) != 6 || ys[2] != 10.4 || !math.IsNaN(ys[3]) || ys[4] != 10.4 || ys[5] != 5 {
		t.Errorf("clipped to %v %v", xs, ys)
	}
	if xs[2] <= 1 || xs[2] >= 2 {
		t.Errorf("crossing at x = %g, want in (1, 2)", xs[2])
	}
	if cx, _ := clipLine(x, []float64{0, 1, 2, 3, 4}, Range{-10, 10}); len(cx) != 5 {
		t.Errorf("a line inside the range was changed")
	}
}

func TestSampleStimulus(t *testing.T) {
	ts, is := sampleStimulus(eif.Pulse{Amp: 6, T1: 50, T2: 350}, 0, 400)
	wantT := []float64{0, 50, 50, 350, 350, 400}
	wantI := []float64{0, 0, 6, 6, 0, 0}
	if !slices.Equal(ts, wantT) || !slices.Equal(is, wantI) {
		t.Errorf("pulse sampled as %v %v", ts, is)
	}
	ts, _ = sampleStimulus(eif.Func{F: math.Sin}, 0, 10)
	if len(ts) != 1001 {
		t.Errorf("a Func is sampled at %d points, want 1001", len(ts))
	}
}

func TestLabelPositions(t *testing.T) {
	// θ_pa, θ_I=0, θ_rh on a -80…-20 axis: the two close lower ones are split.
	got := labelPositions([]float64{-30, -40, -36.49}, Range{-80, -20}, false, false)
	want := []string{"insideEndTop", "insideEndBottom", "insideEndTop"}
	for k := range want {
		if got[k] != want[k] {
			t.Errorf("positions %v, want %v", got, want)
			break
		}
	}
	// B1: u*₁ = −46 mV under θ_rh = −40 mV, whose label hangs below its line at the
	// end: u*₁'s label goes to the start of its line, not onto θ_rh's.
	got = labelPositions([]float64{-30, -36.49, -40, -46}, Range{-80, -20}, false, false)
	if got[2] != "insideEndBottom" || got[3] != "insideStartTop" {
		t.Errorf("B1 positions %v: θ_rh at %q, u*₁ at %q, want insideEndBottom and insideStartTop", got, got[2], got[3])
	}
	// B3: the marks at 6, 6.889 and 7.333 nA and I_rh = 7.25 nA on a 0…8 nA axis. The
	// label of I_rh must not sit against the 6.889 line (left, at the end, as that
	// line's own label) nor across the 7.333 line: it goes to the other end, on the left.
	got = labelPositions([]float64{6, 6.888888888888889, 7.333333333333333, 7.25}, Range{0, 8}, false, true)
	if got[3] != "insideStartTop" || got[1] != "insideEndTop" || got[2] != "insideEndBottom" {
		t.Errorf("B3 positions %v, want 6.889 insideEndTop, 7.333 insideEndBottom, I_rh insideStartTop", got)
	}
}

func TestThresholds(t *testing.T) {
	refs := Thresholds(eif.MustNew(eif.Default()))
	if len(refs) != 3 || refs[0].Value != -30 || refs[1].Value != -40 || math.Abs(refs[2].Value+36.488) > 1e-3 {
		t.Errorf("EIF thresholds %v", refs)
	}
	if refs := Thresholds(eif.MustNew(eif.DefaultLIF())); len(refs) != 1 {
		t.Errorf("LIF thresholds %v", refs)
	}
}

func TestNiceRange(t *testing.T) {
	tests := []struct{ lo, hi, wantLo, wantHi float64 }{
		{-71.6, -28.4, -80, -20},
		{0, 187.2, 0, 200},
		{-3.1, 4.2, -4, 6},
	}
	for _, tt := range tests {
		if r := niceRange(tt.lo, tt.hi); r.Min != tt.wantLo || r.Max != tt.wantHi {
			t.Errorf("niceRange(%g, %g) = %v, want [%g, %g]", tt.lo, tt.hi, r, tt.wantLo, tt.wantHi)
		}
	}
}

func BenchmarkTraceHTML(b *testing.B) {
	n := eif.MustNew(eif.Default())
	res, err := n.Simulate(eif.Pulse{Amp: 8, T1: 50, T2: 450}, -70, 500, nil) // 5000 points
	if err != nil {
		b.Fatal(err)
	}
	f := Trace("bench", n, Run{Label: "8 nA", Result: res, Stimulus: eif.Pulse{Amp: 8, T1: 50, T2: 450}})
	b.ReportAllocs()
	for b.Loop() {
		if _, err := f.HTML(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestColors checks that the colour syntaxes a Series may use reach the chart unchanged.
func TestColors(t *testing.T) {
	for _, c := range []string{"#abc", "#A1B2C3", "rgb(1, 2, 3)", "rgb(100%, 0%, 50.5%)", "rgba(10,20,30,0.5)", "rgba(10, 20, 30, 50%)", "red", "RebeccaPurple", "lightgoldenrodyellow"} {
		h, err := XY("t", "x", "y", Series{Name: "s", X: []float64{1, 2}, Y: []float64{3, 4}, Color: c}).HTML()
		if err != nil {
			t.Errorf("%q: %v", c, err)
			continue
		}
		if got := path(decodeOption(t, h), "series", 0, "itemStyle", "color"); got != c {
			t.Errorf("%q: the series has color %v", c, got)
		}
	}
}

// TestHugeValues checks that values close to the float64 limit, but whose axis range
// still fits, are drawn on an axis that holds them (not the [0, 1] of an overflow).
func TestHugeValues(t *testing.T) {
	for _, y := range [][]float64{{-1e307, 1e307}, {0, 1e308}, {1e-300, 1e300}} {
		f := XY("huge", "x", "y", line("y", []float64{1, 2}, y))
		h, err := f.HTML()
		if err != nil {
			t.Errorf("%v: %v", y, err)
			continue
		}
		axis := path(decodeOption(t, h), "yAxis", 0)
		lo, okLo := path(axis, "min").(float64)
		hi, okHi := path(axis, "max").(float64)
		if !okLo || !okHi || !(lo <= y[0] && y[1] <= hi) || math.IsInf(hi-lo, 0) {
			t.Errorf("%v: y axis [%v, %v], want a finite range holding the values", y, path(axis, "min"), path(axis, "max"))
		}
	}
}

// TestNotDrawnPlaceholder checks that a chart's container holds the "chart not drawn"
// message, which is what shows where scripts do not run (an untrusted notebook).
func TestNotDrawnPlaceholder(t *testing.T) {
	h, err := XY("t", "x (a)", "y (b)", line("one", []float64{0, 1}, []float64{0, 1})).HTML()
	if err != nil {
		t.Fatal(err)
	}
	div, _, _ := strings.Cut(h, "<script>")
	if !strings.Contains(div, ">"+NotDrawn+"</div></div>") {
		t.Errorf("the chart's container does not hold %q: %s", NotDrawn, div)
	}
}

// TestNiceRangeBounds checks that automatic bounds are round numbers, exactly as they
// print: no 7.175000000000001.
func TestNiceRangeBounds(t *testing.T) {
	for _, tc := range []struct{ lo, hi, wantLo, wantHi float64 }{
		{7.18, 7.29, 7.175, 7.3},
		{-80.3, -29.7, -100, -20},
		{0.0123, 0.0456, 0.01, 0.05},
		{1e-7, 3.3e-7, 1e-7, 3.5e-7},
	} {
		r := niceRange(tc.lo, tc.hi)
		if r.Min != tc.wantLo || r.Max != tc.wantHi {
			t.Errorf("niceRange(%g, %g) = [%v, %v], want [%v, %v]", tc.lo, tc.hi, r.Min, r.Max, tc.wantLo, tc.wantHi)
		}
		for _, v := range []float64{r.Min, r.Max} {
			if s := strconv.FormatFloat(v, 'g', -1, 64); len(s) > 8 {
				t.Errorf("niceRange(%g, %g): bound %s is not round", tc.lo, tc.hi, s)
			}
		}
	}
}

// TestPhaseLineNamesPointsOffRange checks that a fixed point outside the plotted range is
// named on the chart (A1 with Δ_T = 5 mV: u*₂ ≈ −29.55 mV, above −30 mV).
func TestPhaseLineNamesPointsOffRange(t *testing.T) {
	p := eif.Default()
	p.DeltaT = 5
	n := eif.MustNew(p)
	fps := n.FixedPoints(0)
	if len(fps) != 2 || fps[1].U <= -30 {
		t.Fatalf("fixed points %v: want the second above -30 mV", fps)
	}
	f := PhaseLine("A1", n, 0, -80, -30)
	want := fmt.Sprintf("u* = %.2f mV (unstable)", fps[1].U)
	if !strings.Contains(f.Subtitle, want) || !strings.Contains(f.Subtitle, "off the chart") {
		t.Errorf("subtitle %q does not name %q", f.Subtitle, want)
	}
	if g := PhaseLine("A1", eif.MustNew(eif.Default()), 0, -80, -30); g.Subtitle != "" {
		t.Errorf("all fixed points in range, yet the subtitle says %q", g.Subtitle)
	}
	fam := Family("A2", -80, -30, Curve{Label: "Δ_T = 5 mV", Neuron: n})
	if !strings.Contains(fam.Subtitle, want) {
		t.Errorf("Family subtitle %q does not name %q", fam.Subtitle, want)
	}
}

// TestSpliceData: the option with its data written by spliceData is, byte for byte, the
// option that encoding/json writes with the data in place, for every kind of figure and
// for a figure whose title holds the placeholder (then encoded in place).
func TestSpliceData(t *testing.T) {
	figs := append(demoFigures(t),
		XY("a title with "+dataPlaceholder[1:len(dataPlaceholder)-1], "x", "y", Series{X: []float64{1, 2}, Y: []float64{3, 4}}))
	for _, f := range figs {
		l := f.layout(f.lang())
		want, err := json.Marshal(f.line(l).JSON())
		if err != nil {
			t.Fatal(err)
		}
		got, err := f.option(l)
		if err != nil {
			t.Fatalf("%q: %v", f.Title, err)
		}
		if string(got) != string(want) {
			t.Errorf("%q: the spliced option differs from encoding/json's (%d and %d bytes)", f.Title, len(got), len(want))
		}
	}
	if _, ok := spliceData([]byte(`{"data":`+dataPlaceholder+`}`), nil); ok {
		t.Error("spliceData: one placeholder for no data: ok")
	}
}

// TestDrawingJSON: AppendJSON writes the drawing as one JSON object, as HTML's script
// reads it.
func TestDrawingJSON(t *testing.T) {
	d, err := XY("x²", "x", "y", Series{Name: "<b>", X: []float64{1, 2}, Y: []float64{1, 4}}).Drawing()
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		Height int
		Option struct{ Title struct{ Text string } }
		Rows   []string
		Words  map[string]string
	}
	b := d.AppendJSON([]byte("x"))
	if err := json.Unmarshal(b[1:], &v); err != nil {
		t.Fatalf("%v: %s", err, b)
	}
	if v.Height != d.Height || v.Option.Title.Text != "x²" || !slices.Contains(v.Rows, "<b>") || v.Words["decimal"] != "." {
		t.Errorf("AppendJSON: %+v", v)
	}
	if strings.ContainsAny(string(b), "<>") {
		t.Errorf("AppendJSON writes < or >: %s", b)
	}
}

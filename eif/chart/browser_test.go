package chart

import (
	"context"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/eif"
	"github.com/eif-notebooks/eif-notebooks/internal/browser"
)

// demoFigures are the kinds of figures the notebooks draw.
func demoFigures(t testing.TB) []*Figure {
	n := eif.MustNew(eif.Default())
	sim := func(s eif.Stimulus, u0, d float64) *eif.Result {
		r, err := n.Simulate(s, u0, d, nil)
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	var runs []Run
	for _, u0 := range []float64{-60, -45, -37, -36} {
		runs = append(runs, Run{Label: "u(0) = " + ftoa(u0) + " mV", Result: sim(eif.Constant(0), u0, 60)})
	}
	pulse := eif.Pulse{Amp: 6, T1: 50, T2: 350}
	strong := eif.Pulse{Amp: 8, T1: 50, T2: 350}

	rates := func(cs []float64) []float64 { return n.FICurve(cs) }
	var ci, cs []float64
	for i := 0.0; i <= 20; i += 0.05 {
		ci = append(ci, i)
	}
	for i := 7.5; i <= 20; i += 1.25 {
		cs = append(cs, i)
	}
	simRates, err := n.SimulatedFICurve(cs, 1000, nil)
	if err != nil {
		t.Fatal(err)
	}

	var dts []Curve
	for _, d := range []float64{0.25, 0.5, 1, 2, 4} {
		p := eif.Default()
		p.DeltaT = d
		dts = append(dts, Curve{Label: "Δ_T = " + ftoa(d) + " mV", Neuron: eif.MustNew(p)})
	}
	var currents []Curve
	for _, i := range []float64{6, 6.889, 7.25, 7.333} {
		currents = append(currents, Curve{Label: "I = " + ftoa(i) + " nA", Neuron: n, I: i})
	}

	var hs, errs, errs2 []float64
	for h := 1e-3; h <= 0.51; h *= 2 {
		hs = append(hs, h)
		errs = append(errs, 3*h)
		errs2 = append(errs2, 0.5*h*h*h*h)
	}

	return []*Figure{
		// Values near the float64 limit whose axis still fits: drawn, not an empty [0, 1].
		XY("values near the float64 limit", "x", "y", Series{Name: "±1e307", X: []float64{0, 1, 2}, Y: []float64{-1e307, 0, 1e307}, Color: "rgb(20, 120, 200)"}),
		Trace("Part A: no current, four initial voltages", n, runs...),
		Trace("Part B: 6 nA and 8 nA pulses from 50 to 350 ms", n,
			Run{Label: "6 nA", Result: sim(pulse, -70, 400), Stimulus: pulse},
			Run{Label: "8 nA", Result: sim(strong, -70, 400), Stimulus: strong}),
		PhaseLine("Phase line at I = 0", n, 0, -80, -30),
		PhaseLine("Phase line at the rheobase", n, n.Rheobase(), -80, -30),
		Family("f(u) for several Δ_T", -80, -30, dts...),
		Family("f(u) for several currents", -80, -30, currents...),
		Bifurcation("Fixed points against the current", n, 0, 9, 6, 6.889, 7.333),
		XY("f–I curve", "I (nA)", "rate (Hz)",
			Series{Name: "analytic", X: ci, Y: rates(ci)},
			Series{Name: "simulated (1 s)", X: cs, Y: simRates, Points: true}),
		LogLog("Convergence", "dt (ms)", "error (mV)",
			Series{Name: "Euler", X: hs, Y: errs, Marker: Filled},
			Series{Name: "RK4", X: hs, Y: errs2, Marker: Diamond, Dashed: true}),
		{Title: `Escaping <b>&"</b> and a gap`, XLabel: "x (a.u.)", YLabel: "y (a.u.)",
			Series: []Series{{Name: `<i>sin</i>`, X: grid(0, 10, 200), Y: gappy(grid(0, 10, 200))}},
			HLines: []Ref{{Value: 0.5, Label: `<script>alert(1)</script>`}}, VLines: []Ref{{Value: 5, Label: "x = 5"}}},
	}
}

func grid(a, b float64, n int) []float64 {
	x := make([]float64, n)
	for k := range x {
		x[k] = a + (b-a)*float64(k)/float64(n-1)
	}
	return x
}

func gappy(x []float64) []float64 {
	y := make([]float64, len(x))
	for k, v := range x {
		y[k] = math.Sin(v)
		if v > 4 && v < 5 {
			y[k] = math.NaN()
		}
		if v > 7 && v < 7.2 {
			y[k] = math.Inf(1)
		}
	}
	return y
}

func ftoa(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// demoPage is an HTML page with the library, the demo figures and a figure that fails.
func demoPage(t testing.TB) (page string, charts int) {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>eif/chart</title></head>\n")
	b.WriteString("<body style=\"margin:24px;max-width:1100px;font-family:sans-serif\">\n")
	b.WriteString(InitHTML())
	for _, f := range demoFigures(t) {
		h, err := f.HTML()
		if err != nil {
			t.Fatalf("%q: %v", f.Title, err)
		}
		b.WriteString(h)
		charts++
	}
	_, err := (&Figure{Title: "empty"}).HTML()
	b.WriteString(ErrorHTML(err))
	b.WriteString("</body></html>\n")
	return b.String(), charts
}

// chromium is the Chromium of internal/browser: missing, the test skips, or fails with CI=true.
func chromium(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	return browser.Require(t)
}

func browse(t *testing.T, bin, file string, args ...string) string {
	args = append([]string{"--hide-scrollbars", "--virtual-time-budget=10000"}, args...)
	out, err := browser.Command(context.Background(), t, bin, "file://"+file, args...).Output()
	if err != nil {
		t.Fatalf("%s: %v", bin, err)
	}
	return string(out)
}

// withoutScripts removes the scripts from an HTML text.
func withoutScripts(s string) string {
	return regexp.MustCompile(`(?s)<script.*?</script>`).ReplaceAllString(s, "")
}

// TestBrowser draws the demo figures in headless Chromium, offline, and checks that every
// chart has a canvas and no error message. With EIF_CHART_SCREENSHOT=file.png it also
// saves a screenshot of the page.
func TestBrowser(t *testing.T) {
	bin := chromium(t)
	page, charts := demoPage(t)
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := withoutScripts(browse(t, bin, file, "--dump-dom"))
	if got := strings.Count(dom, "<canvas"); got < charts {
		t.Errorf("%d canvases for %d charts", got, charts)
	}
	if got := strings.Count(dom, `class="eif-chart-error"`); got != 1 {
		t.Errorf("%d error messages, want 1 (the empty figure):\n%s", got, regexp.MustCompile(`eif-chart-error[^>]*>[^<]*`).FindAllString(dom, -1))
	}
	if strings.Contains(dom, NotDrawn) {
		t.Errorf("a drawn chart still shows %q", NotDrawn)
	}
	if !strings.Contains(dom, "loaded, version 5.6.0") {
		t.Errorf("the init output does not say the library is loaded")
	}
	if shot := os.Getenv("EIF_CHART_SCREENSHOT"); shot != "" {
		abs, _ := filepath.Abs(shot)
		browse(t, bin, file, "--screenshot="+abs, "--window-size=1200,5200")
	}
}

// TestBrowserNoLibrary checks that a chart without the library says so.
func TestBrowserNoLibrary(t *testing.T) {
	bin := chromium(t)
	h, err := XY("alone", "x", "y", Series{X: []float64{1, 2}, Y: []float64{3, 4}}).HTML()
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "page.html")
	if err := os.WriteFile(file, []byte("<!DOCTYPE html><html><body>"+h+"</body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := withoutScripts(browse(t, bin, file, "--dump-dom"))
	if !strings.Contains(dom, "echarts is not loaded: run the setup cell") {
		t.Errorf("no message without the library:\n%s", dom)
	}
}

// TestBrowserRedraw draws a chart, then another figure in its place through the element's
// eifDraw (as the course website's explorer does): the same ECharts instance shows the
// new title and series, none of the old; a drawing that cannot be drawn says so in place.
func TestBrowserRedraw(t *testing.T) {
	bin := chromium(t)
	first, err := XY("first", "x", "y",
		Series{Name: "a", X: []float64{1, 2, 3}, Y: []float64{1, 2, 3}},
		Series{Name: "b", X: []float64{1, 2, 3}, Y: []float64{3, 2, 1}}).HTML()
	if err != nil {
		t.Fatal(err)
	}
	d, err := XY("second", "x", "y", Series{Name: "c", X: grid(0, 1, 50), Y: grid(5, 6, 50)}).Drawing()
	if err != nil {
		t.Fatal(err)
	}
	script := `<script>
window.addEventListener("load", function () { setTimeout(function () {
  var el = document.querySelector(".eif-chart"), c = echarts.getInstanceByDom(el), r = {};
  el.eifDraw(` + string(d.AppendJSON(nil)) + `);
  var o = echarts.getInstanceByDom(el).getOption();
  r.same = echarts.getInstanceByDom(el) === c;
  r.title = o.title[0].text;
  r.series = o.series.map(function (s) { return (s.name || "") + ":" + s.data.length; }).join(" ");
  el.eifDraw({height: 300, option: {}, rows: [], words: {cannotDraw: "cannot draw: "}});
  r.error = (el.querySelector(".eif-chart-error") || {}).textContent || "";
  r.disposed = !echarts.getInstanceByDom(el);
  document.body.setAttribute("data-result", JSON.stringify(r));
}, 300); });
</script>`
	file := filepath.Join(t.TempDir(), "page.html")
	page := "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>" + InitHTML() + first + script + "</body></html>"
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := browse(t, bin, file, "--dump-dom")
	m := regexp.MustCompile(`data-result="([^"]*)"`).FindStringSubmatch(dom)
	if m == nil {
		t.Fatalf("no result in the page:\n%.2000s", withoutScripts(dom))
	}
	got := strings.ReplaceAll(m[1], "&quot;", `"`)
	if want := `{"same":true,"title":"second","series":"c:50 :0","error":"cannot draw: `; !strings.HasPrefix(got, want) || !strings.HasSuffix(got, `","disposed":true}`) {
		t.Errorf("redraw: %s\nwant %s…\",\"disposed\":true}", got, want)
	}
}

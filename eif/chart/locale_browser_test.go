package chart

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eif-notebooks/eif-notebooks/eif"
)

// localeFigures are figures whose ticks, tooltips and reference lines hold decimals: a
// curve on [0, 1.5] × [-0.3, 0.3], a bifurcation diagram (I_rh = 7.25 nA, a line at
// 6.889 nA) and a log–log chart whose decade labels are 0.001, 0.01 and 0.1.
func localeFigures(l Lang) []*Figure {
	x := grid(0, 1.5, 61)
	y := make([]float64, len(x))
	for k, v := range x {
		y[k] = 0.25 * math.Sin(4*v)
	}
	y[30] = math.NaN() // a gap, which stays a gap
	hs, errs := []float64{1e-3, 1e-2, 1e-1, 1}, []float64{2e-3, 2e-2, 0.2, 2}
	n := eif.MustNew(eif.Default())
	figs := []*Figure{
		XY("wave", "t (s)", "v (mV)", Series{Name: "v", X: x, Y: y}),
		Bifurcation("fixed points", n, 0, 9, 6.889),
		LogLog("log", "dt (ms)", "error (mV)", Series{Name: "e", X: hs, Y: errs, Marker: Filled}),
	}
	figs[0].HLines = []Ref{refOf(0.125, symbolf("v = %g mV", 0.125))}
	for _, f := range figs {
		f.Lang = l
	}
	return figs
}

// chartTextsJS returns, for each chart of the page, the texts echarts drew on its canvas
// (titles, tick labels, labels of reference lines, legends, axis-pointer labels) and the
// text of its tooltip, if one shows.
const chartTextsJS = `[].map.call(document.querySelectorAll(".eif-chart"), function (el) {
  var c = echarts.getInstanceByDom(el), texts = [];
  if (!c) { return {texts: [], tooltip: "no chart"}; }
  c.getZr().storage.getDisplayList(true).forEach(function (d) {
    if (d.style && typeof d.style.text === "string" && d.style.text !== "") { texts.push(d.style.text); }
  });
  var tip = "";
  el.querySelectorAll("div").forEach(function (d) {
    if (d.innerHTML.indexOf("<b>") >= 0 && d.style.display !== "none" && d.style.opacity !== "0") { tip = d.innerText; }
  });
  return {texts: texts, tooltip: tip};
})`

type chartTexts struct {
	Texts   []string `json:"texts"`
	Tooltip string   `json:"tooltip"`
}

// TestBrowserLocale draws the same figures in French and in English in headless Chromium,
// moves the mouse over the first curve of each, and reads back what the page shows: the
// texts drawn on the canvases and the tooltip. French ones have decimal commas and no
// decimal point, and a no-break space between a number and its unit; English ones are
// unchanged. With EIF_CHART_SCREENSHOT_FR=file.png it saves a screenshot of the French
// charts, tooltip shown.
func TestBrowserLocale(t *testing.T) {
	bin := chromium(t)
	fr, en := localeFigures(French), localeFigures(English)
	ctx, cancel := openFigures(t, bin, "", append(fr, en...))
	defer cancel()
	charts := len(fr) + len(en)
	if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(`document.querySelectorAll(".eif-chart canvas").length >= %d`, charts),
		chromedp.WithPollingTimeout(30*time.Second))); err != nil {
		t.Fatalf("the %d charts were not drawn: %v", charts, err)
	}
	// Hover the first chart in each language, at x = 0.6, where the curve is 0.168866.
	hover := func(k int) {
		t.Helper()
		at, err := chromedp.Run(ctx, chromedp.Evaluate[[]float64](fmt.Sprintf(`(function () {
  var el = document.querySelectorAll(".eif-chart")[%d];
  el.scrollIntoView();
  var p = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [0.6, 0.25 * Math.sin(2.4)]), r = el.getBoundingClientRect();
  return [r.left + p[0], r.top + p[1]];
})()`, k)))
		if err != nil {
			t.Fatal(err)
		}
		for _, dx := range []float64{-3, 0} { // a move onto the point, as a hand makes it
			if _, err := chromedp.Run(ctx, chromedp.MouseEvent("mouseMoved", at[0]+dx, at[1])); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := chromedp.Run(ctx, chromedp.Sleep(500*time.Millisecond)); err != nil {
			t.Fatal(err)
		}
	}
	read := func() []chartTexts {
		t.Helper()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartTexts](chartTextsJS))
		if err != nil || len(got) != charts {
			t.Fatalf("reading the charts: %d of %d, %v", len(got), charts, err)
		}
		return got
	}

	hover(0)
	frTexts := read()[:len(fr)]
	if shot := os.Getenv("EIF_CHART_SCREENSHOT_FR"); shot != "" {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err == nil {
			err = os.WriteFile(shot, png, 0o644)
		}
		if err != nil {
			t.Errorf("screenshot: %v", err)
		}
	}
	hover(len(fr))
	enTexts := read()[len(fr):]

	point := regexp.MustCompile(`\d\.\d`)
	comma := regexp.MustCompile(`\d,\d`)
	has := func(texts []string, s string) bool {
		for _, x := range texts {
			if strings.Contains(x, s) {
				return true
			}
		}
		return false
	}
	for k, c := range frTexts {
		for _, x := range c.Texts {
			if point.MatchString(x) {
				t.Errorf("French chart %q draws %q, with a decimal point", fr[k].Title, x)
			}
		}
		if point.MatchString(c.Tooltip) {
			t.Errorf("French chart %q: tooltip %q has a decimal point", fr[k].Title, c.Tooltip)
		}
	}
	for _, want := range []struct {
		chart int
		text  string
	}{
		{0, "-0,2"}, {0, "v = 0,125\u00a0mV"}, // a tick, a reference line
		{1, "I_rh = 7,25\u00a0nA"}, {1, "6,889\u00a0nA"}, // the bifurcation diagram's lines
		{2, "0,001"}, {2, "0,01"}, {2, "0,1"}, // decades
	} {
		if !has(frTexts[want.chart].Texts, want.text) {
			t.Errorf("French chart %q does not draw %q: %q", fr[want.chart].Title, want.text, frTexts[want.chart].Texts)
		}
	}
	if tip := frTexts[0].Tooltip; !strings.Contains(tip, "t (s) = 0,6") || !strings.Contains(tip, "v\u00a0: 0,16887") {
		t.Errorf("French tooltip %q, want t (s) = 0,6 and v\u00a0: 0,16887", tip)
	}
	if got := count(frTexts[0].Texts, `^-?\d+,\d+$`); got < 4 {
		t.Errorf("French chart %q: %d tick labels with a decimal comma, want 4 or more: %q", fr[0].Title, got, frTexts[0].Texts)
	}

	for k, c := range enTexts {
		for _, x := range append(c.Texts, c.Tooltip) {
			if comma.MatchString(x) || strings.Contains(x, "\u00a0") {
				t.Errorf("English chart %q draws %q, with a decimal comma or a no-break space", en[k].Title, x)
			}
		}
	}
	for _, want := range []struct {
		chart int
		text  string
	}{
		{0, "-0.2"}, {0, "v = 0.125 mV"},
		{1, "I_rh = 7.25 nA"}, {1, "6.889 nA"},
		{2, "0.001"}, {2, "0.01"}, {2, "0.1"},
	} {
		if !has(enTexts[want.chart].Texts, want.text) {
			t.Errorf("English chart %q does not draw %q: %q", en[want.chart].Title, want.text, enTexts[want.chart].Texts)
		}
	}
	if tip := enTexts[0].Tooltip; !strings.Contains(tip, "t (s) = 0.6") || !strings.Contains(tip, "v: 0.16887") {
		t.Errorf("English tooltip %q, want t (s) = 0.6 and v: 0.16887", tip)
	}
	if got := count(enTexts[0].Texts, `^-?\d+\.\d+$`); got < 4 {
		t.Errorf("English chart %q: %d tick labels with a decimal point, want 4 or more: %q", en[0].Title, got, enTexts[0].Texts)
	}
}

// count returns how many of texts match the regular expression re.
func count(texts []string, re string) int {
	n := 0
	for _, x := range texts {
		if regexp.MustCompile(re).MatchString(x) {
			n++
		}
	}
	return n
}

package chart

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eif-notebooks/eif-notebooks/internal/browser"
)

// chartSize is the size of a chart's element and of its canvas, in CSS pixels.
type chartSize struct {
	Style   string  `json:"style"` // the element's style height
	W, H    float64 // the element
	CW, CH  float64 // its canvas (0 when it has none)
	Message string  `json:"message"`
}

const chartSizesJS = `Array.from(document.querySelectorAll(".eif-chart")).map(el => {
  const r = el.getBoundingClientRect(), c = el.querySelector("canvas"), cr = c ? c.getBoundingClientRect() : {width: 0, height: 0};
  return {style: el.style.height, W: r.width, H: r.height, CW: cr.width, CH: cr.height, message: el.textContent};
})`

// TestBrowserDrawnWhileHidden draws charts in an element that is not displayed, as a
// notebook's outputs are while JupyterLab or Notebook 7 builds the page of a saved
// notebook, or while an output is collapsed: the script runs, the element has no size.
// When the element is shown, each chart must take its full size, legend lines included;
// before, a chart with a legend took its height from the element (0 px), kept it, and
// stayed blank without a word.
func TestBrowserDrawnWhileHidden(t *testing.T) {
	bin := chromium(t)
	figs := demoFigures(t)
	for _, c := range []struct{ hide, show string }{
		{"display:none", "display:block"},
		// JupyterLab's default windowing skips the rendering of cells off screen
		// (content-visibility: auto); hidden skips it until shown.
		{"content-visibility:hidden", "content-visibility:visible"},
	} {
		t.Run(c.hide, func(t *testing.T) {
			ctx, cancel := openFigures(t, bin, c.hide, figs)
			defer cancel()
			// Drawn while hidden: every chart has its ECharts instance.
			if _, err := chromedp.Run(ctx, chromedp.Poll[bool](fmt.Sprintf(
				`Array.from(document.querySelectorAll(".eif-chart")).filter(el => echarts.getInstanceByDom(el)).length >= %d`, len(figs)),
				chromedp.WithPollingTimeout(30*time.Second))); err != nil {
				t.Fatalf("the %d charts were not drawn while hidden: %v", len(figs), err)
			}
			if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(document.getElementById("outputs").style.cssText = "`+c.show+`", true)`)); err != nil {
				t.Fatal(err)
			}
			time.Sleep(time.Second) // the charts' ResizeObserver refits them
			sizes, err := chromedp.Run(ctx, chromedp.Evaluate[[]chartSize](chartSizesJS))
			if err != nil {
				t.Fatal(err)
			}
			if len(sizes) != len(figs) {
				t.Fatalf("%d charts on the page, want %d", len(sizes), len(figs))
			}
			for k, s := range sizes {
				var style float64
				fmt.Sscanf(s.Style, "%gpx", &style)
				if s.CW < 300 || s.CH < 200 || s.H < style-1 || s.CH < s.H-1 {
					t.Errorf("chart %q, drawn while hidden, then shown: element %.0f×%.0f px (style height %s), canvas %.0f×%.0f px; want the element's full size%s",
						figs[k].Title, s.W, s.H, s.Style, s.CW, s.CH, strings.TrimSuffix(": "+s.Message, ": "))
				}
			}
		})
	}
}

// openFigures writes a page of figs, 900 px wide, inside a div of the given style
// (none when empty), and opens it in Chromium (2 minutes at most).
func openFigures(t *testing.T, bin, style string, figs []*Figure) (context.Context, context.CancelFunc) {
	t.Helper()
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body style=\"margin:0;width:900px\">\n")
	b.WriteString(InitHTML())
	b.WriteString(`<div id="outputs" style="` + style + `">` + "\n")
	for _, f := range figs {
		h, err := f.HTML()
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(h)
	}
	b.WriteString("</div></body></html>\n")
	file := filepath.Join(t.TempDir(), "figures.html")
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(browser.Start(t, bin, 900, 700), 2*time.Minute)
	if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+file)); err != nil {
		cancel()
		t.Fatal(err)
	}
	return ctx, cancel
}

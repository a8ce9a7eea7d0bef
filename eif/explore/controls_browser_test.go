package explore

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
	"github.com/eif-notebooks/eif-notebooks/internal/browser"
)

// TestBrowserSliderValues moves the sliders of English and French controls in headless
// Chromium, with a stand-in for GoNB's connection that records what the page sends, and
// reads the values shown beside the sliders: 12.00 nA and 2.0 mV in English, 12,00 nA and
// 2,0 mV (with no-break spaces) in French. (notebooktest drives the real explorer in
// JupyterLab; this checks the texts in both languages without a kernel.)
func TestBrowserSliderValues(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: no browser")
	}
	bin := browser.Require(t)
	page := "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\n" +
		"<script>var sent = []; globalThis.gonb_comm = {send: function (addr, msg) { sent.push(addr + \" \" + msg); }};</script>\n" +
		controls("en", "/eif/en", gonbComm, 6, 1, chart.English, true) + controls("fr", "/eif/fr", gonbComm, 6, 1, chart.French, true) + "</body></html>"
	file := filepath.Join(t.TempDir(), "controls.html")
	if err := os.WriteFile(file, []byte(page), 0o644); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(browser.Start(t, bin, 800, 400), time.Minute)
	defer cancel()
	if _, err := chromedp.Run(ctx, chromedp.Navigate("file://"+file)); err != nil {
		t.Fatal(err)
	}
	// Move I to 12 nA (position 240) and Δ_T to 2 mV (position 20) in both.
	const move = `["en", "fr"].map(function (id) {
  var root = document.getElementById(id), s = root.querySelectorAll("input");
  s[0].value = 240; s[0].dispatchEvent(new Event("input"));
  s[1].value = 20; s[1].dispatchEvent(new Event("input"));
  return [].map.call(root.querySelectorAll(".eif-slider-value"), function (e) { return e.textContent; });
}).concat([["/eif/en", "/eif/fr"].map(function (a) {
  return sent.filter(function (m) { return m.indexOf(a + " ") === 0; }).pop();
})])`
	got, err := chromedp.Run(ctx, chromedp.Evaluate[[][]string](move))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"I = 12.00 nA", "Δ_T = 2.0 mV"},
		{"I = 12,00\u00a0nA", "Δ_T = 2,0\u00a0mV"},
		{"/eif/en 240 20 0", "/eif/fr 240 20 0"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after the moves the page shows and sends %q, want %q", got, want)
	}
}

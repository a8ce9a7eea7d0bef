package chart

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrowserFrench draws French figures in headless Chromium: each chart replaces its
// French placeholder with a canvas, and a chart without the library says so in French.
func TestBrowserFrench(t *testing.T) {
	bin := chromium(t)
	t.Setenv(LangEnv, "fr")
	w := French.words()
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"></head><body>\n" + InitHTML())
	figs := frenchFigures()
	for _, f := range figs {
		h, err := f.HTML()
		if err != nil {
			t.Fatal(err)
		}
		b.WriteString(h)
	}
	b.WriteString("</body></html>\n")
	alone, err := XY("seul", "x", "y", Series{X: []float64{1, 2}, Y: []float64{3, 4}}).HTML()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	page, lonely := filepath.Join(dir, "page.html"), filepath.Join(dir, "alone.html")
	if err := os.WriteFile(page, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(lonely, []byte("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>"+alone+"</body></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	nbsp := strings.NewReplacer("&nbsp;", "\u00a0")
	dom := nbsp.Replace(withoutScripts(browse(t, bin, page, "--dump-dom")))
	if got := strings.Count(dom, "<canvas"); got < len(figs) {
		t.Errorf("%d canvases for %d French charts", got, len(figs))
	}
	if strings.Contains(dom, w.NotDrawn) || strings.Contains(dom, "eif-chart-error") {
		t.Errorf("a French chart was not drawn")
	}
	if !strings.Contains(dom, w.InitLoaded+"5.6.0") {
		t.Errorf("Init's status line does not say %q", w.InitLoaded+"5.6.0")
	}
	if dom := nbsp.Replace(withoutScripts(browse(t, bin, lonely, "--dump-dom"))); !strings.Contains(dom, w.NoLibrary) {
		t.Errorf("no French message without the library:\n%s", dom)
	}
}

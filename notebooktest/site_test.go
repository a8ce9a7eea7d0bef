package notebooktest_test

import (
	"archive/zip"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/chromedp"

	"github.com/eif-notebooks/eif-notebooks/internal/browser"
	"github.com/eif-notebooks/eif-notebooks/internal/site"
)

// TestSite builds the course website as `make site` does (internal/site.Build), from the
// notebooks TestNotebooksExecute executed into out/test/executed (it runs first: Go runs
// a package's tests in the order of its files; run alone, TestSite reuses what is there
// when it is fresh and executes the rest), into out/test/site and
// out/test/eif-course-site.zip. Then, in headless Chromium with the network cut off:
//   - served over HTTP (a file server on loopback, as a static host): every page of both
//     editions draws every chart and typesets every equation with no request off the
//     server, no JavaScript error, and a link to the same page in the other edition;
//     the search finds the rheobase in both; the explorer starts from WebAssembly and
//     redraws when a slider moves (the median and largest redraw are logged);
//   - unzipped and opened from disk (file://), as a student does: the explorer and the
//     charts and equations of the explorer's page, with no request but file:// ones.
//
// Screenshots go to out/test/site-shots/.
func TestSite(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not building the website")
	}
	if os.Getenv("EIF_NOTEBOOKS") != "" {
		t.Skip("EIF_NOTEBOOKS is set: the website needs every notebook")
	}
	v := requireVenv(t)
	if _, err := os.Stat(filepath.Join(v.Bin, "jupyter-book")); err != nil {
		skipOrFail(t, "the website's packages are not installed (%v): run `make site-setup`, or `make test`", err)
	}
	chrome := browser.Require(t)
	out := filepath.Join(repoRoot, "out", "test")
	dir, zipFile := filepath.Join(out, "site"), filepath.Join(out, "eif-course-site.zip")
	var log strings.Builder
	r, err := site.Build(site.Options{Root: repoRoot, Python: v.Python, Executed: filepath.Join(out, "executed"),
		Out: dir, Zip: zipFile, Execute: true, Env: v.JupyterEnv("", ""), Log: &log})
	if err != nil {
		t.Fatalf("%v\n%s", err, tail(log.String(), 4000))
	}
	t.Logf("site: %d notebooks (%d executed first); pages %v, explorer %v, total %v; site %.1f MB, zip %.1f MB; explorer.wasm %.2f MB, %.2f MB gzipped",
		len(r.Notebooks), len(r.Executed), r.Pages.Round(time.Second), r.Explorer.Round(time.Second), r.Total.Round(time.Second),
		float64(r.SiteBytes)/1e6, float64(r.ZipBytes)/1e6, float64(r.Wasm)/1e6, float64(r.WasmGzip)/1e6)
	shots := filepath.Join(out, "site-shots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}

	t.Run("served", func(t *testing.T) {
		srv := httptest.NewServer(http.FileServer(http.Dir(dir)))
		defer srv.Close()
		ctx := startBrowser(t, chrome)
		watch := watchSite(ctx, func(u string) bool { return sameHost(u, srv.URL) })
		for _, page := range sitePages(t, dir) {
			checkSitePage(t, ctx, srv.URL+"/"+page, page, dir, shots, typesetPage(page))
		}
		for lang, term := range map[string]string{"en": "rheobase", "fr": "rhéobase"} {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"+lang+"/search.html?q="+url.QueryEscape(term))); err != nil {
				t.Fatal(err)
			}
			n := waitSite[int](t, ctx, "the search results", func(n int) bool { return n >= 0 }, jsCall("site_search"))
			if n < 3 {
				t.Errorf("%s: searching %q lists %d page(s), want at least 3", lang, term, n)
			}
		}
		for _, lang := range []string{"en", "fr"} {
			checkSiteExplorer(t, ctx, srv.URL+"/"+lang+"/"+explorerPage(t, dir, lang), lang, shots)
		}
		for _, p := range watch.take() {
			t.Error(p)
		}
	})

	t.Run("unzipped", func(t *testing.T) {
		unzipped := t.TempDir()
		unzip(t, zipFile, unzipped)
		top := filepath.Join(unzipped, site.ZipFolder)
		if _, err := os.Stat(filepath.Join(top, "index.html")); err != nil {
			t.Fatalf("the zip has no %s/index.html: %v", site.ZipFolder, err)
		}
		ctx := startBrowser(t, chrome)
		watch := watchSite(ctx, func(u string) bool {
			return strings.HasPrefix(u, "file://") || strings.HasPrefix(u, "data:") || strings.HasPrefix(u, "about:")
		})
		page := "fr/" + explorerPage(t, top, "fr")
		checkSitePage(t, ctx, "file://"+filepath.Join(top, page), page, top, "", true)
		checkSiteExplorer(t, ctx, "file://"+filepath.Join(top, page), "fr-file", shots)
		for _, p := range watch.take() {
			t.Error(p)
		}
	})
}

// sitePages lists the pages to check: each edition's index, chapters and teacher's pages.
func sitePages(t *testing.T, dir string) []string {
	t.Helper()
	var pages []string
	for _, lang := range []string{"en", "fr"} {
		found, err := filepath.Glob(filepath.Join(dir, lang, "*.html"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range found {
			if b := filepath.Base(p); b != "search.html" && b != "genindex.html" {
				pages = append(pages, lang+"/"+b)
			}
		}
	}
	sort.Strings(pages)
	if len(pages) < 6 {
		t.Fatalf("the site has %d pages: %q", len(pages), pages)
	}
	return pages
}

// explorerPage is the page of the edition lang whose notebook runs the explorer.
func explorerPage(t *testing.T, dir, lang string) string {
	t.Helper()
	found, _ := filepath.Glob(filepath.Join(dir, lang, "*.html"))
	for _, p := range found {
		if b, err := os.ReadFile(p); err == nil && strings.Contains(string(b), `class="eif-explorer-ended"`) {
			return filepath.Base(p)
		}
	}
	t.Fatalf("no page of %s/ holds the explorer", lang)
	return ""
}

// pageSummary is what js/site_page.js reads of a page.
type pageSummary struct {
	Charts, Drawn, ChartErrors int
	Math, Typeset, MathErrors  int
	MathjaxDone                bool
	SwitchTo, Lang, Title      string
	ExplorerNotes, Sliders     int
}

// typesetPage reports whether TestSite waits for every equation of the page to be
// typeset: the glossary's and the first two chapters' in each edition. MathJax 2 takes
// seconds a page on a busy machine, and every page loads it the same way; on the other
// pages the test waits for the charts, and MathJax's errors still count.
func typesetPage(page string) bool {
	_, p, _ := strings.Cut(page, "/")
	return strings.HasPrefix(p, "01-") || strings.HasPrefix(p, "02-") || p == "glossary.html"
}

// checkSitePage opens the page at address u (name: its path in the site at dir) and
// waits until its charts are drawn and, with typeset, its equations typeset; it checks
// the link to the other edition, and saves screenshots into shots ("": none).
func checkSitePage(t *testing.T, ctx context.Context, u, name, dir, shots string, typeset bool) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	s := waitSite[pageSummary](t, ctx, name+": charts drawn and equations typeset", func(s pageSummary) bool {
		return s.Drawn == s.Charts && (!typeset || s.MathjaxDone && (s.Math == 0 || s.Typeset > 0))
	}, jsCall("site_page"))
	switch {
	case s.ChartErrors > 0:
		t.Errorf("%s: %d chart error box(es)", name, s.ChartErrors)
	case s.MathErrors > 0:
		t.Errorf("%s: %d equation(s) MathJax could not typeset", name, s.MathErrors)
	case typeset && s.Math > 0 && s.Typeset == 0:
		t.Errorf("%s: %d equation(s), none typeset", name, s.Math)
	}
	lang, page, _ := strings.Cut(name, "/")
	other := map[string]string{"en": "fr", "fr": "en"}[lang]
	if s.Lang != lang || !strings.HasSuffix(s.SwitchTo, "/"+other+"/"+page) {
		t.Errorf("%s: language %q, link to the other edition %q, want %s/%s", name, s.Lang, s.SwitchTo, other, page)
	} else if _, err := os.Stat(filepath.Join(dir, other, page)); err != nil {
		t.Errorf("%s: the other edition has no such page: %v", name, err)
	}
	if shots != "" && (page == "index.html" || s.Charts > 0 && strings.HasPrefix(page, "02-")) {
		base := filepath.Join(shots, strings.ReplaceAll(strings.TrimSuffix(name, ".html"), "/", "-"))
		screenshot(t, ctx, "", base+".png")
		if s.Charts > 0 {
			screenshot(t, ctx, ".eif-chart", base+"-chart.png")
		}
	}
	t.Logf("%s: %q, %d/%d chart(s) drawn, %d equation(s) typeset", name, s.Title, s.Drawn, s.Charts, s.Typeset)
}

// checkSiteExplorer opens the explorer's page at u, waits for the sliders that the
// WebAssembly program puts there, moves them and logs how long each redraw took, from
// the input event to the next frame after the new charts are drawn, and how much CPU
// time the page's main thread spent on it (the figure to trust on a loaded machine).
func checkSiteExplorer(t *testing.T, ctx context.Context, u, name, shots string) {
	t.Helper()
	if err := chromedp.Do(ctx, chromedp.Navigate(u)); err != nil {
		t.Fatal(err)
	}
	waitSite[pageSummary](t, ctx, name+": the explorer's sliders", func(s pageSummary) bool { return s.Sliders == 2 }, jsCall("site_page"))
	threadTime := mainThreadTime(t, ctx)
	time.Sleep(2 * time.Second) // the page's own work after loading (typesetting) is not the explorer's
	var times, cpu []float64
	for k, move := range []struct {
		slider, pos int
		attr, want  string
	}{
		{0, 240, "i", "12.00"}, {1, 20, "deltat", "2.0"}, {0, 145, "i", "7.25"}, {1, 5, "deltat", "0.5"},
		{0, 160, "i", "8.00"}, {1, 10, "deltat", "1.0"}, {0, 120, "i", "6.00"}, {0, 300, "i", "15.00"},
		{1, 40, "deltat", "4.0"}, {0, 0, "i", "0.00"}, {1, 1, "deltat", "0.1"}, {0, 130, "i", "6.50"},
	} {
		before := threadTime()
		got, err := chromedp.Run(ctx, chromedp.Evaluate[any](jsCall("site_explorer_move", move.slider, move.pos, move.attr, move.want), chromedp.EvalAwaitPromise))
		if err != nil {
			t.Fatalf("%s: move %d: %v", name, k, err)
		}
		ms, ok := got.(float64)
		if !ok {
			t.Fatalf("%s: move %d (slider %d to %d): %v", name, k, move.slider, move.pos, got)
		}
		times = append(times, ms)
		if before >= 0 {
			cpu = append(cpu, threadTime()-before)
		}
		if k == 0 && shots != "" {
			screenshot(t, ctx, ".eif-explorer", filepath.Join(shots, name+"-explorer.png"))
		}
	}
	slices.Sort(times)
	t.Logf("%s: the explorer redrew %d times in the page: median %.1f ms, largest %.1f ms (input event to the frame after both charts are drawn)",
		name, len(times), times[len(times)/2], times[len(times)-1])
	if len(cpu) > 1 {
		cpu = cpu[1:] // the first move starts the page's code paths
		slices.Sort(cpu)
		t.Logf("%s: main-thread CPU a move: median %.1f ms, largest %.1f ms (%d moves after the first)", name, cpu[len(cpu)/2], cpu[len(cpu)-1], len(cpu))
	}
}

// mainThreadTime returns a function that reads the CPU time, in ms, that the page's main
// thread has spent so far (DevTools' ThreadTime metric), or -1 where Chromium does not say.
func mainThreadTime(t *testing.T, ctx context.Context) func() float64 {
	t.Helper()
	if _, err := chromedp.Call(ctx, performance.Enable, performance.EnableParams{TimeDomain: performance.EnableTimeDomainThreadTicks}); err != nil {
		t.Logf("no main-thread CPU time: %v", err)
		return func() float64 { return -1 }
	}
	return func() float64 {
		m, err := chromedp.Call(ctx, performance.GetMetrics, cdp.Empty{})
		if err != nil {
			return -1
		}
		for _, x := range m.Metrics {
			if x.Name == "ThreadTime" {
				return 1000 * x.Value
			}
		}
		return -1
	}
}

// waitSite evaluates expr until ok holds for its value, for up to a minute.
func waitSite[T any](t *testing.T, ctx context.Context, what string, ok func(T) bool, expr string) T {
	t.Helper()
	var v T
	deadline := time.Now().Add(time.Minute)
	for {
		var err error
		if v, err = chromedp.Run(ctx, chromedp.Evaluate[T](expr)); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if ok(v) {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not within a minute: %+v", what, v)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// siteWatch collects JavaScript errors and requests that a page of the site must not make.
type siteWatch struct {
	mu       sync.Mutex
	problems []string
}

func (w *siteWatch) add(format string, args ...any) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, fmt.Sprintf(format, args...))
}

func (w *siteWatch) take() []string {
	time.Sleep(200 * time.Millisecond) // let the event goroutines catch up
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.problems
}

// watchSite watches the pages of ctx: every request must pass allowed, and no page may
// log a JavaScript error.
func watchSite(ctx context.Context, allowed func(string) bool) *siteWatch {
	w := &siteWatch{}
	requests := chromedp.Events(ctx, network.RequestWillBeSent)
	console := chromedp.Console(ctx)
	go func() {
		for ev, err := range requests {
			if err != nil {
				return
			}
			if ev.Request != nil && !allowed(ev.Request.URL) {
				w.add("request off the site: %s", ev.Request.URL)
			}
		}
	}()
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				if mathjaxBlank(m.Text) || strings.HasPrefix(m.URL, "about:") {
					continue
				}
				w.add("JavaScript %s: %s (at %s:%d)", m.Type, m.Text, m.URL, m.Line+1)
			}
		}
	}()
	return w
}

// mathjaxBlank reports whether a console message is MathJax 2's test of its blank font,
// MathJax_Blank, whose source is about:blank: Chromium refuses it and says so, with no
// harm (the HTML exports log the same).
func mathjaxBlank(text string) bool { return strings.Contains(text, "font at 'about:blank'") }

// sameHost reports whether u is on the server's host, or a data, blob or about URL.
func sameHost(u, server string) bool {
	p, err := url.Parse(u)
	if err != nil {
		return false
	}
	s, _ := url.Parse(server)
	return p.Scheme == "data" || p.Scheme == "blob" || p.Scheme == "about" || p.Host == s.Host
}

// unzip extracts the zip file into dir.
func unzip(t *testing.T, file, dir string) {
	t.Helper()
	z, err := zip.OpenReader(file)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	for _, f := range z.File {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if !strings.HasPrefix(p, dir+string(filepath.Separator)) {
			t.Fatalf("the zip holds a path outside its folder: %s", f.Name)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		in, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(in)
		in.Close()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// tail is the end of s, at most n bytes.
func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// screenshot saves what the window shows, scrolled to the first element that matches the
// CSS selector sel ("": the top), as a PNG file.
func screenshot(t *testing.T, ctx context.Context, sel, file string) {
	t.Helper()
	if sel != "" {
		if _, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const e = document.querySelector(`+
			strconv.Quote(sel)+`); if (e) e.scrollIntoView({block: "start"}); return !!e; })()`)); err != nil {
			t.Errorf("screenshot %s: %v", file, err)
			return
		}
		time.Sleep(300 * time.Millisecond)
	}
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Errorf("screenshot %s: %v", file, err)
		return
	}
	if err := os.WriteFile(file, png, 0o644); err != nil {
		t.Error(err)
	}
}

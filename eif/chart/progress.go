package chart

import (
	"crypto/rand"
	"fmt"
	"html"
	"math"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
)

// Progress is a progress bar in the notebook cell, for work that takes a while, such as
// a long simulation. It shows only once the work has taken more than ProgressDelay, is
// redrawn in place at most five times a second, and says "done" with the time taken
// at the end, in the language named by EIF_LANG (see Lang). Outside a notebook it shows
// nothing.
//
//	bar := chart.NewProgress("simulating 100 s")
//	r, err := n.Simulate(s, -70, 1e5, &eif.Settings{Progress: bar.Run(0, 1, 1e5)})
//	bar.Done()
type Progress struct {
	label   string
	lang    Lang   // the language named by EIF_LANG when the bar was made
	id      string // GoNB display id of the bar's output block
	start   time.Time
	drawn   time.Time // when the bar was last drawn; zero before the first time
	shown   bool
	now     func() time.Time
	display func(id, html string)
}

// ProgressDelay is how long work runs before its progress bar shows.
const ProgressDelay = time.Second

// progressEvery is the shortest time between two redraws of a bar.
const progressEvery = 200 * time.Millisecond

// NewProgress starts a progress bar named label; call Done when the work ends.
func NewProgress(label string) *Progress {
	p := &Progress{label: label, lang: EnvLang(), id: "eifprogress_" + rand.Text(), now: time.Now}
	if gonbui.IsNotebook {
		p.display = func(id, h string) {
			gonbui.UpdateHTML(id, h)
			gonbui.Sync()
		}
	}
	p.start = p.now()
	return p
}

// Set records that the fraction f (0 to 1) of the work is done.
func (p *Progress) Set(f float64) {
	now := p.now()
	if p.display == nil || now.Sub(p.start) < ProgressDelay || now.Sub(p.drawn) < progressEvery {
		return
	}
	p.drawn, p.shown = now, true
	p.display(p.id, progressHTML(p.lang, p.label, f, now.Sub(p.start), false))
}

// Run returns a function for eif.Settings.Progress that reports the simulated time t of
// run k (from 0) of n runs of duration ms each as the fraction (k + t/duration)/n.
func (p *Progress) Run(k, n int, duration float64) func(t float64) {
	return func(t float64) {
		if n > 0 && duration > 0 {
			p.Set((float64(k) + t/duration) / float64(n))
		}
	}
}

// Done completes the bar, if it was shown: it then says that the work is done and how
// long it took.
func (p *Progress) Done() {
	if p.display == nil || !p.shown {
		return
	}
	p.display(p.id, progressHTML(p.lang, p.label, 1, p.now().Sub(p.start), true))
}

// progressHTML draws a bar at fraction f, with the label and the time elapsed, in the
// language l.
func progressHTML(l Lang, label string, f float64, elapsed time.Duration, done bool) string {
	if !(f >= 0) { // NaN too
		f = 0
	}
	f = math.Min(f, 1)
	pct := math.Floor(100 * f)
	w := l.words()
	text := l.Sprintf(w.Progress, html.EscapeString(label), pct, elapsed.Seconds())
	if done {
		text = l.Sprintf(w.Done, html.EscapeString(label), elapsed.Seconds())
	}
	return fmt.Sprintf(`<div class="eif-progress" style="font:12px sans-serif;color:#555;display:flex;align-items:center;gap:8px;">`+
		`<progress max="100" value="%.0f" style="width:240px;"></progress><span>%s</span></div>`, pct, text)
}

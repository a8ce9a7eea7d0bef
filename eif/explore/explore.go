package explore

import (
	"fmt"
	"slices"
	"time"

	"github.com/janpfeifer/gonb/gonbui"
	"github.com/janpfeifer/gonb/gonbui/comms"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// Settings are the explorer's settings; a nil *Settings, or a zero field, means the
// default.
type Settings struct {
	// Idle is how long the explorer waits for a move before it ends; 0 means 30 s.
	Idle time.Duration
	// Wait is how long it waits for the page to connect the sliders; 0 means 5 s.
	Wait time.Duration
	// Lang is the language of the sliders, the readout and the charts; "" means the one
	// named by the environment variable EIF_LANG (see chart.Lang).
	Lang chart.Lang
}

const (
	defaultIdle = 30 * time.Second
	defaultWait = 5 * time.Second
)

// settings returns the settings with the defaults filled in.
func (s *Settings) settings() Settings {
	var out Settings
	if s != nil {
		out = *s
	}
	if out.Idle <= 0 {
		out.Idle = defaultIdle
	}
	if out.Wait <= 0 {
		out.Wait = defaultWait
	}
	out.Lang = out.Lang.Resolve()
	return out
}

// End says how an explorer ended.
type End int

const (
	Headless End = iota // no page connected the sliders within Settings.Wait
	Done                // the Done button was pressed
	Idle                // no move for Settings.Idle
	RunAll              // under Run All, it ended at once so the later cells run
)

var endNames = [...]string{Headless: "headless", Done: "done", Idle: "idle", RunAll: "runall"}

// String is the name of e, as the page's data-end attribute has it.
func (e End) String() string {
	if e < 0 || int(e) >= len(endNames) {
		return fmt.Sprintf("End(%d)", int(e))
	}
	return endNames[e]
}

// Stats is what a Run measured: how many pictures it drew and how long the Go side of a
// redraw took (the simulation, the fixed points and the HTML of both charts; the trip to
// the browser and the drawing there come on top).
type Stats struct {
	End         End
	Redraws     int
	Median, Max time.Duration
	I, DeltaT   float64 // the values of the last picture
	Lang        chart.Lang
}

// String reports s in a line, in its language.
func (s Stats) String() string {
	ms := func(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
	return s.Lang.Sprintf(wordsOf(s.Lang).stats, s.Redraws, ms(s.Median), ms(s.Max))
}

// Run shows sliders for the current I (0–15 nA by 0.05 nA) and the slope factor Δ_T
// (0.1–4 mV by 0.1 mV) and a Done button, starting at i and deltaT (the sliders show the
// nearest value in their range; the first picture is at i and deltaT), and redraws View
// at every move, until the explorer ends (see the package doc). It leaves the last
// picture and a line saying how it ended, and returns what it measured. Outside a
// notebook (a Go program or test of its own) it computes the first picture, shows
// nothing and returns at once.
func Run(i, deltaT float64, s *Settings) Stats {
	set := s.settings()
	if !gonbui.IsNotebook {
		// No page can connect: draw the first picture, as a headless run would, and end.
		start := time.Now()
		_ = View(i, deltaT, set.Lang)
		d := time.Since(start)
		return Stats{End: Headless, Redraws: 1, Median: d, Max: d, I: i, DeltaT: deltaT, Lang: set.Lang}
	}
	id := "eif_explorer_" + gonbui.UniqueId()
	addr := "/eif/" + id // the page sends its moves here (see parseMove)
	updates := comms.Listen[string](addr).LatestOnly()
	gonbui.UpdateHTML(id, controls(id, addr, gonbComm, i, deltaT, set.Lang, true))
	var times []time.Duration
	draw := func() {
		start := time.Now()
		h := View(i, deltaT, set.Lang)
		times = append(times, time.Since(start))
		gonbui.UpdateHTML(id+"_view", h)
	}
	draw()
	end := Headless
	timer := time.NewTimer(set.Wait)
loop:
	for {
		select {
		case msg := <-updates.C:
			ni, nd, done, ok := parseMove(msg)
			if !ok {
				continue
			}
			switch done {
			case 1:
				end = Done
				break loop
			case 2:
				end = RunAll
				break loop
			}
			end = Idle // the page answered: the sliders are live
			if ni != i || nd != deltaT {
				i, deltaT = ni, nd
				draw()
			}
			timer.Reset(set.Idle)
		case <-timer.C:
			break loop
		}
	}
	gonbui.UpdateHTML(id, ended(end, i, deltaT, set.Lang))
	gonbui.Sync()
	slices.Sort(times)
	return Stats{End: end, Redraws: len(times), Median: times[len(times)/2], Max: times[len(times)-1],
		I: i, DeltaT: deltaT, Lang: set.Lang}
}

package chart

import (
	"math"
	"strings"
	"testing"
	"time"
)

// TestProgress drives a bar with a fake clock: nothing shows before ProgressDelay, then
// at most one redraw per progressEvery, and Done completes a bar that was shown.
func TestProgress(t *testing.T) {
	clock := time.Unix(0, 0)
	var shown []string
	p := NewProgress("simulating <100 s>")
	p.now = func() time.Time { return clock }
	p.start = clock
	p.display = func(id, h string) {
		if id != p.id {
			t.Errorf("drawn in block %q, want %q", id, p.id)
		}
		shown = append(shown, h)
	}
	run := p.Run(1, 4, 1000) // the second of four runs of 1000 ms
	for ms := 0; ms <= 3000; ms += 50 {
		clock = time.Unix(0, 0).Add(time.Duration(ms) * time.Millisecond)
		run(float64(ms) / 3)
	}
	// Redraws at 1.0, 1.2, …, 3.0 s: 11.
	if len(shown) != 11 {
		t.Fatalf("%d redraws in 3 s, want 11 (from 1 s on, every 200 ms)", len(shown))
	}
	// At 3 s, t = 1000 ms: run 1 of 4 is over, half of the work: 50 %.
	if last := shown[len(shown)-1]; !strings.Contains(last, `value="50"`) || !strings.Contains(last, "50 %, 3.0 s") {
		t.Errorf("last bar %s, want 50 %% at 3.0 s", last)
	}
	if !strings.Contains(shown[0], "simulating &lt;100 s&gt;") {
		t.Errorf("the label is not escaped: %s", shown[0])
	}
	p.Done()
	if done := shown[len(shown)-1]; !strings.Contains(done, "done in 3.0 s") || !strings.Contains(done, `value="100"`) {
		t.Errorf("Done drew %s, want a full bar that says done in 3.0 s", done)
	}

	// Quick work shows nothing, not even at the end.
	shown = nil
	q := NewProgress("quick")
	q.now = func() time.Time { return clock }
	q.start = clock
	q.display = func(_, h string) { shown = append(shown, h) }
	q.Run(0, 1, 10)(5)
	q.Done()
	if len(shown) != 0 {
		t.Errorf("work shorter than ProgressDelay drew %d bar(s)", len(shown))
	}
}

func TestProgressHTMLBounds(t *testing.T) {
	for _, f := range []float64{-1, 2, math.NaN()} {
		h := progressHTML(English, "x", f, time.Second, false)
		if !strings.Contains(h, `value="0"`) && !strings.Contains(h, `value="100"`) {
			t.Errorf("fraction %v: %s", f, h)
		}
	}
}

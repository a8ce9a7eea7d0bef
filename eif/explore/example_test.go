package explore_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
	"github.com/eif-notebooks/eif-notebooks/eif/explore"
)

// View draws one picture of the explorer, here for the report's 6 nA below rheobase.
func ExampleView() {
	h := explore.View(6, 1, chart.French)
	fmt.Println(strings.Count(h, `class="eif-chart"`), "graphiques,", strings.Contains(h, "(instable)"))
	// Output: 2 graphiques, true
}

// A cell prints what Run measured.
func ExampleStats() {
	s := explore.Stats{End: explore.Done, Redraws: 3, Median: 4250 * time.Microsecond, Max: 12 * time.Millisecond, Lang: chart.English}
	fmt.Println(s.End)
	fmt.Println(s)
	// Output:
	// done
	// explorer: 3 redraw(s); redraw time (simulation + fixed points + chart HTML): median 4.25 ms, max 12.00 ms
}

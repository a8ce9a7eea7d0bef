package check

import (
	"fmt"
	"math"
	"os"
)

// exit ends the program; a variable so that the tests can replace it.
var exit = os.Exit

// fail writes the message to stderr and ends the cell's program.
func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "check failed: "+format+"\n", args...)
	exit(1)
}

// Near checks that got is within tol of want. A NaN or infinite got fails.
func Near(name string, got, want, tol float64) {
	if math.IsNaN(got) || math.IsInf(got, 0) || !(math.Abs(got-want) <= tol) {
		fail("%s = %.10g, expected %.10g within %.3g", name, got, want, tol)
	}
}

// Within checks that got lies in [lo, hi], without telling the expected
// value: for a visible test that must not give the answer away.
func Within(name string, got, lo, hi float64) {
	if math.IsNaN(got) || !(got >= lo && got <= hi) {
		fail("%s = %.10g, expected between %.10g and %.10g", name, got, lo, hi)
	}
}

// True checks a condition, described by name.
func True(name string, ok bool) {
	if !ok {
		fail("%s does not hold", name)
	}
}

// NoError checks that err is nil.
func NoError(name string, err error) {
	if err != nil {
		fail("%s: %v", name, err)
	}
}

// Passed reports on stdout that the checks of a part passed.
func Passed(part string) {
	fmt.Printf("%s: the checks passed\n", part)
}

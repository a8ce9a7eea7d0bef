package check

import (
	"fmt"
	"math"
	"os"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
)

// exit ends the program; a variable so that the tests can replace it.
var exit = os.Exit

// french reports whether the messages are in French (EIF_LANG=fr, which the
// French assignments' setup cell sets, as the French notebooks' does).
func french() bool { return chart.EnvLang().Resolve() == chart.French }

// fail writes the message to stderr and ends the cell's program.
func fail(format string, args ...any) {
	prefix := "check failed: "
	if french() {
		prefix = "vérification échouée : "
	}
	fmt.Fprintf(os.Stderr, prefix+format+"\n", args...)
	exit(1)
}

// Near checks that got is within tol of want. A NaN or infinite got fails.
func Near(name string, got, want, tol float64) {
	if math.IsNaN(got) || math.IsInf(got, 0) || !(math.Abs(got-want) <= tol) {
		if french() {
			fail("%s = %.10g, attendu %.10g à %.3g près", name, got, want, tol)
		}
		fail("%s = %.10g, expected %.10g within %.3g", name, got, want, tol)
	}
}

// Within checks that got lies in [lo, hi], without telling the expected
// value: for a visible test that must not give the answer away.
func Within(name string, got, lo, hi float64) {
	if math.IsNaN(got) || !(got >= lo && got <= hi) {
		if french() {
			fail("%s = %.10g, attendu entre %.10g et %.10g", name, got, lo, hi)
		}
		fail("%s = %.10g, expected between %.10g and %.10g", name, got, lo, hi)
	}
}

// True checks a condition, described by name.
func True(name string, ok bool) {
	if !ok {
		if french() {
			fail("%s : à corriger", name)
		}
		fail("%s does not hold", name)
	}
}

// NoError checks that err is nil.
func NoError(name string, err error) {
	if err != nil {
		fail("%s: %v", name, err)
	}
}

// Passed reports on stdout that the checks of a part passed: the test cell's
// last line.
func Passed(part string) { fmt.Println(passed(part)) }

// Sealed is Passed as the autograder runs it. Before it runs a test cell,
// the grader (exercises/eifgrader) replaces the cell's last line,
// check.Passed(part), by check.Sealed(part, seal), with a seal drawn at
// random for that run; the cell earns its points only if this line, seal
// included, is printed. A program that stops before its last line (an
// os.Exit(0) in the answer, say) prints no seal and earns nothing, and an
// answer cannot print the line itself: it cannot know the seal. The grader
// then takes the seal out of the line, and the cell's source back to Passed.
func Sealed(part, seal string) { fmt.Printf("%s (seal %s)\n", passed(part), seal) }

func passed(part string) string {
	if french() {
		return part + " : vérifications réussies"
	}
	return part + ": the checks passed"
}

package notebooktest

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
)

// CompileNumberPattern compiles the Pattern (or FR) of a Number: a regexp
// with exactly one capture group, around the number.
func CompileNumberPattern(p string) (*regexp.Regexp, error) {
	re, err := regexp.Compile(p)
	if err != nil {
		return nil, err
	}
	if re.NumSubexp() != 1 {
		return nil, fmt.Errorf("pattern %q has %d capture groups, want exactly 1 (use (?:...) for the others)", p, re.NumSubexp())
	}
	return re, nil
}

// CheckNumbers checks the PrintedNumbers entries of one executed notebook. A
// notebook of the French edition is held to its English twin's entries: the
// same numbers, found with each entry's French pattern (FR) if it has one.
func CheckNumbers(t testing.TB, name string, nb *notebooks.Notebook) {
	t.Helper()
	texts := nb.Texts()
	for _, num := range PrintedNumbers[notebooks.English(name)] {
		if notebooks.IsFrench(name) && num.FR != "" {
			num.Pattern = num.FR
		}
		re, err := CompileNumberPattern(num.Pattern)
		if err != nil {
			t.Errorf("checks.go: %v", err)
			continue
		}
		var m []string
		for _, s := range texts {
			if m = re.FindStringSubmatch(s); m != nil {
				break
			}
		}
		if m == nil {
			t.Errorf("%s: no output matches %q (PrintedNumbers in notebooktest/checks.go)", name, num.Pattern)
			continue
		}
		s := strings.TrimSpace(strings.ReplaceAll(m[1], "−", "-"))
		got, err := strconv.ParseFloat(s, 64)
		if err != nil {
			t.Errorf("%s: %q matched %q, which is not a number", name, num.Pattern, m[1])
			continue
		}
		if !(math.Abs(got-num.Want) <= num.Tol) {
			t.Errorf("%s: %q printed %v, want %v ± %v", name, num.Pattern, got, num.Want, num.Tol)
		} else {
			t.Logf("%s: %q printed %v (want %v ± %v)", name, num.Pattern, got, num.Want, num.Tol)
		}
	}
}

// CheckExecuted checks an executed notebook: no failing cell and every code
// cell executed (internal/notebooks' rule, Notebook.Failures), and the
// PrintedNumbers of that notebook.
func CheckExecuted(t testing.TB, name string, nb *notebooks.Notebook) {
	t.Helper()
	for _, f := range nb.Failures() {
		t.Errorf("%s: %s", name, f)
	}
	CheckNumbers(t, name, nb)
}

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
		if notebooks.IsFrench(name) {
			s = strings.Replace(s, ",", ".", 1) // the French edition prints 7,25 (nb.Printf)
		}
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
// cell executed (internal/notebooks' rule, Notebook.Failures), the
// PrintedNumbers of that notebook, and, for a French notebook not Pending, that
// it prints French (FrenchOutputProblems).
func CheckExecuted(t testing.TB, name string, nb *notebooks.Notebook) {
	t.Helper()
	for _, f := range nb.Failures() {
		t.Errorf("%s: %s", name, f)
	}
	CheckNumbers(t, name, nb)
	if _, ok := Pending[notebooks.English(name)]; notebooks.IsFrench(name) && !ok {
		for _, p := range FrenchOutputProblems(nb) {
			t.Errorf("%s: %s", name, p)
		}
	}
}

var (
	englishBool  = regexp.MustCompile(`\b(true|false)\b`)
	decimalPoint = regexp.MustCompile(`\d\.\d`)
	unitSpace    = regexp.MustCompile(`\d (mV|ms|nA|Hz|MΩ|pC|nF|%)(?:[^\pL\pN]|$)`)
)

// FrenchOutputProblems lists the printed text of a French notebook that is not French:
// a boolean printed true or false (nb.Printf prints oui and non), a number printed
// with a decimal point (nb.Printf prints 7,25), or a number and its unit with an
// ordinary space between them (nb.Printf joins them with a no-break space).
func FrenchOutputProblems(nb *notebooks.Notebook) []string {
	var out []string
	for i, c := range nb.Cells {
		for _, o := range c.Outputs {
			if o.OutputType != "stream" || o.Name != "stdout" {
				continue
			}
			for _, l := range strings.Split(string(o.Text), "\n") {
				if englishBool.MatchString(l) || decimalPoint.MatchString(l) || unitSpace.MatchString(l) {
					out = append(out, fmt.Sprintf("%s printed %q: print with nb.Printf, which writes 7,25, oui/non and a no-break space before units in French", nb.CellName(i), l))
				}
			}
		}
	}
	return out
}

package nb

import (
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/eif-notebooks/eif-notebooks/eif/chart"
	"github.com/janpfeifer/gonb/gonbui"
)

// french reports whether the notebook's language is French (EIF_LANG=fr; see package
// chart, which owns that rule).
func french() bool { return chart.EnvLang() == chart.French }

// in returns en, or fr in the French edition.
func in(en, fr string) string {
	if french() {
		return fr
	}
	return en
}

// exit ends the cell's program; tests replace it.
var exit = os.Exit

// Must returns v when err is nil. Otherwise it prints err on one line of the cell's
// standard error ("error: …", in French "erreur : …"), which the notebook shows in red,
// and ends the cell's program with status 1, so that Run All stops at this cell.
func Must[T any](v T, err error) T {
	if err != nil {
		Stop(err)
	}
	return v
}

// Stop prints err as Must does and ends the cell's program. A nil err does nothing.
func Stop(err error) {
	if err == nil {
		return
	}
	fmt.Fprintln(os.Stderr, in("error: ", "erreur\u00a0: ")+err.Error())
	exit(1)
}

// Printf is fmt.Printf with the numbers and booleans of args in the notebook's language.
func Printf(format string, args ...any) { fmt.Print(Sprintf(format, args...)) }

// Sprintf is fmt.Sprintf with the numbers and booleans of args in the notebook's language.
func Sprintf(format string, args ...any) string { return fmt.Sprintf(format, local(args)...) }

// Println is fmt.Println with the numbers and booleans of args in the notebook's language.
func Println(args ...any) { fmt.Println(local(args)...) }

// local returns args with, in the French edition, each float and bool (and slice of them)
// wrapped in a type that formats itself the French way.
func local(args []any) []any {
	if !french() {
		return args
	}
	out := make([]any, len(args))
	for k, a := range args {
		switch a := a.(type) {
		case float64:
			out[k] = frFloat(a)
		case float32:
			out[k] = frFloat(a)
		case bool:
			out[k] = frBool(a)
		case []float64:
			fs := make([]frFloat, len(a))
			for i, x := range a {
				fs[i] = frFloat(x)
			}
			out[k] = fs
		case []bool:
			bs := make([]frBool, len(a))
			for i, x := range a {
				bs[i] = frBool(x)
			}
			out[k] = bs
		default:
			out[k] = a
		}
	}
	return out
}

// frFloat is a float written with a decimal comma.
type frFloat float64

func (x frFloat) Format(s fmt.State, verb rune) {
	text := fmt.Sprintf(fmt.FormatString(s, verb), float64(x))
	if verb != 'x' && verb != 'X' && verb != 'b' { // hexadecimal and binary floats keep Go's form
		text = strings.Replace(text, ".", ",", 1)
	}
	fmt.Fprint(s, text)
}

// frBool is a boolean written oui or non.
type frBool bool

func (b frBool) Format(s fmt.State, verb rune) {
	if verb != 'v' && verb != 't' && verb != 's' {
		fmt.Fprintf(s, fmt.FormatString(s, verb), bool(b))
		return
	}
	word := "non"
	if b {
		word = "oui"
	}
	f := fmt.FormatString(s, verb)
	fmt.Fprintf(s, f[:len(f)-1]+"s", word)
}

// Table shows a table in the notebook: the header, then one line per row, as Markdown.
// A "|" in a cell is escaped. Outside a notebook it prints the Markdown.
func Table(header []string, rows ...[]string) {
	var b strings.Builder
	line := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + strings.ReplaceAll(c, "|", `\|`) + " |")
		}
		b.WriteString("\n")
	}
	line(header)
	b.WriteString("|" + strings.Repeat("---|", len(header)) + "\n")
	for _, r := range rows {
		line(r)
	}
	if !gonbui.IsNotebook {
		fmt.Print(b.String())
		return
	}
	gonbui.DisplayMarkdown(b.String())
	gonbui.Sync() // the table reaches the notebook before the cell's program ends
}

// SelfCheck prints whether got, the student's value of what, is within tol of want, the
// value the cell computes: "right", or "not yet" and the hint. It returns whether it is.
// A value that is not a number (NaN, ±Inf) is never right; a want that is not a number
// means the cell could not compute it, and SelfCheck says so.
func SelfCheck(what string, got, want, tol float64, hint string) bool {
	tol = math.Abs(tol)
	switch {
	case math.IsNaN(want) || math.IsInf(want, 0):
		Printf(in("? %s: the cell could not compute the expected value (%v): check the parameters above\n",
			"? %s\u00a0: la cellule n'a pas pu calculer la valeur attendue (%v)\u00a0: vérifiez les paramètres ci-dessus\n"), what, want)
		return false
	case math.Abs(got-want) <= tol:
		Printf(in("✓ %s: your value %g is right (computed: %g, tolerance ±%g)\n",
			"✓ %s\u00a0: votre valeur %g est juste (calculée\u00a0: %g, tolérance ±%g)\n"), what, got, want, tol)
		return true
	}
	Printf(in("✗ %s: your value %g is not right yet. Hint: %s\n",
		"✗ %s\u00a0: votre valeur %g n'est pas encore juste. Indice\u00a0: %s\n"), what, got, hint)
	return false
}

package nb

import (
	"errors"
	"fmt"
	"math"
	"os"
	"strings"

	"github.com/eif-notebooks/eif-notebooks/eif"
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
// and ends the cell's program there, cleanly (status 0): the one red line is all the
// student sees, and the next cells, separate programs, still run.
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
	exit(0)
}

// Require stops the cell's program, as Must does, unless ok: it prints the message, formatted
// like Sprintf in the notebook's language, on one red line ("error: …", in French
// "erreur : …"). It is a cell's own check of its parameters, for a rule of the cell that
// no function of the packages checks: write the parameter, its value and the rule, in
// each edition's language.
//
//	nb.Require(skip < T, "skip = %g ms: must be shorter than T = %g ms", skip, T)
func Require(ok bool, format string, args ...any) {
	if !ok {
		Stop(errors.New(Sprintf(format, args...)))
	}
}

// Printf prints like fmt.Printf, in the notebook's language: chart.Printf, the one rule
// for the course's numbers. Float arguments take the language's decimal sign (7,25 in
// French), booleans read yes/no or oui/non, and French text gets its no-break spaces
// (between a number and its unit, before : ; ? !).
func Printf(format string, args ...any) { chart.Printf(format, args...) }

// Sprintf formats like fmt.Sprintf, in the notebook's language (see Printf): for chart
// titles and table cells.
func Sprintf(format string, args ...any) string { return chart.Sprintf(format, args...) }

// Println prints its arguments like fmt.Println, in the notebook's language (see Printf).
func Println(args ...any) {
	chart.Printf(strings.TrimSuffix(strings.Repeat("%v ", len(args)), " ")+"\n", args...)
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

// Spikes describes the spikes of a run in the notebook's language: how many and the time
// of the first ("2 spikes, the first at t = 0.0765 ms"), or that there is none and where
// the voltage ended ("no spike, u(50 ms) = -70.0000 mV"; in French « aucun PA … »).
func Spikes(r *eif.Result) string {
	switch {
	case r == nil || len(r.T) == 0:
		return in("no run", "aucune simulation")
	case len(r.Spikes) == 0:
		return Sprintf(in("no spike, u(%g ms) = %.4f mV", "aucun PA, u(%g ms) = %.4f mV"), r.T[len(r.T)-1], r.U[len(r.U)-1])
	case len(r.Spikes) == 1:
		return Sprintf(in("1 spike, at t = %.4f ms", "1 PA, à t = %.4f ms"), r.Spikes[0])
	}
	return Sprintf(in("%d spikes, the first at t = %.4f ms", "%d PA, le premier à t = %.4f ms"), len(r.Spikes), r.Spikes[0])
}

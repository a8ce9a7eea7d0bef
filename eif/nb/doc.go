// Package nb holds the few conveniences that the course's notebooks would otherwise write
// out in every cell, so that a cell shows its science and not its plumbing. It holds no
// science: the model, its analysis and its numbers are package eif's, the charts package
// chart's. Read it with `go doc ./eif/nb`.
//
// # Stopping a cell on an error
//
// Must builds a value or stops the cell's program with the package's one-line reason,
// in red, instead of a panic trace:
//
//	p := eif.Default()
//	p.DeltaT = -1            // not allowed
//	n := nb.Must(eif.New(p)) // prints "error: eif: DeltaT = -1: must be ≥ 0 mV" and stops
//
// Each notebook cell is a separate Go program, so stopping it loses nothing: the next
// cell starts afresh.
//
// Require does the same for a rule of the cell's own, with a message in the notebook's
// language that names the parameter and the rule:
//
//	nb.Require(skip < T, "skip = %g ms: must be shorter than T = %g ms", skip, T)
//
// # Printing in the notebook's language
//
// Printf, Sprintf and Println print like fmt's, in the notebook's language, by the rule of
// package chart (chart.Sprintf), the same as the charts' labels: in the French edition
// (EIF_LANG=fr, set by the setup cell) a float is written with a decimal comma, 7,25, a
// boolean reads oui or non (yes or no in English), and a no-break space joins a number to
// its unit and comes before : ; ? !. The format strings are each edition's own: a French
// cell writes "rhéobase I_rh = %.4f nA :" with ordinary spaces.
//
//	nb.Printf("rheobase I_rh = %.4f nA\n", n.Rheobase()) // 7.2500 (French: 7,2500)
//
// Code keeps Go's decimal point: write 7.25 in a cell, never 7,25 (Go reads the comma as
// a separator between two values).
//
// # Tables
//
// Table shows a table in the notebook, as Markdown, from a header and rows of text.
//
// # Curves
//
// Apply returns f(x) for each x of a grid: the y values of a chart's series, from a
// function of the model, without a loop in the cell.
//
//	I := floats.Span(make([]float64, 101), 0, 10) // currents (nA)
//	rate := nb.Apply(n.Rate, I)                   // the f–I curve (Hz)
//
// # Self-checks
//
// SelfCheck is the check of a "Your turn" task: it prints whether the student's value is
// right, within a tolerance of the value the cell computes, and a hint when it is not.
// It grades nothing: the graded work is in exercises/.
package nb

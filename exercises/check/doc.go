// Package check holds the assertions of the graded exercises in exercises/.
//
// A test cell of an exercise notebook calls them on the student's answer:
//
//	%%
//	u1, u2 := fixedPointsI0(n)
//	check.Near("A1: f(u*₁) (mV/ms)", n.DuDt(u1, 0), 0, 1e-9)
//	check.True("A1: u*₁ < u*₂", u1 < u2)
//	check.Passed("A1")
//
// A check that holds prints nothing. One that fails writes what was expected
// to stderr and ends the cell's program with exit status 1, so GoNB shows an
// error and nbgrader gives the cell no points; the cells that follow still
// run. Passed prints one line to stdout, never to stderr: nbgrader counts any
// stderr output as a failure.
package check

// Package check holds the assertions of the graded exercises in exercises/.
//
// A test cell of an exercise notebook calls them on the student's answer, and
// ends with Passed:
//
//	%%
//	u1, u2, err := fixedPointsI0(n)
//	check.NoError("Ex. 1", err)
//	check.Near("Ex. 1: f(u1) (mV/ms)", n.DuDt(u1, 0), 0, 1e-9)
//	check.True("Ex. 1: u1 < u2", u1 < u2)
//	check.Passed("Ex. 1")
//
// A check that holds prints nothing. One that fails writes what was expected
// to stderr and ends the cell's program with exit status 1, so GoNB shows an
// error and nbgrader gives the cell no points; the cells that follow still
// run. Passed prints one line to stdout, never to stderr: nbgrader counts any
// stderr output as a failure.
//
// A test cell earns its points only if it ran to its end. nbgrader alone
// would give them to a program that stops early without an error (an
// os.Exit(0) in the answer); the course's grader does not: it runs the cell
// with its last line turned into Sealed, with a seal drawn for that run, and
// wants the sealed line printed (see Sealed, and exercises/eifgrader).
//
// With EIF_LANG=fr (the French assignments' setup cell sets it) the messages
// are in French: « Ex. 1 : vérifications réussies », « vérification échouée : … ».
// Numbers keep Go's notation (7.25), as the code writes them.
package check

package notebooks

// Entry is one notebook of the course.
type Entry struct {
	// File is its file name in notebooks/, and that of its French twin in notebooks/fr/.
	File string
	// Theme says what it teaches, in a few words.
	Theme string
	// Report is the part of the student report it follows, or "" beyond the report.
	Report string
	// Planned, when not empty, says that the notebook is not written yet and why: its
	// number and name are fixed, and the tests do not ask for the file.
	Planned string
}

// Course is the course's notebooks in the order students take them: the one table of
// their numbers and names (notebooks/README.md shows it to people). The notebooks'
// folder holds exactly these files, each with its French twin (TestCourseIsTheFolder),
// except the entries that are Planned.
var Course = []Entry{
	{File: "01-part-a-no-current.ipynb", Theme: "the EIF without current: phase line, fixed points, effective threshold, LIF", Report: "Partie A (A1–A4)"},
	{File: "02-part-b-current.ipynb", Theme: "a current: pulse, fixed points, saddle-node, rheobase, three thresholds", Report: "Partie B (B1–B5)"},
	{File: "03-part-b-lif-comparison.ipynb", Theme: "the linear LIF under the same stimuli, and the conclusion", Report: "Partie B, le LIF linéaire; Conclusion"},
	{File: "04-firing-and-thresholds.ipynb", Theme: "beyond the report: firing rate, onset, latency, strength–duration, summation"},
	{File: "05-trusting-integrators.ipynb", Theme: "beyond the report: how far to trust Euler, RK4 and the adaptive integrator"},
	{File: "06-noise.ipynb", Theme: "going further (approfondissement): the EIF under noisy input"},
}

package notebooks

// SampleFrench is the one notebook of the French edition that the costliest
// tests run besides the English ones (Sample): notebook 02, which the class
// test runs too and which shows the most charts.
const SampleFrench = French + "/02-part-b-current.ipynb"

// Sample returns the notebooks of names (paths of List) that the costliest
// tests run, to keep CI within its budget as the course grows: the English
// ones and SampleFrench. The French edition's code is the English one's,
// token for token (notebooktest's sync test), and its printed numbers are
// checked by the execution test, which runs every notebook; so a test that
// runs each notebook's programs again (in the image, under the memory limit)
// learns nothing more from every French twin, and one still runs the
// French edition's path (EIF_LANG=fr, its labels and number format).
func Sample(names []string) []string {
	var out []string
	for _, n := range names {
		if !IsFrench(n) || n == SampleFrench {
			out = append(out, n)
		}
	}
	return out
}

// Package notebooks is the project's test tooling for its Jupyter notebooks:
// which notebooks there are (List: notebooks/*.ipynb and the French edition,
// notebooks/fr/*.ipynb; Course: their numbers, names and themes, in the
// course's order), the .ipynb format as far as the tests read it, and
// the one rule for what makes an executed cell a failure (OutputProblem).
//
// scripts/run_notebooks.py only executes and exports notebooks; the tests
// (notebooktest) and `make run` (internal/cmd/runnotebooks) judge the
// executed notebooks with this package, and the browser test judges the
// outputs it reads from JupyterLab's page with it too.
package notebooks

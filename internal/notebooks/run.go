package notebooks

import (
	"path/filepath"
)

// RunArgs is the command line that executes and exports the notebooks
// names (paths of List, relative to the notebooks' folder of the repository
// at root) with scripts/run_notebooks.py under python, into out: the
// executed notebook of name is out/name, its HTML export beside it.
func RunArgs(python, root, out string, names []string, more ...string) []string {
	dir := filepath.Join(root, "notebooks")
	args := []string{python, filepath.Join(root, "scripts", "run_notebooks.py"), "--out", out, "--root", dir}
	args = append(args, more...)
	for _, n := range names {
		args = append(args, filepath.Join(dir, filepath.FromSlash(n)))
	}
	return args
}

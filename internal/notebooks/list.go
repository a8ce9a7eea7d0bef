package notebooks

import (
	"fmt"
	"path"
	"path/filepath"
	"slices"
	"strings"
)

// French is the folder of the French edition inside the notebooks' folder:
// each notebook there has the file name of its English twin.
const French = "fr"

// List returns the notebooks of the notebooks' folder dir, as paths relative
// to dir with forward slashes: the English ones (*.ipynb), sorted, then the
// French edition's (fr/*.ipynb), sorted, when there are any. It is the one
// list that the tests and `make run` use.
func List(dir string) ([]string, error) {
	var names []string
	for _, pattern := range []string{"*.ipynb", path.Join(French, "*.ipynb")} {
		found, err := filepath.Glob(filepath.Join(dir, filepath.FromSlash(pattern)))
		if err != nil {
			return nil, err
		}
		var rel []string
		for _, p := range found {
			r, err := filepath.Rel(dir, p)
			if err != nil {
				return nil, err
			}
			rel = append(rel, filepath.ToSlash(r))
		}
		slices.Sort(rel)
		names = append(names, rel...)
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("notebooks: no notebook (*.ipynb) in %s", dir)
	}
	return names, nil
}

// English returns the file name of the English notebook that name (a path
// of List) is, or is the French twin of: "fr/02-x.ipynb" gives "02-x.ipynb".
// The French twin is held to the English notebook's checks.
func English(name string) string {
	if rest, ok := strings.CutPrefix(name, French+"/"); ok {
		return rest
	}
	return name
}

// IsFrench reports whether name (a path of List) is in the French edition.
func IsFrench(name string) bool { return strings.HasPrefix(name, French+"/") }

package deploytest_test

import (
	"path/filepath"
	"testing"

	"github.com/eif-notebooks/eif-notebooks/internal/notebooks"
	"github.com/eif-notebooks/eif-notebooks/internal/testenv"
)

// repoRoot is the repository's root.
var repoRoot = testenv.RepoRoot()

// notebookNames lists the notebooks of ../notebooks (notebooks.List: the
// English ones, then the French edition's), as paths relative to that folder.
func notebookNames(t *testing.T) []string {
	t.Helper()
	names, err := notebooks.List(filepath.Join(repoRoot, "notebooks"))
	if err != nil {
		t.Fatal(err)
	}
	return names
}

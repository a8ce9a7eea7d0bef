package notebooktest_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestMain runs the tests in the notebooks' folder, ../notebooks: they name
// notebooks by their file names, and the GoNB kernel works there too.
func TestMain(m *testing.M) {
	if err := os.Chdir(filepath.Join(repoRoot, "notebooks")); err != nil {
		fmt.Fprintln(os.Stderr, "notebooktest:", err)
		os.Exit(2)
	}
	os.Exit(m.Run())
}

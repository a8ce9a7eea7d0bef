package notebooks

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Code is the newest file of the Go code that the notebooks run: go.mod, go.sum and every
// file under eif/ but tests and test data.
type Code struct {
	File string // relative to the repository's root
	Time time.Time
}

// CodeTime returns the newest file of the Go code that the notebooks run, in the
// repository at root.
func CodeTime(root string) (Code, error) {
	var newest Code
	note := func(p string) error {
		info, err := os.Stat(p)
		if err != nil {
			return err
		}
		if info.ModTime().After(newest.Time) {
			rel, _ := filepath.Rel(root, p)
			newest = Code{filepath.ToSlash(rel), info.ModTime()}
		}
		return nil
	}
	for _, f := range []string{"go.mod", "go.sum"} {
		if err := note(filepath.Join(root, f)); err != nil {
			return Code{}, err
		}
	}
	err := filepath.WalkDir(filepath.Join(root, "eif"), func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir() && d.Name() == "testdata":
			return filepath.SkipDir
		case d.IsDir() || strings.HasSuffix(d.Name(), "_test.go"):
			return nil
		}
		return note(p)
	})
	return newest, err
}

// Stale says why the executed notebook of name (a path of List) in the folder executed
// cannot stand for the notebook of the notebooks' folder dir, or "" when it can: it is
// missing, its cells (their kinds and sources) are not the notebook's, so it ran another
// version, or it is older than the newest file of code (CodeTime), so the code it ran has
// changed since.
func Stale(dir, executed, name string, code Code) (string, error) {
	src, err := Read(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return "", err
	}
	path := filepath.Join(executed, filepath.FromSlash(name))
	info, err := os.Stat(path)
	if errors.Is(err, fs.ErrNotExist) {
		return "not executed yet", nil
	} else if err != nil {
		return "", err
	}
	ran, err := Read(path)
	if err != nil {
		return "", err
	}
	if len(ran.Cells) != len(src.Cells) {
		return fmt.Sprintf("the notebook has %d cells, its executed copy %d", len(src.Cells), len(ran.Cells)), nil
	}
	for i, c := range src.Cells {
		if r := ran.Cells[i]; r.CellType != c.CellType || r.Source != c.Source {
			return src.CellName(i) + " has changed since it was executed", nil
		}
	}
	if info.ModTime().Before(code.Time) {
		return fmt.Sprintf("%s changed after it was executed (%s)", code.File, info.ModTime().Format(time.DateTime)), nil
	}
	return "", nil
}

package site

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A repository with two notebooks, English and French, and their executed copies.
func fixture(t *testing.T) (root, executed string) {
	t.Helper()
	root, executed = t.TempDir(), t.TempDir()
	old := time.Now().Add(-time.Hour)
	files := map[string]string{
		"go.mod": "module x\n", "go.sum": "", "eif/x.go": "package eif\n",
		"notebooks/01-a.ipynb":    `{"cells": [{"cell_type": "code", "source": "fmt.Println(1)", "outputs": []}]}`,
		"notebooks/fr/01-a.ipynb": `{"cells": [{"cell_type": "code", "source": "fmt.Println(1)", "outputs": []}]}`,
	}
	for name, body := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		write(t, p, body)
		os.Chtimes(p, old, old)
	}
	for _, name := range []string{"01-a.ipynb", "fr/01-a.ipynb"} {
		write(t, filepath.Join(executed, filepath.FromSlash(name)),
			`{"cells": [{"cell_type": "code", "source": "fmt.Println(1)", "execution_count": 1, "outputs": [{"output_type": "stream", "name": "stdout", "text": "1\n"}]}]}`)
	}
	return root, executed
}

func write(t *testing.T, p, body string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

// Bad input: a notebook that failed stops the build with its name and the failing cell;
// a stale one stops it with its name and why, unless it may be executed again.
func TestBuildRefuses(t *testing.T) {
	root, executed := fixture(t)
	write(t, filepath.Join(executed, "fr", "01-a.ipynb"),
		`{"cells": [{"cell_type": "code", "source": "fmt.Println(1)", "execution_count": 1, "outputs": [{"output_type": "error", "ename": "ERROR", "evalue": "failed to run go build"}]}]}`)
	_, err := Build(Options{Root: root, Executed: executed, Out: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), `fr/01-a.ipynb: cell 0 (code cell #1, starts "fmt.Println(1)"): error output: ERROR: failed to run go build`) {
		t.Errorf("a failed notebook: %v", err)
	}

	root, executed = fixture(t)
	write(t, filepath.Join(root, "notebooks", "01-a.ipynb"), `{"cells": [{"cell_type": "code", "source": "fmt.Println(2)", "outputs": []}]}`)
	_, err = Build(Options{Root: root, Executed: executed, Out: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "not built from stale outputs") ||
		!strings.Contains(err.Error(), `01-a.ipynb: cell 0 (code cell #1, starts "fmt.Println(2)") has changed since it was executed`) {
		t.Errorf("a stale notebook: %v", err)
	}

	root, executed = fixture(t)
	write(t, filepath.Join(root, "eif", "x.go"), "package eif // edited\n")
	_, err = Build(Options{Root: root, Executed: executed, Out: t.TempDir()})
	if err == nil || !strings.Contains(err.Error(), "eif/x.go changed after it was executed") {
		t.Errorf("code edited after the run: %v", err)
	}
}

func TestZip(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "index.html"), "<p>x</p>")
	write(t, filepath.Join(dir, "fr", "a.html"), "<p>y</p>")
	file := filepath.Join(t.TempDir(), "s.zip")
	n, err := Zip(dir, file, ZipFolder)
	if err != nil || n <= 0 {
		t.Fatalf("Zip: %d, %v", n, err)
	}
}

package notebooks_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotebookWithoutSetupCell runs, through the real kernel, a notebook whose only cell
// imports eif without the setup cell before it. The kernel works offline (GOPROXY=off),
// so the import cannot be resolved: the cell must fail and say to run the setup cell
// (scripts/kernel_go.sh adds that line), not only that the module lookup is disabled.
func TestNotebookWithoutSetupCell(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: not executing notebooks")
	}
	v := requireVenv(t)
	dir := filepath.Join(repoRoot, "out", "test", "no-setup")
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	nb := map[string]any{
		"cells": []any{map[string]any{
			"cell_type": "code", "id": "no-setup", "metadata": map[string]any{}, "outputs": []any{}, "execution_count": nil,
			"source": "import \"github.com/eif-notebooks/eif-notebooks/eif\"\n\n%%\nfmt.Println(eif.Default().Tau)\n",
		}},
		"metadata":       map[string]any{"kernelspec": map[string]any{"name": "gonb", "display_name": "Go (gonb)", "language": "go"}},
		"nbformat":       4,
		"nbformat_minor": 5,
	}
	b, err := json.Marshal(nb)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "no-setup.ipynb")
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(v.python, filepath.Join(repoRoot, "scripts", "run_notebooks.py"), "--no-html", "--out", filepath.Join(dir, "out"), path)
	cmd.Dir = repoRoot
	cmd.Env = v.jupyterEnv("", "")
	report, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("a notebook without its setup cell ran without error:\n%s", report)
	}
	ran, err := readNotebook(filepath.Join(dir, "out", "no-setup.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	problems := strings.Join(ran.problems(), "\n")
	const want = "run the setup cell first"
	if !strings.Contains(problems, want) {
		t.Errorf("the cell failed without saying %q; it said:\n%s", want, problems)
	}
	t.Logf("the cell says:\n%s", problems)
}

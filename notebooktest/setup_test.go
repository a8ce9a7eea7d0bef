package notebooktest_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestNotebookWithoutSetupCell runs through the real kernel two notebooks whose only cell
// imports a package no module of the notebook provides. The kernel works offline
// (GOPROXY=off), so neither import resolves, and each cell must say what to do
// (the kernel's go, internal/cmd/kernelgo, adds that), not only that the module lookup is disabled:
//   - eif without the setup cell before it: "run the setup cell first";
//   - a module that is not a dependency: how to add one on purpose.
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
	cases := []struct{ name, source, want string }{
		{"no-setup.ipynb", "import \"github.com/eif-notebooks/eif-notebooks/eif\"\n\n%%\nfmt.Println(eif.Default().Tau)\n",
			"SETUP NEEDED: run the setup cell first"},
		{"new-module.ipynb", "import \"example.com/eif-notebooks-test/missing\"\n\n%%\nmissing.F()\n",
			"!*GOPROXY=$EIF_GOPROXY GOSUMDB=$EIF_GOSUMDB go get MODULE@VERSION"},
	}
	args := []string{filepath.Join(repoRoot, "scripts", "run_notebooks.py"), "--no-html", "--out", filepath.Join(dir, "out")}
	for _, c := range cases {
		nb := map[string]any{
			"cells": []any{map[string]any{
				"cell_type": "code", "id": "only", "metadata": map[string]any{}, "outputs": []any{}, "execution_count": nil,
				"source": c.source,
			}},
			"metadata":       map[string]any{"kernelspec": map[string]any{"name": "gonb", "display_name": "Go (gonb)", "language": "go"}},
			"nbformat":       4,
			"nbformat_minor": 5,
		}
		b, err := json.Marshal(nb)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, c.name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		args = append(args, path)
	}
	cmd := exec.Command(v.Python, args...)
	cmd.Dir = repoRoot
	cmd.Env = v.JupyterEnv("", "")
	report, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("the notebooks ran without error:\n%s", report)
	}
	for _, c := range cases {
		ran, err := readNotebook(filepath.Join(dir, "out", c.name))
		if err != nil {
			t.Fatal(err)
		}
		problems := strings.Join(ran.Problems(), "\n")
		if !strings.Contains(problems, c.want) {
			t.Errorf("%s: the cell failed without saying %q; it said:\n%s", c.name, c.want, problems)
		}
		t.Logf("%s: the cell says:\n%s", c.name, problems)
	}
}

package testenv

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// root is the repository's root.
var root, _ = filepath.Abs(filepath.Join("..", ".."))

// The tests' Jupyter environment is the one `make` exports: both come from
// scripts/jupyter.env, the venv's folders and its bin/ first on PATH.
func TestJupyterEnvIsMakes(t *testing.T) {
	env, err := readEnvFile(root)
	if err != nil {
		t.Fatal(err)
	}
	v := Venv{Dir: filepath.Join(root, ".venv"), Bin: filepath.Join(root, ".venv", "bin"), env: env}
	got := map[string]string{}
	for _, kv := range v.JupyterEnv("", "") {
		k, val, _ := strings.Cut(kv, "=")
		got[k] = val
	}
	want := map[string]string{
		"JUPYTER_DATA_DIR":   filepath.Join(v.Dir, "share", "jupyter"),
		"JUPYTER_CONFIG_DIR": filepath.Join(v.Dir, "etc", "jupyter"),
		"PATH":               v.Bin + ":" + os.Getenv("PATH"),
	}
	for k, w := range want {
		if got[k] != w {
			t.Errorf("JupyterEnv: %s=%q, want %q", k, got[k], w)
		}
	}
	if g := v.JupyterEnv("/tmp/d", "/tmp/c"); !slices.Contains(g, "JUPYTER_DATA_DIR=/tmp/d") ||
		!slices.Contains(g, "JUPYTER_RUNTIME_DIR=/tmp/d/runtime") || !slices.Contains(g, "JUPYTER_CONFIG_DIR=/tmp/c") {
		t.Errorf("JupyterEnv with temporary folders: %q", g)
	}

	if _, err := exec.LookPath("make"); err != nil {
		SkipOrFail(t, "no make: the Makefile's environment was not compared")
	}
	// The Makefile, with one more target that prints the environment its recipes get.
	cmd := exec.Command("make", "-s", "--no-print-directory", "-f", "Makefile", "-f", "-", "eif-print-env")
	cmd.Dir = root
	cmd.Stdin = strings.NewReader("eif-print-env:\n\t@env\n")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("make: %v", err)
	}
	makes := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		k, val, _ := strings.Cut(line, "=")
		makes[k] = val
	}
	for _, kv := range env {
		if makes[kv.name] != got[kv.name] {
			t.Errorf("%s: make exports %q, the tests set %q", kv.name, makes[kv.name], got[kv.name])
		}
	}
}

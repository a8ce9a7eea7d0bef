// Package testenv is the shared test tooling for tests that need the
// project's Python virtual environment (.venv, made by `make setup`): where it
// is, the environment Jupyter processes get, and the rule for a missing
// prerequisite (skip, or fail with CI=true).
package testenv

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// InCI reports whether the tests run in CI (CI=true), where a missing
// prerequisite is a failure and not a reason to skip.
func InCI() bool { return os.Getenv("CI") == "true" }

// SkipOrFail skips the test with the message, or fails it in CI.
func SkipOrFail(t testing.TB, format string, args ...any) {
	t.Helper()
	msg := fmt.Sprintf(format, args...)
	if InCI() {
		t.Fatalf("%s (CI=true: prerequisites must be present)", msg)
	}
	t.Skip(msg)
}

// Venv is the project's Python virtual environment made by `make setup`.
type Venv struct {
	Dir    string // .venv
	Python string // .venv/bin/python
	Bin    string // .venv/bin
}

// RequireVenv returns the set-up virtual environment of the repository at
// root, with the extra programs of .venv/bin named in more, or skips (fails in CI).
func RequireVenv(t testing.TB, root string, more ...string) Venv {
	t.Helper()
	dir := filepath.Join(root, ".venv")
	v := Venv{Dir: dir, Python: filepath.Join(dir, "bin", "python"), Bin: filepath.Join(dir, "bin")}
	need := []string{
		v.Python,
		filepath.Join(v.Bin, "jupyter-lab"),
		filepath.Join(v.Bin, "gonb"),
		filepath.Join(v.Bin, "gopls"),
		filepath.Join(v.Bin, "goimports"),
		filepath.Join(dir, "share", "jupyter", "kernels", "gonb", "kernel.json"),
	}
	for _, m := range more {
		need = append(need, filepath.Join(v.Bin, m))
	}
	for _, p := range need {
		if _, err := os.Stat(p); err != nil {
			SkipOrFail(t, "the notebook environment is not set up (%s is missing): run `make setup`, or `make test`", p)
		}
	}
	return v
}

// JupyterEnv is the environment for Jupyter processes: the venv first on PATH
// and every Jupyter folder inside the venv, or inside dataDir/configDir when
// given (the browser test uses temporary ones).
func (v Venv) JupyterEnv(dataDir, configDir string) []string {
	share := filepath.Join(v.Dir, "share", "jupyter")
	if dataDir == "" {
		dataDir = share
	}
	if configDir == "" {
		configDir = filepath.Join(v.Dir, "etc", "jupyter")
	}
	set := map[string]string{
		"PATH":                  v.Bin + string(os.PathListSeparator) + os.Getenv("PATH"),
		"JUPYTER_DATA_DIR":      dataDir,
		"JUPYTER_PATH":          share,
		"JUPYTER_CONFIG_DIR":    configDir,
		"JUPYTER_RUNTIME_DIR":   filepath.Join(dataDir, "runtime"),
		"JUPYTER_PLATFORM_DIRS": "1",
		"IPYTHONDIR":            filepath.Join(v.Dir, "etc", "ipython"),
	}
	var env []string
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); set[k] == "" {
			env = append(env, kv)
		}
	}
	for k, val := range set {
		env = append(env, k+"="+val)
	}
	return env
}
